import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `vite build --mode single` makes the one-file build (scripts/build-single.mjs inlines it): no code
// splitting, because a page opened from file:// cannot import other module files.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    ...(mode === 'single'
      ? { outDir: 'dist-single', assetsInlineLimit: 100_000_000, cssCodeSplit: false, chunkSizeWarningLimit: 4000, rollupOptions: { output: { inlineDynamicImports: true } } }
      : {}),
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
    globals: true,
  },
}));

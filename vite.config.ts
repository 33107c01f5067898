import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { stripScenarioExpectations } from './scripts/vite-strip-expectations.mjs';

// `vite build --mode single` makes the one-file build (scripts/build-single.mjs inlines it): no code
// splitting, because a page opened from file:// cannot import other module files.
export default defineConfig(({ mode }) => ({
  // Expectations are test/CLI data: not shipped to the browser (see the plugin).
  plugins: [react(), stripScenarioExpectations()],
  // React Flow's viewport never animates here: an instant stand-in replaces d3-transition (see it).
  resolve: { alias: { 'd3-transition': fileURLToPath(new URL('./src/vendor/d3-transition.ts', import.meta.url)) } },
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

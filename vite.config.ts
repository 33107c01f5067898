import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { lazyStoryTexts } from './scripts/vite-lazy-story-texts.mjs';
import { stripScenarioExpectations } from './scripts/vite-strip-expectations.mjs';

// `vite build --mode single` makes the one-file build (scripts/build-single.mjs inlines it): no code
// splitting, because a page opened from file:// cannot import other module files.
export default defineConfig(({ mode }) => ({
  // Expectations are test/CLI data: not shipped to the browser; the stories' English words come in a
  // lazy chunk (see the plugins).
  plugins: [react(), stripScenarioExpectations(), lazyStoryTexts()],
  // React Flow's viewport never animates here: instant stand-ins replace d3-transition and
  // d3-interpolate (see them; the latter keeps d3-color out of the bundle).
  resolve: {
    alias: {
      'd3-transition': fileURLToPath(new URL('./src/vendor/d3-transition.ts', import.meta.url)),
      'd3-interpolate': fileURLToPath(new URL('./src/vendor/d3-interpolate.ts', import.meta.url)),
    },
  },
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

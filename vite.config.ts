/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset URLs so dist/ works from any sub-path.
  base: './',
  plugins: [react()],
  worker: {
    format: 'es',
  },
  build: {
    rolldownOptions: {
      // engine.html: the engine worker without the UI (e2e engine specs, bench:engine).
      input: { main: 'index.html', engine: 'e2e/engine.html' },
    },
  },
  optimizeDeps: {
    // The engine worker's dependencies: pre-bundle them up front, otherwise the
    // dev server discovers them on first load and reloads the page.
    include: [
      'comlink',
      'ml-matrix',
      'pure-rand',
      'zod',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-wasm',
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'workers/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
});

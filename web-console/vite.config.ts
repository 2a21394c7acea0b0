import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The spec module (../pipeline-spec) is the one source of the JSON Schema and the examples; the console bundles
// them at build time (no copies kept by hand beside this app).
const pipelineSpec = fileURLToPath(new URL('../pipeline-spec', import.meta.url));

export default defineConfig({
  root: 'src/app',
  base: '/',
  publicDir: false,
  plugins: [react()],
  resolve: { alias: { '@pipeline-spec': pipelineSpec } },
  server: {
    host: '127.0.0.1',
    fs: { allow: ['..', pipelineSpec] },
    // `npm run dev` talks to a control plane on its default local port.
    proxy: { '/api': 'http://127.0.0.1:8080', '/q': 'http://127.0.0.1:8080' },
  },
  build: {
    // Inside the jar under META-INF/resources/, so the control plane serves the app at `/`.
    outDir: fileURLToPath(new URL('./target/classes/META-INF/resources', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    root: '.',
    include: ['src/app/**/*.test.ts', 'src/app/**/*.test.tsx'],
    environment: 'node',
    // The jsdom tests render the whole builder; on a busy 2-core machine that takes seconds.
    testTimeout: 30000,
  },
});

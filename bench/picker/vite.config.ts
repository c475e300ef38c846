import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('../../src', import.meta.url)),
      '@contract': fileURLToPath(new URL('../../contract', import.meta.url)),
      '@catalog': fileURLToPath(new URL('../../catalog', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../.out/picker', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  logLevel: 'warn',
});

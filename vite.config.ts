import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 8080}`;

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@contract': fileURLToPath(new URL('./contract', import.meta.url)),
      '@catalog': fileURLToPath(new URL('./catalog', import.meta.url)),
    },
  },
  server: {
    // `npm run dev` serves the SPA with hot reload; the API runs beside it (`npm run dev:server`).
    proxy: { '/api': apiTarget, '/public_api': apiTarget, '/healthz': apiTarget },
  },
  build: { outDir: 'dist/spa', sourcemap: false, manifest: true, chunkSizeWarningLimit: 600 },
});

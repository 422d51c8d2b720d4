import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The front end talks to the API only; in development `vite` proxies /api to the server on 8480.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8480' } },
});

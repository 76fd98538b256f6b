/**
 * Vite build of the web app. The server serves `dist/` at `/` (apps/server/src/http/web-static.ts);
 * `vite` alone runs a dev server that forwards /api to a Multitable server on port 3000.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd and AG Grid are large on their own; one warning per build would only be noise.
    chunkSizeWarningLimit: 4000,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});

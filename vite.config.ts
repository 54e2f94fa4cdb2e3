import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://127.0.0.1:8080';

/**
 * The web app: sources in web/, built into dist/web where the server serves it (DEFAULT_WEB_ROOT).
 * The server's CSP allows only same-origin scripts, so the build must emit no inline script:
 * Vite's module-preload polyfill is bundled into the entry chunk, and nothing else is inlined.
 */
export default defineConfig({
  root: path.join(here, 'web'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // Inlined assets would become data: URLs; keep them files so the CSP stays simple.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // The locale files live in src/ (shared with the server), outside the web root.
    fs: { allow: [here] },
    proxy: { '/api': api, '/healthz': api, '/readyz': api, '/faq': api },
  },
});

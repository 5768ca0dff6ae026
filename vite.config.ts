import { readFileSync } from 'node:fs';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Serves `/config.json` from the file named by APP_CONFIG_FILE instead of `public/config.json`.
 * The e2e run uses it to point one unchanged build at its own emulator port; without the
 * variable, the file in `public/` (or the deployed one) is served as usual.
 */
function runtimeConfigOverride(): Plugin {
  const serveOverride: Connect.NextHandleFunction = (req, res, next) => {
    const file = process.env.APP_CONFIG_FILE;
    if (!file || req.url?.split('?')[0] !== '/config.json') return next();
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    res.end(readFileSync(file));
  };
  return {
    name: 'runtime-config-override',
    configureServer: (server) => void server.middlewares.use(serveOverride),
    configurePreviewServer: (server) => void server.middlewares.use(serveOverride),
  };
}

export default defineConfig({
  plugins: [react(), runtimeConfigOverride()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { sourcemap: true },
});

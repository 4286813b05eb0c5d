// The app is served from one origin that also forwards the vault's API (/health, /v1, and the
// SMART Health Link manifests at /shl/) and the node's RPC (/rpc): one origin is one address for
// a phone on the clinic's network (a vault elsewhere needs --cors-origin for the app's origin).
// Two pages: the app (index.html) and the link viewer (viewer.html), which loads no polkadot.js. RURALMED_NODE_URL / RURALMED_VAULT_URL say where they are.
import { fileURLToPath } from 'node:url';

import { defineConfig, type ProxyOptions } from 'vite';

const nodeUrl = process.env.RURALMED_NODE_URL ?? 'http://127.0.0.1:9944';
const vaultUrl = process.env.RURALMED_VAULT_URL ?? 'http://127.0.0.1:8787';

const proxy: Record<string, ProxyOptions> = {
  '/health': { target: vaultUrl, changeOrigin: true },
  '/v1/': { target: vaultUrl, changeOrigin: true },
  '/shl/': { target: vaultUrl, changeOrigin: true },
  '/rpc': { target: nodeUrl, ws: true, changeOrigin: true, rewrite: () => '/' },
};

export default defineConfig({
  // Relative asset paths: the built app also works from a sub-path or a file server.
  base: './',
  resolve: {
    // @ruralmed/client is linked from ../client, which has its own node_modules: one copy of
    // polkadot.js for both, or the bundle doubles and polkadot.js warns at run time.
    dedupe: ['@polkadot/api', '@polkadot/keyring', '@polkadot/util', '@polkadot/util-crypto', '@polkadot/types'],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    rolldownOptions: {
      input: { app: fileURLToPath(new URL('index.html', import.meta.url)), viewer: fileURLToPath(new URL('viewer.html', import.meta.url)) },
    },
  },
  server: { proxy },
  preview: { proxy },
});

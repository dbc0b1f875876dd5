import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import remixOptions from './remix.config.js';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

/** Rollup notices filtered out of the build's output (see `onwarn` below for why). */
export const quietWarnings = new Set(['INVALID_ANNOTATION', 'EMPTY_BUNDLE']);

export default defineConfig({
  plugins: [remix(remixOptions)],
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
  // Server-only packages stay external to the SSR bundle: they are loaded by Node itself.
  ssr: { external: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'nodemailer'] },
  // Server-only packages that route modules import for their loaders: never bundled for the browser.
  optimizeDeps: { include: ['socket.io-client'], exclude: ['@node-rs/argon2', '@electric-sql/pglite', 'postgres', 'nodemailer'] },
  build: {
    rollupOptions: {
      // Two of Rollup's notices are only noise here, and a newcomer takes them for failures:
      // INVALID_ANNOTATION (zod's comments that merely explain a `@__PURE__` mark, which Rollup
      // drops, changing nothing) and EMPTY_BUNDLE (resource routes such as /logout have no
      // component, so their browser chunk is empty by design). Every other warning still shows.
      onwarn(warning, warn) {
        if (quietWarnings.has(warning.code ?? '')) return;
        warn(warning);
      },
    },
  },
});

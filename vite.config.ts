import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import remixOptions from './remix.config.js';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix(remixOptions)],
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
  // Server-only packages stay external to the SSR bundle: they are loaded by Node itself.
  ssr: { external: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'nodemailer'] },
  optimizeDeps: { include: ['socket.io-client'] },
});

// The Remix options. The classic compiler is not used: vite.config.ts hands these to the
// Remix Vite plugin. All v3 future flags are on so the later move to React Router v7 stays a codemod.
/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  serverModuleFormat: 'esm',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: true,
  },
};

// Route conventions. With v3_routeConfig, app/routes.ts declares the routes; it applies these:
// flat routes (one file per URL in app/routes/, dots for nesting, `$param` for parameters).
export const routeConventions = {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}', '**/*.server.{ts,tsx}'],
};

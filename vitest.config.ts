import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{app,db,domain,locales,server,tests/integration}/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
    // Argon2 and a fresh database per file take a moment on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium, not a downloaded browser (this project's machines cannot download one).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  throw new Error(`Chromium is missing at ${chromium}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
}

const port = Number(process.env.E2E_PORT ?? 3100);

// The server's own database on Postgres: named once for the run (after DATABASE_URL's, so that
// runs sharing a server keep apart), created by tests/e2e/server.ts, dropped by the teardown.
if (process.env.DATABASE_URL && !process.env.E2E_DATABASE_NAME) {
  const base = new URL(process.env.DATABASE_URL).pathname.slice(1).replace(/[^a-z0-9_]/gi, '').slice(0, 24) || 'idm';
  process.env.E2E_DATABASE_NAME = `${base}_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  globalTeardown: './tests/e2e/teardown.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `node --import tsx tests/e2e/server.ts`,
    env: { PORT: String(port) },
    url: `${baseURL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});

/**
 * A server of its own, restarted in the middle of writing: the text is intact after the
 * restart, and what was typed while the server was down merges when it comes back.
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { withDatabaseName } from '../setup/database-names.ts';

const port = 3101;
const base = `http://127.0.0.1:${port}`;
let env: Record<string, string>;
let server: ChildProcess | undefined;
let cleanup = async () => {};

async function startServer() {
  server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, NODE_ENV: 'production', DEMO_SEED: '1', PORT: String(port), HOST: '127.0.0.1', APP_ORIGIN: base, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('is ready') && resolve());
    server!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function stopServer() {
  const exited = new Promise((r) => server!.once('exit', r));
  server!.kill('SIGTERM');
  await exited;
}

test.beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const name = `idm_e2e_restart_${process.pid}`;
    const admin = postgres(withDatabaseName(process.env.DATABASE_URL, 'postgres'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    env = { DATABASE_URL: withDatabaseName(process.env.DATABASE_URL, name) };
    cleanup = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-e2e-restart-'));
    env = { DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  await startServer();
});

test.afterAll(async () => {
  if (server && server.exitCode === null) await stopServer();
  await cleanup();
});

test('the text survives a restart, and what was typed offline merges when the server returns', async ({ page }) => {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill('observer1@example.org');
  await page.getByLabel('Password').fill('consult-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/`);
  await page.goto(`${base}/rounds`);
  await page.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await page.getByRole('link', { name: 'Open the paper' }).click();
  const editor = page.getByRole('textbox', { name: 'Position paper' });
  await expect(editor).toContainText('Prevention of trafficking');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Written before the restart.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  await stopServer();
  await expect(page.getByRole('status').filter({ hasText: /^Offline: your changes/ })).toBeVisible();
  await page.keyboard.type(' Typed while offline.');

  await startServer();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 30_000 });
  await page.reload();
  const again = page.getByRole('textbox', { name: 'Position paper' });
  await expect(again).toContainText('Written before the restart.');
  await expect(again).toContainText('Typed while offline.');
});

/**
 * Several nodes (issue 13): two production nodes on one Postgres and a private redis-server,
 * two browsers, each on its own node, co-edit one paper: what one types appears in the other.
 * Needs Postgres (DATABASE_URL): the embedded database serves one process only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { expect, test, type Page } from '@playwright/test';
import { withDatabaseName } from '../setup/database-names.ts';
import { freePort } from '../support/ports.ts';
import { startRedisServer } from '../support/redis-server.ts';

const url = process.env.DATABASE_URL;
test.skip(!url, 'several nodes share a Postgres: DATABASE_URL is not set');

let redis: ChildProcess | undefined;
const nodes: ChildProcess[] = [];
let bases: string[] = [];
let drop: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const redisPort = await freePort();
  redis = await startRedisServer(redisPort);
  const name = `${new URL(url!).pathname.slice(1) || 'idm'}_e2e_nodes_${randomBytes(3).toString('hex')}`;
  const admin = postgres(withDatabaseName(url!, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  drop = async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
  const ports = [await freePort(), await freePort()];
  bases = ports.map((port) => `http://127.0.0.1:${port}`);
  const prefix = `e2e-${randomBytes(3).toString('hex')}`; // one deployment: the same for both nodes
  await Promise.all(
    ports.map((port, i) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DEMO_SEED: '1',
          PORT: String(port),
          HOST: '127.0.0.1',
          APP_ORIGIN: bases[i]!,
          DATABASE_URL: withDatabaseName(url!, name),
          REDIS_URL: `redis://127.0.0.1:${redisPort}`,
          REDIS_PREFIX: prefix,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      nodes.push(child);
      return new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('is ready') && resolve());
        child.once('exit', (code) => reject(new Error(`node exited with ${code}`)));
      });
    }),
  );
});

test.afterAll(async () => {
  await Promise.all(nodes.map((child) => (child.exitCode === null ? new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) : null)));
  redis?.kill('SIGKILL');
  await drop?.();
});

async function openPaper(page: Page, base: string, email: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
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
  return editor;
}

test('two browsers on two nodes co-edit one paper', async ({ browser }) => {
  const [one, two] = [await browser.newContext(), await browser.newContext()];
  const [onA, onB] = [await one.newPage(), await two.newPage()];
  const editorA = await openPaper(onA, bases[0]!, 'observer1@example.org');
  const editorB = await openPaper(onB, bases[1]!, 'observer2@example.org');
  await onA.keyboard.type(' Typed on node A.');
  await expect(editorA).toContainText('Typed on node A.');
  await expect(onA.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(editorB).toContainText('Typed on node A.');
  await onB.keyboard.type(' Typed on node B.');
  await expect(editorA).toContainText('Typed on node B.');
  await expect(onB.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await Promise.all([one.close(), two.close()]);
});

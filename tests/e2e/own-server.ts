/**
 * A production server of a spec's own, for specs that stop, restart or starve it: on a free port,
 * on a database of its own (a fresh Postgres database when DATABASE_URL is set, reached through
 * a TCP proxy so that the spec can stop the database; else an embedded one in a temporary
 * folder). Only what it created is dropped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { withDatabaseName } from '../setup/database-names.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { freePort } from '../support/ports.ts';
import { expect, type Page } from '@playwright/test';

export interface OwnServer {
  base: string;
  /** Postgres only: the proxy between the server and its database, and a direct connection for the spec. */
  proxy?: TcpProxy;
  sql?: postgres.Sql;
  start(): Promise<void>;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

export async function ownServer(label: string): Promise<OwnServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let env: Record<string, string>;
  let proxy: TcpProxy | undefined;
  let sql: postgres.Sql | undefined;
  let cleanup: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const name = `${new URL(url).pathname.slice(1) || 'idm'}_e2e_${label}_${randomBytes(3).toString('hex')}`;
    const admin = postgres(withDatabaseName(url, 'postgres'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const target = new URL(url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    sql = postgres(withDatabaseName(url, name), { max: 2, onnotice: () => {} });
    env = { DATABASE_URL: proxy.url(withDatabaseName(url, name)) };
    cleanup = async () => {
      await sql!.end({ timeout: 1 });
      await proxy!.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `idm-e2e-${label}-`));
    env = { DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }

  let child: ChildProcess | undefined;
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    base,
    proxy,
    sql,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        env: { ...process.env, NODE_ENV: 'production', DEMO_SEED: '1', PORT: String(port), HOST: '127.0.0.1', APP_ORIGIN: base, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const started = child;
      await new Promise<void>((resolve, reject) => {
        started.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('is ready') && resolve());
        started.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
    },
    stop,
    async dispose() {
      await stop();
      await cleanup();
    },
  };
}

/** Signs in as observer1 on `base` and opens La Strada Ukraine's paper; answers its editor, the caret at the end. */
export async function openStradaPaper(page: Page, base: string) {
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
  return editor;
}

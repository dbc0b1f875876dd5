/**
 * `kill -9` of the server while people write: nothing the server had acknowledged as stored is
 * lost, and editors who stay connected resend the rest when the server is back.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import postgres from 'postgres';
import { inject } from 'vitest';
import { withDatabaseName } from '../setup/database-names.ts';
import { openCoEditor, type CoEditor } from '../support/collab-client.ts';
import { freePort } from '../support/ports.ts';
import { ask, openSocket } from '../support/socket-client.ts';
import type { Socket } from 'socket.io-client';

const children: ChildProcess[] = [];
const editors: CoEditor[] = [];
const sockets: Socket[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  editors.forEach((e) => e.close());
  sockets.forEach((s) => s.close());
  children.forEach((c) => c.kill('SIGKILL'));
  for (const cleanup of cleanups) await cleanup();
});

/** A database the server processes can share: a fresh Postgres database, or a PGlite folder. */
async function databaseEnv(label: string): Promise<Record<string, string>> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-crash-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    return { DATA_DIR: dir, DATABASE_URL: '' };
  }
  const name = `${inject('templateDatabase')}_crash_${label}`;
  const admin = postgres(withDatabaseName(url, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  cleanups.push(async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  return { DATABASE_URL: withDatabaseName(url, name) };
}

interface Started {
  child: ChildProcess;
  base: string;
  cookie: string;
  cookies: { observer1: string; observer2: string; facilitator: string };
  documentName: string;
  sessionId: string;
}

function startServer(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/collab-server.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve({ child, ...JSON.parse(line) });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const eventually = async (check: () => boolean, ms = 15_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('a server killed with SIGKILL', () => {
  it('loses nothing it acknowledged, and connected editors resend the rest', async () => {
    const env = { ...(await databaseEnv('editors')), PORT: String(await freePort()) };
    const first = await startServer(env);
    const writer = openCoEditor({ base: first.base, cookie: first.cookie, documentName: first.documentName });
    editors.push(writer);
    await writer.ready;
    for (let i = 0; i < 40; i++) writer.type(`acknowledged ${i}`);
    await writer.flush();
    for (let i = 0; i < 40; i++) writer.type(`in flight ${i}`);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startServer(env);
    // A newcomer with no copy of its own sees everything acknowledged before the crash…
    const reader = openCoEditor({ base: second.base, cookie: second.cookie, documentName: second.documentName });
    editors.push(reader);
    await reader.ready;
    for (let i = 0; i < 40; i++) expect(reader.text()).toContain(`acknowledged ${i}`);
    // …and, once the writer (still running) has reconnected, everything it had typed.
    await eventually(() => reader.text().includes('in flight 39'));
    for (let i = 0; i < 40; i++) expect(reader.text()).toContain(`in flight ${i}`);
    await writer.flush();
    expect(reader.text()).toBe(writer.text());
  }, 60_000);
});

describe('a live session whose server was killed with SIGKILL', () => {
  it('does not keep someone present who left while the server was down', async () => {
    const env = { ...(await databaseEnv('presence')), PORT: String(await freePort()) };
    const first = await startServer(env);
    const olena = await openSocket(first.base, first.cookies.observer1);
    sockets.push(olena);
    const joined = await ask<{ ok: boolean; present: Array<{ organizationName: string | null }> }>(olena, 'session:join', { sessionId: first.sessionId });
    expect(joined.ok).toBe(true);
    // A participant sees the organizations present; IOM staff see each person (ADR 016).
    expect(joined.present.map((p) => p.organizationName)).toContain('La Strada Ukraine');

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    olena.close(); // she leaves while the server is down: no one hears her go

    const second = await startServer(env);
    const facilitator = await openSocket(second.base, second.cookies.facilitator);
    sockets.push(facilitator);
    const seen = await ask<{ ok: boolean; present: Array<{ name: string }> }>(facilitator, 'session:join', { sessionId: second.sessionId });
    expect(seen.ok).toBe(true);
    expect(seen.present.map((p) => p.name)).toEqual(['Daniel Okafor']);
  }, 60_000);
});

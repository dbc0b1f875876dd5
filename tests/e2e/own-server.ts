/**
 * A server of a spec's own, for tests that stop and start it: the built server on a port the
 * system gives as free (other servers may run on this machine), on a database of its own (a
 * fresh Postgres database when DATABASE_URL is set, else a fresh embedded one), with the demo.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { withDatabaseName } from '../setup/database-names.ts';

/** A port the system says is free now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface OwnServer {
  /** Where it listens, e.g. http://127.0.0.1:40123. */
  base: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it if running and deletes its database. */
  dispose(): Promise<void>;
}

export async function ownServer(name: string): Promise<OwnServer> {
  const port = await freePort();
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const database = `idm_e2e_${name.replace(/\W/g, '_')}_${process.pid}`;
    const admin = postgres(withDatabaseName(process.env.DATABASE_URL, 'postgres'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${database}"`);
    env = { DATABASE_URL: withDatabaseName(process.env.DATABASE_URL, database) };
    cleanup = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `idm-e2e-${name}-`));
    env = { DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  };
  return {
    base: `http://127.0.0.1:${port}`,
    async start() {
      server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        // APP_ORIGIN: required in production on Postgres, and the address mailed links carry.
        env: { ...process.env, NODE_ENV: 'production', DEMO_SEED: '1', PORT: String(port), HOST: '127.0.0.1', APP_ORIGIN: `http://127.0.0.1:${port}`, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        server!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('is ready') && resolve());
        server!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
    },
    stop,
    async dispose() {
      await stop();
      await cleanup();
    },
  };
}

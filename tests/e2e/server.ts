/**
 * Starts the built server for the end-to-end tests on a database of its own: a fresh database
 * on the Postgres of DATABASE_URL when set, else a fresh embedded one in a temporary folder.
 * Demo data is seeded as on a first start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { withDatabaseName } from '../setup/database-names.ts';

process.env.NODE_ENV = 'production';
process.env.DEMO_SEED = '1';
process.env.PORT ??= '3100';
process.env.HOST = '127.0.0.1';
// Mailed links and the Origin check use the address the browser is sent to.
process.env.APP_ORIGIN ??= `http://127.0.0.1:${process.env.PORT}`;

if (process.env.DATABASE_URL) {
  const name = `idm_e2e_${process.pid}`;
  const admin = postgres(withDatabaseName(process.env.DATABASE_URL, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  process.env.DATABASE_URL = withDatabaseName(process.env.DATABASE_URL, name);
} else {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-e2e-'));
}

await import('../../server/index.ts');

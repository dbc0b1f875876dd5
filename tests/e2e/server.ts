/**
 * Starts the built server for the end-to-end tests on a database of its own: a fresh database
 * on the Postgres of DATABASE_URL when set (named by playwright.config.ts, dropped by
 * tests/e2e/teardown.ts), else a fresh embedded one in a temporary folder. The demo data and
 * each spec's own data (tests/e2e/fixtures.ts) are seeded before the server starts.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../../db/client.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import { loadConfig } from '../../server/config.ts';
import { withDatabaseName } from '../setup/database-names.ts';
import { seedSpecData } from './fixtures.ts';

process.env.NODE_ENV = 'production';
process.env.DEMO_SEED = '1';
// The demo's upcoming session is tomorrow: its automatic reminder would land in the demo people's
// inboxes in the middle of specs that count unread notifications. (Reminders are tested in
// domain/reminders and tests/integration/reminders-crash.test.ts.)
process.env.REMINDERS_AUTOMATIC ??= 'off';
process.env.PORT ??= '3100';
process.env.HOST = '127.0.0.1';
// Mailed links and the Origin check use the address the browser is sent to.
process.env.APP_ORIGIN ??= `http://127.0.0.1:${process.env.PORT}`;

if (process.env.DATABASE_URL) {
  const name = process.env.E2E_DATABASE_NAME ?? `idm_e2e_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(withDatabaseName(process.env.DATABASE_URL, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  process.env.DATABASE_URL = withDatabaseName(process.env.DATABASE_URL, name);
} else {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-e2e-'));
}

const handle = await openDatabase(loadConfig(process.env));
await handle.migrate();
await seedDemo(handle.db, { accounts: true });
await seedSpecData(handle.db);
await handle.close();

await import('../../server/index.ts');

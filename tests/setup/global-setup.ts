/**
 * With DATABASE_URL (Postgres), builds a template database with the migrations applied once;
 * each test file then gets its own copy (CREATE DATABASE … TEMPLATE), so files never share
 * data. Without it, each file opens its own in-memory PGlite.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/client.ts';
import { withDatabaseName } from './database-names.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function globalSetup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  // Named after the database of DATABASE_URL (idm_ci → idm_ci_t_…), so that runs sharing a server
  // keep apart, and unique: the cleanup drops only what this run created.
  const prefix = url ? new URL(url).pathname.slice(1).replace(/[^a-z0-9_]/gi, '').slice(0, 24) || 'idm_test' : 'idm_test';
  const template = `${prefix}_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  project.provide('templateDatabase', template);
  if (!url) return;
  const admin = postgres(withDatabaseName(url, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${template}"`);
  const handle = await openDatabase({ databaseUrl: withDatabaseName(url, template) });
  await handle.migrate();
  await handle.close();
  await admin.end();
  return async () => {
    const cleanup = postgres(withDatabaseName(url, 'postgres'), { max: 1, onnotice: () => {} });
    const leftovers = await cleanup<{ datname: string }[]>`select datname from pg_database where datname like ${template + '%'}`;
    for (const { datname } of leftovers) await cleanup.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await cleanup.end();
  };
}

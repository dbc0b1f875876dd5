/**
 * A database of its own for one test file: a copy of the migrated template on Postgres when
 * DATABASE_URL is set, an in-memory PGlite otherwise. Real databases, never a mock.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { inject } from 'vitest';
import { withDatabaseName } from './database-names.ts';

export async function openTestDatabase(options: { onQuery?: (query: string) => void } = {}): Promise<DatabaseHandle & { dispose(): Promise<void>; url?: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ dataDir: 'memory://', onQuery: options.onQuery });
    await handle.migrate();
    return { ...handle, dispose: () => handle.close() };
  }
  const template = inject('templateDatabase');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(withDatabaseName(url, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const handle = await openDatabase({ databaseUrl: withDatabaseName(url, name), onQuery: options.onQuery });
  return {
    ...handle,
    url: withDatabaseName(url, name),
    async dispose() {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

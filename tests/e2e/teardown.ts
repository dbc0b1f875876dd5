/** Drops the end-to-end server's database (Postgres): the one this run created, by its name. */
import postgres from 'postgres';
import { withDatabaseName } from '../setup/database-names.ts';

export default async function teardown() {
  const url = process.env.DATABASE_URL;
  const name = process.env.E2E_DATABASE_NAME;
  if (!url || !name) return;
  const admin = postgres(withDatabaseName(url, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

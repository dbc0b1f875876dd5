/**
 * Faults injected into a real database, the same way on Postgres and PGlite: a trigger that
 * refuses every write to a table with the error a read-only database gives (SQLSTATE 25006).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';

export async function refuseWrites(db: Database, table = 'document_updates') {
  await db.execute(
    sql.raw(`create or replace function test_refuse_writes() returns trigger language plpgsql as $$
      begin raise exception 'writes refused by the test' using errcode = '25006'; end $$`),
  );
  await allowWrites(db, table);
  await db.execute(sql.raw(`create trigger test_refuse_writes before insert or update or delete on ${table} for each statement execute function test_refuse_writes()`));
}

export async function allowWrites(db: Database, table = 'document_updates') {
  await db.execute(sql.raw(`drop trigger if exists test_refuse_writes on ${table}`));
}

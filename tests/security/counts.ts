/**
 * Rows per table, read in one query: a refused or invalid request must leave every table as it
 * was (only the audit log may gain its refusal). "Never half-written data", checked generally.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';

let tables: string[] | undefined;

export async function rowCounts(db: Database): Promise<Record<string, number>> {
  tables ??= rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  )
    .map((t) => t.name)
    // The audit log records refusals; sessions are the people signed in.
    .filter((name) => name !== 'audit_log' && name !== 'sessions');
  const [row] = rowsOf<Record<string, number>>(await db.execute(sql.raw(`select ${tables.map((t) => `(select count(*) from "${t}")::int as "${t}"`).join(', ')}`)));
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

/**
 * Cursors of paged lists: the id of the last row shown. The next page starts strictly after that
 * row's (timestamp, id) as the database has them: timestamps keep microseconds, which a
 * JavaScript Date would round away (and so repeat rows).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/** The row id a cursor names, or null for a missing or malformed cursor (the first page). */
export function decodeCursor(cursor: string | null | undefined): string | null {
  return cursor && z.uuid().safeParse(cursor).success ? cursor : null;
}

/** Rows after (or before) the cursor's row in (at, id) order. */
export function beyond(table: PgTable, at: AnyPgColumn, id: AnyPgColumn, cursor: string, direction: 'after' | 'before'): SQL {
  const row = sql`(select ${at}, ${id} from ${table} where ${id} = ${cursor})`;
  return direction === 'after' ? sql`(${at}, ${id}) > ${row}` : sql`(${at}, ${id}) < ${row}`;
}

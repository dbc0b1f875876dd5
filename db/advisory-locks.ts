/**
 * Work that must happen once across every node sharing one Postgres: migrations and the demo
 * seed at start (two nodes started together on an empty database seed once), the daily digest.
 * Postgres advisory locks, keyed by a name; the embedded database serves one process, so there
 * the work simply runs.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './client.ts';

/**
 * Runs `task` while holding the lock `name`, waiting for another node that holds it (a node
 * migrating and seeding): on a connection of its own, without the statement timeout.
 */
export async function exclusively<T>(database: DatabaseHandle, databaseUrl: string | undefined, name: string, task: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres' || !databaseUrl) return task();
  const { default: postgres } = await import('postgres');
  const connection = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await connection`select pg_advisory_lock(hashtextextended(${name}, 0))`;
    try {
      return await task();
    } finally {
      await connection`select pg_advisory_unlock(hashtextextended(${name}, 0))`.catch(() => {});
    }
  } finally {
    await connection.end({ timeout: 5 });
  }
}

/**
 * Runs `task` unless another node is running it right now (then answers null at once): the
 * lock lasts as long as a transaction that only holds it, whatever `task` does meanwhile.
 */
export async function unlessRunningElsewhere<T>(database: DatabaseHandle, name: string, task: () => Promise<T>): Promise<T | null> {
  if (database.kind !== 'postgres') return task();
  return database.db.transaction(async (tx) => {
    const result = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${name}, 0)) as taken`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { taken: boolean }[];
    if (!rows[0]?.taken) return null;
    return task();
  });
}

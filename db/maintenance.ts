/**
 * The embedded database (PGlite) runs no autovacuum: the rows compaction deletes from the update
 * log and the states it rewrites stay dead in its files, which only grow (about 40 % dead after
 * 10,000 edits, measured from outside). So, once the collaboration has written something and
 * then been idle for a while, the tables it churns are vacuumed (and analyzed, since nothing
 * else keeps the planner's statistics fresh there). Postgres does this by itself.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './client.ts';
import { describeDatabaseError } from './errors.ts';

export interface Maintenance {
  /** Something was written: vacuum once things are quiet. */
  changed(): void;
  /** Resolves when no vacuum is running (tests, shutdown). */
  settled(): Promise<void>;
  close(): void;
}

export function vacuumWhenIdle(
  database: Pick<DatabaseHandle, 'db' | 'kind'>,
  options: { idleMs?: number; checkMs?: number; log?: (message: string) => void } = {},
): Maintenance {
  if (database.kind !== 'pglite') return { changed() {}, settled: async () => {}, close() {} };
  const idleMs = options.idleMs ?? 30_000;
  let dirty = false;
  let lastChange = 0;
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (!dirty || running || Date.now() - lastChange < idleMs) return;
    dirty = false;
    running = database.db
      .execute(sql`vacuum (analyze) document_updates, collaborative_documents`)
      .then(
        () => {},
        (error) => {
          dirty = true;
          options.log?.(`could not vacuum the embedded database: ${describeDatabaseError(error)}`);
        },
      )
      .finally(() => {
        running = null;
      });
  }, options.checkMs ?? 10_000);
  timer.unref();
  return {
    changed() {
      dirty = true;
      lastChange = Date.now();
    },
    settled: async () => {
      await running;
    },
    close() {
      clearInterval(timer);
    },
  };
}

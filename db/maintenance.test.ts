/**
 * The embedded database reclaims the space compaction leaves dead, once the collaboration has
 * been idle for a moment (PGlite has no autovacuum).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { rowsOf } from './client.ts';
import { appendUpdates, compactDocument } from '../domain/collaboration/document-store.ts';
import { openTestDatabase } from '../tests/setup/database.ts';
import { vacuumWhenIdle } from './maintenance.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.dispose());

const deadRows = async () => {
  await handle.db.execute(sql`select pg_stat_force_next_flush()`); // statistics are otherwise flushed once a second at most
  return rowsOf<{ n: number }>(await handle.db.execute(sql`select coalesce(sum(n_dead_tup), 0)::int as n from pg_stat_user_tables where relname in ('document_updates', 'collaborative_documents')`))[0]!.n;
};

describe.skipIf(Boolean(process.env.DATABASE_URL))('vacuuming the embedded database when idle', () => {
  // (On Postgres autovacuum does this, and vacuumWhenIdle does nothing.)
  it('leaves no dead row from compactions once the editors have been quiet for a while', async () => {
    const maintenance = vacuumWhenIdle(handle, { idleMs: 300, checkMs: 50 });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 1000; i++) {
      doc.getText('t').insert(0, `edit ${i} `);
      await appendUpdates(handle.db, 'paper.vacuum', updates.splice(0));
      maintenance.changed();
      if (i % 100 === 99) await compactDocument(handle.db, 'paper.vacuum');
    }
    expect(await deadRows()).toBeGreaterThan(500);
    // Not while edits keep coming…
    await new Promise((r) => setTimeout(r, 150));
    await maintenance.settled();
    expect(await deadRows()).toBeGreaterThan(500);
    // …but once they stop.
    await new Promise((r) => setTimeout(r, 600));
    await maintenance.settled();
    expect(await deadRows()).toBe(0);
    maintenance.close();
  });
});

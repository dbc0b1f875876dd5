/**
 * Durable storage of collaborative documents: every incoming Yjs update is appended to a log as
 * it arrives; compaction folds the log into one state. Loading applies the state and then every
 * update still in the log. Yjs updates are idempotent, so an update both folded into the state
 * and still in the log (a compaction interrupted half-way) does no harm: nothing is ever lost.
 *
 * Any process may append to a document's log (with several nodes, each appends what it
 * received); compactions of one document are serialized by a transaction-scoped advisory lock,
 * so two nodes folding the same log never write an older state over a newer one.
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../../db/client.ts';
import { collaborativeDocuments, documentUpdates } from '../../db/schema.ts';

/** Stores one update durably; resolves once the database has it. */
export async function appendUpdate(db: Database, documentName: string, update: Uint8Array): Promise<void> {
  await appendUpdates(db, documentName, [update]);
}

/**
 * Stores several updates of one document durably, in one INSERT (one statement, so one
 * transaction: all of them or none). They are merged into one row when Yjs can merge them,
 * which keeps the log short under heavy typing; otherwise each gets its own row of the same
 * statement.
 */
export async function appendUpdates(db: Database, documentName: string, updates: readonly Uint8Array[]): Promise<void> {
  if (updates.length === 0) return;
  let rows: Uint8Array[];
  try {
    rows = updates.length === 1 ? [updates[0]!] : [Y.mergeUpdates(updates as Uint8Array[])];
  } catch {
    rows = [...updates];
  }
  await db.insert(documentUpdates).values(rows.map((update) => ({ documentName, update })));
}

/** The document as stored: its compacted state plus every update logged since. */
export async function loadDocument(db: Database, documentName: string): Promise<{ doc: Y.Doc; logged: number }> {
  const doc = new Y.Doc();
  const [stored] = await db.select().from(collaborativeDocuments).where(eq(collaborativeDocuments.name, documentName)).limit(1);
  const log = await db
    .select({ update: documentUpdates.update })
    .from(documentUpdates)
    .where(eq(documentUpdates.documentName, documentName))
    .orderBy(asc(documentUpdates.id));
  Y.transact(doc, () => {
    if (stored) Y.applyUpdate(doc, stored.state);
    for (const { update } of log) Y.applyUpdate(doc, update);
  });
  return { doc, logged: log.length };
}

/**
 * Folds the logged updates into the stored state and removes exactly those it folded. Runs in
 * one transaction under the document's advisory lock: either the new state and the removal both
 * happen, or neither, and never two compactions of one document at once.
 */
export async function compactDocument(db: Database, documentName: string): Promise<{ folded: number; bytes: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`document:${documentName}`}, 0))`);
    const [stored] = await tx
      .select()
      .from(collaborativeDocuments)
      .where(eq(collaborativeDocuments.name, documentName))
      .for('update')
      .limit(1);
    const log = await tx
      .select({ id: documentUpdates.id, update: documentUpdates.update })
      .from(documentUpdates)
      .where(eq(documentUpdates.documentName, documentName))
      .orderBy(asc(documentUpdates.id));
    if (log.length === 0) return { folded: 0, bytes: stored?.state.byteLength ?? 0 };
    const state = Y.mergeUpdates([...(stored ? [stored.state] : []), ...log.map((l) => l.update)]);
    const compactedThrough = log[log.length - 1]!.id;
    await tx
      .insert(collaborativeDocuments)
      .values({ name: documentName, state, compactedThrough })
      .onConflictDoUpdate({ target: collaborativeDocuments.name, set: { state, compactedThrough, updatedAt: new Date() } });
    const ids = log.map((l) => l.id);
    for (let i = 0; i < ids.length; i += 1000) {
      await tx.delete(documentUpdates).where(and(eq(documentUpdates.documentName, documentName), inArray(documentUpdates.id, ids.slice(i, i + 1000))));
    }
    return { folded: log.length, bytes: state.byteLength };
  });
}

/** How many rows wait in the log, to decide when to compact. */
export async function loggedUpdateCount(db: Database, documentName: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(documentUpdates).where(eq(documentUpdates.documentName, documentName));
  return Number(row?.n ?? 0);
}

/**
 * Persistence that loses nothing: each incoming update is queued for the document's log the
 * moment it is applied, and appended in batches (domain/collaboration/update-log.ts: everything
 * waiting in one INSERT, failed appends retried); the log is folded into the stored state on
 * each debounced store and when the document unloads, and the paper's text and sanitized HTML
 * are derived for search and display then too.
 *
 * "Saved" in the editor means stored. The contract, used by the editor and by outside checks: a
 * stateless message `{"type":"flush","id":…}` is answered `{"type":"stored","id":…}` only once
 * every update of that document received before the flush is durably in the database. While
 * appends fail, the document's connections are told `{"type":"storage","state":"failing"}`
 * (and `"ok"` once the database takes them again), so the page can say its changes are not
 * yet saved.
 */
import type { Document, Extension, onLoadDocumentPayload, onStatelessPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { z } from 'zod';
import { describeDatabaseError } from '../../../db/errors.ts';
import { compactDocument, loadDocument } from '../../../domain/collaboration/document-store.ts';
import { UpdateLog } from '../../../domain/collaboration/update-log.ts';
import { paperIdFromDocumentName, saveDerivedContent } from '../../../domain/papers.ts';
import { yDocToPaper } from '../../../domain/papers/sanitize.ts';
import type { Services } from '../../services.ts';

/** Updates this extension applies itself (received earlier, not yet stored): already queued. */
const replayedOrigin = Symbol('replayed from the queue');
/**
 * Fold the log into the state once this many rows were appended (or when the last editor
 * leaves): a long paper's state is read and written whole by each compaction, so not on every
 * store; loading stays fast with a log this long (docs/benchmarks.md, big paper).
 */
const compactAfterAppends = 100;
/**
 * The derived text (for the word count and the lists) is brought up to date at most this often
 * while people type, and always when the last editor leaves: deriving a very long paper and
 * writing its text holds the event loop for a few hundred milliseconds on the embedded database.
 */
const deriveAtMostEveryMs = 30_000;

export interface PersistenceExtension extends Extension {
  /**
   * Resolves when every update received so far (of one document, or of all) is stored, or once
   * `deadlineMs` has passed (the database away); resolves to the number of updates left unstored.
   */
  drain(options?: { documentName?: string; deadlineMs?: number }): Promise<number>;
  /** Ends the retries (the process is ending). */
  stop(): void;
}

export function persistence(services: Pick<Services, 'db'>, log: (message: string) => void, options: { onWrite?: () => void } = {}): PersistenceExtension {
  const queues = new Map<string, UpdateLog>();
  const loaded = new Map<string, Document>();
  /** Per document: appends counted at the last compaction; changes seen, and when last derived. */
  const compactedAt = new Map<string, number>();
  const changes = new Map<string, number>();
  const derivedAt = new Map<string, { version: number; at: number }>();

  const queueOf = (documentName: string) => {
    let queue = queues.get(documentName);
    if (!queue) {
      queue = new UpdateLog(services.db, documentName, {
        log,
        onFailing: (failing) => loaded.get(documentName)?.broadcastStateless(storageMessage(failing)),
      });
      queues.set(documentName, queue);
    }
    return queue;
  };
  /** A queue is kept while its document is open or while it still holds updates. */
  const release = (documentName: string) => {
    const queue = queues.get(documentName);
    if (!queue || loaded.has(documentName)) return;
    if (queue.idle) queues.delete(documentName);
    else void queue.whenStored().then(() => release(documentName));
  };

  /** The paper's text and HTML, derived again only when the document changed since the last time. */
  const deriveContent = async (documentName: string, document: Y.Doc, whenDue = false) => {
    const paperId = paperIdFromDocumentName(documentName);
    if (!paperId) return;
    // (A state vector would not do: deleting text leaves it as it was.)
    const version = changes.get(documentName) ?? 0;
    const last = derivedAt.get(documentName);
    if (last?.version === version || (whenDue && last && Date.now() - last.at < deriveAtMostEveryMs)) return;
    await saveDerivedContent(services.db, paperId, pick(yDocToPaper(document)));
    derivedAt.set(documentName, { version, at: Date.now() });
  };

  return {
    extensionName: 'persistence',

    async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
      const { doc, logged } = await loadDocument(services.db, documentName);
      Y.applyUpdate(document, Y.encodeStateAsUpdate(doc));
      doc.destroy();
      const queue = queueOf(documentName);
      // A long log left by a crash is folded on the first store.
      compactedAt.set(documentName, queue.appends - (logged >= compactAfterAppends ? compactAfterAppends : 0));
      // Received before the document last unloaded, while the database refused them: still ours.
      for (const update of queue.unstored()) Y.applyUpdate(document, update, replayedOrigin);
      changes.set(documentName, 0);
      document.on('update', (update: Uint8Array, origin: unknown) => {
        changes.set(documentName, (changes.get(documentName) ?? 0) + 1);
        // Appended whatever its origin, updates from other nodes included (ADR 022): the node that
        // received an update may die before its append, and Yjs updates applied twice are harmless.
        if (origin === replayedOrigin) return;
        queue.push(update);
        options.onWrite?.();
      });
      loaded.set(documentName, document);
      // The last store may never have run (a crash, or a shutdown that did not wait for it): bring
      // the derived text up to date with the document (written only when it differs).
      await deriveContent(documentName, document);
    },

    async onStateless({ payload, connection, documentName }: onStatelessPayload) {
      const message = parseFlush(payload);
      if (!message) return;
      const queue = queues.get(documentName);
      if (queue) {
        const through = queue.received;
        if (queue.failing) send(connection, storageMessage(true));
        await queue.whenStored(through);
      }
      send(connection, JSON.stringify({ type: 'stored', id: message.id }));
    },

    async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
      // Never thrown: Hocuspocus runs stores from timers, where an error would end the process.
      // What failed is retried by the next store, or by the next load (derived text).
      try {
        const queue = queues.get(documentName);
        const appends = queue?.appends ?? 0;
        const lastEditorLeft = document.getConnectionsCount() === 0;
        if (appends - (compactedAt.get(documentName) ?? 0) >= compactAfterAppends || (lastEditorLeft && appends > (compactedAt.get(documentName) ?? 0))) {
          await compactDocument(services.db, documentName);
          compactedAt.set(documentName, appends);
          options.onWrite?.();
        }
        await deriveContent(documentName, document, !lastEditorLeft);
      } catch (error) {
        log(`could not store ${documentName}: ${describeDatabaseError(error)}`);
      }
    },

    async afterUnloadDocument({ documentName }) {
      loaded.delete(documentName);
      compactedAt.delete(documentName);
      changes.delete(documentName);
      derivedAt.delete(documentName);
      release(documentName);
    },

    async drain({ documentName: only, deadlineMs = 10_000 } = {}) {
      const chosen = only ? [queues.get(only)].filter((q) => q !== undefined) : [...queues.values()];
      const left = await Promise.all(chosen.map(async (queue) => [queue.documentName, await queue.drain(deadlineMs)] as const));
      let total = 0;
      for (const [documentName, count] of left) {
        if (count === 0) continue;
        total += count;
        log(`${count} update(s) of ${documentName} were not stored: the database did not take them; the editors still hold them and send them again when they reconnect`);
      }
      return total;
    },

    stop() {
      queues.forEach((queue) => queue.stop());
    },
  };
}

const flushMessage = z.object({ type: z.literal('flush'), id: z.union([z.string().max(100), z.number()]) });

/** A flush request, or null for any other stateless message (or one that is not JSON). */
function parseFlush(payload: string): { id: string | number } | null {
  try {
    const parsed = flushMessage.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function storageMessage(failing: boolean) {
  return JSON.stringify({ type: 'storage', state: failing ? 'failing' : 'ok' });
}

/** The connection may have closed while its flush waited. */
function send(connection: { sendStateless(payload: string): void }, payload: string) {
  try {
    connection.sendStateless(payload);
  } catch {
    // Gone: the editor asks again when it reconnects.
  }
}

function pick(paper: { html: string; text: string; wordCount: number }) {
  return { html: paper.html, text: paper.text, wordCount: paper.wordCount };
}

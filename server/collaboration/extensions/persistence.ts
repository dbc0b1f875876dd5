/**
 * Persistence that loses nothing: each incoming update is appended to the document's log as it
 * arrives (in arrival order, one queue per document), the log is folded into the stored state
 * now and then and when the document unloads, and the paper's text and sanitized HTML are
 * derived for search and display on each debounced store.
 *
 * "Saved" in the editor means stored: the browser sends a stateless `flush` request once the
 * server has acknowledged its updates; the answer comes only when every update received before
 * the request is in the database.
 */
import type { Extension, onChangePayload, onLoadDocumentPayload, onStatelessPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { appendUpdate, compactDocument, loadDocument } from '../../../domain/collaboration/document-store.ts';
import { paperIdFromDocumentName, saveDerivedContent } from '../../../domain/papers.ts';
import { yDocToPaper } from '../../../domain/papers/sanitize.ts';
import type { Services } from '../../services.ts';

/** Fold the log into the state once it holds this many updates. */
const compactEvery = 500;

export interface PersistenceExtension extends Extension {
  /** Resolves when every update received so far is stored (shutdown, tests). */
  drain(): Promise<void>;
}

export function persistence(services: Pick<Services, 'db'>, log: (message: string) => void): PersistenceExtension {
  const queues = new Map<string, Promise<unknown>>();
  const sinceCompaction = new Map<string, number>();
  /** Documents one of whose updates could not be appended: their next store writes the whole state. */
  const unsaved = new Set<string>();

  const enqueue = (name: string, task: () => Promise<unknown>) => {
    const next = (queues.get(name) ?? Promise.resolve()).then(task, task);
    queues.set(name, next.catch(() => {}));
    return next;
  };

  return {
    extensionName: 'persistence',

    async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
      const { doc } = await loadDocument(services.db, documentName);
      Y.applyUpdate(document, Y.encodeStateAsUpdate(doc));
      doc.destroy();
      // The last store may never have run (a crash, or a shutdown that did not wait for it): bring
      // the derived text up to date with the document (written only when it differs).
      const paperId = paperIdFromDocumentName(documentName);
      if (paperId) await saveDerivedContent(services.db, paperId, pick(yDocToPaper(document)));
    },

    async onChange({ documentName, update }: onChangePayload) {
      await enqueue(documentName, async () => {
        try {
          await appendUpdate(services.db, documentName, update);
        } catch (error) {
          // The update stays in memory and in the editors; the next store writes the whole state.
          unsaved.add(documentName);
          log(`could not append an update to ${documentName}: ${(error as Error).message}`);
        }
      });
      const count = (sinceCompaction.get(documentName) ?? 0) + 1;
      sinceCompaction.set(documentName, count);
      if (count >= compactEvery) {
        sinceCompaction.set(documentName, 0);
        void enqueue(documentName, () => compactDocument(services.db, documentName));
      }
    },

    async onStateless({ payload, connection, documentName }: onStatelessPayload) {
      let message: { type?: string; id?: unknown };
      try {
        message = JSON.parse(payload);
      } catch {
        return;
      }
      if (message.type !== 'flush') return;
      await (queues.get(documentName) ?? Promise.resolve());
      connection.sendStateless(JSON.stringify({ type: 'stored', id: message.id }));
    },

    async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
      sinceCompaction.set(documentName, 0);
      // Never thrown: Hocuspocus runs stores from timers, where an error would end the process.
      // What failed is retried by the next store, or by the next load (derived text).
      await enqueue(documentName, async () => {
        try {
          // A failed append left an update only in memory: writing the full state covers it.
          if (unsaved.has(documentName)) {
            await appendUpdate(services.db, documentName, Y.encodeStateAsUpdate(document));
            unsaved.delete(documentName);
          }
          await compactDocument(services.db, documentName);
          const paperId = paperIdFromDocumentName(documentName);
          if (paperId) await saveDerivedContent(services.db, paperId, pick(yDocToPaper(document)));
        } catch (error) {
          log(`could not store ${documentName}: ${(error as Error).message}`);
        }
      });
    },

    async afterUnloadDocument({ documentName }) {
      queues.delete(documentName);
      sinceCompaction.delete(documentName);
    },

    async drain() {
      await Promise.all([...queues.values()]);
    },
  };
}

function pick(paper: { html: string; text: string; wordCount: number }) {
  return { html: paper.html, text: paper.text, wordCount: paper.wordCount };
}

/**
 * Highlights of the passages draft threads are anchored to, recomputed from their Yjs relative
 * positions whenever the document changes (so they follow everyone's edits); clicking one
 * opens its thread. Threads whose passage is gone are reported as detached.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { resolveAnchor } from './comment-anchors.ts';

export interface Highlighted {
  id: string;
  anchor: { start: string; end: string };
  resolved: boolean;
}

export interface CommentHighlightsOptions {
  threads: () => readonly Highlighted[];
  active: () => string | null;
  onDetached: (ids: ReadonlySet<string>) => void;
  onOpen: (id: string) => void;
}

export const commentHighlightsKey = new PluginKey<DecorationSet>('comment-highlights');

/** Where each anchored thread is now in the editor's document; absent when detached. */
export function anchoredRanges(state: EditorState, threads: readonly Highlighted[]): Map<string, { from: number; to: number }> {
  const ystate = ySyncPluginKey.getState(state) as { doc: import('yjs').Doc; type: import('yjs').XmlFragment; binding: { mapping: never } | null } | undefined;
  const ranges = new Map<string, { from: number; to: number }>();
  if (!ystate?.binding) return ranges;
  for (const thread of threads) {
    const range = resolveAnchor(ystate.doc, ystate.type, ystate.binding.mapping, thread.anchor);
    if (range && range.to <= state.doc.content.size) ranges.set(thread.id, range);
  }
  return ranges;
}

export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',
  addOptions() {
    return { threads: () => [], active: () => null, onDetached: () => {}, onOpen: () => {} };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    let lastDetached = '';
    let stale = false;
    const compute = (state: EditorState) => {
      const threads = options.threads();
      const ranges = anchoredRanges(state, threads);
      const detached = new Set(threads.filter((t) => !ranges.has(t.id)).map((t) => t.id));
      const key = [...detached].sort().join(',');
      // Only once the document is bound: before that every thread would look detached.
      if (ySyncPluginKey.getState(state)?.binding && key !== lastDetached) {
        lastDetached = key;
        queueMicrotask(() => options.onDetached(detached));
      }
      const active = options.active();
      const decorations = threads
        .filter((t) => ranges.has(t.id) && (!t.resolved || t.id === active))
        .map((t) => {
          const { from, to } = ranges.get(t.id)!;
          return Decoration.inline(from, to, { class: t.id === active ? 'comment-highlight active' : 'comment-highlight', 'data-thread-id': t.id }, { threadId: t.id });
        });
      return DecorationSet.create(state.doc, decorations);
    };
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => compute(state),
          apply: (tr, old, _before, state) => {
            // Remote changes (and ours) are already in the Yjs document: resolve the anchors.
            if (tr.getMeta(commentHighlightsKey) || tr.getMeta(ySyncPluginKey)) return compute(state);
            // A local edit reaches the Yjs document only after this step: follow it by mapping
            // now, and resolve again once the binding has caught up (the view update below).
            if (tr.docChanged) stale = true;
            return old.map(tr.mapping, tr.doc);
          },
        },
        view: () => ({
          update: (view) => {
            if (!stale) return;
            stale = false;
            setTimeout(() => {
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(commentHighlightsKey, true));
            }, 0);
          },
        }),
        props: {
          decorations: (state) => commentHighlightsKey.getState(state),
          handleClick: (view, pos) => {
            const found = commentHighlightsKey.getState(view.state)?.find(pos, pos);
            const threadId = (found?.[0]?.spec as { threadId?: string } | undefined)?.threadId;
            if (threadId) options.onOpen(threadId);
            return false;
          },
        },
      }),
    ];
  },
});

/**
 * Suggesting mode: while it is on for this person, what they type is marked as their suggested
 * insertion and what they delete stays in the text, marked as their suggested deletion (ADR 027).
 * It works after the fact (appendTransaction), on the changes this person makes: changes that
 * arrive from co-editors through Yjs, and Yjs undo, are left exactly as they are.
 *
 * Tracked: text typed, pasted or deleted. Not tracked (applied as in editing mode): formatting,
 * and changes of structure alone (splitting a paragraph, lists); joining two paragraphs is put back.
 * Deleting one's own suggested insertion removes it; deleting someone else's suggestion leaves
 * it as it is (reject it instead).
 */
import { Extension } from '@tiptap/core';
import type { Mark, MarkType, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Mapping, ReplaceStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { suggestedDeletion, suggestedInsertion, type SuggestionAttrs } from '../../domain/papers/suggestion-marks.ts';

/** Who suggests, when suggesting mode is on. */
export interface Suggester {
  id: string;
  name: string;
  color: string;
}

export const suggestingKey = new PluginKey('suggesting');

/** Transactions carrying this meta are decisions (accept/reject), never turned into suggestions. */
export const decidingMeta = 'suggestions:decided';

export interface SuggestingOptions {
  /** The person suggesting, or null in editing mode. Read on every change: switching is instant. */
  suggester: () => Suggester | null;
  /** New suggestion ids (tests pass a counter). */
  newId: () => string;
  /** Now (tests pass a fixed clock). */
  now: () => Date;
}

const randomId = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`);

export const Suggesting = Extension.create<SuggestingOptions>({
  name: 'suggesting',
  addOptions() {
    return { suggester: () => null, newId: randomId, now: () => new Date() };
  },
  addProseMirrorPlugins() {
    return [suggestingPlugin(this.options)];
  },
});

/** The plugin itself, usable on a bare EditorState (unit tests, the benchmark). */
export function suggestingPlugin(options: SuggestingOptions) {
  return new Plugin({
    key: suggestingKey,
    appendTransaction(transactions, oldState, newState) {
      const suggester = options.suggester();
      if (!suggester) return null;
      if (!transactions.some(isTracked)) return null;
      return suggest(transactions, oldState, newState, suggester, options);
    },
  });
}

function isTracked(tr: Transaction): boolean {
  // Remote changes and Yjs undo carry y-sync's meta; decisions carry ours.
  return tr.docChanged && !tr.getMeta(ySyncPluginKey) && !tr.getMeta(decidingMeta) && !tr.getMeta(suggestingKey);
}

function ownMark(marks: readonly Mark[] | undefined, type: MarkType, authorId: string): Mark | undefined {
  return marks?.find((m) => m.type === type && (m.attrs as SuggestionAttrs).authorId === authorId);
}

/** The attributes of a new run: those of the person's own suggestion right beside it if any (one word typed is one suggestion). */
function attrsBeside(doc: ProseMirrorNode, from: number, to: number, type: MarkType, s: Suggester, options: SuggestingOptions): SuggestionAttrs {
  const near = ownMark(doc.resolve(from).nodeBefore?.marks, type, s.id) ?? ownMark(doc.resolve(to).nodeAfter?.marks, type, s.id);
  if (near) return near.attrs as SuggestionAttrs;
  return { suggestion: options.newId(), authorId: s.id, authorName: s.name, color: s.color, at: options.now().toISOString() };
}

function suggest(transactions: readonly Transaction[], oldState: EditorState, newState: EditorState, s: Suggester, options: SuggestingOptions): Transaction | null {
  const schema = newState.schema;
  const insertion = schema.marks[suggestedInsertion]!;
  const deletion = schema.marks[suggestedDeletion]!;
  const out = newState.tr;
  let cursor: number | null = null;
  const single = transactions.length === 1 && transactions[0]!.steps.length === 1;

  transactions.forEach((tr, t) => {
    if (!isTracked(tr)) return;
    tr.steps.forEach((step, i) => {
      if (!(step instanceof ReplaceStep)) return;
      const { from, to, slice } = step as unknown as { from: number; to: number; slice: import('@tiptap/pm/model').Slice };
      const before = tr.docs[i]!;
      // From this step's result to the document now: the rest of this transaction, the later ones, what we added.
      const rest = new Mapping();
      tr.steps.slice(i + 1).forEach((later) => rest.appendMap(later.getMap()));
      transactions.slice(t + 1).forEach((later) => later.steps.forEach((st) => rest.appendMap(st.getMap())));
      const at = (pos: number, assoc: number) => out.mapping.map(rest.map(pos, assoc), assoc);

      // What was typed or pasted: marked as this person's insertion.
      const start = at(from, -1);
      if (slice.size > 0) {
        const end = at(from + slice.size, 1);
        if (end > start && out.doc.textBetween(start, end, '', '') !== '') {
          out.addMark(start, end, insertion.create(attrsBeside(out.doc, start, end, insertion, s, options)));
        }
      }

      // What was removed: put back, and marked as this person's deletion.
      if (to > from) {
        const removed = before.slice(from, to);
        const size = out.doc.content.size;
        out.replace(start, start, removed);
        const restoredEnd = start + (out.doc.content.size - size);
        const own: Array<[number, number]> = [];
        const plain: Array<[number, number]> = [];
        out.doc.nodesBetween(start, restoredEnd, (node, pos) => {
          if (!node.isText) return true;
          const a = Math.max(pos, start);
          const b = Math.min(pos + node.nodeSize, restoredEnd);
          if (ownMark(node.marks, insertion, s.id)) own.push([a, b]);
          else if (!node.marks.some((m) => m.type === insertion || m.type === deletion)) plain.push([a, b]);
          return false;
        });
        if (plain.length > 0) {
          const attrs = attrsBeside(out.doc, plain[0]![0], plain[plain.length - 1]![1], deletion, s, options);
          for (const [a, b] of plain) out.addMark(a, b, deletion.create(attrs));
        }
        // One's own suggested insertion, deleted, is simply gone.
        let removedOwn = 0;
        for (const [a, b] of own.reverse()) {
          out.delete(a, b);
          removedOwn += b - a;
        }
        if (single && slice.size === 0) {
          // Backspace leaves the caret before what it struck through; Delete, after it.
          const wasBackspace = oldState.selection.empty && oldState.selection.head === to;
          cursor = wasBackspace ? start : restoredEnd - removedOwn;
        }
      }
    });
  });
  if (!out.docChanged) return null;
  out.setMeta(suggestingKey, true);
  if (cursor !== null) out.setSelection(TextSelection.create(out.doc, Math.min(cursor, out.doc.content.size)));
  return out;
}

/**
 * The rules of suggested changes on a ProseMirror document, the same in the browser (accepting
 * and rejecting in the editor) and on the server (word counts, search text, submission):
 * - accepting an insertion keeps its text and drops the mark; rejecting it removes the text;
 * - accepting a deletion removes the text; rejecting it keeps the text and drops the mark;
 * - "the agreed text" is the document with every open suggestion rejected: what counts towards
 *   the word limit and what search finds, until someone decides (ADR 027).
 */
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { suggestedDeletion, suggestedInsertion, type SuggestionAttrs } from './suggestion-marks.ts';

export type SuggestionKind = 'insertion' | 'deletion';

/** One open suggestion as the people deciding see it. */
export interface Suggestion {
  id: string;
  kind: SuggestionKind;
  authorId: string;
  authorName: string;
  color: string;
  at: string;
  /** The suggested (or proposed-for-removal) text, its runs joined. */
  text: string;
  /** From the start of its first run to the end of its last. */
  from: number;
  to: number;
}

export type Decision = 'accept' | 'reject';

/** Which suggestions a decision is about: one, all of one person's, or all. */
export type Selection = { id: string } | { authorId: string } | { all: true };

function suggestionMarkOf(marks: readonly Mark[]): { mark: Mark; kind: SuggestionKind } | null {
  for (const mark of marks) {
    if (mark.type.name === suggestedInsertion) return { mark, kind: 'insertion' };
    if (mark.type.name === suggestedDeletion) return { mark, kind: 'deletion' };
  }
  return null;
}

interface Run {
  from: number;
  to: number;
  kind: SuggestionKind;
  mark: Mark;
}

function runsOf(doc: ProseMirrorNode): Run[] {
  const runs: Run[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const found = suggestionMarkOf(node.marks);
    if (found) {
      const last = runs[runs.length - 1];
      // Adjacent text nodes of one suggestion (split by bold, say) are one run.
      if (last && last.to === pos && last.mark.eq(found.mark)) last.to = pos + node.nodeSize;
      else runs.push({ from: pos, to: pos + node.nodeSize, kind: found.kind, mark: found.mark });
    }
    return false;
  });
  return runs;
}

/** Every open suggestion of a document, in the order they first appear. */
export function listSuggestions(doc: ProseMirrorNode): Suggestion[] {
  const byId = new Map<string, Suggestion>();
  for (const run of runsOf(doc)) {
    const a = run.mark.attrs as SuggestionAttrs;
    const text = doc.textBetween(run.from, run.to, ' ');
    const seen = byId.get(a.suggestion);
    if (seen && seen.kind === run.kind) {
      // Runs in different paragraphs (or split by another's text) read as separate words.
      seen.text += run.from === seen.to ? text : ` ${text}`;
      seen.to = run.to;
      continue;
    }
    // An id reused across kinds (a hand-made document) is two suggestions, not one.
    const id = seen ? `${a.suggestion}:${run.kind}` : a.suggestion;
    byId.set(id, { id, kind: run.kind, authorId: a.authorId, authorName: a.authorName, color: a.color, at: a.at, text, from: run.from, to: run.to });
  }
  return [...byId.values()];
}

function matches(run: Run, which: Selection): boolean {
  if ('all' in which) return true;
  const a = run.mark.attrs as SuggestionAttrs;
  if ('authorId' in which) return a.authorId === which.authorId;
  return a.suggestion === which.id || `${a.suggestion}:${run.kind}` === which.id;
}

/**
 * Accepts or rejects the chosen suggestions in one transform (one undoable change, one Yjs
 * update). Returns how many suggestions were decided.
 */
export function decideSuggestions<T extends Transform>(tr: T, decision: Decision, which: Selection): number {
  const runs = runsOf(tr.doc).filter((run) => matches(run, which));
  const decided = new Set<string>();
  // From the end backwards: a removal never moves a run still to be decided.
  for (const run of runs.reverse()) {
    decided.add(`${(run.mark.attrs as SuggestionAttrs).suggestion}:${run.kind}`);
    const removesText = (decision === 'accept') === (run.kind === 'deletion');
    if (removesText) tr.delete(run.from, run.to);
    else tr.removeMark(run.from, run.to, run.mark.type);
  }
  return decided.size;
}

/** The agreed text: the document with every open suggestion rejected. */
export function withoutSuggestions(doc: ProseMirrorNode): ProseMirrorNode {
  const tr = new Transform(doc);
  decideSuggestions(tr, 'reject', { all: true });
  return tr.doc;
}

/** How many suggestions are open in a document. */
export function countSuggestions(doc: ProseMirrorNode): number {
  return listSuggestions(doc).length;
}

/** A node of ProseMirror JSON, as far as suggestions are concerned. */
interface JsonNode {
  type: string;
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: JsonNode[];
  attrs?: Record<string, unknown>;
}

/**
 * The agreed text of a document given as JSON (the server's view of the Yjs document), and how
 * many suggestions were open in it: the same rule as `withoutSuggestions`, on JSON, never throwing.
 */
export function agreedJson<T extends JsonNode>(doc: T): { json: T; open: number } {
  const open = new Set<string>();
  const walk = (node: JsonNode): JsonNode | null => {
    const mark = node.marks?.find((m) => m.type === suggestedInsertion || m.type === suggestedDeletion);
    if (node.type === 'text' && mark) {
      open.add(`${String(mark.attrs?.suggestion ?? '')}:${mark.type}`);
      if (mark.type === suggestedInsertion) return null;
      const marks = node.marks!.filter((m) => m !== mark);
      const { marks: _dropped, ...rest } = node;
      return marks.length ? { ...rest, marks } : rest;
    }
    if (!node.content) return node;
    return { ...node, content: node.content.map(walk).filter((n): n is JsonNode => n !== null) };
  };
  return { json: walk(doc) as T, open: open.size };
}

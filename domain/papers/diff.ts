/**
 * A readable difference between two versions of a paper, word by word, computed by jsdiff
 * (the `diff` package, Myers' algorithm) within bounds, so that no pair of versions can hold
 * the server: two unrelated 2,000-word versions once took 2 s and 339 MB with the hand-written
 * diff this replaces, growing with the square of their length.
 *
 * Paragraphs are compared first (few tokens: cheap), then the words of each changed run of
 * paragraphs; each word diff is bounded by an edit length and the whole by a time budget. When
 * a bound is reached the versions differ too much to show word by word: the answer says so and
 * gives both texts, to be shown side by side. Whitespace stays attached to the words, so the
 * segments read as text and rebuild each version exactly.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';

export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export type VersionDiff =
  | { kind: 'words'; segments: DiffSegment[] }
  /** The versions differ too much to show word by word: both texts, for side by side. */
  | { kind: 'side-by-side'; before: string; after: string };

export const diffBounds = {
  /** Edits (tokens added or removed) a word diff of one changed run may need. */
  maxWordEdits: 4000,
  /** Edits (paragraphs added or removed) the paragraph diff may need. */
  maxParagraphEdits: 4000,
  /** Time for the whole comparison; the event loop is held at most this long. */
  timeoutMs: 100,
};

/** The difference between two versions' texts, or both texts when they differ too much. */
export function diffVersions(before: string, after: string, bounds = diffBounds): VersionDiff {
  const deadline = performance.now() + bounds.timeoutMs;
  const remaining = () => Math.max(1, Math.floor(deadline - performance.now()));
  const tooDifferent: VersionDiff = { kind: 'side-by-side', before, after };
  const paragraphs = diffArrays(splitParagraphs(before), splitParagraphs(after), { maxEditLength: bounds.maxParagraphEdits, timeout: remaining() });
  if (!paragraphs) return tooDifferent;
  const segments: DiffSegment[] = [];
  const push = (kind: DiffSegment['kind'], text: string) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  for (let i = 0; i < paragraphs.length; i++) {
    const change = paragraphs[i]!;
    if (!change.added && !change.removed) {
      push('same', change.value.join(''));
      continue;
    }
    // A run of removed and added paragraphs: compare its words.
    let removed = '';
    let added = '';
    while (i < paragraphs.length && (paragraphs[i]!.added || paragraphs[i]!.removed)) {
      if (paragraphs[i]!.added) added += paragraphs[i]!.value.join('');
      else removed += paragraphs[i]!.value.join('');
      i++;
    }
    i--;
    if (!removed || !added) {
      push(removed ? 'removed' : 'added', removed || added);
      continue;
    }
    if (performance.now() >= deadline) return tooDifferent;
    const words = diffWordsWithSpace(removed, added, { maxEditLength: bounds.maxWordEdits, timeout: remaining() });
    if (!words) return tooDifferent;
    for (const w of words) push(w.added ? 'added' : w.removed ? 'removed' : 'same', w.value);
  }
  return { kind: 'words', segments };
}

/** Paragraphs with the line breaks that end them, so that joining them gives the text back. */
function splitParagraphs(text: string): string[] {
  return text.match(/[^\n]*\n+|[^\n]+$/g) ?? [];
}

/** The word diff alone, unbounded in time: for tests and for texts known to be short. */
export function diffWords(before: string, after: string): DiffSegment[] {
  const result = diffVersions(before, after, { maxWordEdits: Number.MAX_SAFE_INTEGER, maxParagraphEdits: Number.MAX_SAFE_INTEGER, timeoutMs: Number.MAX_SAFE_INTEGER });
  if (result.kind !== 'words') throw new Error('unreachable: an unbounded diff always completes');
  return result.segments;
}

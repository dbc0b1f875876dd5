import { describe, expect, it } from 'vitest';
import { diffBounds, diffVersions, diffWords, type DiffSegment } from './diff.ts';

const render = (segments: DiffSegment[]) => segments.map((s) => (s.kind === 'same' ? s.text : s.kind === 'added' ? `[+${s.text}]` : `[-${s.text}]`)).join('');
const rebuild = (segments: DiffSegment[], side: 'before' | 'after') =>
  segments.filter((s) => s.kind === 'same' || s.kind === (side === 'after' ? 'added' : 'removed')).map((s) => s.text).join('');

describe('diffWords', () => {
  it('marks words added and removed, keeping the rest as it is', () => {
    const segments = diffWords('IOM works with NGOs on return.', 'IOM works closely with NGOs on voluntary return.');
    expect(render(segments)).toBe('IOM works [+closely ]with NGOs on [+voluntary ]return.');
  });

  it('shows a replaced word as removed then added', () => {
    expect(render(diffWords('shelters are needed', 'hotlines are needed'))).toBe('[-shelters][+hotlines] are needed');
  });

  it('rebuilds both versions exactly, on random edits', () => {
    const words = ['migration', 'NGO', 'IOM', 'return', 'trafficking', 'health', 'the', 'and', 'of'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const before = Array.from({ length: 1 + Math.floor(random() * 40) }, () => words[Math.floor(random() * words.length)]).join(' ');
      const after = before.split(' ').filter(() => random() > 0.2).map((w) => (random() > 0.9 ? `${w} new` : w)).join(' ');
      const segments = diffWords(before, after);
      expect(rebuild(segments, 'before')).toBe(before);
      expect(rebuild(segments, 'after')).toBe(after);
    }
  });

  it('handles empty sides and identical texts', () => {
    expect(diffWords('', 'new text')).toEqual([{ kind: 'added', text: 'new text' }]);
    expect(diffWords('old text', '')).toEqual([{ kind: 'removed', text: 'old text' }]);
    expect(diffWords('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });

  it('stays quick on a long paper with a few changes', () => {
    const long = Array.from({ length: 15_000 }, (_, i) => `word${i % 97}`).join(' ');
    const changed = long.replace('word5 ', 'word5 inserted ').replace(/word90$/, 'ending');
    const started = performance.now();
    const segments = diffWords(long, changed);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(rebuild(segments, 'after')).toBe(changed);
  });
});

/** Two texts of about `length` characters that share nothing but common words and spaces. */
function unrelated(length: number, seed: number) {
  const words = ['migration', 'NGO', 'IOM', 'return', 'trafficking', 'health', 'the', 'and', 'of', 'labour', 'rights', 'a', 'to', 'in', 'for', 'with'];
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let text = '';
  while (text.length < length) text += words[Math.floor(random() * words.length)] + (random() > 0.93 ? '.\n\n' : ' ');
  return text.slice(0, length);
}

describe('diffVersions', () => {
  it('compares paragraphs first, then the words of the changed ones', () => {
    const before = 'First paragraph stays.\n\nSecond paragraph about return.\n\nThird stays too.';
    const after = 'First paragraph stays.\n\nSecond paragraph about voluntary return.\n\nThird stays too.';
    const result = diffVersions(before, after);
    expect(result.kind).toBe('words');
    if (result.kind !== 'words') return;
    expect(render(result.segments)).toBe('First paragraph stays.\n\nSecond paragraph about [+voluntary ]return.\n\nThird stays too.');
    expect(rebuild(result.segments, 'before')).toBe(before);
    expect(rebuild(result.segments, 'after')).toBe(after);
  });

  it('gives up cleanly on two unrelated long versions: both texts, side by side, within its time budget', () => {
    const before = unrelated(100_000, 1);
    const after = unrelated(100_000, 2);
    const started = performance.now();
    const result = diffVersions(before, after);
    // The budget, plus what jsdiff does between two looks at the clock (its paragraph pass and tokenizing).
    expect(performance.now() - started).toBeLessThan(diffBounds.timeoutMs + 150);
    expect(result).toEqual({ kind: 'side-by-side', before, after });
  });

  it('gives up when a changed passage needs more edits than allowed, whatever the time', () => {
    const result = diffVersions(unrelated(4000, 3), unrelated(4000, 4), { ...diffBounds, maxWordEdits: 50, timeoutMs: 60_000 });
    expect(result.kind).toBe('side-by-side');
  });

  it('still shows a long paper with scattered changes word by word', () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} on migration governance and the partnership between IOM and NGOs.`);
    const before = paragraphs.join('\n\n');
    const after = paragraphs.map((p, i) => (i % 30 === 0 ? p.replace('governance', 'policy') : p)).join('\n\n');
    const result = diffVersions(before, after);
    expect(result.kind).toBe('words');
    if (result.kind !== 'words') return;
    expect(result.segments.filter((s) => s.kind === 'added').map((s) => s.text)).toEqual(Array(10).fill('policy'));
    expect(rebuild(result.segments, 'after')).toBe(after);
  });
});

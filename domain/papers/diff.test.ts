import { describe, expect, it } from 'vitest';
import { diffWords, type DiffSegment } from './diff.ts';

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

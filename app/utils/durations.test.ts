import { describe, expect, it } from 'vitest';
import { clock } from './durations.ts';

describe('clock', () => {
  it('shows minutes and seconds, and hours when there are some', () => {
    expect(clock(15)).toBe('0:15');
    expect(clock(180)).toBe('3:00');
    expect(clock(-75)).toBe('1:15');
    expect(clock(3725)).toBe('1:02:05');
  });
});

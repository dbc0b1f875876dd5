import { describe, expect, it } from 'vitest';
import { moved, refusalOf, secondsLeft, withRequest, type Pending } from './speakers.ts';

const request = (id: string, organizationId: string, kind: Pending['kind'] = 'intervention'): Pending => ({ id, organizationId, userId: `user-${id}`, kind });
const ids = (list: Pending[]) => list.map((r) => r.id);

describe('the list of speakers', () => {
  it('takes interventions and replies in order of inscription', () => {
    let list: Pending[] = [];
    list = withRequest(list, request('a', 'A'));
    list = withRequest(list, request('b', 'B', 'reply'));
    list = withRequest(list, request('c', 'C'));
    expect(ids(list)).toEqual(['a', 'b', 'c']);
  });

  it('puts a point of order at the head, after the points of order already waiting', () => {
    let list = [request('a', 'A'), request('b', 'B')];
    list = withRequest(list, request('p1', 'C', 'point-of-order'));
    list = withRequest(list, request('p2', 'D', 'point-of-order'));
    expect(ids(list)).toEqual(['p1', 'p2', 'a', 'b']);
    expect(ids(withRequest([], request('p', 'A', 'point-of-order')))).toEqual(['p']);
  });

  it('allows one pending request per organization and item, unless the facilitator allows more', () => {
    const list = [request('a', 'A')];
    const ordinary = 'intervention' as const;
    expect(refusalOf(list, { organizationId: 'A', userId: 'someone-else', kind: ordinary }, false)).toBe('already-requested');
    expect(refusalOf(list, { organizationId: 'B', userId: 'user-b', kind: ordinary }, false)).toBeNull();
    expect(refusalOf(list, { organizationId: 'A', userId: 'someone-else', kind: ordinary }, true)).toBeNull();
    expect(refusalOf(list, { organizationId: 'A', userId: 'user-a', kind: ordinary }, true)).toBe('already-requested');
  });

  it('never holds back a point of order or a right of reply because the organization already waits', () => {
    const list = [request('a', 'A')];
    for (const kind of ['point-of-order', 'reply'] as const) {
      expect(refusalOf(list, { organizationId: 'A', userId: 'user-a', kind }, false)).toBeNull();
      expect(refusalOf(list, { organizationId: 'A', userId: 'colleague', kind }, false)).toBeNull();
    }
    // A waiting point of order does not count against an ordinary request either.
    expect(refusalOf([request('p', 'A', 'point-of-order')], { organizationId: 'A', userId: 'colleague', kind: 'intervention' }, false)).toBeNull();
    // One of each kind per person at a time.
    expect(refusalOf([{ ...request('p', 'A', 'point-of-order'), userId: 'u' }], { organizationId: 'A', userId: 'u', kind: 'point-of-order' }, false)).toBe('already-requested');
  });

  it('moves a request anywhere in the list, clamped to its ends', () => {
    const list = [request('a', 'A'), request('b', 'B'), request('c', 'C')];
    expect(ids(moved(list, 'c', 0))).toEqual(['c', 'a', 'b']);
    expect(ids(moved(list, 'a', 1))).toEqual(['b', 'a', 'c']);
    expect(ids(moved(list, 'a', 99))).toEqual(['b', 'c', 'a']);
    expect(ids(moved(list, 'unknown', 0))).toEqual(['a', 'b', 'c']);
  });

  it('counts down from the stored start, into overtime', () => {
    const startedAt = new Date('2026-11-27T10:00:00Z');
    expect(secondsLeft({ startedAt, allowedSeconds: 180 }, new Date('2026-11-27T10:01:00Z'))).toBe(120);
    expect(secondsLeft({ startedAt, allowedSeconds: 180 }, new Date('2026-11-27T10:03:30Z'))).toBe(-30);
  });
});

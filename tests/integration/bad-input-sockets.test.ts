/**
 * Bad input to every socket event of the access table (tests/security/access-table.ts), sent by
 * someone allowed to send it: no payload, a payload of the wrong type, each field missing, of
 * the wrong type, huge, with a NUL, with a lone surrogate, each id malformed, unknown or of
 * another kind, each number out of range. The answer is always an error acknowledgement that
 * says what is wrong (`invalid-payload` with the field, `not-found`, `forbidden`, `throttled`),
 * never `unavailable` (a fault), never silence; and a refused event leaves every table as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { Platform } from '../../server/platform.ts';
import { openWorld, type World } from '../security/world.ts';
import { openSocket } from '../support/socket-client.ts';
import { events, type EventCase } from '../security/access-table.ts';
import { rowCounts } from '../security/counts.ts';
import { people, type Fixture, type Who } from '../security/fixture.ts';

let world: World;
let handle: World['handle'];
let platform: Platform;
let fx: Fixture;
const sockets: Partial<Record<Who, Socket>> = {};

beforeAll(async () => {
  world = await openWorld();
  ({ handle, platform, fx } = world);
  for (const who of people) if (who !== 'visitor') sockets[who] = await openSocket(fx.base, fx.cookie[who]);
});

afterAll(async () => {
  Object.values(sockets).forEach((s) => s?.close());
  await world.close();
});

function actor(c: EventCase): Exclude<Who, 'visitor'> {
  return people.find((p): p is Exclude<Who, 'visitor'> => p !== 'visitor' && c.expect[p] === 'ok') ?? 'admin';
}

type Ack = { ok: boolean; error?: string; fields?: Record<string, string> };

/** Payloads that are wrong, each with what the answer must be (`refused`: anything but ok). */
function variants(c: EventCase, payload: Record<string, unknown>): Array<{ label: string; payload: unknown; refused?: boolean }> {
  const list: Array<{ label: string; payload: unknown; refused?: boolean }> = [
    { label: 'no payload', payload: undefined },
    { label: 'a string', payload: 'hello' },
    { label: 'a number', payload: 42 },
    { label: 'an array', payload: [payload] },
    { label: 'null', payload: null },
  ];
  const set = (key: string, value: unknown) => ({ ...payload, [key]: value });
  for (const [key, value] of Object.entries(payload)) {
    list.push({ label: `${key} missing`, payload: Object.fromEntries(Object.entries(payload).filter(([k]) => k !== key)) });
    list.push({ label: `${key} as an object`, payload: set(key, { nested: true }), refused: typeof value !== 'object' });
    list.push({ label: `${key} as a number`, payload: set(key, 12345), refused: typeof value !== 'number' });
    if (typeof value === 'string') {
      list.push({ label: `${key} with a NUL`, payload: set(key, `${value}\u0000`), refused: true });
      list.push({ label: `${key} with a lone surrogate`, payload: set(key, `${value}\ud800`), refused: true });
      list.push({ label: `${key} huge`, payload: set(key, 'x'.repeat(90_000)) });
    }
  }
  // Nested strings (a place, a statement, an anchor) too.
  for (const [key, value] of Object.entries(payload)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const [inner, v] of Object.entries(value)) {
      if (typeof v === 'string') list.push({ label: `${key}.${inner} with a NUL`, payload: set(key, { ...value, [inner]: `${v}\u0000` }), refused: true });
    }
  }
  for (const key of c.fields?.ids ?? []) {
    list.push({ label: `${key} malformed`, payload: set(key, 'not-a-uuid'), refused: true });
    list.push({ label: `${key} unknown`, payload: set(key, randomUUID()), refused: !c.leaves });
    list.push({ label: `${key} of another kind`, payload: set(key, key === 'sessionId' ? fx.paper : fx.session), refused: !c.leaves });
  }
  for (const key of c.fields?.numbers ?? []) {
    for (const n of [1e9, -1, 1.5, Number.MAX_SAFE_INTEGER + 2]) list.push({ label: `${key} = ${n}`, payload: set(key, n), refused: true });
  }
  return list;
}

describe('bad input to every socket event: an error acknowledgement that says why, never a fault', () => {
  for (const c of events) {
    const who = actor(c);
    it(`${c.name} (${c.event}), as ${who}`, async () => {
      const socket = sockets[who]!;
      const sample = c.payload(fx, (await c.prepare?.(fx)) ?? {});
      for (const v of variants(c, sample)) {
        const prepared = (await c.prepare?.(fx)) ?? {};
        if (c.joinSession) await socket.timeout(5000).emitWithAck('session:join', { sessionId: prepared.sessionId });
        const own = variants(c, c.payload(fx, prepared)).find((x) => x.label === v.label) ?? v;
        const before = await rowCounts(handle.db);
        const ack = (await socket.timeout(5000).emitWithAck(c.event, own.payload)) as Ack;
        expect(ack, v.label).toBeTypeOf('object');
        expect(ack.error, `${v.label}: ${JSON.stringify(ack)}`).not.toBe('unavailable');
        if (v.refused) expect(ack.ok, `${v.label}: ${JSON.stringify(ack)}`).toBe(false);
        if (!ack.ok) {
          expect(['invalid-payload', 'not-found', 'forbidden', 'throttled'], v.label).toContain(ack.error);
          if (ack.error === 'invalid-payload') expect(Object.keys(ack.fields ?? {}).length, `${v.label}: says which field`).toBeGreaterThan(0);
          expect(await rowCounts(handle.db), `${v.label}: nothing written`).toEqual(before);
        }
      }
    });
  }
});

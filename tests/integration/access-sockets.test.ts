/**
 * The access table (tests/security/access-table.ts) over socket.io: every event, for each kind
 * of person, on a real server. A refusal is an error acknowledgement whose audit entry names
 * the person, and changes nothing; every event the server registers has an entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { auditWatermark, refusalsSince } from '../security/audit.ts';
import type { Platform } from '../../server/platform.ts';
import { openWorld, type World } from '../security/world.ts';
import { definedEvents } from '../../server/realtime/define-event.ts';
import { openSocket } from '../support/socket-client.ts';
import { events, type SocketAnswer } from '../security/access-table.ts';
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

type Ack = { ok: boolean; error?: string };

function answerOf(ack: Ack): SocketAnswer | string {
  if (ack.ok) return 'ok';
  if (ack.error === 'invalid-payload') return 'invalid';
  return ack.error ?? 'no answer';
}

describe('every socket event, for each kind of person', () => {
  it('refuses the handshake of a visitor', async () => {
    await expect(openSocket(fx.base, '')).rejects.toThrow('unauthorized');
  });

  for (const c of events) {
    for (const who of people) {
      if (who === 'visitor') continue;
      it(`${c.name} (${c.event}): ${who} → ${c.expect[who]}`, async () => {
        const socket = sockets[who]!;
        const prepared = (await c.prepare?.(fx)) ?? {};
        if (c.joinSession) await socket.timeout(5000).emitWithAck('session:join', { sessionId: prepared.sessionId });
        const before = await rowCounts(handle.db);
        const watermark = await auditWatermark(handle.db);
        const ack = (await socket.timeout(5000).emitWithAck(c.event, c.payload(fx, prepared))) as Ack;
        expect(answerOf(ack), JSON.stringify(ack)).toBe(c.expect[who]);
        if (c.expect[who] !== 'ok') expect(await rowCounts(handle.db), 'a refusal changes nothing').toEqual(before);
        if (c.expect[who] === 'forbidden') {
          expect(await refusalsSince(handle.db, watermark, fx.person[who].id), 'the refusal is audited').toHaveLength(1);
        }
      });
    }
  }

  it('has an entry for every event the server handles', () => {
    expect(definedEvents.size).toBeGreaterThan(30);
    const listed = new Set(events.map((c) => c.event));
    expect([...definedEvents].filter((e) => !listed.has(e)), 'add them to tests/security/access-table.ts').toEqual([]);
    expect([...listed].filter((e) => !definedEvents.has(e)), 'entries for events that do not exist').toEqual([]);
  });
});

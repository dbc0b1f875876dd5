/**
 * The live room over real sockets on the real server: who may join, facilitator actions refused
 * to participants, events for another session, malformed payloads, the list of speakers seen by
 * all, presence, and the exact state after a server restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ask as askWithAck, openSocket } from '../../tests/support/socket-client.ts';
import { createSession } from '../../domain/auth/sessions.ts';
import { createRound } from '../../domain/rounds.ts';
import { scheduleSession, sessionSchema, type Present, type SessionState } from '../../domain/sessions/sessions.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { loadConfig } from '../config.ts';
import { createPlatform, type Platform } from '../platform.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let base: string;
const config = loadConfig({ NODE_ENV: 'test' });
const cookies: Record<string, string> = {};
let sessionId: string;
let otherSessionId: string;
let roundId: string;
let caritasId: string;
let tarasId: string;
const sockets: Socket[] = [];

type Ack = { ok: boolean; error?: string; fields?: Record<string, string>; state?: SessionState; present?: Present[]; retryAfter?: number };

async function start() {
  platform = await createPlatform({ config, web: 'none', database: handle });
  base = await platform.listen(0, '127.0.0.1');
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const strada = await makeOrganization(handle.db, { name: 'La Strada Ukraine' });
  const caritas = await makeOrganization(handle.db, { name: 'Caritas Österreich' });
  const other = await makeOrganization(handle.db);
  const people = {
    olena: await makeUser(handle.db, { name: 'Olena', organizationId: strada.id, isRepresentative: true }),
    katharina: await makeUser(handle.db, { name: 'Katharina', organizationId: caritas.id, isRepresentative: true }),
    outsider: await makeUser(handle.db, { organizationId: other.id }),
    taras: await makeUser(handle.db, { name: 'Taras', organizationId: strada.id }),
    daniel: await makeUser(handle.db, { name: 'Daniel', role: 'facilitator' }),
  };
  for (const [who, user] of Object.entries(people)) cookies[who] = `idm_session=${(await createSession(handle.db, user.id, config.sessionTimeouts)).token}`;
  const round = await createRound(handle.db, { title: 'Partnerships', framing: '', areas: [], phase: 'sessions', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [strada.id, caritas.id] }, people.daniel.id);
  roundId = round.id;
  caritasId = caritas.id;
  tarasId = people.taras.id;
  const facilitator = { id: people.daniel.id, role: 'facilitator' as const, organizationId: null, isRepresentative: false };
  sessionId = (await scheduleSession(handle.db, facilitator, round.id, sessionSchema.parse({ title: 'Session one', startsAt: '2026-12-01T09:00:00Z', agenda: 'Counter-trafficking\nReturns' }))).id;
  otherSessionId = (await scheduleSession(handle.db, facilitator, round.id, sessionSchema.parse({ title: 'Session two', startsAt: '2026-12-02T09:00:00Z', agenda: 'Other' }))).id;
  await start();
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await platform.close();
  await handle.dispose();
});

async function as(who: string): Promise<Socket> {
  const socket = await openSocket(base, cookies[who]!);
  sockets.push(socket);
  return socket;
}
const ask = (socket: Socket, event: string, payload?: unknown) => askWithAck<Ack>(socket, event, payload);
const nextState = (socket: Socket, check: (s: SessionState) => boolean = () => true) =>
  new Promise<SessionState>((resolve) => {
    const listener = (state: SessionState) => {
      if (!check(state)) return;
      socket.off('session:state', listener);
      resolve(state);
    };
    socket.on('session:state', listener);
  });

describe('the live room', () => {
  it('admits those who may attend, refuses the others, and shows who is present', async () => {
    expect(await ask(await as('outsider'), 'session:join', { sessionId })).toEqual({ ok: false, error: 'forbidden' });
    const daniel = await as('daniel');
    expect((await ask(daniel, 'session:join', { sessionId })).ok).toBe(true);
    const katharina = await as('katharina');
    expect((await ask(katharina, 'session:join', { sessionId })).ok).toBe(true);
    const arrived = new Promise<{ joined: Present }>((resolve) => daniel.once('session:presence', resolve));
    const seenByKatharina = new Promise<{ present: Present[] }>((resolve) => katharina.once('session:presence', resolve));
    const olena = await as('olena');
    // Participants see the organizations present, not who: that is IOM's record.
    const asSeenByOlena = (await ask(olena, 'session:join', { sessionId })).present!;
    expect(asSeenByOlena.map((p) => [p.organizationName, p.name, p.userId])).toEqual([[null, '', ''], ['Caritas Österreich', '', ''], ['La Strada Ukraine', '', '']]);
    expect((await seenByKatharina).present.map((p) => [p.organizationName, p.name, p.userId])).toEqual([[null, '', ''], ['Caritas Österreich', '', ''], ['La Strada Ukraine', '', '']]);
    // IOM staff see each person arrive.
    expect((await arrived).joined).toMatchObject({ name: 'Olena', organizationName: 'La Strada Ukraine' });
    expect((await ask(daniel, 'session:join', { sessionId })).present?.map((p) => p.name).sort()).toEqual(['Daniel', 'Katharina', 'Olena']);
    katharina.close();
    await new Promise<unknown>((resolve) => daniel.once('session:presence', resolve));
    // A second tab is no new arrival; the last tab closing is a departure.
    const second = await as('olena');
    await ask(second, 'session:join', { sessionId });
    const departed = new Promise<{ left: string }>((resolve) => daniel.once('session:presence', resolve));
    olena.close();
    second.close();
    expect((await departed).left).toBeTruthy();
  });

  it('refuses facilitator actions to participants, events for another session and malformed payloads, with nothing changed', async () => {
    const olena = await as('olena');
    await ask(olena, 'session:join', { sessionId });
    expect(await ask(olena, 'session:open', { sessionId })).toEqual({ ok: false, error: 'forbidden' });
    expect(await ask(olena, 'floor:give', { sessionId })).toEqual({ ok: false, error: 'forbidden' });
    expect(await ask(olena, 'floor:request', { sessionId: otherSessionId, kind: 'intervention' })).toEqual({ ok: false, error: 'invalid-payload', fields: { session: 'errors.session.notJoined' } });
    expect(await ask(olena, 'floor:request', { sessionId, kind: 'shouting' })).toMatchObject({ ok: false, error: 'invalid-payload' });
    expect(await ask(olena, 'floor:extend', 'nonsense')).toMatchObject({ ok: false, error: 'invalid-payload' });
    // Not open yet: no request for the floor.
    expect(await ask(olena, 'floor:request', { sessionId, kind: 'intervention' })).toEqual({ ok: false, error: 'forbidden' });
  });

  it('runs the list of speakers for everyone, and a restart loses nothing', async () => {
    const daniel = await as('daniel');
    const olena = await as('olena');
    const katharina = await as('katharina');
    for (const s of [daniel, olena, katharina]) await ask(s, 'session:join', { sessionId });
    expect((await ask(daniel, 'session:open', { sessionId })).state?.status).toBe('open');
    await ask(olena, 'floor:request', { sessionId, kind: 'intervention' });
    expect(await ask(olena, 'floor:request', { sessionId, kind: 'intervention' })).toEqual({ ok: false, error: 'invalid-payload', fields: { kind: 'errors.session.alreadyRequested' } });
    const jumped = nextState(olena, (s) => s.list.length === 2);
    await ask(katharina, 'floor:request', { sessionId, kind: 'point-of-order' });
    expect((await jumped).list.map((r) => [r.name, r.kind])).toEqual([['Katharina', 'point-of-order'], ['Olena', 'intervention']]);
    const speaking = nextState(katharina, (s) => s.speaker !== null);
    await ask(daniel, 'floor:give', { sessionId });
    const before = await speaking;
    expect(before.speaker).toMatchObject({ name: 'Katharina', allowedSeconds: 180 });

    // The server restarts in the middle: everyone rejoins and sees exactly the same state.
    await platform.close();
    await start();
    const again = await as('olena');
    const after = (await ask(again, 'session:join', { sessionId })).state!;
    expect(after.speaker).toEqual(before.speaker);
    expect(after.list).toEqual(before.list.filter((r) => r.name !== 'Katharina'));
  });

  it('applies a change of representative to open sockets at once', async () => {
    const { users } = await import('../../db/schema.ts');
    const { eq } = await import('drizzle-orm');
    const [daniel] = await handle.db.select().from(users).where(eq(users.name, 'Daniel'));
    const representativesOnly = await scheduleSession(handle.db, { id: daniel!.id, role: 'facilitator', organizationId: null, isRepresentative: false }, roundId, sessionSchema.parse({ title: 'Representatives', startsAt: '2026-12-03T09:00:00Z', agenda: 'One', attendees: 'representatives' }));
    const taras = await as('taras');
    expect(await ask(taras, 'session:join', { sessionId: representativesOnly.id })).toEqual({ ok: false, error: 'forbidden' });
    await handle.db.update(users).set({ isRepresentative: true }).where(eq(users.id, tarasId));
    await platform.services.access.changed({ userId: tarasId, reason: 'representative-changed' });
    expect((await ask(taras, 'session:join', { sessionId: representativesOnly.id })).ok).toBe(true);
  });

  it('lets go of a participant whose organization is no longer invited', async () => {
    const katharina = await as('katharina');
    await ask(katharina, 'session:join', { sessionId });
    const { getRound, updateRound } = await import('../../domain/rounds.ts');
    const { round, facts } = await getRound(handle.db, roundId);
    const refused = new Promise((resolve) => katharina.once('session:refused', resolve));
    await updateRound(handle.db, roundId, { title: round.title, framing: '', areas: [], phase: 'sessions', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: facts.invitedOrganizationIds.filter((id) => id !== caritasId) });
    await platform.services.realtime.roundChanged(roundId);
    expect(await refused).toEqual({ sessionId });
    expect(await ask(katharina, 'session:join', { sessionId })).toEqual({ ok: false, error: 'forbidden' });
  });

  it('limits requests for the floor to 6 a minute a person', async () => {
    const daniel = await as('daniel');
    const olena = await as('olena');
    await ask(daniel, 'session:join', { sessionId });
    await ask(olena, 'session:join', { sessionId });
    await ask(olena, 'floor:withdraw', { sessionId }); // her request from before the restart
    const answers: Ack[] = [];
    for (let i = 0; i < 7; i++) {
      answers.push(await ask(olena, 'floor:request', { sessionId, kind: 'intervention' }));
      await ask(olena, 'floor:withdraw', { sessionId });
    }
    expect(answers.slice(0, 6).every((a) => a.ok)).toBe(true);
    expect(answers[6]).toMatchObject({ ok: false, error: 'throttled' });
  });
});

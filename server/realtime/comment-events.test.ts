/**
 * Comment events over real sockets on the real server: watching needs `can`, changes reach
 * every watcher live, the people concerned hear that their inbox changed, bad payloads and
 * fast posting get error acknowledgements, never silence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ask as askWithAck, openSocket } from '../../tests/support/socket-client.ts';
import * as Y from 'yjs';
import { createSession } from '../../domain/auth/sessions.ts';
import { startPaper } from '../../domain/papers.ts';
import { createRound } from '../../domain/rounds.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { loadConfig } from '../config.ts';
import { createPlatform, type Platform } from '../platform.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let base: string;
const cookies: Record<string, string> = {};
const names: Record<string, string> = {};
let paperId: string;
let roundId: string;
let katharinaOrganization: string;
const sockets: Socket[] = [];

type Ack = { ok: boolean; error?: string; fields?: Record<string, string>; retryAfter?: number; [key: string]: unknown };

beforeAll(async () => {
  handle = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test' });
  platform = await createPlatform({ config, web: 'none', database: handle });
  base = await platform.listen(0, '127.0.0.1');
  const strada = await makeOrganization(handle.db);
  const caritas = await makeOrganization(handle.db);
  const people = {
    olena: await makeUser(handle.db, { organizationId: strada.id, isRepresentative: true }),
    taras: await makeUser(handle.db, { organizationId: strada.id }),
    katharina: await makeUser(handle.db, { organizationId: caritas.id, isRepresentative: true }),
    daniel: await makeUser(handle.db, { role: 'facilitator' }),
  };
  for (const [who, user] of Object.entries(people)) {
    cookies[who] = `idm_session=${(await createSession(handle.db, user.id, config.sessionTimeouts)).token}`;
    names[who] = user.name;
  }
  katharinaOrganization = caritas.id;
  const round = await createRound(handle.db, { title: 'Partnerships', framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [strada.id, caritas.id] }, people.daniel.id);
  roundId = round.id;
  paperId = (await startPaper(handle.db, { roundId, organizationId: strada.id, userId: people.olena.id, language: 'en' })).id;
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
const next = <T>(socket: Socket, event: string): Promise<T> => new Promise((resolve) => socket.once(event, resolve));

function anchor() {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, 'passage');
  const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString('base64');
  return { start: b64(Y.createRelativePositionFromTypeIndex(text, 0)), end: b64(Y.createRelativePositionFromTypeIndex(text, 7, -1)), quote: 'passage' };
}

describe('comment events', () => {
  it('let members watch a draft’s threads, and refuse others with an error acknowledgement', async () => {
    const taras = await as('taras');
    expect(await ask(taras, 'comments:watch', { scope: 'draft', paperId })).toMatchObject({ ok: true, threads: [] });
    for (const who of ['katharina', 'daniel']) {
      expect(await ask(await as(who), 'comments:watch', { scope: 'draft', paperId })).toEqual({ ok: false, error: 'forbidden' });
    }
  });

  it('bring a new thread and its replies to every watcher, and tell the others their inbox changed', async () => {
    const olena = await as('olena');
    const taras = await as('taras');
    await ask(taras, 'comments:watch', { scope: 'draft', paperId });
    const arrived = next<{ thread: { id: string; quote: string }; comment: { body: string } }>(taras, 'comments:changed');
    const inbox = next(taras, 'notifications:changed');
    const started = await ask(olena, 'thread:start', { scope: 'draft', paperId, anchor: anchor(), body: 'Name the hotline?' });
    expect(started.ok).toBe(true);
    expect((await arrived).comment.body).toBe('Name the hotline?');
    await inbox;
    expect(await ask(taras, 'notifications:count', {})).toEqual({ ok: true, unread: 1 });

    await ask(olena, 'comments:watch', { scope: 'draft', paperId });
    const threadId = (started.thread as { id: string; first: { id: string } }).id;
    const replyId = (started.thread as { first: { id: string } }).first.id;
    const answer = next<{ comment: { body: string; authorName: string } }>(olena, 'comments:changed');
    expect(await ask(taras, 'comment:reply', { threadId, replyToId: replyId, body: `@[${names.olena}] yes, 527.` })).toMatchObject({ ok: true });
    expect(await answer).toMatchObject({ comment: { body: `@[${names.olena}] yes, 527.`, authorName: names.taras } });
    const resolved = next<{ thread: { resolved: { byName: string } | null } }>(olena, 'comments:changed');
    await ask(taras, 'thread:resolve', { threadId, resolved: true });
    expect((await resolved).thread.resolved?.byName).toBe(names.taras);
  });

  it('answer malformed payloads, unknown ids and refused mentions with error acknowledgements', async () => {
    const olena = await as('olena');
    expect(await ask(olena, 'thread:start', { scope: 'draft', paperId: 'not-a-uuid', body: 'x' })).toMatchObject({ ok: false, error: 'invalid-payload' });
    expect(await ask(olena, 'thread:start', 'garbage')).toMatchObject({ ok: false, error: 'invalid-payload' });
    expect(await ask(olena, 'comment:reply', { threadId: crypto.randomUUID(), replyToId: crypto.randomUUID(), body: 'x' })).toEqual({ ok: false, error: 'not-found' });
    expect(await ask(olena, 'thread:start', { scope: 'draft', paperId, anchor: anchor(), body: '' })).toEqual({ ok: false, error: 'invalid-payload', fields: { body: 'errors.comment.empty' } });
    expect(await ask(olena, 'thread:start', { scope: 'draft', paperId, anchor: anchor(), body: `Ask @[${names.katharina}]` })).toEqual({ ok: false, error: 'invalid-payload', fields: { body: 'errors.comment.mentionCannotSee' } });
    expect(await ask(olena, 'comments:watch', null)).toMatchObject({ ok: false, error: 'invalid-payload' });
  });

  it('let go of a watcher whose organization is no longer invited: no later comment reaches it', async () => {
    const katharina = await as('katharina');
    const olena = await as('olena');
    expect((await ask(katharina, 'comments:watch', { scope: 'round', roundId })).ok).toBe(true);
    const { updateRound, getRound } = await import('../../domain/rounds.ts');
    const { round, facts } = await getRound(handle.db, roundId);
    const refused = next<{ place: unknown }>(katharina, 'comments:refused');
    let leaked = false;
    katharina.on('comments:changed', () => (leaked = true));
    await updateRound(handle.db, roundId, { title: round.title, framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: facts.invitedOrganizationIds.filter((id) => id !== katharinaOrganization) });
    await platform.services.realtime.roundChanged(roundId);
    expect(await refused).toEqual({ place: { scope: 'round', roundId } });
    expect((await ask(olena, 'thread:start', { scope: 'round', roundId, title: 'After Caritas left', body: 'Not for Caritas.' })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(leaked).toBe(false);
    expect(await ask(katharina, 'comments:watch', { scope: 'round', roundId })).toEqual({ ok: false, error: 'forbidden' });
  });

  it('limit posting to 10 comments a minute a person, saying when to try again', async () => {
    const daniel = await as('daniel');
    const answers: Ack[] = [];
    for (let i = 0; i < 11; i += 1) answers.push(await ask(daniel, 'thread:start', { scope: 'round', roundId, title: `Topic ${i}`, body: `Message ${i}` }));
    expect(answers.slice(0, 10).every((a) => a.ok)).toBe(true);
    expect(answers[10]).toMatchObject({ ok: false, error: 'throttled', retryAfter: expect.any(Number) });
    expect(answers[10]!.retryAfter).toBeGreaterThan(0);
    // Another person is not held back.
    expect((await ask(await as('taras'), 'thread:start', { scope: 'round', roundId, title: 'Another topic', body: 'Welcome' })).ok).toBe(true);
  });
});

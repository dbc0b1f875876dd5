/**
 * A live session on a real database: scheduling, attendance, the list of speakers (points of
 * order first, one request per organization, reorder, remove), the floor given, extended and
 * taken back with every intervention stored, roll calls, closing; and every facilitator action
 * refused to a participant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { interventions, sessionAttendance, sessionPresence } from '../../db/schema.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { Forbidden, InvalidInput } from '../errors.ts';
import type { Actor } from '../permissions.ts';
import { createRound } from '../rounds.ts';
import { startPaper, submitPaper } from '../papers.ts';
import {
  answerRollCall,
  attachStatement,
  statementSchema,
  callRoll,
  closeSession,
  extendSpeaker,
  giveFloor,
  join,
  leave,
  linkPapers,
  moveToItem,
  openSession,
  presentIn,
  removeRequest,
  reorderRequest,
  requestFloor,
  scheduleSession,
  sessionSchema,
  sessionState,
  setMultipleRequests,
  takeFloorBack,
  withdrawRequest,
} from './sessions.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
const people: Record<string, Actor> = {};
let roundId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const orgs = { strada: await makeOrganization(handle.db, { name: 'La Strada Ukraine' }), caritas: await makeOrganization(handle.db, { name: 'Caritas Österreich' }), hayat: await makeOrganization(handle.db, { name: 'Hayat' }), other: await makeOrganization(handle.db) };
  const make = async (key: string, values: Parameters<typeof makeUser>[1]) => {
    const u = await makeUser(handle.db, { name: key, ...values });
    people[key] = { id: u.id, role: u.role, organizationId: u.organizationId, isRepresentative: u.isRepresentative };
  };
  await make('olena', { organizationId: orgs.strada.id, isRepresentative: true });
  await make('taras', { organizationId: orgs.strada.id });
  await make('katharina', { organizationId: orgs.caritas.id, isRepresentative: true });
  await make('hayat', { organizationId: orgs.hayat.id, isRepresentative: true });
  await make('outsider', { organizationId: orgs.other.id });
  await make('daniel', { role: 'facilitator' });
  await make('sofia', { role: 'secretariat' });
  roundId = (await createRound(handle.db, { title: 'Partnerships', framing: '', areas: [], phase: 'sessions', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [orgs.strada.id, orgs.caritas.id, orgs.hayat.id] }, people.daniel!.id)).id;
});
afterAll(() => handle.dispose());

const p = (name: string) => people[name]!;
const schedule = async () =>
  scheduleSession(handle.db, p('daniel'), roundId, sessionSchema.parse({ title: 'First session', startsAt: '2026-12-01T09:00:00Z', speakingMinutes: '3', agenda: 'Counter-trafficking\nAssisted voluntary return\n' }));

describe('scheduling', () => {
  it('is for facilitators; the agenda comes one item per line and the first is current', async () => {
    await expect(scheduleSession(handle.db, p('olena'), roundId, sessionSchema.parse({ title: 'Mine', startsAt: '2026-12-01T09:00:00Z', agenda: 'One' }))).rejects.toBeInstanceOf(Forbidden);
    const session = await schedule();
    const state = await sessionState(handle.db, session.id);
    expect(state.agenda.map((i) => [i.title, i.current])).toEqual([['Counter-trafficking', true], ['Assisted voluntary return', false]]);
    expect(state.speakingSeconds).toBe(180);
    expect(sessionSchema.safeParse({ title: 'x', startsAt: 'soon', agenda: '' }).error?.issues.map((i) => i.message).sort()).toEqual(['errors.date.invalid', 'errors.session.agendaRequired', 'errors.session.titleRequired']);
  });
});

describe('a session, live', () => {
  it('runs the list of speakers as the rules say, and stores every intervention', async () => {
    const { id } = await schedule();
    // Attendance: who may attend, once per person however many joins.
    // Two tabs at once, then a third: one attendance row, one arrival.
    const arrivals = await Promise.all([join(handle.db, p('olena'), id), join(handle.db, p('olena'), id)]);
    expect(arrivals.filter((a) => a.joined).length).toBe(1);
    expect((await join(handle.db, p('olena'), id)).joined).toBeNull();
    await join(handle.db, p('katharina'), id);
    await join(handle.db, p('daniel'), id);
    await expect(join(handle.db, p('outsider'), id)).rejects.toBeInstanceOf(Forbidden);
    expect((await presentIn(handle.db, id)).map((x) => x.name).sort()).toEqual(['daniel', 'katharina', 'olena']);

    // Nobody asks for the floor before the session opens; participants cannot open it.
    await expect(requestFloor(handle.db, p('olena'), id, 'intervention')).rejects.toBeInstanceOf(Forbidden);
    await expect(openSession(handle.db, p('olena'), id)).rejects.toBeInstanceOf(Forbidden);
    await openSession(handle.db, p('daniel'), id);

    await requestFloor(handle.db, p('olena'), id, 'intervention');
    await expect(requestFloor(handle.db, p('taras'), id, 'intervention')).rejects.toMatchObject({ fields: { kind: 'errors.session.alreadyRequested' } });
    await requestFloor(handle.db, p('katharina'), id, 'reply');
    let state = await requestFloor(handle.db, p('hayat'), id, 'point-of-order');
    expect(state.list.map((r) => [r.name, r.kind])).toEqual([['hayat', 'point-of-order'], ['olena', 'intervention'], ['katharina', 'reply']]);
    // A point of order (or a right of reply) is never held back while the organization waits:
    // Taras raises one while Olena waits for La Strada Ukraine, once; then withdraws it.
    state = await requestFloor(handle.db, p('taras'), id, 'point-of-order');
    expect(state.list.map((r) => [r.name, r.kind])).toEqual([['hayat', 'point-of-order'], ['taras', 'point-of-order'], ['olena', 'intervention'], ['katharina', 'reply']]);
    await expect(requestFloor(handle.db, p('taras'), id, 'point-of-order')).rejects.toMatchObject({ fields: { kind: 'errors.session.alreadyRequested' } });
    state = await withdrawRequest(handle.db, p('taras'), id);
    expect(state.list.map((r) => [r.name, r.kind])).toEqual([['hayat', 'point-of-order'], ['olena', 'intervention'], ['katharina', 'reply']]);

    // Facilitator actions are the facilitator's.
    for (const attempt of [() => giveFloor(handle.db, p('olena'), id), () => reorderRequest(handle.db, p('olena'), id, state.list[2]!.id, 0), () => removeRequest(handle.db, p('katharina'), id, state.list[2]!.id), () => extendSpeaker(handle.db, p('olena'), id, 60), () => takeFloorBack(handle.db, p('sofia'), id), () => callRoll(handle.db, p('olena'), id), () => closeSession(handle.db, p('katharina'), id), () => moveToItem(handle.db, p('olena'), id, state.agenda[1]!.id), () => setMultipleRequests(handle.db, p('olena'), id, true)]) {
      await expect(attempt()).rejects.toBeInstanceOf(Forbidden);
    }

    state = await reorderRequest(handle.db, p('daniel'), id, state.list[2]!.id, 1);
    expect(state.list.map((r) => r.name)).toEqual(['hayat', 'katharina', 'olena']);
    state = await giveFloor(handle.db, p('daniel'), id);
    expect(state.speaker).toMatchObject({ name: 'hayat', kind: 'point-of-order', allowedSeconds: 180 });
    expect(state.list.map((r) => r.name)).toEqual(['katharina', 'olena']);
    state = await extendSpeaker(handle.db, p('daniel'), id, 60);
    expect(state.speaker?.allowedSeconds).toBe(240);
    state = await giveFloor(handle.db, p('daniel'), id, state.list[1]!.id);
    expect(state.speaker?.name).toBe('olena');
    state = await removeRequest(handle.db, p('daniel'), id, state.list[0]!.id);
    expect(state.list).toEqual([]);
    await expect(giveFloor(handle.db, p('daniel'), id)).rejects.toMatchObject({ fields: { request: 'errors.session.listEmpty' } });
    state = await takeFloorBack(handle.db, p('daniel'), id);
    expect(state.speaker).toBeNull();
    await expect(extendSpeaker(handle.db, p('daniel'), id, 60)).rejects.toBeInstanceOf(InvalidInput);

    // Her request done, Olena may ask again; she withdraws it herself.
    state = await requestFloor(handle.db, p('olena'), id, 'intervention');
    expect(state.list.map((r) => r.name)).toEqual(['olena']);
    state = await withdrawRequest(handle.db, p('olena'), id);
    expect(state.list).toEqual([]);

    // The next item has a list of its own.
    state = await moveToItem(handle.db, p('daniel'), id, state.agenda[1]!.id);
    expect(state.agenda.find((i) => i.current)?.title).toBe('Assisted voluntary return');

    // Roll call: each present organization confirms, once.
    await expect(answerRollCall(handle.db, p('olena'), id)).rejects.toMatchObject({ fields: { session: 'errors.session.noRollCall' } });
    await callRoll(handle.db, p('daniel'), id);
    await answerRollCall(handle.db, p('olena'), id);
    // Taras never joined: only people present answer.
    await expect(answerRollCall(handle.db, p('taras'), id)).rejects.toMatchObject({ fields: { session: 'errors.session.notPresent' } });
    await answerRollCall(handle.db, p('olena'), id);
    state = await answerRollCall(handle.db, p('katharina'), id);
    expect(state.rollCall?.answered.length).toBe(2);

    const stored = await handle.db.select().from(interventions).where(eq(interventions.sessionId, id));
    expect(stored.map((s) => [s.kind, s.allowedSeconds, s.endedAt !== null])).toEqual([
      ['point-of-order', 240, true],
      ['intervention', 180, true],
    ]);

    // Leaving and closing: attendance rows end; a closed session refuses everything.
    await leave(handle.db, p('katharina').id, id);
    state = await closeSession(handle.db, p('daniel'), id);
    expect(state.status).toBe('closed');
    expect(await presentIn(handle.db, id)).toEqual([]);
    const rows = await handle.db.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, id));
    expect(rows.every((r) => r.leftAt !== null)).toBe(true);
    // The organizations' time present is kept for the participation record.
    const kept = await handle.db.select().from(sessionPresence).where(eq(sessionPresence.sessionId, id));
    expect(new Set(kept.map((k) => k.organizationId))).toEqual(new Set(rows.map((r) => r.organizationId).filter(Boolean)));
    expect(kept.every((k) => k.seconds >= 0)).toBe(true);
    await expect(join(handle.db, p('olena'), id)).rejects.toMatchObject({ fields: { session: 'errors.session.closed' } });
    await expect(requestFloor(handle.db, p('olena'), id, 'intervention')).rejects.toBeInstanceOf(Forbidden);
    await expect(openSession(handle.db, p('daniel'), id)).rejects.toBeInstanceOf(Forbidden);
  });

  it('lets the speaking organization attach its written statement: a short text or its submitted paper', async () => {
    const { id } = await schedule();
    await openSession(handle.db, p('daniel'), id);
    await requestFloor(handle.db, p('olena'), id, 'intervention');
    const interventionId = (await giveFloor(handle.db, p('daniel'), id)).speaker!.interventionId;
    await expect(attachStatement(handle.db, p('katharina'), id, interventionId, { text: 'Not ours' })).rejects.toBeInstanceOf(Forbidden);
    await expect(attachStatement(handle.db, p('daniel'), id, interventionId, { text: 'Staff' })).rejects.toBeInstanceOf(Forbidden);
    expect((await attachStatement(handle.db, p('taras'), id, interventionId, { text: 'Our statement on hotlines.' })).speaker?.statement).toEqual({ text: 'Our statement on hotlines.' });
    await expect(attachStatement(handle.db, p('olena'), id, interventionId, { submittedPaper: true })).rejects.toMatchObject({ fields: { statement: 'errors.session.noSubmittedPaper' } });
    const paper = await startPaper(handle.db, { roundId, organizationId: p('olena').organizationId!, userId: p('olena').id, language: 'en' });
    await submitPaper(handle.db, { paperId: paper.id, userId: p('olena').id, content: { text: 'x' }, html: '<p>x</p>', text: 'Position.', wordCount: 1, wordLimit: null });
    expect((await attachStatement(handle.db, p('olena'), id, interventionId, { submittedPaper: true })).speaker?.statement).toEqual({ paper: { roundId, paperId: paper.id, number: 1 } });
    expect(statementSchema.safeParse({ text: '   ' }).success).toBe(false);

    // The facilitator links the paper to the agenda item it is about.
    const itemId = (await sessionState(handle.db, id)).agenda[0]!.id;
    await expect(linkPapers(handle.db, p('olena'), id, itemId, [paper.id])).rejects.toBeInstanceOf(Forbidden);
    await expect(linkPapers(handle.db, p('daniel'), id, itemId, [crypto.randomUUID()])).rejects.toMatchObject({ fields: { paperIds: 'errors.session.unknownPaper' } });
    expect((await linkPapers(handle.db, p('daniel'), id, itemId, [paper.id, paper.id])).agenda[0]!.papers).toEqual([{ paperId: paper.id, organizationName: 'La Strada Ukraine' }]);
  });

  it('admits only representatives when the facilitator says so', async () => {
    const { id } = await scheduleSession(handle.db, p('daniel'), roundId, sessionSchema.parse({ title: 'Representatives', startsAt: '2026-12-01T09:00:00Z', agenda: 'One', attendees: 'representatives' }));
    await expect(join(handle.db, p('taras'), id)).rejects.toBeInstanceOf(Forbidden);
    expect((await join(handle.db, p('olena'), id)).present.map((x) => x.name)).toEqual(['olena']);
    await join(handle.db, p('sofia'), id);
  });

  it('allows several pending requests per organization when the facilitator says so', async () => {
    const { id } = await schedule();
    await openSession(handle.db, p('daniel'), id);
    await requestFloor(handle.db, p('olena'), id, 'intervention');
    await setMultipleRequests(handle.db, p('daniel'), id, true);
    const state = await requestFloor(handle.db, p('taras'), id, 'reply');
    expect(state.list.map((r) => r.name)).toEqual(['olena', 'taras']);
    await expect(requestFloor(handle.db, p('taras'), id, 'reply')).rejects.toBeInstanceOf(InvalidInput);
  });
});

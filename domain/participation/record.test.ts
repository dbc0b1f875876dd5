/**
 * The participation record recomputed from a scripted set of events: every figure of every row
 * is checked against what the script did, on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  agendaItems,
  auditLog,
  commentThreads,
  comments,
  consultationSessions,
  externalAttendances,
  interventions,
  paperVersions,
  positionPapers,
  sessionAttendance,
  sessionPresence,
} from '../../db/schema.ts';
import { createRound } from '../rounds.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { participationRecord, shown, isCorrected, tookPart, type ParticipationRow } from './record.ts';
import { correctFigure, recordMeeting, addAttendee } from './meetings.ts';
import { storeSessionPresence } from './presence.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let rows: ParticipationRow[];
const ids: Record<string, string> = {};
const t = (minutes: number) => new Date(Date.UTC(2026, 9, 1, 9, minutes));

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  const strada = await makeOrganization(db, { name: 'La Strada Ukraine' });
  const caritas = await makeOrganization(db, { name: 'Caritas Österreich' });
  const silent = await makeOrganization(db, { name: 'A Silent NGO' });
  const notInvited = await makeOrganization(db, { name: 'Not Invited' });
  const olena = await makeUser(db, { organizationId: strada.id, isRepresentative: true });
  const taras = await makeUser(db, { organizationId: strada.id });
  const katharina = await makeUser(db, { organizationId: caritas.id, isRepresentative: true });
  await makeUser(db, { organizationId: silent.id });
  const outsider = await makeUser(db, { organizationId: notInvited.id });
  const secretariat = await makeUser(db, { role: 'secretariat' });
  const round = await createRound(db, { title: 'Counter-trafficking', framing: '', areas: [], phase: 'sessions', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [strada.id, caritas.id, silent.id] }, secretariat.id);
  const other = await createRound(db, { title: 'Labour migration', framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [strada.id] }, secretariat.id);
  Object.assign(ids, { strada: strada.id, caritas: caritas.id, silent: silent.id, round: round.id, other: other.id, secretariat: secretariat.id });

  // Two sessions, the second still open. Olena and Taras overlap: their organization counts once.
  const [s1, s2] = await db
    .insert(consultationSessions)
    .values([
      { roundId: round.id, title: 'First', startsAt: t(0), status: 'closed', openedAt: t(0), closedAt: t(60) },
      { roundId: round.id, title: 'Second', startsAt: t(120), status: 'closed', openedAt: t(120), closedAt: t(180) },
    ])
    .returning();
  const [item1] = await db.insert(agendaItems).values({ sessionId: s1!.id, position: 0, title: 'Item' }).returning();
  const [item2] = await db.insert(agendaItems).values({ sessionId: s2!.id, position: 0, title: 'Item' }).returning();
  await db.insert(sessionAttendance).values([
    { sessionId: s1!.id, userId: olena.id, organizationId: strada.id, joinedAt: t(0), leftAt: t(30) }, // 0–30
    { sessionId: s1!.id, userId: taras.id, organizationId: strada.id, joinedAt: t(20), leftAt: t(40) }, // overlaps: 0–40
    { sessionId: s1!.id, userId: olena.id, organizationId: strada.id, joinedAt: t(50), leftAt: null }, // until the close: 50–60
    { sessionId: s2!.id, userId: taras.id, organizationId: strada.id, joinedAt: t(120), leftAt: t(125) }, // 5
    { sessionId: s1!.id, userId: katharina.id, organizationId: caritas.id, joinedAt: t(10), leftAt: t(15) }, // 5
    { sessionId: s1!.id, userId: katharina.id, organizationId: caritas.id, joinedAt: t(11), leftAt: t(12) }, // inside the span above: adds nothing
    { sessionId: s1!.id, userId: outsider.id, organizationId: notInvited.id, joinedAt: t(0), leftAt: t(60) },
  ]);
  await db.insert(interventions).values([
    { sessionId: s1!.id, agendaItemId: item1!.id, userId: olena.id, organizationId: strada.id, kind: 'intervention', startedAt: t(1), endedAt: t(4), allowedSeconds: 180 },
    { sessionId: s1!.id, agendaItemId: item1!.id, userId: taras.id, organizationId: strada.id, kind: 'reply', startedAt: t(5), endedAt: t(6), allowedSeconds: 180 },
    { sessionId: s2!.id, agendaItemId: item2!.id, userId: taras.id, organizationId: strada.id, kind: 'point-of-order', startedAt: t(121), endedAt: new Date(t(121).getTime() + 30_000), allowedSeconds: 180 },
    { sessionId: s1!.id, agendaItemId: item1!.id, userId: katharina.id, organizationId: caritas.id, kind: 'intervention', startedAt: t(11), endedAt: t(13), allowedSeconds: 180 },
  ]);
  const [paper] = await db.insert(positionPapers).values({ roundId: round.id, organizationId: strada.id }).returning();
  const version = (number: number, at: Date) => ({ paperId: paper!.id, number, content: {}, html: '', text: '', wordCount: 0, digest: String(number), submittedById: olena.id, submittedAt: at });
  await db.insert(paperVersions).values([version(1, t(200)), version(2, t(300))]);
  // Comments: three by La Strada's people in this round (one by a person who has since moved to
  // another organization), one in the other round, one by Caritas, one by IOM staff.
  const [thread] = await db.insert(commentThreads).values({ scope: 'round', roundId: round.id, title: 'Question', createdById: olena.id }).returning();
  const [otherThread] = await db.insert(commentThreads).values({ scope: 'round', roundId: other.id, title: 'Q', createdById: olena.id }).returning();
  await db.insert(comments).values([
    { threadId: thread!.id, authorId: olena.id, organizationId: strada.id, body: 'One' },
    { threadId: thread!.id, authorId: taras.id, organizationId: strada.id, body: 'Two' },
    { threadId: thread!.id, authorId: outsider.id, organizationId: strada.id, body: 'Written while at La Strada' },
    { threadId: thread!.id, authorId: katharina.id, organizationId: caritas.id, body: 'Three' },
    { threadId: thread!.id, authorId: secretariat.id, organizationId: null, body: 'From the secretariat' },
    { threadId: otherThread!.id, authorId: olena.id, organizationId: strada.id, body: 'Elsewhere' },
  ]);
  // A Council session attended by two people of Caritas: one meeting for the organization.
  const meeting = await recordMeeting(db, round.id, { title: 'IOM Council, 113th session', kind: 'council-session', heldOn: '2026-11-26' }, secretariat.id);
  await addAttendee(db, round.id, { meetingId: meeting.id, organizationId: caritas.id, personName: 'Katharina Huber' }, secretariat.id);
  await addAttendee(db, round.id, { meetingId: meeting.id, organizationId: caritas.id, personName: 'Franz Huber' }, secretariat.id);
  rows = await participationRecord(db, { roundId: round.id });
});

afterAll(() => handle.dispose());

const row = (organizationId: string) => rows.find((r) => r.organization.id === organizationId)!;

describe('the participation record of a round', () => {
  it('lists every invited organization and only those', () => {
    expect(rows.map((r) => r.organization.name).sort()).toEqual(['A Silent NGO', 'Caritas Österreich', 'La Strada Ukraine']);
  });

  it('derives each figure from the stored events', () => {
    expect(row(ids.strada!).derived).toEqual({
      members: 2,
      sessionsAttended: 2,
      secondsPresent: (40 + 10 + 5) * 60,
      interventions: 3,
      interventionSeconds: 3 * 60 + 60 + 30,
      versions: 2,
      coSignatures: 0,
      comments: 3,
      meetingsElsewhere: 0,
    });
    expect(row(ids.strada!).interventionsByKind).toEqual({ intervention: 1, reply: 1, 'point-of-order': 1 });
    expect(row(ids.strada!).firstSubmittedAt).toEqual(t(200));
    expect(row(ids.strada!).lastSubmittedAt).toEqual(t(300));
    expect(row(ids.caritas!).derived).toEqual({
      members: 1,
      sessionsAttended: 1,
      secondsPresent: 5 * 60,
      interventions: 1,
      interventionSeconds: 120,
      versions: 0,
      coSignatures: 0,
      comments: 1,
      meetingsElsewhere: 1,
    });
    expect(row(ids.silent!).derived).toMatchObject({ members: 1, sessionsAttended: 0, interventions: 0, versions: 0, comments: 0 });
    expect(tookPart(row(ids.silent!))).toBe(false);
    expect(tookPart(row(ids.caritas!))).toBe(true);
  });

  it('shows a correction beside the derived figure, keeps every one, and writes each to the audit log', async () => {
    const original = async (organizationId: string, figure: string) => {
      const r = (await participationRecord(handle.db, { roundId: ids.round! })).find((x) => x.organization.id === organizationId);
      return r ? r.derived[figure as keyof ParticipationRow['derived']] : null;
    };
    await correctFigure(handle.db, ids.round!, { organizationId: ids.silent!, figure: 'sessionsAttended', value: '1', note: 'Attended by phone; the room did not record it.' }, ids.secretariat!, original);
    await correctFigure(handle.db, ids.round!, { organizationId: ids.silent!, figure: 'sessionsAttended', value: '2', note: 'And the second one.' }, ids.secretariat!, original);
    await correctFigure(handle.db, ids.round!, { organizationId: ids.silent!, figure: 'comments', value: '', note: 'Sent its comments by mail.' }, ids.secretariat!, original);
    const silent = (await participationRecord(handle.db, { roundId: ids.round! })).find((r) => r.organization.id === ids.silent)!;
    expect(silent.derived.sessionsAttended).toBe(0);
    expect(shown(silent, 'sessionsAttended')).toBe(2);
    expect(isCorrected(silent, 'sessionsAttended')).toBe(true);
    expect(shown(silent, 'comments')).toBe(0);
    expect(isCorrected(silent, 'comments')).toBe(false);
    expect(silent.corrections.map((c) => c.note)).toEqual(['Attended by phone; the room did not record it.', 'And the second one.', 'Sent its comments by mail.']);
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'participation-corrected'));
    expect(audit).toHaveLength(3);
    expect(audit[0]!.details).toMatchObject({ figure: 'sessionsAttended', derived: 0, value: 1 });
  });

  it('refuses a correction without a note, with a bad figure or for an organization not invited', async () => {
    const original = async () => 0;
    await expect(correctFigure(handle.db, ids.round!, { organizationId: ids.silent!, figure: 'comments', value: '3', note: ' ' }, ids.secretariat!, original)).rejects.toMatchObject({ fields: { note: 'participation.errors.noteRequired' } });
    await expect(correctFigure(handle.db, ids.round!, { organizationId: ids.silent!, figure: 'mood', value: '3', note: 'x' }, ids.secretariat!, original)).rejects.toMatchObject({ fields: { figure: 'participation.errors.figure' } });
    await expect(correctFigure(handle.db, ids.round!, { organizationId: ids.silent!, figure: 'comments', value: '-3', note: 'x' }, ids.secretariat!, original)).rejects.toMatchObject({ fields: { value: 'participation.errors.value' } });
    await expect(correctFigure(handle.db, ids.round!, { organizationId: ids.silent!, figure: 'comments', value: '3', note: 'x' }, ids.secretariat!, async () => null)).rejects.toMatchObject({ fields: { organizationId: 'participation.errors.notInvited' } });
  });

  it('refuses the same attendee twice and an organization the round does not invite', async () => {
    const [meeting] = await handle.db.select().from(externalAttendances).limit(1);
    await expect(addAttendee(handle.db, ids.round!, { meetingId: meeting!.meetingId, organizationId: ids.caritas!, personName: 'katharina huber' }, ids.secretariat!)).rejects.toMatchObject({ fields: { personName: 'participation.errors.alreadyRecorded' } });
    await expect(addAttendee(handle.db, ids.round!, { meetingId: meeting!.meetingId, organizationId: ids.other!, personName: 'Someone' }, ids.secretariat!)).rejects.toMatchObject({ fields: { organizationId: 'participation.errors.notInvited' } });
  });
});

describe('closed sessions', () => {
  it('give the same figures once their presence is stored at the close as when merged from the attendance', async () => {
    const before = (await participationRecord(handle.db, { roundId: ids.round! })).map((r) => [r.organization.name, r.derived.sessionsAttended, r.derived.secondsPresent]);
    const sessions = await handle.db.select().from(consultationSessions);
    for (const s of sessions) await storeSessionPresence(handle.db, s.id);
    const stored = await handle.db.select().from(sessionPresence);
    // La Strada in both sessions, Caritas and the organization not invited in the first.
    expect(stored).toHaveLength(4);
    expect(stored.find((p) => p.organizationId === ids.strada && p.sessionId === sessions.find((x) => x.title === 'First')!.id)!.seconds).toBe(50 * 60);
    const after = (await participationRecord(handle.db, { roundId: ids.round! })).map((r) => [r.organization.name, r.derived.sessionsAttended, r.derived.secondsPresent]);
    expect(after).toEqual(before);
  });
});

describe("an organization's record across rounds", () => {
  it('has a row per round that invites it, each with that round’s figures', async () => {
    const across = await participationRecord(handle.db, { organizationId: ids.strada! });
    expect(across.map((r) => r.roundTitle)).toEqual(['Counter-trafficking', 'Labour migration']);
    expect(across[0]!.derived.interventions).toBe(3);
    expect(across[1]!.derived).toMatchObject({ interventions: 0, comments: 1, sessionsAttended: 0 });
  });
});

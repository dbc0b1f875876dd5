/**
 * Live consultation sessions: scheduling, and everything that happens in the room (attendance,
 * the agenda, the list of speakers, interventions, roll calls). The database holds the truth:
 * every change is written in a transaction that locks the session row, so two facilitators'
 * clicks or two requests for the floor never interleave; the state anyone sees is read back
 * from the database, so a reload, a reconnection or a server restart shows exactly it.
 */
import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { storableDateTime } from '../dates.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { storeSessionPresence } from '../participation/presence.ts';
import { agendaItems, consultationSessions, floorRequests, interventions, organizations, paperVersions, positionPapers, rollCallAnswers, sessionAttendance, users, type ConsultationSession } from '../../db/schema.ts';
import { Forbidden, InvalidInput, NotFound } from '../errors.ts';
import { can, describeResource, type Actor, type Actions, type RoundFacts } from '../permissions.ts';
import { getRound } from '../rounds.ts';
import { instantIn } from '../time-zones.ts';
import { moved, refusalOf, withRequest, type FloorKind, type Pending } from './speakers.ts';

/** A session as its form gives it; the date and time are read in `timeZone`, the round's zone. */
export const sessionSchemaIn = (timeZone: string) =>
  z.object({
    title: z.string({ error: 'errors.session.titleRequired' }).trim().min(3, 'errors.session.titleRequired').max(200, 'errors.name.tooLong'),
    startsAt: instantIn(timeZone),
    attendees: z.enum(['members', 'representatives'], { error: 'errors.session.attendees' }).default('members'),
    speakingMinutes: z.coerce.number({ error: 'errors.session.speakingTime' }).int('errors.session.speakingTime').min(1, 'errors.session.speakingTime').max(30, 'errors.session.speakingTime').default(3),
    /** One agenda item per line. */
    agenda: z
      .string()
      .default('')
      .transform((text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))
      .pipe(z.array(z.string().max(300, 'errors.session.itemTooLong')).min(1, 'errors.session.agendaRequired').max(50, 'errors.session.agendaTooLong')),
  });
/** Programs and tests give instants that name their offset; a wall time here is read as UTC. */
export const sessionSchema = sessionSchemaIn('UTC');
export type SessionInput = z.infer<typeof sessionSchema>;

type Tx = Transaction;

export async function getSession(db: Database | Tx, sessionId: string) {
  if (!z.uuid().safeParse(sessionId).success) throw new NotFound('session');
  const [session] = await db.select().from(consultationSessions).where(eq(consultationSessions.id, sessionId)).limit(1);
  if (!session) throw new NotFound('session');
  const { round, facts } = await getRound(db as Database, session.roundId);
  return { session, round, facts };
}

/** What `can` is asked about a session. */
export function sessionResource(session: Pick<ConsultationSession, 'status' | 'attendees'>, round: RoundFacts) {
  return { type: 'session', round, status: session.status, attendees: session.attendees } as const;
}

function demand(actor: Actor, action: Actions['session'], session: Pick<ConsultationSession, 'status' | 'attendees'>, round: RoundFacts) {
  const resource = sessionResource(session, round);
  if (!can(actor, action, resource)) throw new Forbidden(action, describeResource(resource));
}

export async function scheduleSession(db: Database, actor: Actor, roundId: string, input: SessionInput) {
  const { facts } = await getRound(db, roundId);
  demand(actor, 'schedule', { status: 'scheduled', attendees: input.attendees }, facts);
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(consultationSessions)
      .values({ roundId, title: input.title, startsAt: input.startsAt, speakingSeconds: input.speakingMinutes * 60, attendees: input.attendees, createdById: actor.id })
      .returning();
    const items = await tx.insert(agendaItems).values(input.agenda.map((title, position) => ({ sessionId: session!.id, position, title }))).returning();
    await tx.update(consultationSessions).set({ currentItemId: items[0]!.id }).where(eq(consultationSessions.id, session!.id));
    return session!;
  });
}

/**
 * Moves a session that has not started to another time (a wall time read in the round's zone).
 * Its `sequence` grows, so calendars that hold it replace the old time (domain/calendar), and
 * reminders before it are due again for the new time (domain/reminders).
 */
export async function rescheduleSession(db: Database, actor: Actor, sessionId: string, startsAt: unknown) {
  const { round } = await getSession(db, sessionId);
  const parsed = instantIn(round.timeZone).safeParse(startsAt);
  if (!parsed.success) throw new InvalidInput({ startsAt: 'errors.date.invalid' });
  return change(db, actor, sessionId, 'schedule', async (tx, session) => {
    if (session.status !== 'scheduled') throw new InvalidInput({ startsAt: 'errors.session.alreadyStarted' });
    if (session.startsAt.getTime() === parsed.data.getTime()) return;
    await tx
      .update(consultationSessions)
      .set({ startsAt: parsed.data, sequence: sql`${consultationSessions.sequence} + 1`, updatedAt: new Date() })
      .where(eq(consultationSessions.id, sessionId));
  });
}

/** The sessions of a round, soonest first. */
/** A round's sessions in order (bounded: a round has a handful). */
export async function listSessions(db: Database, roundId: string) {
  return db.select().from(consultationSessions).where(eq(consultationSessions.roundId, roundId)).orderBy(asc(consultationSessions.startsAt)).limit(500);
}

// ---- The state of the room -----------------------------------------------------------------

/** A written statement attached to an intervention: a short text, or the organization's submitted paper. */
export type Statement = { text: string } | { paper: { roundId: string; paperId: string; number: number } };

export async function statementOf(db: Database | Tx, intervention: { statement: string | null; statementVersionId: string | null }): Promise<Statement | null> {
  if (intervention.statement) return { text: intervention.statement };
  if (!intervention.statementVersionId) return null;
  const [version] = await db
    .select({ number: paperVersions.number, paperId: positionPapers.id, roundId: positionPapers.roundId })
    .from(paperVersions)
    .innerJoin(positionPapers, eq(positionPapers.id, paperVersions.paperId))
    .where(eq(paperVersions.id, intervention.statementVersionId))
    .limit(1);
  return version ? { paper: version } : null;
}

export const statementSchema = z.union([
  z.object({ text: z.string({ error: 'errors.session.statementEmpty' }).trim().min(1, 'errors.session.statementEmpty').max(2000, 'errors.session.statementTooLong') }),
  z.object({ submittedPaper: z.literal(true) }),
]);

/**
 * The speaking organization attaches its written statement to its intervention (the current
 * one, or one of the record): a short text, or its latest submitted paper of the round.
 */
export async function attachStatement(db: Database, actor: Actor, sessionId: string, interventionId: string, input: z.infer<typeof statementSchema>) {
  const { session, facts } = await getSession(db, sessionId);
  const [intervention] = await db.select().from(interventions).where(and(eq(interventions.id, interventionId), eq(interventions.sessionId, sessionId))).limit(1);
  if (!intervention) throw new NotFound('intervention');
  const resource = { type: 'intervention', organizationId: intervention.organizationId, round: facts, status: session.status } as const;
  if (!can(actor, 'attach-statement', resource)) throw new Forbidden('attach-statement', describeResource(resource));
  if ('text' in input) {
    await db.update(interventions).set({ statement: input.text, statementVersionId: null }).where(eq(interventions.id, interventionId));
  } else {
    const [latest] = await db
      .select({ id: paperVersions.id })
      .from(paperVersions)
      .innerJoin(positionPapers, eq(positionPapers.id, paperVersions.paperId))
      .where(and(eq(positionPapers.roundId, session.roundId), eq(positionPapers.organizationId, intervention.organizationId!)))
      .orderBy(desc(paperVersions.number))
      .limit(1);
    if (!latest) throw new InvalidInput({ statement: 'errors.session.noSubmittedPaper' });
    await db.update(interventions).set({ statement: null, statementVersionId: latest.id }).where(eq(interventions.id, interventionId));
  }
  return sessionState(db, sessionId);
}

/** Someone in the room. */
export interface Present {
  userId: string;
  name: string;
  organizationId: string | null;
  organizationName: string | null;
}

/**
 * The state of the room. Who is present is not part of it: with hundreds of participants it
 * would make every broadcast large; it comes whole on joining and then as joins and leaves.
 */
export interface SessionState {
  id: string;
  roundId: string;
  title: string;
  status: ConsultationSession['status'];
  startsAt: string;
  speakingSeconds: number;
  attendees: 'members' | 'representatives';
  allowMultipleRequests: boolean;
  agenda: Array<{ id: string; title: string; current: boolean; papers: Array<{ paperId: string; organizationName: string }> }>;
  list: Array<{ id: string; userId: string; name: string; organizationId: string | null; organizationName: string | null; kind: FloorKind }>;
  speaker: { interventionId: string; userId: string | null; name: string; organizationId: string | null; organizationName: string | null; kind: FloorKind; startedAt: string; allowedSeconds: number; statement: Statement | null } | null;
  rollCall: { at: string; answered: string[] } | null;
  /** The server's clock when the state was read, for the countdown. */
  serverNow: string;
}

export async function sessionState(db: Database | Tx, sessionId: string): Promise<SessionState> {
  const [session] = await db.select().from(consultationSessions).where(eq(consultationSessions.id, sessionId)).limit(1);
  if (!session) throw new NotFound('session');
  const [agenda, list, speaking, answers] = await Promise.all([
    db.select().from(agendaItems).where(eq(agendaItems.sessionId, sessionId)).orderBy(asc(agendaItems.position)),
    session.currentItemId
      ? db
          .select({ request: floorRequests, name: users.name, organizationName: organizations.name })
          .from(floorRequests)
          .innerJoin(users, eq(users.id, floorRequests.userId))
          .leftJoin(organizations, eq(organizations.id, floorRequests.organizationId))
          .where(and(eq(floorRequests.sessionId, sessionId), eq(floorRequests.agendaItemId, session.currentItemId), eq(floorRequests.status, 'pending')))
          .orderBy(asc(floorRequests.rank))
      : Promise.resolve([]),
    db
      .select({ intervention: interventions, name: users.name, organizationName: organizations.name })
      .from(interventions)
      .leftJoin(users, eq(users.id, interventions.userId))
      .leftJoin(organizations, eq(organizations.id, interventions.organizationId))
      .where(and(eq(interventions.sessionId, sessionId), isNull(interventions.endedAt)))
      .limit(1),
    session.rollCallAt
      ? db.select({ organizationId: rollCallAnswers.organizationId }).from(rollCallAnswers).where(and(eq(rollCallAnswers.sessionId, sessionId), eq(rollCallAnswers.rollCallAt, session.rollCallAt)))
      : Promise.resolve([]),
  ]);
  const current = speaking[0];
  const linked = [...new Set(agenda.flatMap((item) => item.paperIds))];
  const paperNames = linked.length
    ? await db.select({ paperId: positionPapers.id, organizationName: organizations.name }).from(positionPapers).innerJoin(organizations, eq(organizations.id, positionPapers.organizationId)).where(inArray(positionPapers.id, linked))
    : [];
  return {
    id: session.id,
    roundId: session.roundId,
    title: session.title,
    status: session.status,
    startsAt: session.startsAt.toISOString(),
    speakingSeconds: session.speakingSeconds,
    attendees: session.attendees,
    allowMultipleRequests: session.allowMultipleRequests,
    agenda: agenda.map((item) => ({
      id: item.id,
      title: item.title,
      current: item.id === session.currentItemId,
      papers: paperNames.filter((p) => item.paperIds.includes(p.paperId)).sort((a, b) => a.organizationName.localeCompare(b.organizationName)),
    })),
    list: list.map(({ request: r, name, organizationName }) => ({ id: r.id, userId: r.userId, name, organizationId: r.organizationId, organizationName, kind: r.kind })),
    speaker: current
      ? {
          interventionId: current.intervention.id,
          userId: current.intervention.userId,
          name: current.name ?? '',
          organizationId: current.intervention.organizationId,
          organizationName: current.organizationName,
          kind: current.intervention.kind,
          startedAt: current.intervention.startedAt.toISOString(),
          allowedSeconds: current.intervention.allowedSeconds,
          statement: await statementOf(db, current.intervention),
        }
      : null,
    rollCall: session.rollCallAt ? { at: session.rollCallAt.toISOString(), answered: answers.map((a) => a.organizationId) } : null,
    serverNow: new Date().toISOString(),
  };
}

/**
 * Who is in the room as a person may see it (`can(actor, 'read-attendance', session)`): IOM
 * staff see each person; participants see which organizations are present (one entry each, with
 * no name), never who or when.
 */
export function presenceFor(actor: Actor, session: ReturnType<typeof sessionResource>, present: Present[]): Present[] {
  return can(actor, 'read-attendance', session) ? present : organizationsPresent(present);
}

/** The organizations present, one entry each with no person's name (IOM staff as one entry). */
export function organizationsPresent(present: Present[]): Present[] {
  const organizations = new Map<string, Present>();
  for (const p of present) {
    const key = p.organizationId ?? 'iom';
    if (!organizations.has(key)) organizations.set(key, { userId: '', name: '', organizationId: p.organizationId, organizationName: p.organizationName });
  }
  return [...organizations.values()];
}

/** Who is in the room now, by organization then name. */
export async function presentIn(db: Database | Tx, sessionId: string, userId?: string): Promise<Present[]> {
  const rows = await db
    .selectDistinctOn([sessionAttendance.userId], { userId: sessionAttendance.userId, name: users.name, organizationId: sessionAttendance.organizationId, organizationName: organizations.name })
    .from(sessionAttendance)
    .innerJoin(users, eq(users.id, sessionAttendance.userId))
    .leftJoin(organizations, eq(organizations.id, sessionAttendance.organizationId))
    .where(and(eq(sessionAttendance.sessionId, sessionId), isNull(sessionAttendance.leftAt), userId ? eq(sessionAttendance.userId, userId) : undefined))
    .orderBy(sessionAttendance.userId);
  return rows.sort((a, b) => (a.organizationName ?? '').localeCompare(b.organizationName ?? '') || a.name.localeCompare(b.name));
}

// ---- Changes ------------------------------------------------------------------------------

/**
 * Runs a change with the session row locked, after asking `can`; answers the new state. Changes
 * to a closed session are refused by the rules (`run` needs a session not closed).
 */
async function change(db: Database, actor: Actor, sessionId: string, action: Actions['session'], work: (tx: Tx, session: ConsultationSession) => Promise<void>): Promise<SessionState> {
  const { facts } = await getSession(db, sessionId);
  return db.transaction(async (tx) => {
    const [session] = await tx.select().from(consultationSessions).where(eq(consultationSessions.id, sessionId)).for('update').limit(1);
    demand(actor, action, session!, facts);
    await work(tx, session!);
    return sessionState(tx, sessionId);
  });
}

/** A person enters the room: one open attendance row per person, however many tabs. */
export async function join(db: Database, actor: Actor, sessionId: string) {
  const { session, facts } = await getSession(db, sessionId);
  demand(actor, 'attend', session, facts);
  if (session.status === 'closed') throw new InvalidInput({ session: 'errors.session.closed' });
  // One open row per person (a partial unique index): a second tab, or two at once, adds none.
  const inserted = await db.insert(sessionAttendance).values({ sessionId, userId: actor.id, organizationId: actor.organizationId }).onConflictDoNothing().returning({ id: sessionAttendance.id });
  const [state, present] = await Promise.all([sessionState(db, sessionId), presentIn(db, sessionId)]);
  /** Who arrived, when this join is their first way in (not another tab). */
  const joined = inserted.length ? (present.find((p) => p.userId === actor.id) ?? null) : null;
  return { state, present, joined, resource: sessionResource(session, facts) };
}

/**
 * At start: attendance still open was left open by a process that ended without closing it (a
 * crash, a kill): whoever was in a room then is no longer connected to this process, so their
 * attendance ends now; those still there rejoin when their page reconnects, as a new row. The
 * time they were away while the server was down counts as present (at most the downtime).
 * One node only: with several nodes, each must end only the attendance it held.
 */
export async function endAttendanceLeftOpen(db: Database, at: Date = new Date()): Promise<number> {
  const ended = await db
    .update(sessionAttendance)
    .set({ leftAt: at })
    .where(and(isNull(sessionAttendance.leftAt), lt(sessionAttendance.joinedAt, at)))
    .returning({ id: sessionAttendance.id });
  return ended.length;
}

/** A person leaves (their last connection to the room closed); answers whether they were present. */
export async function leave(db: Database, userId: string, sessionId: string): Promise<boolean> {
  const ended = await db
    .update(sessionAttendance)
    .set({ leftAt: new Date() })
    .where(and(eq(sessionAttendance.sessionId, sessionId), eq(sessionAttendance.userId, userId), isNull(sessionAttendance.leftAt)))
    .returning({ id: sessionAttendance.id });
  return ended.length > 0;
}

export const openSession = (db: Database, actor: Actor, sessionId: string) =>
  change(db, actor, sessionId, 'run', async (tx, session) => {
    if (session.status === 'scheduled') await tx.update(consultationSessions).set({ status: 'open', openedAt: new Date() }).where(eq(consultationSessions.id, sessionId));
  });

export const closeSession = (db: Database, actor: Actor, sessionId: string) =>
  change(db, actor, sessionId, 'run', async (tx) => {
    const now = new Date();
    await endSpeaker(tx, sessionId, now);
    await tx.update(floorRequests).set({ status: 'withdrawn' }).where(and(eq(floorRequests.sessionId, sessionId), eq(floorRequests.status, 'pending')));
    await tx.update(sessionAttendance).set({ leftAt: now }).where(and(eq(sessionAttendance.sessionId, sessionId), isNull(sessionAttendance.leftAt)));
    await tx.update(consultationSessions).set({ status: 'closed', closedAt: now, rollCallAt: null }).where(eq(consultationSessions.id, sessionId));
    // The attendance is final now: its figures for the participation record are kept.
    await storeSessionPresence(tx, sessionId);
  });

export const moveToItem = (db: Database, actor: Actor, sessionId: string, itemId: string) =>
  change(db, actor, sessionId, 'run', async (tx) => {
    const [item] = await tx.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.sessionId, sessionId))).limit(1);
    if (!item) throw new NotFound('agenda item');
    await endSpeaker(tx, sessionId, new Date());
    await tx.update(consultationSessions).set({ currentItemId: item.id }).where(eq(consultationSessions.id, sessionId));
  });

async function pendingList(tx: Tx, session: ConsultationSession): Promise<Pending[]> {
  if (!session.currentItemId) return [];
  return tx
    .select({ id: floorRequests.id, organizationId: floorRequests.organizationId, userId: floorRequests.userId, kind: floorRequests.kind })
    .from(floorRequests)
    .where(and(eq(floorRequests.sessionId, session.id), eq(floorRequests.agendaItemId, session.currentItemId), eq(floorRequests.status, 'pending')))
    .orderBy(asc(floorRequests.rank));
}

/** Writes the order of the list as ranks 1..n, in one statement however long the list. */
async function saveOrder(tx: Tx, list: readonly Pending[]) {
  if (!list.length) return;
  const ranks = sql.join(list.map((request, index) => sql`(${request.id}::uuid, ${index + 1}::int)`), sql`, `);
  await tx.execute(sql`update ${floorRequests} set rank = ranked.rank from (values ${ranks}) as ranked(id, rank) where ${floorRequests.id} = ranked.id`);
}

export const requestFloor = (db: Database, actor: Actor, sessionId: string, kind: FloorKind) =>
  change(db, actor, sessionId, 'request-floor', async (tx, session) => {
    if (!session.currentItemId) throw new InvalidInput({ kind: 'errors.session.noItem' });
    const list = await pendingList(tx, session);
    if (refusalOf(list, { organizationId: actor.organizationId, userId: actor.id, kind }, session.allowMultipleRequests)) throw new InvalidInput({ kind: 'errors.session.alreadyRequested' });
    const [created] = await tx
      .insert(floorRequests)
      .values({ sessionId, agendaItemId: session.currentItemId, userId: actor.id, organizationId: actor.organizationId, kind, rank: list.length + 1 })
      .returning({ id: floorRequests.id });
    await saveOrder(tx, withRequest(list, { id: created!.id, organizationId: actor.organizationId, userId: actor.id, kind }));
  });

/** The person withdraws their own pending request. */
export const withdrawRequest = (db: Database, actor: Actor, sessionId: string) =>
  change(db, actor, sessionId, 'attend', async (tx) => {
    await tx.update(floorRequests).set({ status: 'withdrawn' }).where(and(eq(floorRequests.sessionId, sessionId), eq(floorRequests.userId, actor.id), eq(floorRequests.status, 'pending')));
  });

export const reorderRequest = (db: Database, actor: Actor, sessionId: string, requestId: string, index: number) =>
  change(db, actor, sessionId, 'run', async (tx, session) => {
    const list = await pendingList(tx, session);
    if (!list.some((r) => r.id === requestId)) throw new NotFound('request');
    await saveOrder(tx, moved(list, requestId, index));
  });

export const removeRequest = (db: Database, actor: Actor, sessionId: string, requestId: string) =>
  change(db, actor, sessionId, 'run', async (tx, session) => {
    const list = await pendingList(tx, session);
    if (!list.some((r) => r.id === requestId)) throw new NotFound('request');
    await tx.update(floorRequests).set({ status: 'removed' }).where(eq(floorRequests.id, requestId));
    await saveOrder(tx, list.filter((r) => r.id !== requestId));
  });

async function endSpeaker(tx: Tx, sessionId: string, at: Date) {
  const ended = await tx
    .update(interventions)
    .set({ endedAt: at })
    .where(and(eq(interventions.sessionId, sessionId), isNull(interventions.endedAt)))
    .returning({ requestId: interventions.requestId });
  const ids = ended.map((e) => e.requestId).filter((id): id is string => !!id);
  if (ids.length) await tx.update(floorRequests).set({ status: 'done' }).where(inArray(floorRequests.id, ids));
}

/** Gives the floor to a request of the list (the first one by default); the current speaker's time ends. */
export const giveFloor = (db: Database, actor: Actor, sessionId: string, requestId?: string) =>
  change(db, actor, sessionId, 'run', async (tx, session) => {
    if (session.status !== 'open') throw new InvalidInput({ session: 'errors.session.notOpen' });
    const list = await pendingList(tx, session);
    const chosen = requestId ? list.find((r) => r.id === requestId) : list[0];
    if (!chosen) throw new InvalidInput({ request: requestId ? 'errors.session.unknownRequest' : 'errors.session.listEmpty' });
    const now = new Date();
    await endSpeaker(tx, sessionId, now);
    await tx.update(floorRequests).set({ status: 'speaking' }).where(and(eq(floorRequests.id, chosen.id), eq(floorRequests.status, 'pending')));
    await tx.insert(interventions).values({
      sessionId,
      agendaItemId: session.currentItemId!,
      requestId: chosen.id,
      userId: chosen.userId,
      organizationId: chosen.organizationId,
      kind: chosen.kind,
      startedAt: now,
      allowedSeconds: session.speakingSeconds,
    });
    await saveOrder(tx, list.filter((r) => r.id !== chosen.id));
  });

/** Links papers of the round to an agenda item (the papers it is about); others' ids are refused. */
export const linkPapers = (db: Database, actor: Actor, sessionId: string, itemId: string, paperIds: string[]) =>
  change(db, actor, sessionId, 'run', async (tx, session) => {
    const unique = [...new Set(paperIds)];
    const ofRound = unique.length ? await tx.select({ id: positionPapers.id }).from(positionPapers).where(and(eq(positionPapers.roundId, session.roundId), inArray(positionPapers.id, unique))) : [];
    if (ofRound.length !== unique.length) throw new InvalidInput({ paperIds: 'errors.session.unknownPaper' });
    const updated = await tx.update(agendaItems).set({ paperIds: unique }).where(and(eq(agendaItems.id, itemId), eq(agendaItems.sessionId, sessionId))).returning({ id: agendaItems.id });
    if (!updated.length) throw new NotFound('agenda item');
  });

export const takeFloorBack = (db: Database, actor: Actor, sessionId: string) =>
  change(db, actor, sessionId, 'run', async (tx) => endSpeaker(tx, sessionId, new Date()));

export const extendSpeaker = (db: Database, actor: Actor, sessionId: string, seconds: number) =>
  change(db, actor, sessionId, 'run', async (tx) => {
    const extended = await tx
      .update(interventions)
      .set({ allowedSeconds: sql`${interventions.allowedSeconds} + ${seconds}` })
      .where(and(eq(interventions.sessionId, sessionId), isNull(interventions.endedAt)))
      .returning({ id: interventions.id });
    if (!extended.length) throw new InvalidInput({ seconds: 'errors.session.nobodySpeaking' });
  });

export const setMultipleRequests = (db: Database, actor: Actor, sessionId: string, allowed: boolean) =>
  change(db, actor, sessionId, 'run', async (tx) => {
    await tx.update(consultationSessions).set({ allowMultipleRequests: allowed }).where(eq(consultationSessions.id, sessionId));
  });

export const callRoll = (db: Database, actor: Actor, sessionId: string) =>
  change(db, actor, sessionId, 'run', async (tx, session) => {
    if (session.status !== 'open') throw new InvalidInput({ session: 'errors.session.notOpen' });
    await tx.update(consultationSessions).set({ rollCallAt: new Date() }).where(eq(consultationSessions.id, sessionId));
  });

/** A present member answers the roll call for their organization (once per organization). */
export const answerRollCall = (db: Database, actor: Actor, sessionId: string) =>
  change(db, actor, sessionId, 'answer-roll-call', async (tx, session) => {
    if (!session.rollCallAt) throw new InvalidInput({ session: 'errors.session.noRollCall' });
    const [here] = await tx.select({ id: sessionAttendance.id }).from(sessionAttendance).where(and(eq(sessionAttendance.sessionId, sessionId), eq(sessionAttendance.userId, actor.id), isNull(sessionAttendance.leftAt))).limit(1);
    if (!here) throw new InvalidInput({ session: 'errors.session.notPresent' });
    await tx.insert(rollCallAnswers).values({ sessionId, rollCallAt: session.rollCallAt, organizationId: actor.organizationId!, userId: actor.id }).onConflictDoNothing();
  });

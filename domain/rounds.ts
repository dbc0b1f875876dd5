/** Consultation rounds: a topic put to NGOs, the organizations invited, phases and deadline. */
import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDate, storableDateTime } from './dates.ts';
import type { Database, Transaction } from '../db/client.ts';
import { consultationRounds, organizations, paperCoSigners, paperVersions, positionPapers, roundOrganizations, type ConsultationRound } from '../db/schema.ts';
import { isLatestVersion } from './papers/latest-version.ts';
import { roundVisibleTo } from './permissions-sql.ts';
import { NotFound } from './errors.ts';
import type { Actor, RoundFacts } from './permissions.ts';
import { areas } from './vocabulary.ts';
import { framingHtml } from './rounds/framing.ts';
import { defaultRoundTimeZone, timeZoneSchema, toInstant } from './time-zones.ts';

export const roundPhases = ['draft', 'open', 'sessions', 'synthesis', 'published', 'closed'] as const;
export const positionVisibilities = ['on-submission', 'after-deadline', 'never'] as const;
/** Joint papers: what co-signers' members may do with the draft (read and comment, or edit too). */
export const coSignerAccesses = ['read-and-comment', 'edit'] as const;

/** "7, 2, 1" or [7, 2, 1]: whole days from 1 to 60, at most five, largest first. */
export const reminderDaysSchema = z
  .union([z.array(z.coerce.number()), z.string({ error: 'errors.round.reminderDaysInvalid' }).transform((text) => (text.trim() ? text.split(/[\s,;]+/).filter(Boolean).map(Number) : []))])
  .pipe(z.array(z.number({ error: 'errors.round.reminderDaysInvalid' }).int('errors.round.reminderDaysInvalid').min(1, 'errors.round.reminderDaysInvalid').max(60, 'errors.round.reminderDaysInvalid')).max(5, 'errors.round.reminderDaysInvalid'))
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));

export const roundSchema = z
  .object({
    title: z.string({ error: 'errors.name.required' }).trim().min(3, 'errors.round.titleRequired').max(200, 'errors.name.tooLong'),
    // Rich text: the editor's HTML (or plain text without JavaScript), stored sanitized.
    framing: z.string().trim().max(50_000, 'errors.description.tooLong').transform(framingHtml).default(''),
    areas: z.array(z.enum(areas, { error: 'errors.area.invalid' })).default([]),
    phase: z.enum(roundPhases, { error: 'errors.round.phaseInvalid' }).default('draft'),
    phaseDates: z.partialRecord(z.enum(roundPhases), calendarDate('errors.date.invalid')).default({}),
    /** The round's own zone: the deadline is typed, and its sessions are set, in it. */
    timeZone: timeZoneSchema.default(defaultRoundTimeZone),
    /** A Date, an instant naming its offset, or the form's wall time in the round's zone. */
    submissionDeadline: z
      .union([z.date(), z.string().refine((text) => toInstant(text, 'UTC') !== null, 'errors.date.invalid')], { error: 'errors.date.invalid' })
      .nullable()
      .default(null),
    wordLimit: z.coerce.number({ error: 'errors.round.wordLimitInvalid' }).int('errors.round.wordLimitInvalid').min(50, 'errors.round.wordLimitInvalid').max(100_000, 'errors.round.wordLimitInvalid').nullable().default(null),
    positionVisibility: z.enum(positionVisibilities, { error: 'errors.round.visibilityInvalid' }).default('after-deadline'),
    coSignerAccess: z.enum(coSignerAccesses, { error: 'errors.round.coSignerAccessInvalid' }).default('read-and-comment'),
    invitedOrganizationIds: z.array(z.uuid({ error: 'errors.organization.unknown' })).max(2000).default([]),
    /** Days before the deadline when organizations that have not submitted are reminded: "7, 2, 1"; empty for none. */
    reminderDays: reminderDaysSchema.default([7, 2, 1]),
  })
  // The deadline's wall time is read in the round's zone, whichever field comes first.
  .transform(({ submissionDeadline, ...round }) => ({ ...round, submissionDeadline: submissionDeadline === null ? null : toInstant(submissionDeadline, round.timeZone)! }));
/** A round as the rules take it; without a zone, a new round gets Geneva's and an edited one keeps its own. */
export type RoundInput = Omit<z.infer<typeof roundSchema>, 'timeZone' | 'coSignerAccess' | 'reminderDays'> & { timeZone?: string; coSignerAccess?: (typeof coSignerAccesses)[number]; reminderDays?: number[] };

/** A round and its invitations, in one transaction: both or neither. */
export async function createRound(db: Database, input: RoundInput, actorId: string): Promise<ConsultationRound> {
  const { invitedOrganizationIds, ...values } = input;
  return db.transaction(async (tx) => {
    const [round] = await tx.insert(consultationRounds).values({ ...values, createdById: actorId }).returning();
    await inviteOrganizations(tx, round!.id, invitedOrganizationIds);
    return round!;
  });
}

/**
 * The round's facts and its invitations, in one transaction. Organizations still invited keep
 * the date they were first invited (the participation record shows it); the others are removed.
 */
export async function updateRound(db: Database, id: string, input: RoundInput): Promise<ConsultationRound> {
  const { invitedOrganizationIds, ...values } = input;
  return db.transaction(async (tx) => {
    // A moved deadline is a new version of its calendar event (the feed's SEQUENCE).
    const [before] = await tx.select({ deadline: consultationRounds.submissionDeadline }).from(consultationRounds).where(eq(consultationRounds.id, id)).limit(1);
    const deadlineMoved = (before?.deadline?.getTime() ?? null) !== (values.submissionDeadline?.getTime() ?? null);
    const [round] = await tx
      .update(consultationRounds)
      .set({ ...values, updatedAt: new Date(), ...(deadlineMoved ? { deadlineSequence: sql`${consultationRounds.deadlineSequence} + 1` } : {}) })
      .where(eq(consultationRounds.id, id))
      .returning();
    if (!round) throw new NotFound('round');
    const kept = [...new Set(invitedOrganizationIds)];
    await tx.delete(roundOrganizations).where(and(eq(roundOrganizations.roundId, id), kept.length ? notInArray(roundOrganizations.organizationId, kept) : undefined));
    await inviteOrganizations(tx, id, kept);
    return round;
  });
}

type Tx = Transaction;

/** Invites the organizations that exist; an unknown id (a forged form) is ignored, not a 500. */
async function inviteOrganizations(tx: Tx, roundId: string, organizationIds: string[]) {
  const unique = [...new Set(organizationIds)];
  if (!unique.length) return;
  const existing = await tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, unique));
  if (existing.length) await tx.insert(roundOrganizations).values(existing.map(({ id }) => ({ roundId, organizationId: id }))).onConflictDoNothing();
}

/** A round with what the rules need (RoundFacts) and the organizations it invites. */
export async function getRound(db: Database, id: string) {
  if (!z.uuid().safeParse(id).success) throw new NotFound('round');
  const [round] = await db.select().from(consultationRounds).where(eq(consultationRounds.id, id)).limit(1);
  if (!round) throw new NotFound('round');
  const invited = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(roundOrganizations)
    .innerJoin(organizations, eq(organizations.id, roundOrganizations.organizationId))
    .where(eq(roundOrganizations.roundId, id))
    .orderBy(organizations.name);
  return { round, invited, facts: roundFacts(round, invited.map((o) => o.id)) };
}

/** The facts of several rounds, in two queries whatever their number. */
export async function roundsFacts(db: Database, ids: string[]): Promise<Map<string, RoundFacts>> {
  const facts = new Map<string, RoundFacts>();
  if (!ids.length) return facts;
  const rounds = await db.select().from(consultationRounds).where(inArray(consultationRounds.id, ids));
  const invited = await db.select({ roundId: roundOrganizations.roundId, organizationId: roundOrganizations.organizationId }).from(roundOrganizations).where(inArray(roundOrganizations.roundId, ids));
  for (const round of rounds) facts.set(round.id, roundFacts(round, invited.filter((i) => i.roundId === round.id).map((i) => i.organizationId)));
  return facts;
}

export function roundFacts(round: ConsultationRound, invitedOrganizationIds: string[]): RoundFacts {
  return {
    id: round.id,
    phase: round.phase,
    submissionDeadline: round.submissionDeadline,
    positionVisibility: round.positionVisibility,
    invitedOrganizationIds,
    coSignerAccess: round.coSignerAccess,
  };
}

export const roundsListBound = 200;

/** The rounds that concern a person: all of them for IOM staff, those inviting their organization (past draft) for observers. */
export async function listRoundsFor(db: Database, actor: Actor) {
  const base = db
    .select({
      id: consultationRounds.id,
      title: consultationRounds.title,
      phase: consultationRounds.phase,
      submissionDeadline: consultationRounds.submissionDeadline,
      timeZone: consultationRounds.timeZone,
      invitedCount: sql<number>`(select count(*)::int from ${roundOrganizations} ro where ro.round_id = ${consultationRounds.id})`,
      paperCount: sql<number>`(select count(*)::int from ${positionPapers} pp where pp.round_id = ${consultationRounds.id})`,
    })
    .from(consultationRounds);
  // `can(actor, 'view', round)`, in SQL (permissions-sql.ts). Bounded: the latest rounds first (a
  // few a year; older ones stay reachable by their address and by search).
  return base.where(roundVisibleTo(actor, consultationRounds)).orderBy(desc(consultationRounds.createdAt)).limit(roundsListBound);
}

/** The papers of a round with their latest submission (versions are numbered 1, 2, …: the latest's number is their count). */
export async function listRoundPapers(db: Database, roundId: string) {
  const rows = await db
    .select({
      id: positionPapers.id,
      organizationId: positionPapers.organizationId,
      organizationName: organizations.name,
      wordCount: positionPapers.wordCount,
      updatedAt: positionPapers.updatedAt,
      versions: paperVersions.number,
      lastSubmittedAt: paperVersions.submittedAt,
    })
    .from(positionPapers)
    .innerJoin(organizations, eq(organizations.id, positionPapers.organizationId))
    .leftJoin(paperVersions, and(eq(paperVersions.paperId, positionPapers.id), isLatestVersion(paperVersions)))
    .where(eq(positionPapers.roundId, roundId))
    .orderBy(organizations.name);
  // Joint papers: each paper's co-signing organizations (accepted or asked), in one query.
  const coSigners = rows.length
    ? await db
        .select({ paperId: paperCoSigners.paperId, organizationId: paperCoSigners.organizationId, name: organizations.name, acceptedAt: paperCoSigners.acceptedAt })
        .from(paperCoSigners)
        .innerJoin(organizations, eq(organizations.id, paperCoSigners.organizationId))
        .where(inArray(paperCoSigners.paperId, rows.map((r) => r.id)))
        .orderBy(organizations.name)
    : [];
  return rows.map((r) => {
    const own = coSigners.filter((c) => c.paperId === r.id);
    const accepted = own.filter((c) => c.acceptedAt !== null);
    return {
      ...r,
      versions: r.versions ?? 0,
      lastSubmittedAt: r.lastSubmittedAt?.toISOString() ?? null,
      coSigners: { accepted: accepted.map((c) => c.organizationId), pending: own.filter((c) => c.acceptedAt === null).map((c) => c.organizationId) },
      coSignerNames: accepted.map((c) => c.name),
    };
  });
}

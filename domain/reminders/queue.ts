/**
 * Queuing reminders: one row per reminder and person (`reminders`), the occasion named by its
 * key. Queuing the same occasion again adds nothing (a unique key, ON CONFLICT DO NOTHING), so
 * the hourly job, a second node, or a facilitator's double click never doubles a reminder.
 *
 * Automatic occasions: before a round's deadline (the round's `reminder_days`, 7, 2 and 1 by
 * default) to the members of invited organizations that have not submitted; one day before a
 * session to the people it admits. Those are for people who have not turned reminders off. A
 * facilitator's reminder goes to the members of the organizations they chose.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, isNotNull, isNull, lte, notExists, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { consultationRounds, consultationSessions, paperVersions, positionPapers, reminders, roundOrganizations, users } from '../../db/schema.ts';
import { Forbidden, InvalidInput } from '../errors.ts';
import { can, type Actor, type RoundFacts } from '../permissions.ts';

const dayMs = 86_400_000;
/** Sessions are announced this many days before they start. */
export const sessionReminderDays = 1;

type NewReminder = typeof reminders.$inferInsert;

/** Queues what is due at `now`; answers how many rows were added. */
export async function queueDueReminders(db: Database, now: Date = new Date()): Promise<number> {
  return (await queueDeadlineReminders(db, now)) + (await queueSessionReminders(db, now));
}

/**
 * Deadlines: of the reminder days already reached, only the nearest is sent, so a round whose
 * deadline is set two days ahead gets the two-day reminder, not the seven-day one as well.
 * The key holds the deadline: a moved deadline is a new occasion.
 */
async function queueDeadlineReminders(db: Database, now: Date): Promise<number> {
  const rounds = await db
    .select({ id: consultationRounds.id, deadline: consultationRounds.submissionDeadline, days: consultationRounds.reminderDays })
    .from(consultationRounds)
    .where(and(eq(consultationRounds.phase, 'open'), isNotNull(consultationRounds.submissionDeadline), gt(consultationRounds.submissionDeadline, now)));
  let added = 0;
  for (const round of rounds) {
    const reached = round.days.filter((d) => now.getTime() >= round.deadline!.getTime() - d * dayMs);
    if (!reached.length) continue;
    const days = Math.min(...reached);
    const people = await db
      .select({ userId: users.id, organizationId: users.organizationId })
      .from(users)
      .innerJoin(roundOrganizations, and(eq(roundOrganizations.organizationId, users.organizationId), eq(roundOrganizations.roundId, round.id)))
      .where(
        and(
          eq(users.role, 'observer'),
          isNull(users.disabledAt),
          eq(users.receivesReminders, true),
          notExists(
            db
              .select({ one: sql`1` })
              .from(paperVersions)
              .innerJoin(positionPapers, eq(positionPapers.id, paperVersions.paperId))
              .where(and(eq(positionPapers.roundId, round.id), eq(positionPapers.organizationId, users.organizationId))),
          ),
        ),
      );
    const key = `deadline:${round.id}:${round.deadline!.toISOString()}:${days}`;
    added += await insertReminders(db, people.map((p) => ({ reminderKey: key, userId: p.userId, organizationId: p.organizationId, roundId: round.id, kind: 'deadline', daysBefore: days })));
  }
  return added;
}

/** Sessions starting within a day, not yet started, of rounds past their draft. */
async function queueSessionReminders(db: Database, now: Date): Promise<number> {
  const sessions = await db
    .select({ id: consultationSessions.id, roundId: consultationSessions.roundId, startsAt: consultationSessions.startsAt, attendees: consultationSessions.attendees })
    .from(consultationSessions)
    .innerJoin(consultationRounds, eq(consultationRounds.id, consultationSessions.roundId))
    .where(
      and(
        eq(consultationSessions.status, 'scheduled'),
        gt(consultationSessions.startsAt, now),
        lte(consultationSessions.startsAt, new Date(now.getTime() + sessionReminderDays * dayMs)),
        sql`${consultationRounds.phase} not in ('draft', 'closed')`,
      ),
    );
  let added = 0;
  for (const session of sessions) {
    const people = await db
      .select({ userId: users.id, organizationId: users.organizationId })
      .from(users)
      .innerJoin(roundOrganizations, and(eq(roundOrganizations.organizationId, users.organizationId), eq(roundOrganizations.roundId, session.roundId)))
      .where(and(eq(users.role, 'observer'), isNull(users.disabledAt), eq(users.receivesReminders, true), session.attendees === 'representatives' ? eq(users.isRepresentative, true) : undefined));
    const key = `session:${session.id}:${session.startsAt.toISOString()}:${sessionReminderDays}`;
    added += await insertReminders(db, people.map((p) => ({ reminderKey: key, userId: p.userId, organizationId: p.organizationId, roundId: session.roundId, sessionId: session.id, kind: 'session', daysBefore: sessionReminderDays })));
  }
  return added;
}

export const facilitatorReminderSchema = z.object({
  organizationIds: z.array(z.uuid({ error: 'errors.organization.unknown' }), { error: 'errors.reminders.noneChosen' }).min(1, 'errors.reminders.noneChosen').max(2000),
  note: z.string().trim().max(2000, 'errors.reminders.noteTooLong').default(''),
});

/**
 * A facilitator reminds the members of some invited organizations (all of them, or those ticked).
 * Organizations not invited to the round are left out. Answers how many people it queued for.
 */
export async function queueFacilitatorReminder(db: Database, actor: Actor, round: RoundFacts, input: unknown): Promise<{ queued: number; batch: string }> {
  if (!can(actor, 'remind', { type: 'round', round })) throw new Forbidden('remind', `round:${round.id}`);
  const parsed = facilitatorReminderSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInput(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message])));
  const chosen = parsed.data.organizationIds.filter((id) => round.invitedOrganizationIds.includes(id));
  if (!chosen.length) throw new InvalidInput({ organizationIds: 'errors.reminders.noneChosen' });
  const people = await db
    .select({ userId: users.id, organizationId: users.organizationId })
    .from(users)
    .where(and(eq(users.role, 'observer'), isNull(users.disabledAt), inArray(users.organizationId, chosen)));
  const batch = randomUUID();
  const queued = await insertReminders(
    db,
    people.map((p) => ({ reminderKey: `facilitator:${batch}`, userId: p.userId, organizationId: p.organizationId, roundId: round.id, kind: 'facilitator', note: parsed.data.note || null, sentById: actor.id })),
  );
  return { queued, batch };
}

async function insertReminders(db: Database, rows: NewReminder[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db.insert(reminders).values(rows.slice(i, i + 500)).onConflictDoNothing().returning({ id: reminders.id });
    added += inserted.length;
  }
  return added;
}

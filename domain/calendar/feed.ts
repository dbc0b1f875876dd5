/**
 * A person's private calendar: the deadlines and sessions of the rounds they may see, as an
 * iCalendar feed at a secret address. The address carries a random token; only its SHA-256 is
 * stored, so it is shown once when made. Making a new one replaces the old (which stops
 * working), and revoking deletes it: an unknown or revoked token is simply not found.
 */
import { and, asc, eq, gte, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { calendarFeeds, consultationRounds, consultationSessions, users, type ConsultationSession } from '../../db/schema.ts';
import { translate } from '../../locales/index.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import type { Actor } from '../permissions.ts';
import { roundVisibleTo, sessionAttendableBy } from '../permissions-sql.ts';
import type { Locale } from '../vocabulary.ts';
import { writeCalendar, type CalendarEvent } from './icalendar.ts';

/** Sessions have no planned end in the platform; calendars show them this long. */
export const sessionCalendarMinutes = 120;
/** The feed keeps what ended at most this long ago, and at most this many events. */
const pastDays = 90;
const eventLimit = 500;

/** Makes (or replaces) the person's feed token; answers the token, to be shown this once. */
export async function createCalendarFeed(db: Database, userId: string): Promise<string> {
  const token = generateToken();
  await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash: hashToken(token) })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hashToken(token), createdAt: new Date() } });
  return token;
}

/** Revokes the person's feed: its address answers 404 from now on. */
export async function revokeCalendarFeed(db: Database, userId: string): Promise<boolean> {
  const removed = await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ userId: calendarFeeds.userId });
  return removed.length > 0;
}

/** When the person's feed was made, or null when they have none. */
export async function calendarFeedCreatedAt(db: Database, userId: string): Promise<Date | null> {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).limit(1);
  return row?.createdAt ?? null;
}

/** The feed's address: `${origin}/calendar/${token}.ics`. */
export const calendarFeedUrl = (origin: string, token: string) => `${origin}/calendar/${token}.ics`;

/** The owner of a feed token, or null (unknown, revoked, or a disabled account). */
export async function feedOwner(db: Database, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({ user: users })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(users.disabledAt)))
    .limit(1);
  return row?.user ?? null;
}

/** The person's calendar as iCalendar text: the deadlines and sessions of the rounds they may see. */
export async function personalCalendar(db: Database, actor: Actor & { locale: Locale | null }, options: { origin: string; now?: Date }): Promise<string> {
  const locale = actor.locale ?? 'en';
  const since = new Date((options.now ?? new Date()).getTime() - pastDays * 86_400_000);
  const deadlines = await db
    .select({ id: consultationRounds.id, title: consultationRounds.title, deadline: consultationRounds.submissionDeadline, timeZone: consultationRounds.timeZone, sequence: consultationRounds.deadlineSequence, updatedAt: consultationRounds.updatedAt })
    .from(consultationRounds)
    .where(and(roundVisibleTo(actor, consultationRounds), isNotNull(consultationRounds.submissionDeadline), gte(consultationRounds.submissionDeadline, since)))
    .orderBy(asc(consultationRounds.submissionDeadline))
    .limit(eventLimit);
  const sessions = await db
    .select({ session: consultationSessions, round: { id: consultationRounds.id, title: consultationRounds.title, timeZone: consultationRounds.timeZone } })
    .from(consultationSessions)
    .innerJoin(consultationRounds, eq(consultationRounds.id, consultationSessions.roundId))
    .where(and(sessionAttendableBy(actor, consultationSessions, consultationRounds), gte(consultationSessions.startsAt, since)))
    .orderBy(asc(consultationSessions.startsAt))
    .limit(eventLimit);
  const events: CalendarEvent[] = [
    ...deadlines.map((r) => ({
      uid: `deadline-${r.id}@idm-consult`,
      start: r.deadline!,
      timeZone: r.timeZone,
      summary: translate(locale, 'calendar.deadline', { round: r.title }),
      url: `${options.origin}/rounds/${r.id}`,
      sequence: r.sequence,
      lastModified: r.updatedAt,
    })),
    ...sessions.map(({ session, round }) => sessionEvent(session, round, locale, options.origin)),
  ];
  return writeCalendar({ name: translate(locale, 'calendar.feedName'), events: events.slice(0, eventLimit) });
}

/** One session as a calendar file ("Add to calendar"). The caller has checked the person may attend it. */
export function sessionCalendar(session: ConsultationSession, round: { id: string; title: string; timeZone: string }, locale: Locale, origin: string): string {
  return writeCalendar({ name: session.title, events: [sessionEvent(session, round, locale, origin)] });
}

function sessionEvent(session: ConsultationSession, round: { id: string; title: string; timeZone: string }, locale: Locale, origin: string): CalendarEvent {
  return {
    uid: `session-${session.id}@idm-consult`,
    start: session.startsAt,
    durationMinutes: sessionCalendarMinutes,
    timeZone: round.timeZone,
    summary: translate(locale, 'calendar.session', { session: session.title, round: round.title }),
    url: `${origin}/rounds/${round.id}/sessions/${session.id}`,
    sequence: session.sequence,
    lastModified: session.updatedAt,
  };
}

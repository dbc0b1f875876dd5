/**
 * The demo round's two consultation sessions, so that every part of a session can be tried at
 * once: one upcoming (the facilitator opens it, observers ask for the floor), and one already
 * held, closed, with its record (attendance, interventions of each kind, a written statement).
 * The held session is history: its rows are written as the room would have written them, with
 * the times of a morning a week ago, and its presence figures stored as at closing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { agendaItems, consultationSessions, floorRequests, interventions, sessionAttendance, users } from '../schema.ts';
import { scheduleSession, sessionSchema } from '../../domain/sessions/sessions.ts';
import { storeSessionPresence } from '../../domain/participation/presence.ts';
import { defaultRoundTimeZone, instantFromWallTime, wallTimeOf } from '../../domain/time-zones.ts';

export const upcomingSessionTitle = 'Counter-trafficking: what NGOs see first';
export const heldSessionTitle = 'Opening exchange on the partnership';

const day = 86400_000;
const minute = 60_000;

/** A moment `days` from today at a time of day in Geneva, the demo round's zone. */
function at(days: number, time: string): Date {
  const date = wallTimeOf(new Date(Date.now() + days * day), defaultRoundTimeZone).slice(0, 10);
  return instantFromWallTime(`${date}T${time}`, defaultRoundTimeZone)!;
}

/** Adds the demo sessions that are missing from the demo round; answers how many it added. */
export async function seedDemoSessions(db: Database, roundId: string): Promise<number> {
  const existing = await db.select({ title: consultationSessions.title }).from(consultationSessions).where(and(eq(consultationSessions.roundId, roundId), inArray(consultationSessions.title, [upcomingSessionTitle, heldSessionTitle])));
  const has = (title: string) => existing.some((s) => s.title === title);
  const people = await db.select().from(users).where(inArray(users.email, ['facilitator@example.org', 'observer1@example.org', 'observer2@example.org', 'observer3@example.org']));
  const person = (email: string) => people.find((p) => p.email === email);
  const facilitator = person('facilitator@example.org');
  const olena = person('observer1@example.org');
  const taras = person('observer2@example.org');
  const katharina = person('observer3@example.org');
  if (!facilitator || !olena || !taras || !katharina) return 0;
  let added = 0;

  if (!has(upcomingSessionTitle)) {
    await scheduleSession(
      db,
      facilitator,
      roundId,
      sessionSchema.parse({
        title: upcomingSessionTitle,
        // Tomorrow, 14:00 in Geneva.
        startsAt: at(1, '14:00'),
        speakingMinutes: 3,
        agenda: 'Opening by the facilitator\nPrevention and hotlines\nReturn and reintegration of victims\nAny other business',
      }),
    );
    added += 1;
  }

  if (!has(heldSessionTitle)) {
    await seedHeldSession(db, roundId, { facilitator, olena, taras, katharina });
    added += 1;
  }
  return added;
}

type Person = typeof users.$inferSelect;

async function seedHeldSession(db: Database, roundId: string, p: { facilitator: Person; olena: Person; taras: Person; katharina: Person }) {
  // A week ago, 10:00–11:30 in Geneva.
  const opened = at(-7, '10:00');
  const closed = new Date(opened.getTime() + 90 * minute);
  const time = (minutes: number, seconds = 0) => new Date(opened.getTime() + minutes * minute + seconds * 1000);
  await db.transaction(async (tx) => {
    const [session] = await tx
      .insert(consultationSessions)
      .values({ roundId, title: heldSessionTitle, startsAt: opened, speakingSeconds: 180, status: 'closed', openedAt: opened, closedAt: closed, createdById: p.facilitator.id, createdAt: time(-7 * 24 * 60) })
      .returning();
    const sessionId = session!.id;
    const [where, first] = await tx
      .insert(agendaItems)
      .values([
        { sessionId, position: 0, title: 'Where the partnership works' },
        { sessionId, position: 1, title: 'What should change first' },
      ])
      .returning();
    await tx.update(consultationSessions).set({ currentItemId: first!.id }).where(eq(consultationSessions.id, sessionId));
    await tx.insert(sessionAttendance).values([
      { sessionId, userId: p.facilitator.id, organizationId: null, joinedAt: time(-5), leftAt: closed },
      { sessionId, userId: p.olena.id, organizationId: p.olena.organizationId, joinedAt: time(-2), leftAt: closed },
      { sessionId, userId: p.taras.id, organizationId: p.taras.organizationId, joinedAt: time(5), leftAt: time(70) },
      // Katharina's connection dropped once: two stays, one person.
      { sessionId, userId: p.katharina.id, organizationId: p.katharina.organizationId, joinedAt: time(0), leftAt: time(50) },
      { sessionId, userId: p.katharina.id, organizationId: p.katharina.organizationId, joinedAt: time(53), leftAt: closed },
    ]);
    const spoken = [
      { person: p.katharina, item: where!, kind: 'intervention' as const, from: time(12), to: time(14, 40), allowed: 180, statement: 'Return counselling works where it is independent of the decision on residence and given in the migrant’s language.' },
      { person: p.olena, item: where!, kind: 'intervention' as const, from: time(15), to: time(18), allowed: 180, statement: null },
      { person: p.taras, item: where!, kind: 'point-of-order' as const, from: time(18, 30), to: time(19), allowed: 180, statement: null },
      { person: p.olena, item: first!, kind: 'reply' as const, from: time(40), to: time(41), allowed: 180, statement: null },
      // The facilitator gave Caritas Österreich a minute more.
      { person: p.katharina, item: first!, kind: 'intervention' as const, from: time(42), to: time(45, 20), allowed: 240, statement: null },
    ];
    for (const [rank, s] of spoken.entries()) {
      const [request] = await tx
        .insert(floorRequests)
        .values({ sessionId, agendaItemId: s.item.id, userId: s.person.id, organizationId: s.person.organizationId, kind: s.kind, status: 'done', rank: rank + 1, requestedAt: new Date(s.from.getTime() - 4 * minute) })
        .returning({ id: floorRequests.id });
      await tx.insert(interventions).values({ sessionId, agendaItemId: s.item.id, requestId: request!.id, userId: s.person.id, organizationId: s.person.organizationId, kind: s.kind, startedAt: s.from, endedAt: s.to, allowedSeconds: s.allowed, statement: s.statement });
    }
    await storeSessionPresence(tx, sessionId);
  });
}

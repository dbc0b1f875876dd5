/**
 * Where each invited organization of a round stands, for the facilitators who remind them:
 * started its paper or not, submitted or not, joined a session or not, and when it was last
 * reminded. Bounded by the round's invitations (at most 2,000 organizations).
 */
import { and, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { consultationSessions, organizations, paperVersions, positionPapers, reminders, roundOrganizations, sessionAttendance, users } from '../../db/schema.ts';

export interface OrganizationProgress {
  organizationId: string;
  name: string;
  started: boolean;
  submitted: boolean;
  joinedSession: boolean;
  /** Active members who would receive a reminder. */
  members: number;
  lastRemindedAt: string | null;
}

/** The invited organizations of a round with what they have done, by name. */
export async function roundProgress(db: Database, roundId: string): Promise<OrganizationProgress[]> {
  const invited = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(roundOrganizations)
    .innerJoin(organizations, eq(organizations.id, roundOrganizations.organizationId))
    .where(eq(roundOrganizations.roundId, roundId))
    .orderBy(organizations.name);
  if (!invited.length) return [];
  const ids = invited.map((o) => o.id);
  const [papers, joined, members, reminded] = await Promise.all([
    db
      .select({ organizationId: positionPapers.organizationId, versions: sql<number>`count(${paperVersions.id})::int` })
      .from(positionPapers)
      .leftJoin(paperVersions, eq(paperVersions.paperId, positionPapers.id))
      .where(eq(positionPapers.roundId, roundId))
      .groupBy(positionPapers.organizationId),
    db
      .selectDistinct({ organizationId: sessionAttendance.organizationId })
      .from(sessionAttendance)
      .innerJoin(consultationSessions, eq(consultationSessions.id, sessionAttendance.sessionId))
      .where(and(eq(consultationSessions.roundId, roundId), isNotNull(sessionAttendance.organizationId))),
    db
      .select({ organizationId: users.organizationId, n: sql<number>`count(*)::int` })
      .from(users)
      .where(and(inArray(users.organizationId, ids), sql`${users.disabledAt} is null`))
      .groupBy(users.organizationId),
    db
      .select({ organizationId: reminders.organizationId, at: max(reminders.sentAt) })
      .from(reminders)
      .where(and(eq(reminders.roundId, roundId), isNotNull(reminders.sentAt)))
      .groupBy(reminders.organizationId),
  ]);
  const paperOf = new Map(papers.map((p) => [p.organizationId, p.versions]));
  const joinedIds = new Set(joined.map((j) => j.organizationId));
  const memberCount = new Map(members.map((m) => [m.organizationId, m.n]));
  const remindedAt = new Map(reminded.map((r) => [r.organizationId, r.at]));
  return invited.map((o) => ({
    organizationId: o.id,
    name: o.name,
    started: paperOf.has(o.id),
    submitted: (paperOf.get(o.id) ?? 0) > 0,
    joinedSession: joinedIds.has(o.id),
    members: memberCount.get(o.id) ?? 0,
    lastRemindedAt: remindedAt.get(o.id)?.toISOString() ?? null,
  }));
}

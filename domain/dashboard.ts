/**
 * "What needs me now": the dashboard at `/`, per role. Each item is something the person can
 * act on; an empty list means there is nothing to do, and the page says what to do next.
 * The figures come from one query: this page is the most visited of the platform.
 */
import { and, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { organizations, users, type User } from '../db/schema.ts';
import { rowsOf } from '../db/client.ts';
import { listPendingInvitations } from './invitations.ts';
import { getOrganization } from './organizations.ts';
import { isLatestVersion, versionColumns } from './papers/latest-version.ts';
import { roundColumns, roundVisibleTo, sessionAttendableBy } from './permissions-sql.ts';

export async function dashboardFor(db: Database, user: User) {
  switch (user.role) {
    case 'observer':
      return { role: 'observer' as const, ...(await observerDashboard(db, user)) };
    case 'facilitator': {
      const [staff, totals, rounds] = await Promise.all([staffDashboard(db, user), figures(db), activeRounds(db)]);
      return { role: 'facilitator' as const, ...staff, totals, rounds };
    }
    case 'secretariat': {
      const [totals, rounds] = await Promise.all([figures(db), activeRounds(db)]);
      return { role: 'secretariat' as const, totals, rounds };
    }
    case 'admin': {
      const [staff, totals, rounds] = await Promise.all([staffDashboard(db, user), figures(db), activeRounds(db)]);
      return { role: 'admin' as const, ...staff, totals, security: totals, rounds };
    }
  }
}

export type Dashboard = Awaited<ReturnType<typeof dashboardFor>>;

/** For IOM staff: the rounds not yet published or closed, with how many positions are in. */
async function activeRounds(db: Database) {
  const result = await db.execute(sql`
    select r.id, r.title, r.phase, r.submission_deadline as "deadline", r.time_zone as "timeZone",
      (select count(*)::int from round_organizations ro where ro.round_id = r.id) as "invited",
      (select count(*)::int from position_papers p join paper_versions v on v.paper_id = p.id and ${isLatestVersion(versionColumns('v'))} where p.round_id = r.id) as "submitted"
    from consultation_rounds r
    where r.phase in ('draft', 'open', 'sessions', 'synthesis')
    order by r.submission_deadline asc nulls last
    limit 10`);
  return rowsOf<{ id: string; title: string; phase: string; deadline: string | null; timeZone: string; invited: number; submitted: number }>(result);
}

/** The rounds the person sees (`can(user, 'view', round)`), with where their organization's paper stands. */
async function roundsToDo(db: Database, user: User, organizationId: string) {
  const result = await db.execute(sql`
    select r.id, r.title, r.phase, r.submission_deadline as "deadline", r.time_zone as "timeZone", p.id as "paperId",
      coalesce(p.word_count, 0)::int as "words",
      coalesce(v.number, 0)::int as "versions"
    from consultation_rounds r
    left join position_papers p on p.round_id = r.id and p.organization_id = ${organizationId}
    left join paper_versions v on v.paper_id = p.id and ${isLatestVersion(versionColumns('v'))}
    where ${roundVisibleTo(user, roundColumns('r'))}
    order by (r.phase = 'open') desc, r.submission_deadline asc nulls last
    limit 10`);
  return rowsOf<{ id: string; title: string; phase: string; deadline: string | null; timeZone: string; paperId: string | null; words: number; versions: number }>(result);
}

/** The sessions not closed yet that the person may attend (`can(user, 'attend', session)`), soonest first. */
async function upcomingSessions(db: Database, user: User) {
  const result = await db.execute(sql`
    select s.id, s.title, s.starts_at as "startsAt", s.status, r.id as "roundId", r.title as "roundTitle", r.time_zone as "timeZone"
    from consultation_sessions s
    join consultation_rounds r on r.id = s.round_id
    where s.status <> 'closed' and ${sessionAttendableBy(user, { attendees: sql.raw('s.attendees') }, roundColumns('r'))}
    order by (s.status = 'open') desc, s.starts_at asc
    limit 10`);
  return rowsOf<{ id: string; title: string; startsAt: string; status: 'scheduled' | 'open'; roundId: string; roundTitle: string; timeZone: string }>(result);
}

async function observerDashboard(db: Database, user: User) {
  if (!user.organizationId) return { organization: null, members: [], pendingInvitations: [], rounds: [], sessions: [] };
  const { organization, members } = await getOrganization(db, user.organizationId);
  const pendingInvitations = user.isRepresentative
    ? await listPendingInvitations(db, user, { organizationId: organization.id })
    : [];
  return {
    organization: { id: organization.id, name: organization.name, hasObserverStatus: organization.hasObserverStatus },
    members,
    pendingInvitations,
    rounds: await roundsToDo(db, user, organization.id),
    sessions: await upcomingSessions(db, user),
  };
}

/** Facilitators and admins: invitations waiting for an answer, organizations nobody represents. */
async function staffDashboard(db: Database, user: User) {
  const representative = db
    .select({ one: sql`1` })
    .from(users)
    .where(and(eq(users.organizationId, organizations.id), eq(users.isRepresentative, true), isNull(users.disabledAt)));
  const [pendingInvitations, unrepresented] = await Promise.all([
    listPendingInvitations(db, user),
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.hasObserverStatus, true), notExists(representative)))
      .orderBy(organizations.name)
      .limit(10),
  ]);
  return {
    pendingInvitations: pendingInvitations.slice(0, 10),
    pendingInvitationCount: pendingInvitations.length,
    unrepresentedObservers: unrepresented,
  };
}

interface Figures {
  organizations: number;
  observers: number;
  registeredObservers: number;
  /** In the last 24 hours. */
  failedSignIns: number;
  refusedPermissions: number;
  /** Mail an SMTP server has not taken (all of it when no SMTP server is configured). */
  undeliveredMail: number;
}

async function figures(db: Database): Promise<Figures> {
  const result = await db.execute(sql`
    select
      (select count(*) from organizations)::int as "organizations",
      (select count(*) from organizations where has_observer_status)::int as "observers",
      (select count(*) from users where role = 'observer' and disabled_at is null)::int as "registeredObservers",
      (select count(*) from audit_log where action = 'sign-in-failed' and at >= now() - interval '24 hours')::int as "failedSignIns",
      (select count(*) from audit_log where action = 'permission-refused' and at >= now() - interval '24 hours')::int as "refusedPermissions",
      (select count(*) from mail_outbox where sent_at is null)::int as "undeliveredMail"`);
  const [row] = rowsOf<Figures>(result);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)])) as unknown as Figures;
}

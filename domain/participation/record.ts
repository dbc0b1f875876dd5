/**
 * The participation record: what each invited organization did in a round, derived from what the
 * platform stored (invitations, accounts, session attendance, interventions, submitted versions,
 * comments, meetings held elsewhere), never typed in. The secretariat's corrections sit beside
 * the derived figures; they never replace them.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import { presenceByOrganization } from './presence.ts';
import {
  commentThreads,
  comments,
  consultationRounds,
  consultationSessions,
  externalAttendances,
  externalMeetings,
  interventions,
  organizations,
  paperSignatures,
  paperVersions,
  participationCorrections,
  positionPapers,
  roundOrganizations,
  users,
} from '../../db/schema.ts';
import type { FloorKind } from '../sessions/speakers.ts';
import type { Figure } from './figures.ts';

export { figures, shown, isCorrected, tookPart, type Figure, type Figures } from './figures.ts';

export interface Correction {
  figure: Figure;
  value: number | null;
  note: string;
  by: string | null;
  at: Date;
}

export interface ParticipationRow {
  roundId: string;
  roundTitle: string;
  organization: { id: string; name: string; acronym: string | null; countries: string[]; level: string; areas: string[]; hasObserverStatus: boolean };
  invitedAt: Date;
  /** As derived from the stored events. */
  derived: Record<Figure, number>;
  interventionsByKind: Record<FloorKind, number>;
  firstSubmittedAt: Date | null;
  lastSubmittedAt: Date | null;
  /**
   * The joint papers of other organizations this one co-signs (a standing signature on one of
   * their versions), with the latest version it signed: counted in `coSignatures`.
   */
  coSigned: { organizationName: string; versionNumber: number }[];
  /** Every correction and annotation, oldest first; the latest with a value is the one that counts. */
  corrections: Correction[];
}

/**
 * The record of one round (every invited organization), of one organization across its rounds,
 * or of one organization in one round (a correction checks the figure it corrects).
 */
export async function participationRecord(db: Database, scope: { roundId: string; organizationId?: string } | { organizationId: string }): Promise<ParticipationRow[]> {
  const invitedWhere = and(
    'roundId' in scope ? eq(roundOrganizations.roundId, scope.roundId) : undefined,
    scope.organizationId ? eq(roundOrganizations.organizationId, scope.organizationId) : undefined,
  );
  const invited = await db
    .select({ invitedAt: roundOrganizations.invitedAt, roundId: consultationRounds.id, roundTitle: consultationRounds.title, roundCreatedAt: consultationRounds.createdAt, organization: organizations })
    .from(roundOrganizations)
    .innerJoin(organizations, eq(organizations.id, roundOrganizations.organizationId))
    .innerJoin(consultationRounds, eq(consultationRounds.id, roundOrganizations.roundId))
    .where(invitedWhere)
    .orderBy(asc(consultationRounds.createdAt), asc(organizations.name));
  if (invited.length === 0) return [];
  const roundIds = [...new Set(invited.map((r) => r.roundId))];
  const organizationIds = [...new Set(invited.map((r) => r.organization.id))];
  const inRounds = (column: AnyPgColumn) => inArray(column, roundIds);
  const ofOrganizations = (column: AnyPgColumn) => inArray(column, organizationIds);

  const [members, presence, spoken, versions, commented, elsewhere, corrections, signed] = await Promise.all([
    db
      .select({ organizationId: users.organizationId, count: sql<number>`count(*)::int` })
      .from(users)
      .where(and(ofOrganizations(users.organizationId), isNull(users.disabledAt)))
      .groupBy(users.organizationId),
    presenceByOrganization(db, roundIds, organizationIds),
    db
      .select({
        roundId: consultationSessions.roundId,
        organizationId: interventions.organizationId,
        kind: interventions.kind,
        count: sql<number>`count(*)::int`,
        seconds: sql<number>`coalesce(sum(greatest(0, extract(epoch from (coalesce(${interventions.endedAt}, ${consultationSessions.closedAt}, now()) - ${interventions.startedAt})))), 0)::float8`,
      })
      .from(interventions)
      .innerJoin(consultationSessions, eq(consultationSessions.id, interventions.sessionId))
      .where(and(inRounds(consultationSessions.roundId), ofOrganizations(interventions.organizationId)))
      .groupBy(consultationSessions.roundId, interventions.organizationId, interventions.kind),
    db
      .select({
        roundId: positionPapers.roundId,
        organizationId: positionPapers.organizationId,
        count: sql<number>`count(${paperVersions.id})::int`,
        first: sql<string | null>`min(${paperVersions.submittedAt})`,
        last: sql<string | null>`max(${paperVersions.submittedAt})`,
      })
      .from(positionPapers)
      .innerJoin(paperVersions, eq(paperVersions.paperId, positionPapers.id))
      .where(and(inRounds(positionPapers.roundId), ofOrganizations(positionPapers.organizationId)))
      .groupBy(positionPapers.roundId, positionPapers.organizationId),
    // Comments count for the organization their author belonged to when writing.
    db
      .select({ roundId: commentThreads.roundId, organizationId: comments.organizationId, count: sql<number>`count(*)::int` })
      .from(comments)
      .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
      .where(and(inRounds(commentThreads.roundId), ofOrganizations(comments.organizationId)))
      .groupBy(commentThreads.roundId, comments.organizationId),
    db
      .select({ roundId: externalMeetings.roundId, organizationId: externalAttendances.organizationId, count: sql<number>`count(distinct ${externalMeetings.id})::int` })
      .from(externalAttendances)
      .innerJoin(externalMeetings, eq(externalMeetings.id, externalAttendances.meetingId))
      .where(and(inRounds(externalMeetings.roundId), ofOrganizations(externalAttendances.organizationId)))
      .groupBy(externalMeetings.roundId, externalAttendances.organizationId),
    db
      .select({ row: participationCorrections, by: users.name })
      .from(participationCorrections)
      .leftJoin(users, eq(users.id, participationCorrections.createdById))
      .where(and(inRounds(participationCorrections.roundId), ofOrganizations(participationCorrections.organizationId)))
      .orderBy(asc(participationCorrections.id)),
    // Co-signatures count for the signing organization, once per paper, while one stands.
    db
      .select({
        roundId: positionPapers.roundId,
        organizationId: paperSignatures.organizationId,
        paperOrganization: organizations.name,
        versionNumber: sql<number>`max(${paperVersions.number})::int`,
      })
      .from(paperSignatures)
      .innerJoin(paperVersions, eq(paperVersions.id, paperSignatures.versionId))
      .innerJoin(positionPapers, eq(positionPapers.id, paperVersions.paperId))
      .innerJoin(organizations, eq(organizations.id, positionPapers.organizationId))
      .where(and(inRounds(positionPapers.roundId), ofOrganizations(paperSignatures.organizationId), isNull(paperSignatures.withdrawnAt)))
      .groupBy(positionPapers.roundId, paperSignatures.organizationId, positionPapers.id, organizations.name)
      .orderBy(asc(organizations.name)),
  ]);

  const key = (roundId: string, organizationId: string | null) => `${roundId}/${organizationId}`;
  const rows = new Map<string, ParticipationRow>();
  for (const r of invited) {
    rows.set(key(r.roundId, r.organization.id), {
      roundId: r.roundId,
      roundTitle: r.roundTitle,
      organization: {
        id: r.organization.id,
        name: r.organization.name,
        acronym: r.organization.acronym,
        countries: r.organization.countries,
        level: r.organization.level,
        areas: r.organization.areas,
        hasObserverStatus: r.organization.hasObserverStatus,
      },
      invitedAt: r.invitedAt,
      derived: { members: 0, sessionsAttended: 0, secondsPresent: 0, interventions: 0, interventionSeconds: 0, versions: 0, coSignatures: 0, comments: 0, meetingsElsewhere: 0 },
      interventionsByKind: { intervention: 0, reply: 0, 'point-of-order': 0 },
      firstSubmittedAt: null,
      lastSubmittedAt: null,
      coSigned: [],
      corrections: [],
    });
  }
  const membersOf = new Map(members.map((m) => [m.organizationId, Number(m.count)]));
  for (const row of rows.values()) row.derived.members = membersOf.get(row.organization.id) ?? 0;

  for (const p of presence) {
    const row = rows.get(key(p.roundId, p.organizationId));
    if (!row) continue;
    row.derived.sessionsAttended = Number(p.sessions);
    row.derived.secondsPresent = Math.round(Number(p.seconds));
  }
  for (const s of spoken) {
    const row = rows.get(key(s.roundId, s.organizationId));
    if (!row) continue;
    row.derived.interventions += Number(s.count);
    row.derived.interventionSeconds += Math.round(Number(s.seconds));
    row.interventionsByKind[s.kind as FloorKind] += Number(s.count);
  }
  for (const v of versions) {
    const row = rows.get(key(v.roundId, v.organizationId));
    if (!row) continue;
    row.derived.versions = Number(v.count);
    row.firstSubmittedAt = v.first ? new Date(v.first) : null;
    row.lastSubmittedAt = v.last ? new Date(v.last) : null;
  }
  for (const g of signed) {
    const row = rows.get(key(g.roundId, g.organizationId));
    if (!row) continue;
    row.coSigned.push({ organizationName: g.paperOrganization, versionNumber: Number(g.versionNumber) });
    row.derived.coSignatures = row.coSigned.length;
  }
  for (const c of commented) {
    const row = rows.get(key(c.roundId, c.organizationId));
    if (row) row.derived.comments = Number(c.count);
  }
  for (const e of elsewhere) {
    const row = rows.get(key(e.roundId, e.organizationId));
    if (row) row.derived.meetingsElsewhere = Number(e.count);
  }
  for (const { row: c, by } of corrections) {
    rows.get(key(c.roundId, c.organizationId))?.corrections.push({ figure: c.figure as Figure, value: c.value, note: c.note, by, at: c.createdAt });
  }
  return [...rows.values()];
}

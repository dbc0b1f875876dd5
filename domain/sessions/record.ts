/**
 * The record of a session, derived from what the server stored, never typed in: attendance
 * (who, for which organization, how long, from every join and leave), interventions (per
 * organization and agenda item, by kind, with the time used), and the same as CSV.
 */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { agendaItems, interventions, organizations, paperVersions, sessionAttendance, users } from '../../db/schema.ts';
import type { FloorKind } from './speakers.ts';
import { writeCsv } from '../participation/csv.ts';

const seconds = (from: Date, to: Date | null, end: Date) => Math.max(0, Math.round(((to ?? end).getTime() - from.getTime()) / 1000));

export async function sessionRecord(db: Database, session: { id: string; closedAt: Date | null }) {
  const end = session.closedAt ?? new Date();
  const [presence, spoken, agenda] = await Promise.all([
    db
      .select({ row: sessionAttendance, name: users.name, organizationName: organizations.name })
      .from(sessionAttendance)
      .innerJoin(users, eq(users.id, sessionAttendance.userId))
      .leftJoin(organizations, eq(organizations.id, sessionAttendance.organizationId))
      .where(eq(sessionAttendance.sessionId, session.id))
      .orderBy(asc(sessionAttendance.joinedAt)),
    db
      .select({ row: interventions, name: users.name, organizationName: organizations.name, item: agendaItems.title, position: agendaItems.position, version: paperVersions.number })
      .from(interventions)
      .leftJoin(paperVersions, eq(paperVersions.id, interventions.statementVersionId))
      .innerJoin(agendaItems, eq(agendaItems.id, interventions.agendaItemId))
      .leftJoin(users, eq(users.id, interventions.userId))
      .leftJoin(organizations, eq(organizations.id, interventions.organizationId))
      .where(eq(interventions.sessionId, session.id))
      .orderBy(asc(interventions.startedAt)),
    db.select().from(agendaItems).where(eq(agendaItems.sessionId, session.id)).orderBy(asc(agendaItems.position)),
  ]);
  const people = new Map<string, { name: string; organizationName: string | null; seconds: number; joins: number; firstJoin: Date }>();
  for (const { row, name, organizationName } of presence) {
    const person = people.get(row.userId) ?? { name, organizationName, seconds: 0, joins: 0, firstJoin: row.joinedAt };
    person.seconds += seconds(row.joinedAt, row.leftAt, end);
    person.joins += 1;
    people.set(row.userId, person);
  }
  const attendance = [...people.values()].sort((a, b) => (a.organizationName ?? '').localeCompare(b.organizationName ?? '') || a.name.localeCompare(b.name));
  const list = spoken.map(({ row, name, organizationName, item, version }) => ({
    itemId: row.agendaItemId,
    statement: row.statement ?? (version ? `paper version ${version}` : null),
    name: name ?? '',
    organizationName,
    item,
    kind: row.kind as FloorKind,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    seconds: seconds(row.startedAt, row.endedAt, end),
  }));
  const byOrganization = new Map<string, { organizationName: string; count: number; seconds: number; kinds: Record<FloorKind, number> }>();
  for (const i of list) {
    const key = i.organizationName ?? '—';
    const entry = byOrganization.get(key) ?? { organizationName: key, count: 0, seconds: 0, kinds: { intervention: 0, reply: 0, 'point-of-order': 0 } };
    entry.count += 1;
    entry.seconds += i.seconds;
    entry.kinds[i.kind] += 1;
    byOrganization.set(key, entry);
  }
  const byItem = agenda.map((item) => {
    const of = list.filter((i) => i.itemId === item.id);
    return { id: item.id, title: item.title, count: of.length, seconds: of.reduce((sum, i) => sum + i.seconds, 0) };
  });
  return { attendance, interventions: list, byOrganization: [...byOrganization.values()].sort((a, b) => b.count - a.count), byItem };
}

export function recordCsv(record: Awaited<ReturnType<typeof sessionRecord>>, part: 'attendance' | 'interventions'): string {
  const rows =
    part === 'attendance'
      ? [['name', 'organization', 'first_joined_at', 'joins', 'seconds_present'], ...record.attendance.map((a) => [a.name, a.organizationName, a.firstJoin.toISOString(), a.joins, a.seconds])]
      : [['speaker', 'organization', 'agenda_item', 'kind', 'started_at', 'ended_at', 'seconds', 'statement'], ...record.interventions.map((i) => [i.name, i.organizationName, i.item, i.kind, i.startedAt.toISOString(), i.endedAt?.toISOString() ?? null, i.seconds, i.statement])];
  return writeCsv(rows);
}

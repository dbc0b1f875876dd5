/**
 * How the record is looked at: filters (area, level, country, observer status), sorting, the
 * charts' figures and the rows of the CSV and XLSX exports. Pure functions over the rows.
 */
import { z } from 'zod';
import { areas, levels } from '../vocabulary.ts';
import { figures, isCorrected, shown } from './figures.ts';
import type { ParticipationRow } from './record.ts';

export const sortColumns = ['organization', 'country', 'level', ...figures, 'submittedAt'] as const;
export type SortColumn = (typeof sortColumns)[number];

/** The query string of the record's page; anything unknown falls back to "no filter". */
export const recordQuery = z.object({
  area: z.enum(areas).optional().catch(undefined),
  level: z.enum(levels).optional().catch(undefined),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  observer: z.enum(['yes', 'no']).optional().catch(undefined),
  sort: z.enum(sortColumns).catch('organization'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** Rows a page of the record shows; the downloads have them all. */
export const recordPageSize = 100;
export type RecordQuery = z.infer<typeof recordQuery>;

export function readRecordQuery(params: URLSearchParams): RecordQuery {
  return recordQuery.parse(Object.fromEntries([...params].filter(([, v]) => v !== '')));
}

export function filterRows(rows: ParticipationRow[], q: Pick<RecordQuery, 'area' | 'level' | 'country' | 'observer'>): ParticipationRow[] {
  return rows.filter(
    (r) =>
      (!q.area || r.organization.areas.includes(q.area)) &&
      (!q.level || r.organization.level === q.level) &&
      (!q.country || r.organization.countries.includes(q.country)) &&
      (!q.observer || r.organization.hasObserverStatus === (q.observer === 'yes')),
  );
}

export function sortRows(rows: ParticipationRow[], sort: SortColumn, dir: 'asc' | 'desc'): ParticipationRow[] {
  const key = (r: ParticipationRow): string | number => {
    if (sort === 'organization') return r.organization.name.toLocaleLowerCase();
    if (sort === 'country') return r.organization.countries.join(',');
    if (sort === 'level') return r.organization.level;
    if (sort === 'submittedAt') return r.lastSubmittedAt?.getTime() ?? -1;
    return shown(r, sort);
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    // Ties keep a stable, readable order: by name.
    return order !== 0 ? sign * order : a.organization.name.localeCompare(b.organization.name);
  });
}

/** The countries that occur in the record, for the filter's choices. */
export function countriesOf(rows: ParticipationRow[]): string[] {
  return [...new Set(rows.flatMap((r) => r.organization.countries))].sort();
}

/** Interventions per area of activity; an organization active in two areas counts in both. */
export function interventionsByArea(rows: ParticipationRow[]): { area: string; interventions: number; organizations: number }[] {
  const totals = new Map<string, { interventions: number; organizations: number }>();
  for (const r of rows) {
    for (const area of r.organization.areas) {
      const entry = totals.get(area) ?? { interventions: 0, organizations: 0 };
      entry.interventions += shown(r, 'interventions');
      if (shown(r, 'interventions') > 0) entry.organizations += 1;
      totals.set(area, entry);
    }
  }
  return [...totals.entries()].map(([area, t]) => ({ area, ...t })).sort((a, b) => b.interventions - a.interventions || a.area.localeCompare(b.area));
}

const isoDate = (d: Date | null) => (d ? d.toISOString() : null);

/** The rows of the CSV and XLSX exports: the figures as shown, with what was corrected and why. */
export function exportRows(rows: ParticipationRow[]): (string | number | null)[][] {
  const header = [
    'round', 'organization', 'acronym', 'countries', 'level', 'areas', 'observer_status', 'invited_at',
    'members', 'sessions_attended', 'minutes_present', 'interventions', 'interventions_minutes',
    'interventions_kind_intervention', 'interventions_kind_reply', 'interventions_kind_point_of_order',
    'versions_submitted', 'first_submitted_at', 'last_submitted_at', 'co_signatures', 'co_signed_papers', 'comments', 'meetings_elsewhere', 'corrections',
  ];
  return [
    header,
    ...rows.map((r) => [
      r.roundTitle,
      r.organization.name,
      r.organization.acronym,
      r.organization.countries.join(' '),
      r.organization.level,
      r.organization.areas.join(' '),
      r.organization.hasObserverStatus ? 'yes' : 'no',
      isoDate(r.invitedAt),
      shown(r, 'members'),
      shown(r, 'sessionsAttended'),
      Math.round(shown(r, 'secondsPresent') / 60),
      shown(r, 'interventions'),
      Math.round(shown(r, 'interventionSeconds') / 60),
      r.interventionsByKind.intervention,
      r.interventionsByKind.reply,
      r.interventionsByKind['point-of-order'],
      shown(r, 'versions'),
      isoDate(r.firstSubmittedAt),
      isoDate(r.lastSubmittedAt),
      shown(r, 'coSignatures'),
      r.coSigned.map((c) => `${c.organizationName} v${c.versionNumber}`).join(' | ') || null,
      shown(r, 'comments'),
      shown(r, 'meetingsElsewhere'),
      r.corrections
        .map((c) => `${c.figure}${c.value !== null && isCorrected(r, c.figure) ? ` ${r.derived[c.figure]}→${c.value}` : ''}: ${c.note}`)
        .join(' | ') || null,
    ]),
  ];
}

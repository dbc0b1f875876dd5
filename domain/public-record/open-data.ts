/**
 * The participation record as IOM publishes it: the figures each invited organization's row
 * shows (corrections applied), without the secretariat's notes or anything about people. Free of
 * the database: the snapshot is taken from the record's rows and stored as it is published.
 */
import { writeCsv } from '../participation/csv.ts';
import { shown, tookPart } from '../participation/figures.ts';
import type { ParticipationRow } from '../participation/record.ts';

export interface PublicParticipationRow {
  organization: string;
  acronym: string | null;
  countries: string[];
  level: string;
  sessionsAttended: number;
  minutesPresent: number;
  interventions: number;
  interventionMinutes: number;
  versionsSubmitted: number;
  comments: number;
  meetingsElsewhere: number;
  tookPart: boolean;
}

export interface PublicParticipation {
  /** When the figures were taken from the record (ISO). */
  takenAt: string;
  rows: PublicParticipationRow[];
}

/** The figures totalled for the round's page. */
export interface ParticipationTotals {
  invited: number;
  tookPart: number;
  submitted: number;
  interventions: number;
  meetingsElsewhere: number;
}

export function publicParticipation(rows: ParticipationRow[], takenAt = new Date()): PublicParticipation {
  return {
    takenAt: takenAt.toISOString(),
    rows: rows.map((r) => ({
      organization: r.organization.name,
      acronym: r.organization.acronym,
      countries: r.organization.countries,
      level: r.organization.level,
      sessionsAttended: shown(r, 'sessionsAttended'),
      minutesPresent: Math.round(shown(r, 'secondsPresent') / 60),
      interventions: shown(r, 'interventions'),
      interventionMinutes: Math.round(shown(r, 'interventionSeconds') / 60),
      versionsSubmitted: shown(r, 'versions'),
      comments: shown(r, 'comments'),
      meetingsElsewhere: shown(r, 'meetingsElsewhere'),
      tookPart: tookPart(r),
    })),
  };
}

export function totalsOf(record: PublicParticipation): ParticipationTotals {
  const sum = (pick: (r: PublicParticipationRow) => number) => record.rows.reduce((n, r) => n + pick(r), 0);
  return {
    invited: record.rows.length,
    tookPart: record.rows.filter((r) => r.tookPart).length,
    submitted: record.rows.filter((r) => r.versionsSubmitted > 0).length,
    interventions: sum((r) => r.interventions),
    meetingsElsewhere: sum((r) => r.meetingsElsewhere),
  };
}

const columns = [
  ['organization', (r: PublicParticipationRow) => r.organization],
  ['acronym', (r: PublicParticipationRow) => r.acronym],
  ['countries', (r: PublicParticipationRow) => r.countries.join(' ')],
  ['level', (r: PublicParticipationRow) => r.level],
  ['sessions_attended', (r: PublicParticipationRow) => r.sessionsAttended],
  ['minutes_present', (r: PublicParticipationRow) => r.minutesPresent],
  ['interventions', (r: PublicParticipationRow) => r.interventions],
  ['interventions_minutes', (r: PublicParticipationRow) => r.interventionMinutes],
  ['versions_submitted', (r: PublicParticipationRow) => r.versionsSubmitted],
  ['comments', (r: PublicParticipationRow) => r.comments],
  ['meetings_elsewhere', (r: PublicParticipationRow) => r.meetingsElsewhere],
  ['took_part', (r: PublicParticipationRow) => (r.tookPart ? 'yes' : 'no')],
] as const;

/** The open-data CSV: one row per invited organization, a header of stable column names. */
export function participationCsv(record: PublicParticipation): string {
  return writeCsv([columns.map(([name]) => name), ...record.rows.map((r) => columns.map(([, value]) => value(r)))]);
}

/** The open-data JSON: the round, when the figures were taken, and the same rows as the CSV. */
export function participationJson(round: { id: string; title: string; url: string }, record: PublicParticipation): string {
  return JSON.stringify(
    {
      round: { id: round.id, title: round.title, url: round.url },
      figuresTakenAt: record.takenAt,
      columns: columns.map(([name]) => name),
      organizations: record.rows,
    },
    null,
    2,
  );
}

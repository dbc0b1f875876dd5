/** How the record is looked at: the query string, filters, sorting, the chart by area and the export rows. */
import { describe, expect, it } from 'vitest';
import type { ParticipationRow } from './record.ts';
import { exportRows, filterRows, interventionsByArea, readRecordQuery, sortRows } from './view.ts';

const row = (name: string, o: Partial<ParticipationRow['organization']>, derived: Partial<ParticipationRow['derived']> = {}, corrections: ParticipationRow['corrections'] = []): ParticipationRow => ({
  roundId: 'r',
  roundTitle: 'Round',
  organization: { id: name, name, acronym: null, countries: ['AT'], level: 'national', areas: ['migrants-rights'], hasObserverStatus: false, ...o },
  invitedAt: new Date('2026-10-01T00:00:00Z'),
  derived: { members: 0, sessionsAttended: 0, secondsPresent: 0, interventions: 0, interventionSeconds: 0, versions: 0, coSignatures: 0, comments: 0, meetingsElsewhere: 0, ...derived },
  interventionsByKind: { intervention: 0, reply: 0, 'point-of-order': 0 },
  firstSubmittedAt: null,
  lastSubmittedAt: null,
  coSigned: [],
  corrections,
});

const strada = row('La Strada Ukraine', { countries: ['UA'], areas: ['counter-trafficking', 'migrants-rights'], hasObserverStatus: true }, { interventions: 3 });
const caritas = row('Caritas Österreich', { level: 'international', areas: ['assisted-voluntary-return'] }, { interventions: 1 }, [
  { figure: 'interventions', value: 5, note: 'Spoke by phone twice.', by: 'Sofía', at: new Date() },
]);
const quiet = row('Quiet NGO', {}, {});
const rows = [strada, caritas, quiet];

describe('the query string', () => {
  it('keeps known values and drops the rest', () => {
    expect(readRecordQuery(new URLSearchParams('area=counter-trafficking&level=moon&country=ua&observer=maybe&sort=comments&dir=desc&page=2'))).toEqual({
      area: 'counter-trafficking',
      level: undefined,
      country: 'UA',
      observer: undefined,
      sort: 'comments',
      dir: 'desc',
      page: 2,
    });
    expect(readRecordQuery(new URLSearchParams('sort=password&page=-1'))).toMatchObject({ sort: 'organization', dir: 'asc', page: 1 });
  });
});

describe('filters and sorting', () => {
  it('filter by area, level, country and observer status', () => {
    const names = (q: Parameters<typeof filterRows>[1]) => filterRows(rows, q).map((r) => r.organization.name);
    expect(names({ area: 'migrants-rights' })).toEqual(['La Strada Ukraine', 'Quiet NGO']);
    expect(names({ level: 'international' })).toEqual(['Caritas Österreich']);
    expect(names({ country: 'UA' })).toEqual(['La Strada Ukraine']);
    expect(names({ observer: 'no' })).toEqual(['Caritas Österreich', 'Quiet NGO']);
  });

  it('sort by a figure as shown (corrections count), ties by name', () => {
    expect(sortRows(rows, 'interventions', 'desc').map((r) => r.organization.name)).toEqual(['Caritas Österreich', 'La Strada Ukraine', 'Quiet NGO']);
    expect(sortRows(rows, 'organization', 'asc').map((r) => r.organization.name)).toEqual(['Caritas Österreich', 'La Strada Ukraine', 'Quiet NGO']);
    expect(sortRows(rows, 'comments', 'asc').map((r) => r.organization.name)).toEqual(['Caritas Österreich', 'La Strada Ukraine', 'Quiet NGO']);
  });
});

describe('the chart and the exports', () => {
  it('count interventions by area, an organization in each of its areas', () => {
    expect(interventionsByArea(rows)).toEqual([
      { area: 'assisted-voluntary-return', interventions: 5, organizations: 1 },
      { area: 'counter-trafficking', interventions: 3, organizations: 1 },
      { area: 'migrants-rights', interventions: 3, organizations: 1 },
    ]);
  });

  it('export the figures as shown, with what was corrected and why', () => {
    const [header, ...body] = exportRows([caritas]);
    const at = (name: string) => body[0]![header!.indexOf(name)];
    expect(at('organization')).toBe('Caritas Österreich');
    expect(at('interventions')).toBe(5);
    expect(at('corrections')).toBe('interventions 1→5: Spoke by phone twice.');
    expect(exportRows([quiet])[1]![header!.indexOf('corrections')]).toBeNull();
  });
});

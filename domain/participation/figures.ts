/**
 * The figures of a participation row and how the record shows them (a correction's value beside
 * the derived one). Free of the database: the pages' components use it in the browser too.
 */

/** The figures of a row that the secretariat may correct, in the order the record shows them. */
export const figures = [
  'members',
  'sessionsAttended',
  'secondsPresent',
  'interventions',
  'interventionSeconds',
  'versions',
  'coSignatures',
  'comments',
  'meetingsElsewhere',
] as const;
export type Figure = (typeof figures)[number];

/** What reading a figure needs of a row (a row as stored, or as a page received it). */
export type Figures = { derived: Record<Figure, number>; corrections: readonly { figure: Figure; value: number | null }[] };

/** A figure as the record shows it: the latest correction's value where there is one, else the derived one. */
export function shown(row: Figures, figure: Figure): number {
  const corrected = row.corrections.filter((c) => c.figure === figure && c.value !== null).at(-1);
  return corrected?.value ?? row.derived[figure];
}

export function isCorrected(row: Figures, figure: Figure): boolean {
  return row.corrections.some((c) => c.figure === figure && c.value !== null);
}

/** Did the organization take part at all (attended, spoke, submitted or co-signed, commented, met elsewhere)? */
export function tookPart(row: Figures): boolean {
  return ['sessionsAttended', 'interventions', 'versions', 'coSignatures', 'comments', 'meetingsElsewhere'].some((f) => shown(row, f as Figure) > 0);
}


/**
 * Dates as people enter them, checked before they reach the database. JavaScript rolls an
 * impossible day over (`2026-02-30` is 2 March) and accepts years Postgres cannot store
 * (`0000-01-01`, `+275760-09-13`); both used to end in a 500. Here a date must be a real day of
 * a year between 1900 and 2999: wide enough for any meeting, consultation or deadline.
 */
import { z } from 'zod';

export const earliestYear = 1900;
export const latestYear = 2999;

const datePart = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Whether a string starts with a real day (`YYYY-MM-DD`) of a year the platform accepts. */
export function startsWithStorableDay(value: string): boolean {
  const m = datePart.exec(value.trim());
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= earliestYear && year <= latestYear && isRealDay(year, month, day);
}

/** Whether a moment falls within the years the platform accepts. */
export function isStorableMoment(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= earliestYear && year <= latestYear;
}

/** A calendar day, `YYYY-MM-DD`, that exists (a `date` column). */
export function calendarDate(message: string) {
  return z.string({ error: message }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, message).refine(startsWithStorableDay, message);
}

/**
 * A moment: a Date, or a string that starts with a real day (`2026-05-31T14:00` from a
 * `datetime-local` field, or an ISO timestamp), within the years accepted (a `timestamptz`).
 */
export function storableDateTime(message: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' && !startsWithStorableDay(value) ? 'not a date' : value),
    z.coerce.date({ error: message }).refine(isStorableMoment, message),
  );
}

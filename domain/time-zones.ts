/**
 * Time zones: IANA names (`Europe/Geneva`), checked with the platform's own Intl data; wall
 * times ("2026-12-01T23:59" on a form) turned into instants in a named zone and back; and the
 * short name people read ("Geneva", "Kyiv"). No library: Intl knows every zone and its rules.
 */
import { z } from 'zod';
import { isStorableMoment, startsWithStorableDay } from './dates.ts';

/**
 * A round's zone unless its facilitator picks another: IOM's Council meets in Geneva, whose
 * zone the IANA database names after Zurich (there is no `Europe/Geneva`).
 */
export const defaultRoundTimeZone = 'Europe/Zurich';

/** Whether Intl knows this zone (an IANA name such as `America/Bogota`, or `UTC`). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string({ error: 'errors.timeZone.invalid' }).trim().refine(isTimeZone, 'errors.timeZone.invalid');

/** A wall time as a `datetime-local` field sends it: "2026-12-01T23:59" (seconds allowed). */
const wallTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
/** An instant that names its offset: "2026-12-01T09:00:00Z", "…+02:00". */
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string) {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** The wall clock of `zone` at an instant, as numbers. */
function wallClock(instant: Date, zone: string) {
  const parts = Object.fromEntries(partsFormatter(zone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second) };
}

/** How far `zone` is ahead of UTC at an instant, in milliseconds. */
export function offsetAt(instant: Date, zone: string): number {
  const w = wallClock(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the clocks of `zone` show this wall time, or null if it is not one.
 * A time skipped when clocks go forward lands just after the gap; a time that happens twice
 * when they go back is taken the first time.
 */
export function instantFromWallTime(wall: string, zone: string): Date | null {
  const m = wallTimePattern.exec(wall.trim());
  if (!m || !isTimeZone(zone)) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(asUtc).getUTCDate() !== day) return null; // 31 April
  // A day before and after, the zone has the one or two offsets that can apply that day.
  const candidates = [offsetAt(new Date(asUtc - 86400_000), zone), offsetAt(new Date(asUtc + 86400_000), zone)].map((offset) => asUtc - offset).sort((a, b) => a - b);
  const shows = candidates.find((t) => t + offsetAt(new Date(t), zone) === asUtc);
  // In a gap, the offset before it carries the time past the gap (02:30 becomes 03:30).
  return new Date(shows ?? asUtc - offsetAt(new Date(asUtc - 86400_000), zone));
}

/** The wall time of `zone` at an instant, as a `datetime-local` field shows it: "2026-12-01T23:59". */
export function wallTimeOf(instant: Date | string, zone: string): string {
  const w = wallClock(new Date(instant), zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/**
 * A moment from a form or a program: a Date, an instant that names its offset, or a wall time
 * read in `zone`. Anything else is `errors.date.invalid`.
 */
export function instantIn(zone: string) {
  return z.union([z.date(), z.string({ error: 'errors.date.invalid' })], { error: 'errors.date.invalid' }).transform((value, ctx) => {
    const at = toInstant(value, zone);
    if (!at) {
      ctx.addIssue({ code: 'custom', message: 'errors.date.invalid' });
      return z.NEVER;
    }
    return at;
  });
}

/** See `instantIn`; null when the value is no moment, or one outside the years the platform stores (domain/dates.ts). */
export function toInstant(value: Date | string, zone: string): Date | null {
  if (value instanceof Date) return isStorableMoment(value) ? value : null;
  const text = value.trim();
  if (!startsWithStorableDay(text)) return null;
  let at: Date | null = null;
  if (wallTimePattern.test(text)) at = instantFromWallTime(text, zone);
  else if (instantPattern.test(text)) at = new Date(text);
  return at && isStorableMoment(at) ? at : null;
}

/** Older names that Intl may still answer with, and the name people use now. */
const renamed: Record<string, string> = { 'Europe/Kiev': 'Europe/Kyiv', 'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Saigon': 'Asia/Ho_Chi_Minh', 'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Rangoon': 'Asia/Yangon', 'America/Buenos_Aires': 'America/Argentina/Buenos_Aires' };

/** A zone under the name people use now (Intl may still answer `Europe/Kiev`). */
export function canonicalZone(zone: string): string {
  return renamed[zone] ?? zone;
}

/** Where this platform's people name a zone after another city than IANA does. */
const placeNames: Record<string, string> = { 'Europe/Zurich': 'Geneva' };

/** The short name of a zone as people say it: "Geneva", "Kyiv", "Buenos Aires", "UTC". */
export function zoneCity(zone: string): string {
  const name = renamed[zone] ?? zone;
  if (placeNames[name]) return placeNames[name]!;
  if (name === 'UTC' || name === 'Etc/UTC' || name === 'Etc/GMT') return 'UTC';
  return (name.split('/').pop() ?? name).replace(/_/g, ' ');
}

/** A zone named for a form's hint: "Geneva (Europe/Zurich)", "UTC". */
export function zoneLabel(zone: string): string {
  const city = zoneCity(zone);
  return city === canonicalZone(zone) ? city : `${city} (${canonicalZone(zone)})`;
}

/** Whether two zones show the same wall clock at an instant (then one is enough on screen). */
export function sameClock(instant: Date | string, a: string, b: string): boolean {
  const at = new Date(instant);
  return a === b || (renamed[a] ?? a) === (renamed[b] ?? b) || offsetAt(at, a) === offsetAt(at, b);
}

/** "UTC+02:00" for a zone at an instant. */
export function utcOffsetLabel(instant: Date, zone: string): string {
  const minutes = Math.round(offsetAt(instant, zone) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The zones one may choose, with their offset now, for a select: every IANA zone Intl knows,
 * by offset then name. Computed on the server and sent with the page, so that the browser
 * shows exactly the list the server rendered.
 */
export function timeZoneChoices(now = new Date()): Array<{ zone: string; label: string }> {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [defaultRoundTimeZone, 'UTC'];
  const all = [...new Set(['UTC', ...zones.map((z) => renamed[z] ?? z)])].filter(isTimeZone);
  return all
    .map((zone) => ({ zone, offset: offsetAt(now, zone) }))
    .sort((a, b) => a.offset - b.offset || a.zone.localeCompare(b.zone))
    .map(({ zone }) => ({ zone, label: `${zone.replace(/_/g, ' ')}${placeNames[zone] ? ` — ${placeNames[zone]}` : ''} (${utcOffsetLabel(now, zone)})` }));
}

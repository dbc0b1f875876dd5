/**
 * iCalendar (RFC 5545) written by hand: a few events, each in its own zone. Small on purpose:
 * `ical-generator` 11 needs Node 22, and a feed of deadlines and sessions needs only VEVENT and
 * VTIMEZONE. Times are written as wall times with a TZID, and every zone used gets a VTIMEZONE
 * built from Intl (the zone's offset changes over the years the events span), so a calendar that
 * does not know the IANA name still places the event right (ADR 031).
 */
import { offsetAt } from '../time-zones.ts';

/** One event. `end` or `durationMinutes` may be left out: the event is then a moment (a deadline). */
export interface CalendarEvent {
  /** Stable across versions of the feed: the calendar replaces the event instead of adding one. */
  uid: string;
  start: Date;
  durationMinutes?: number;
  /** The IANA zone the event is written in (the round's). */
  timeZone: string;
  summary: string;
  description?: string;
  url?: string;
  /** Grows each time the event's time changes (RFC 5545 §3.8.7.4). */
  sequence: number;
  lastModified: Date;
}

export interface CalendarOptions {
  /** The calendar's name, as subscribing applications show it. */
  name: string;
  events: CalendarEvent[];
}

const productId = '-//IOM//IDM Consult//EN';

/** The whole calendar as text, lines ending in CRLF as the RFC asks. */
export function writeCalendar({ name, events }: CalendarOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${productId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`];
  const zones = new Map<string, { from: number; to: number }>();
  for (const e of events) {
    const year = e.start.getUTCFullYear();
    const known = zones.get(e.timeZone);
    zones.set(e.timeZone, { from: Math.min(known?.from ?? year, year), to: Math.max(known?.to ?? year, year) });
  }
  for (const [zone, years] of [...zones].sort(([a], [b]) => a.localeCompare(b))) lines.push(...timeZoneLines(zone, years.from, years.to));
  for (const e of events) lines.push(...eventLines(e));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

function eventLines(e: CalendarEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    // The version's date, not the download's: an unchanged event reads the same in every fetch.
    `DTSTAMP:${utcStamp(e.lastModified)}`,
    `LAST-MODIFIED:${utcStamp(e.lastModified)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTART;TZID=${e.timeZone}:${wallStamp(e.start, e.timeZone)}`,
  ];
  if (e.durationMinutes) lines.push(`DTEND;TZID=${e.timeZone}:${wallStamp(new Date(e.start.getTime() + e.durationMinutes * 60_000), e.timeZone)}`);
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push('END:VEVENT');
  return lines;
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped (§3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character (§3.1). */
export function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // The first line holds 75 octets; the following ones 74 after their leading space.
    if (bytes + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const two = (n: number) => String(n).padStart(2, '0');

/** 20261231T225900Z */
function utcStamp(at: Date): string {
  return `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}T${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}Z`;
}

/** The wall time of `zone` at an instant: 20261231T235900. */
function wallStamp(at: Date, zone: string): string {
  return localStamp(at.getTime() + offsetAt(at, zone));
}

function localStamp(shiftedMs: number): string {
  const d = new Date(shiftedMs);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
}

/** +0100, -0430, +0545 */
function offsetText(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `${sign}${two(Math.floor(minutes / 60))}${two(minutes % 60)}`;
}

const zoneCache = new Map<string, string[]>();

/**
 * A VTIMEZONE for `zone` over the years given: the offset in force on 1 January of the first year,
 * then every change until the end of the last, each as its own observance (no RRULE: rules
 * change, and Intl knows the actual changes).
 */
export function timeZoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const key = `${zone}:${fromYear}:${toYear}`;
  const cached = zoneCache.get(key);
  if (cached) return cached;
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const changes = offsetChanges(zone, start, end);
  const first = offsetAt(new Date(start), zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', localMs: number, from: number, to: number) =>
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(localMs)}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `END:${kind}`);
  const highest = Math.max(first, ...changes.map((c) => c.to));
  const lowest = Math.min(first, ...changes.map((c) => c.to));
  // Daylight time is the higher of a zone's two offsets; a zone that never changes has only standard time.
  observance(first === highest && highest !== lowest ? 'DAYLIGHT' : 'STANDARD', start + first, first, first);
  for (const c of changes) observance(c.to > c.from ? 'DAYLIGHT' : 'STANDARD', c.at + c.from, c.from, c.to);
  lines.push('END:VTIMEZONE');
  zoneCache.set(key, lines);
  return lines;
}

/** The instants at which the zone's offset changes between two instants, found day by day then to the second. */
function offsetChanges(zone: string, start: number, end: number) {
  const day = 86_400_000;
  const changes: Array<{ at: number; from: number; to: number }> = [];
  let before = offsetAt(new Date(start), zone);
  for (let t = start + day; t <= end; t += day) {
    const now = offsetAt(new Date(t), zone);
    if (now === before) continue;
    // The change lies in (t - day, t]: halve down to the second.
    let low = t - day;
    let high = t;
    while (high - low > 1000) {
      const middle = Math.floor((low + high) / 2000) * 1000;
      if (offsetAt(new Date(middle), zone) === before) low = middle;
      else high = middle;
    }
    changes.push({ at: high, from: before, to: now });
    before = now;
  }
  return changes;
}

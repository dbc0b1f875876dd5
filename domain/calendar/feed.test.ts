/**
 * The calendar on a real database, read back with node-ical (a parser we did not write): each
 * person's feed holds the deadlines and sessions of their rounds only, each event in its round's
 * zone; a moved session keeps its UID with a higher SEQUENCE and the new time; a feed token
 * replaced or revoked finds nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ical, { type VEvent } from 'node-ical';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import type { User } from '../../db/schema.ts';
import { Forbidden, InvalidInput } from '../errors.ts';
import { createRound } from '../rounds.ts';
import { openSession, rescheduleSession, scheduleSession, sessionSchemaIn } from '../sessions/sessions.ts';
import { createCalendarFeed, feedOwner, personalCalendar, revokeCalendarFeed, sessionCalendar } from './feed.ts';
import { escapeText, fold, writeCalendar } from './icalendar.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
const people: Record<string, User> = {};
const rounds: Record<string, string> = {};
const sessions: Record<string, string> = {};
const origin = 'https://consult.test';

const base = { framing: '', areas: [], phaseDates: {}, wordLimit: null, positionVisibility: 'after-deadline' as const };

beforeAll(async () => {
  handle = await openTestDatabase();
  const strada = await makeOrganization(handle.db, { name: 'La Strada Ukraine' });
  const caritas = await makeOrganization(handle.db, { name: 'Caritas Österreich' });
  people.olena = await makeUser(handle.db, { organizationId: strada.id, isRepresentative: true });
  people.taras = await makeUser(handle.db, { organizationId: strada.id });
  people.katharina = await makeUser(handle.db, { organizationId: caritas.id, isRepresentative: true });
  people.daniel = await makeUser(handle.db, { role: 'facilitator' });
  rounds.kyiv = (await createRound(handle.db, { ...base, title: 'Trafficking, in Kyiv', phase: 'open', timeZone: 'Europe/Kyiv', submissionDeadline: new Date('2027-01-15T21:59:00Z'), invitedOrganizationIds: [strada.id] }, people.daniel.id)).id;
  rounds.bogota = (await createRound(handle.db, { ...base, title: 'Return, in Bogotá', phase: 'sessions', timeZone: 'America/Bogota', submissionDeadline: new Date('2027-02-01T04:59:00Z'), invitedOrganizationIds: [caritas.id] }, people.daniel.id)).id;
  const schedule = async (round: string, zone: string, title: string, startsAt: string, attendees: 'members' | 'representatives' = 'members') =>
    (await scheduleSession(handle.db, people.daniel, round, sessionSchemaIn(zone).parse({ title, startsAt, agenda: 'Opening', attendees }))).id;
  sessions.kyivOpen = await schedule(rounds.kyiv, 'Europe/Kyiv', 'Opening, with all members', '2027-01-10T10:00');
  sessions.kyivReps = await schedule(rounds.kyiv, 'Europe/Kyiv', 'Representatives only', '2027-07-10T10:00', 'representatives');
  sessions.bogota = await schedule(rounds.bogota, 'America/Bogota', 'Sesión de Bogotá', '2027-01-20T09:30');
});
afterAll(() => handle.dispose());

const feedOf = async (who: string) => {
  const text = await personalCalendar(handle.db, people[who]!, { origin, now: new Date('2026-12-01T00:00:00Z') });
  return { text, events: Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT') };
};
const byUid = (events: VEvent[]) => new Map(events.map((e) => [e.uid, e]));

describe('a person’s calendar feed', () => {
  it('holds the deadlines and sessions of their rounds, each in the round’s zone, and nothing else', async () => {
    const olena = byUid((await feedOf('olena')).events);
    expect([...olena.keys()].sort()).toEqual([`deadline-${rounds.kyiv}@idm-consult`, `session-${sessions.kyivOpen}@idm-consult`, `session-${sessions.kyivReps}@idm-consult`].sort());
    const opening = olena.get(`session-${sessions.kyivOpen}@idm-consult`)!;
    // 10:00 in Kyiv in January is 08:00 UTC; the event names its zone.
    expect(opening.start.toISOString()).toBe('2027-01-10T08:00:00.000Z');
    expect(opening.start.tz).toBe('Europe/Kyiv');
    expect(opening.end!.toISOString()).toBe('2027-01-10T10:00:00.000Z');
    // July in Kyiv is summer time (UTC+3): the VTIMEZONE carries the change.
    expect(olena.get(`session-${sessions.kyivReps}@idm-consult`)!.start.toISOString()).toBe('2027-07-10T07:00:00.000Z');
    expect(olena.get(`deadline-${rounds.kyiv}@idm-consult`)!.start.toISOString()).toBe('2027-01-15T21:59:00.000Z');
    expect(String(opening.url)).toBe(`${origin}/rounds/${rounds.kyiv}/sessions/${sessions.kyivOpen}`);

    // A member who is no representative does not get the representatives' session.
    const taras = byUid((await feedOf('taras')).events);
    expect(taras.has(`session-${sessions.kyivReps}@idm-consult`)).toBe(false);
    expect(taras.has(`session-${sessions.kyivOpen}@idm-consult`)).toBe(true);

    const katharina = byUid((await feedOf('katharina')).events);
    expect([...katharina.keys()].sort()).toEqual([`deadline-${rounds.bogota}@idm-consult`, `session-${sessions.bogota}@idm-consult`].sort());
    expect(katharina.get(`session-${sessions.bogota}@idm-consult`)!.start.toISOString()).toBe('2027-01-20T14:30:00.000Z');
    expect(katharina.get(`session-${sessions.bogota}@idm-consult`)!.start.tz).toBe('America/Bogota');

    // Staff see every round's.
    expect(byUid((await feedOf('daniel')).events).size).toBe(5);
  });

  it('shows a moved session at its new time, under the same UID with a higher SEQUENCE', async () => {
    const uid = `session-${sessions.bogota}@idm-consult`;
    const before = byUid((await feedOf('katharina')).events).get(uid)!;
    await expect(rescheduleSession(handle.db, people.katharina!, sessions.bogota!, '2027-01-21T11:00')).rejects.toBeInstanceOf(Forbidden);
    await expect(rescheduleSession(handle.db, people.daniel!, sessions.bogota!, 'tomorrow')).rejects.toBeInstanceOf(InvalidInput);
    await rescheduleSession(handle.db, people.daniel!, sessions.bogota!, '2027-01-21T11:00');
    const after = byUid((await feedOf('katharina')).events).get(uid)!;
    expect(after.start.toISOString()).toBe('2027-01-21T16:00:00.000Z');
    expect(Number(after.sequence)).toBe(Number(before.sequence) + 1);
    expect(after.lastmodified!.getTime()).toBeGreaterThanOrEqual(before.lastmodified!.getTime());
    // A session under way stays where it is.
    await openSession(handle.db, people.daniel!, sessions.bogota!);
    await expect(rescheduleSession(handle.db, people.daniel!, sessions.bogota!, '2027-01-22T11:00')).rejects.toBeInstanceOf(InvalidInput);
  });

  it('answers to its token until replaced or revoked', async () => {
    const first = await createCalendarFeed(handle.db, people.olena!.id);
    expect((await feedOwner(handle.db, first))?.id).toBe(people.olena!.id);
    const second = await createCalendarFeed(handle.db, people.olena!.id);
    expect(await feedOwner(handle.db, first)).toBeNull();
    expect((await feedOwner(handle.db, second))?.id).toBe(people.olena!.id);
    expect(await revokeCalendarFeed(handle.db, people.olena!.id)).toBe(true);
    expect(await feedOwner(handle.db, second)).toBeNull();
    expect(await feedOwner(handle.db, 'not a token')).toBeNull();
  });
});

describe('the iCalendar text', () => {
  it('escapes TEXT, folds long lines at 75 octets without cutting a character, and reads back the same', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
    const summary = 'Séance d’ouverture, «migration»; Київ — '.repeat(6);
    const text = writeCalendar({ name: 'Feed', events: [{ uid: 'x@idm-consult', start: new Date('2027-03-28T00:30:00Z'), durationMinutes: 90, timeZone: 'Europe/Zurich', summary, description: 'Line one\nLine two', sequence: 3, lastModified: new Date('2026-11-01T00:00:00Z') }] });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(fold('short')).toBe('short');
    const [event] = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(event!.summary).toBe(summary);
    expect(event!.description).toBe('Line one\nLine two');
    // The night clocks go forward in Zurich: 01:30 local, before the change, is 00:30 UTC.
    expect(event!.start.toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(event!.end!.toISOString()).toBe('2027-03-28T02:00:00.000Z');
  });

  it('writes one session as a file for "Add to calendar"', async () => {
    const { getSession } = await import('../sessions/sessions.ts');
    const { session, round } = await getSession(handle.db, sessions.kyivOpen!);
    const [event] = Object.values(ical.sync.parseICS(sessionCalendar(session, round, 'fr', origin))).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(event!.uid).toBe(`session-${sessions.kyivOpen}@idm-consult`);
    expect(event!.summary).toBe('Opening, with all members — cycle « Trafficking, in Kyiv »');
  });
});

import { describe, expect, it } from 'vitest';
import { zoneLabel, instantFromWallTime, instantIn, isTimeZone, sameClock, timeZoneChoices, toInstant, utcOffsetLabel, wallTimeOf, zoneCity } from './time-zones.ts';

describe('time zones', () => {
  it('knows IANA zones and refuses anything else', () => {
    for (const zone of ['Europe/Zurich', 'Europe/Kiev', 'Europe/Kyiv', 'America/Bogota', 'UTC', 'America/Argentina/Buenos_Aires']) expect(isTimeZone(zone)).toBe(true);
    for (const bad of ['Mars/Olympus', '', 'Europe/Geneva; drop table', 42, null, 'x'.repeat(80)]) expect(isTimeZone(bad)).toBe(false);
  });

  it('reads a wall time in a named zone, winter and summer', () => {
    expect(instantFromWallTime('2026-12-01T23:59', 'Europe/Zurich')!.toISOString()).toBe('2026-12-01T22:59:00.000Z');
    expect(instantFromWallTime('2026-07-01T23:59', 'Europe/Zurich')!.toISOString()).toBe('2026-07-01T21:59:00.000Z');
    expect(instantFromWallTime('2026-12-01T23:59', 'America/Bogota')!.toISOString()).toBe('2026-12-02T04:59:00.000Z');
    expect(instantFromWallTime('2026-12-01T09:00', 'UTC')!.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(instantFromWallTime('2026-02-30T09:00', 'UTC')).toBeNull();
    expect(instantFromWallTime('2026-12-01T25:00', 'UTC')).toBeNull();
    expect(instantFromWallTime('tomorrow', 'UTC')).toBeNull();
  });

  it('takes the first of a time that happens twice, and carries a skipped time past the gap', () => {
    // 25 October 2026, Geneva (Europe/Zurich): 02:30 happens in summer time, then again in winter time.
    expect(instantFromWallTime('2026-10-25T02:30', 'Europe/Zurich')!.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // 29 March 2026, Geneva: clocks go from 02:00 to 03:00.
    expect(wallTimeOf(instantFromWallTime('2026-03-29T02:30', 'Europe/Zurich')!, 'Europe/Zurich')).toBe('2026-03-29T03:30');
  });

  it('shows an instant as the wall time of a zone, for a form', () => {
    expect(wallTimeOf('2026-12-01T22:59:00Z', 'Europe/Zurich')).toBe('2026-12-01T23:59');
    expect(wallTimeOf('2026-12-01T22:59:00Z', 'Europe/Kyiv')).toBe('2026-12-02T00:59');
    expect(wallTimeOf(new Date('2026-12-01T00:00:00Z'), 'America/Bogota')).toBe('2026-11-30T19:00');
  });

  it('accepts a Date, an instant with its offset, or a wall time; nothing else', () => {
    const geneva = instantIn('Europe/Zurich');
    expect(geneva.parse('2026-12-01T10:00').toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(geneva.parse('2026-12-01T10:00:00Z').toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(geneva.parse('2026-12-01T10:00:00+02:00').toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(geneva.safeParse('soon').error?.issues[0]?.message).toBe('errors.date.invalid');
    expect(geneva.safeParse(12).error?.issues[0]?.message).toBe('errors.date.invalid');
    expect(toInstant(new Date('nope'), 'UTC')).toBeNull();
  });

  it('names zones as people say them, and their offset', () => {
    expect(zoneCity('Europe/Zurich')).toBe('Geneva');
    expect(zoneCity('Europe/Berlin')).toBe('Berlin');
    expect(zoneCity('Europe/Kiev')).toBe('Kyiv');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('Etc/UTC')).toBe('UTC');
    expect(zoneLabel('Europe/Zurich')).toBe('Geneva (Europe/Zurich)');
    expect(zoneLabel('UTC')).toBe('UTC');
    expect(utcOffsetLabel(new Date('2026-12-01T00:00:00Z'), 'America/Bogota')).toBe('UTC-05:00');
    expect(utcOffsetLabel(new Date('2026-12-01T00:00:00Z'), 'Asia/Kolkata')).toBe('UTC+05:30');
    expect(sameClock('2026-12-01T00:00:00Z', 'Europe/Zurich', 'Europe/Paris')).toBe(true);
    expect(sameClock('2026-12-01T00:00:00Z', 'Europe/Zurich', 'Europe/Kyiv')).toBe(false);
  });

  it('offers every zone once, by offset', () => {
    const choices = timeZoneChoices(new Date('2026-12-01T00:00:00Z'));
    expect(choices.length).toBeGreaterThan(300);
    expect(new Set(choices.map((c) => c.zone)).size).toBe(choices.length);
    expect(choices.find((c) => c.zone === 'Europe/Kyiv')?.label).toBe('Europe/Kyiv (UTC+02:00)');
    expect(choices.some((c) => c.zone === 'Europe/Kiev')).toBe(false);
    expect(choices.find((c) => c.zone === 'Europe/Zurich')?.label).toBe('Europe/Zurich — Geneva (UTC+01:00)');
  });
});

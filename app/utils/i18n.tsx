/** Translation in components: the root loader sends the dictionary of the language shown. */
import { useRouteLoaderData } from '@remix-run/react';
import { useCallback } from 'react';
import type { Locale } from '../../domain/vocabulary.ts';
import { fill, messageOf } from '../../locales/messages.ts';
import { sameClock, wallTimeOf, zoneCity } from '../../domain/time-zones.ts';

interface RootI18n {
  locale: Locale;
  /** The dictionary as JSON (see dictionaryJson). */
  messages: string;
}

const parsed = new Map<string, Record<string, string>>();
/** The dictionary the root loader sent, parsed once however many components ask. */
export function messagesFrom(json: string | undefined): Record<string, string> {
  if (!json) return {};
  let messages = parsed.get(json);
  if (!messages) {
    messages = JSON.parse(json) as Record<string, string>;
    parsed.clear(); // only the language shown is kept
    parsed.set(json, messages);
  }
  return messages;
}

export function useLocale(): Locale {
  return (useRouteLoaderData('root') as RootI18n | undefined)?.locale ?? 'en';
}

export function useT() {
  const data = useRouteLoaderData('root') as RootI18n | undefined;
  const messages = messagesFrom(data?.messages);
  const locale = data?.locale ?? 'en';
  return useCallback((key: string, vars?: Record<string, string | number>) => fill(messageOf(messages, locale, key, vars) ?? key, vars), [messages, locale]);
}

/** The zone times are shown in, as the root loader resolved it (see time-zone.server.ts). */
export interface ViewerTimeZone {
  zone: string;
  /** The account's setting, the browser's (its cookie), or not known yet (first page: UTC). */
  source: 'account' | 'browser' | 'none';
}

export function useTimeZone(): ViewerTimeZone {
  return (useRouteLoaderData('root') as { timeZone?: ViewerTimeZone } | undefined)?.timeZone ?? { zone: 'UTC', source: 'none' };
}

type Style = 'date' | 'dateTime' | 'time' | 'dayTime';
const styles: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'long' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
  dayTime: { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
};

/**
 * Intl formatters are costly to build (a long table builds hundreds): one of each per language,
 * zone and style, kept for the life of the process. Every one names its zone, so the server and
 * the browser write the same text whatever zone each of them runs in (no hydration mismatch).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, style: Style) {
  const key = `${locale}|${zone}|${style}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...styles[style], timeZone: zone });
    formatters.set(key, found);
  }
  return found;
}
const regionNames = new Map<string, Intl.DisplayNames | null>();
function regionsFor(locale: string) {
  if (!regionNames.has(locale)) {
    try {
      regionNames.set(locale, new Intl.DisplayNames([locale], { type: 'region' }));
    } catch {
      regionNames.set(locale, null);
    }
  }
  return regionNames.get(locale) ?? null;
}

/** A calendar day ("2026-12-01", an observer-status date): the same day everywhere. */
const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Dates and country names in the language shown. Instants are shown in the viewer's zone (the
 * account's setting, else the browser's); `zoned` also shows a round's own zone for deadlines and
 * sessions: "1 Dec 2026, 23:59 Geneva · 2 Dec, 00:59 Kyiv".
 */
export function useFormat() {
  const locale = useLocale();
  const { zone } = useTimeZone();
  const at = (value: string | Date) => new Date(value);
  return {
    date: (value: string | Date | null | undefined) => {
      if (!value) return '';
      if (typeof value === 'string' && calendarDay.test(value)) return formatter(locale, 'UTC', 'date').format(new Date(`${value}T00:00:00Z`));
      return formatter(locale, zone, 'date').format(at(value));
    },
    dateTime: (value: string | Date | null | undefined) => (value ? formatter(locale, zone, 'dateTime').format(at(value)) : ''),
    /** A moment of a round (deadline, session) in the round's zone, and in the viewer's when it differs. */
    zoned: (value: string | Date | null | undefined, roundZone: string) => {
      if (!value) return '';
      const there = `${formatter(locale, roundZone, 'dateTime').format(at(value))} ${zoneCity(roundZone)}`;
      if (sameClock(value, roundZone, zone)) return there;
      const sameDay = wallTimeOf(value, roundZone).slice(0, 10) === wallTimeOf(value, zone).slice(0, 10);
      return `${there} · ${formatter(locale, zone, sameDay ? 'time' : 'dayTime').format(at(value))} ${zoneCity(zone)}`;
    },
    country: (code: string) => {
      try {
        return regionsFor(locale)?.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

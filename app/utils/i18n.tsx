/** Translation in components: the root loader sends the dictionary of the language shown. */
import { useRouteLoaderData } from '@remix-run/react';
import { useCallback } from 'react';
import type { Locale } from '../../domain/vocabulary.ts';

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
  return useCallback(
    (key: string, vars?: Record<string, string | number>) => {
      const template = messages[key] ?? key;
      return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
    },
    [messages],
  );
}

/**
 * Intl formatters are costly to build (a long table builds hundreds): one of each per language,
 * kept for the life of the process.
 */
const formatters = new Map<string, { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; regions: Intl.DisplayNames | null }>();
function formattersFor(locale: string) {
  let found = formatters.get(locale);
  if (!found) {
    let regions: Intl.DisplayNames | null = null;
    try {
      regions = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      regions = null;
    }
    found = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      regions,
    };
    formatters.set(locale, found);
  }
  return found;
}

/** Dates and country names in the language shown. */
export function useFormat() {
  const f = formattersFor(useLocale());
  return {
    date: (value: string | Date | null | undefined) => (value ? f.date.format(new Date(value)) : ''),
    dateTime: (value: string | Date | null | undefined) => (value ? f.dateTime.format(new Date(value)) : ''),
    country: (code: string) => {
      try {
        return f.regions?.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

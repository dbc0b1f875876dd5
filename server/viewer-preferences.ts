/**
 * The language and time zone a page is written in, from the request alone: the person's own
 * choice when they have one, else the visitor's cookies, else Accept-Language (and UTC until the
 * browser has told its zone). The pages (app/utils) and the public pages' ETag
 * (public-pages.ts) read them here, so the two never disagree.
 */
import { isLocale, type Locale } from '../domain/vocabulary.ts';
import { canonicalZone, isTimeZone } from '../domain/time-zones.ts';
import { localeFromAcceptLanguage } from '../locales/negotiate.ts';
import { localeCookieName, parseCookies, timeZoneCookieName } from './cookies.ts';

export function preferredLocale(headers: Pick<Headers, 'get'>, own?: Locale | null): Locale {
  if (own) return own;
  const fromCookie = parseCookies(headers.get('Cookie'))[localeCookieName];
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(headers.get('Accept-Language'));
}

export function preferredTimeZone(headers: Pick<Headers, 'get'>, own?: string | null): { zone: string; source: 'account' | 'browser' | 'none' } {
  if (own && isTimeZone(own)) return { zone: canonicalZone(own), source: 'account' };
  const fromCookie = parseCookies(headers.get('Cookie'))[timeZoneCookieName];
  if (fromCookie && isTimeZone(canonicalZone(fromCookie))) return { zone: canonicalZone(fromCookie), source: 'browser' };
  return { zone: 'UTC', source: 'none' };
}

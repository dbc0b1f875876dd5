import type { User } from '../../db/schema.ts';
import { isLocale, type Locale } from '../../domain/vocabulary.ts';
import { localeFromAcceptLanguage } from '../../locales/negotiate.ts';
import { translate, type Translate } from '../../locales/index.ts';
import { localeCookieName, parseCookies } from '../../server/cookies.ts';

/** The language to show: the person's choice, else the visitor's cookie, else Accept-Language. */
export function resolveLocale(request: Request, user?: Pick<User, 'locale'> | null): Locale {
  if (user?.locale) return user.locale;
  const fromCookie = parseCookies(request.headers.get('Cookie'))[localeCookieName];
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get('Accept-Language'));
}

export function translatorFor(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars);
}

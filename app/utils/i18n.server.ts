import type { User } from '../../db/schema.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import { translate, type Translate } from '../../locales/index.ts';
import { preferredLocale } from '../../server/viewer-preferences.ts';

/** The language to show: the person's choice, else the visitor's cookie, else Accept-Language. */
export function resolveLocale(request: Request, user?: Pick<User, 'locale'> | null): Locale {
  return preferredLocale(request.headers, user?.locale);
}

export function translatorFor(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars);
}

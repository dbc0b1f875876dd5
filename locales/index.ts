/**
 * The interface's three languages. `en` is the reference: `fr` and `es` must have every key
 * (the type says so, and a test checks no value is left untranslated). Messages take `{name}`
 * placeholders; a message with a `{count}` may have its singular as `key#one`.
 */
import { en } from './en.ts';
import { fr } from './fr.ts';
import { es } from './es.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { fill, messageOf } from './messages.ts';

export { fill, messageOf };

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export const dictionaries: Record<Locale, Messages> = { en, fr, es };

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Translates a key; unknown keys come back as themselves so a gap shows instead of crashing. */
export function translate(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  return fill(messageOf(dictionaries[locale] as Record<string, string>, locale, key, vars) ?? messageOf(en as Record<string, string>, 'en', key, vars) ?? key, vars);
}

const serialized = new Map<Locale, string>();
/**
 * A dictionary as JSON, made once per language: the root loader sends it as one string, which
 * costs nothing to encode, instead of an object of 300 keys encoded anew for every page.
 */
export function dictionaryJson(locale: Locale): string {
  let json = serialized.get(locale);
  if (!json) {
    json = JSON.stringify(dictionaries[locale]);
    serialized.set(locale, json);
  }
  return json;
}

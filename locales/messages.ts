/** Picking and filling a message, shared by the server and the pages (without the dictionaries). */
const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The message of a key in a dictionary. With a numeric `count`, the language's plural form of
 * it when the dictionary has one: `key#one` beside `key` (the other forms), chosen by
 * `Intl.PluralRules` (French says "0 mot" and "1 mot", English "0 words" and "1 word").
 */
export function messageOf(messages: Record<string, string>, locale: string, key: string, vars?: Record<string, string | number>): string | undefined {
  if (typeof vars?.count === 'number') {
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    const form = messages[`${key}#${rules.select(vars.count)}`];
    if (form !== undefined) return form;
  }
  return messages[key];
}

/** A message with its `{name}` placeholders filled. */
export function fill(template: string, vars?: Record<string, string | number>): string {
  return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
}

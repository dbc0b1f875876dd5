/**
 * The sentences of a generated first draft that are there to be rewritten ("Drawn from 3
 * submitted positions… Outline to rewrite.", "(no paragraph of text)"), found in a summary's
 * text in whichever language the draft was compiled, so that publishing can warn first.
 */
import { dictionaries } from '../../locales/index.ts';

const placeholderKeys = ['summary.draft.intro', 'summary.draft.intro#one', 'summary.draft.noText'];

const patterns: RegExp[] = Object.values(dictionaries).flatMap((messages) =>
  placeholderKeys
    .map((key) => (messages as Record<string, string>)[key])
    .filter((template): template is string => Boolean(template))
    .map((template) => new RegExp(template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '\\d+'), 'g')),
);

/** The placeholder sentences still in the text, each once, in the order found. */
export function firstDraftLeftovers(text: string): string[] {
  const found = new Set<string>();
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.add(match[0]);
  return [...found];
}

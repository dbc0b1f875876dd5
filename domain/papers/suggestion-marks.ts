/**
 * Suggested changes as marks of the paper schema, so they live in the Yjs document: they are
 * seen live by co-editors and survive reloads and restarts like any text (ADR 027). A
 * suggested insertion is text that is there but not yet agreed; a suggested deletion is text
 * that is still there, proposed for removal. Each carries its suggestion's id, its author (id,
 * name, colour) and when it was made. Shared by the browser editor and the server; nothing
 * browser-only here.
 */
import { Mark } from '@tiptap/core';

export const suggestedInsertion = 'suggestedInsertion';
export const suggestedDeletion = 'suggestedDeletion';

/** What a suggestion mark says of itself. */
export interface SuggestionAttrs {
  /** One suggestion may span several text runs (another person's typing inside it splits it). */
  suggestion: string;
  authorId: string;
  authorName: string;
  color: string;
  /** ISO time the suggestion was made. */
  at: string;
}

const COLOR = /^#[0-9a-f]{6}$/i;

/** The document is shared: a colour that is not a plain hex colour never reaches a style attribute. */
export function safeColor(color: unknown): string {
  return typeof color === 'string' && COLOR.test(color) ? color : '#6b7280';
}

const attributes = () => ({
  suggestion: { default: '' },
  authorId: { default: '' },
  authorName: { default: '' },
  color: { default: '#6b7280' },
  at: { default: '' },
});

function suggestionMark(name: string, tag: 'ins' | 'del') {
  return Mark.create({
    name,
    // Typing next to a suggestion is not part of it (the suggesting plugin decides what is).
    inclusive: false,
    // Text is either suggested for insertion or for deletion, by one suggestion at a time.
    excludes: `${suggestedInsertion} ${suggestedDeletion}`,
    addAttributes: attributes,
    // No parse rules: pasted HTML never brings suggestions (nor forges their authors).
    parseHTML: () => [],
    renderHTML({ mark }) {
      const a = mark.attrs as SuggestionAttrs;
      return [
        tag,
        {
          class: `suggestion suggestion-${tag === 'ins' ? 'insertion' : 'deletion'}`,
          'data-suggestion': a.suggestion,
          'data-author': a.authorName,
          style: `--suggestion-color: ${safeColor(a.color)}`,
        },
        0,
      ];
    },
  });
}

export const SuggestedInsertion = suggestionMark(suggestedInsertion, 'ins');
export const SuggestedDeletion = suggestionMark(suggestedDeletion, 'del');

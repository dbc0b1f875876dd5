/**
 * A submitted position cut into the paragraphs a citation can point to. Paragraphs are the
 * non-empty text blocks that are not headings, numbered from 1 in document order (list items and
 * table cells count as paragraphs); the heading above a paragraph is its theme.
 */
import type { PaperNodeJson } from '../papers/sanitize.ts';

export interface Passage {
  /** 1-based; what a citation's `paragraph` names. */
  paragraph: number;
  /** The text of the nearest heading above, or null before any heading. */
  theme: string | null;
  text: string;
}

const textblocks = new Set(['paragraph', 'heading', 'codeBlock']);

/** A text block's words as a passage holds them; empty for a block a citation cannot point to. */
export function passageText(node: PaperNodeJson): string {
  return inlineText(node).replace(/\s+/g, ' ').trim();
}

function inlineText(node: PaperNodeJson): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(inlineText).join('');
}

export function passagesOf(document: unknown): Passage[] {
  const passages: Passage[] = [];
  let theme: string | null = null;
  const walk = (node: PaperNodeJson, depth: number) => {
    if (depth > 64 || typeof node !== 'object' || node === null) return;
    if (textblocks.has(node.type)) {
      const text = passageText(node);
      if (text === '') return;
      if (node.type === 'heading') theme = text;
      else passages.push({ paragraph: passages.length + 1, theme, text });
      return;
    }
    for (const child of Array.isArray(node.content) ? node.content : []) walk(child, depth + 1);
  };
  if (document && typeof document === 'object') walk(document as PaperNodeJson, 0);
  return passages;
}

/** The first sentence of a passage, cut at a word boundary if it is long: what the first draft quotes. */
export function openingOf(text: string, maxLength = 220): string {
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  if (sentence.length <= maxLength) return sentence;
  const cut = sentence.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2)).trimEnd()}…`;
}

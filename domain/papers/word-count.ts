/**
 * How words are counted against a round's word limit, the same in the editor and on the server:
 * a word is a run of letters, digits or combining marks (any script), which an apostrophe or a
 * hyphen may join ("L'Organisation" and "peut-être" are one word each).
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\u2010-][\p{L}\p{N}\p{M}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * Comment text: plain text, with mentions written @[Full Name] and bare http(s) links. No
 * markup is ever interpreted: the page renders the segments below as text and links, so a
 * comment cannot inject HTML whatever it contains. Free of database code: the browser uses it.
 */
import { z } from 'zod';

export const commentMaxLength = 4000;
export const reasonMaxLength = 500;

/** Control characters other than newlines and tabs are dropped; line ends are normalised. */
function clean(text: string) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

export const commentBodySchema = z
  .string({ error: 'errors.comment.empty' })
  .transform(clean)
  .pipe(z.string().trim().min(1, 'errors.comment.empty').max(commentMaxLength, 'errors.comment.tooLong'));

export const reasonSchema = z
  .string({ error: 'errors.comment.reasonRequired' })
  .transform(clean)
  .pipe(z.string().trim().min(3, 'errors.comment.reasonRequired').max(reasonMaxLength, 'errors.comment.reasonTooLong'));

const mentionPattern = /@\[([^\]\n]{1,120})\]/g;
const linkPattern = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]']/g;

/** A comment as plain words, for an inbox line or a mail: each mention reads "@Olena Kovalenko". */
export function plainCommentText(body: string): string {
  return body.replace(mentionPattern, (_, name: string) => `@${name.trim()}`);
}

/** The names mentioned in a comment, once each, as written. */
export function mentionedNames(body: string): string[] {
  return [...new Set([...body.matchAll(mentionPattern)].map((m) => m[1]!.trim()))];
}

export type Segment = { kind: 'text'; text: string } | { kind: 'mention'; name: string } | { kind: 'link'; href: string };

/** The comment cut into text, mentions and links, in order, for rendering. */
export function commentSegments(body: string): Segment[] {
  const marks = [
    ...[...body.matchAll(mentionPattern)].map((m) => ({ at: m.index!, length: m[0].length, segment: { kind: 'mention', name: m[1]!.trim() } as Segment })),
    ...[...body.matchAll(linkPattern)].map((m) => ({ at: m.index!, length: m[0].length, segment: { kind: 'link', href: m[0] } as Segment })),
  ].sort((a, b) => a.at - b.at);
  const segments: Segment[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.at < at) continue; // a link inside a mention's name, or the reverse: the first wins
    if (mark.at > at) segments.push({ kind: 'text', text: body.slice(at, mark.at) });
    segments.push(mark.segment);
    at = mark.at + mark.length;
  }
  if (at < body.length) segments.push({ kind: 'text', text: body.slice(at) });
  return segments;
}

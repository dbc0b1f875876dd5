/**
 * A round's framing text is rich text, kept as sanitized HTML. The form sends the editor's
 * HTML; without JavaScript it sends plain text from a text area, whose blank lines separate
 * paragraphs. Either way, what is stored has passed the one allow-list of paper HTML.
 */
import { sanitizePaperHtml } from '../papers/sanitize.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text as HTML paragraphs (single line breaks kept). */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** What to store for the framing text sent by the form. */
export function framingHtml(input: string): string {
  const looksLikeHtml = /<\/?(p|h[1-6]|ul|ol|li|blockquote|strong|em|a|br|table)\b[^>]*>/i.test(input);
  const html = sanitizePaperHtml(looksLikeHtml ? input : plainTextToHtml(input));
  // An editor emptied by its user leaves an empty paragraph: that is no framing at all.
  return html.replace(/<p><\/p>/g, '').trim();
}

/**
 * A Word document (.docx) → the content of a position paper: checked (docx-package.ts),
 * converted by mammoth to HTML, then through the one sanitizer (sanitize.ts) and the paper
 * schema to ProseMirror JSON, which the editor inserts as one change (ADR 025). Headings,
 * paragraphs, emphasis, lists, tables and links keep their structure; footnotes and endnotes
 * become numbered notes at the end, under a heading, with "[n]" where they were called;
 * images are dropped and counted, so the person can be told.
 */
import { generateJSON } from '@tiptap/html';
import mammoth from 'mammoth';
import { checkWordPackage, WordFileRefused } from './docx-package.ts';
import { paperExtensions } from './editor-schema.ts';
import { cleanPaperJson, sanitizePaperHtml, type PaperNodeJson } from './sanitize.ts';

export { maxWordFileBytes, WordFileRefused, type WordFileRefusal } from './docx-package.ts';

/** What an import gives the editor, and what the person is told about it. */
export interface ImportedWordDocument {
  /** Block nodes to insert, in the paper schema, already sanitized. */
  content: PaperNodeJson[];
  imagesDropped: number;
  notes: number;
}

/**
 * Why: the single way a Word file becomes paper content. `notesHeading` is the heading put above
 * the notes, in the importing person's language. Throws `WordFileRefused` for anything that is
 * not a sound .docx (nothing is half-converted).
 */
export async function convertWordDocument(file: Uint8Array, options: { notesHeading: string }): Promise<ImportedWordDocument> {
  checkWordPackage(file);
  let imagesDropped = 0;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(file.buffer, file.byteOffset, file.byteLength) },
      {
        // A .docx may name files on the author's disk or network: never read them.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => {
          imagesDropped += 1;
          return { src: '' };
        }),
      },
    );
    html = result.value;
  } catch {
    // The package was sound but its Word parts are not (a forged or damaged document).
    throw new WordFileRefused('corrupt');
  }
  const { html: withNotes, notes } = notesAtTheEnd(html, options.notesHeading);
  const json = cleanPaperJson(generateJSON(sanitizePaperHtml(withNotes), paperExtensions));
  const content = (json?.content ?? []).filter((node) => node.type !== 'paragraph' || node.content?.length);
  if (!content.length) throw new WordFileRefused('empty');
  return { content, imagesDropped, notes };
}

/**
 * mammoth calls a note `<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>` and lists
 * the notes in an `<ol>` at the end, each with a link back (↑). The paper keeps the "[1]" as
 * text (links inside the paper would lead nowhere once ids are sanitized away), drops the links
 * back, and puts a heading above the notes.
 */
function notesAtTheEnd(html: string, heading: string): { html: string; notes: number } {
  let notes = 0;
  let out = html
    .replace(/<sup><a href="#(?:foot|end)note-[\w-]+" id="(?:foot|end)note-ref-[\w-]+">(\[\d+\])<\/a><\/sup>/g, (_m, label: string) => {
      notes += 1;
      return label;
    })
    .replace(/ ?<a href="#(?:foot|end)note-ref-[\w-]+">↑<\/a>/g, '');
  // Headings below level 4 are not part of the paper format: they become level 4.
  out = out.replace(/<(\/?)h[56]>/g, '<$1h4>');
  const list = out.search(/<ol><li id="(?:foot|end)note-/);
  if (list >= 0) out = `${out.slice(0, list)}<h2>${escapeText(heading)}</h2>${out.slice(list)}`;
  return { html: out, notes };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

import { describe, expect, it } from 'vitest';
import { encryptedDocx, renamedText, samplePosition, truncatedDocx, twentyMegabytes, zipBomb } from '../../tests/support/word-documents.ts';
import { checkWordPackage } from './docx-package.ts';
import { paperJsonToHtml } from './sanitize.ts';
import { convertWordDocument, WordFileRefused, type WordFileRefusal } from './word-import.ts';

const notesHeading = 'Notes';

async function refusal(file: Uint8Array): Promise<WordFileRefusal | 'accepted'> {
  try {
    await convertWordDocument(file, { notesHeading });
    return 'accepted';
  } catch (error) {
    if (error instanceof WordFileRefused) return error.reason;
    throw error;
  }
}

describe('importing a Word document', () => {
  it('keeps headings, emphasis, lists, a table, a link and the footnote, and counts the dropped images', async () => {
    const imported = await convertWordDocument(await samplePosition(), { notesHeading });
    const html = paperJsonToHtml({ type: 'doc', content: imported.content });
    expect(html).toContain('<h1>Imported heading</h1>');
    expect(html).toContain('<h2>A second-level heading</h2>');
    expect(html).toContain('<strong> and bold words</strong>');
    expect(html).toContain('<em> in italics</em>');
    expect(html).toMatch(/<ul><li><p>First bullet<\/p><\/li><li><p>Second bullet<\/p><\/li><\/ul>/);
    expect(html).toMatch(/<a [^>]*href="https:\/\/www\.iom\.int\/"[^>]*>IOM site<\/a>/);
    expect(html).toMatch(/<table[^>]*>.*<td[^>]*><p>Country<\/p><\/td>.*<td[^>]*><p>1200<\/p><\/td>.*<\/table>/s);
    // The call stays as "[1]" in the text; the note itself is listed at the end under a heading.
    expect(html).toContain('Safe pathways matter[1]');
    expect(html).toMatch(/<h2>Notes<\/h2><ol><li><p>Footnote text about returns\.<\/p><\/li><\/ol>$/);
    expect(html).not.toContain('<img');
    expect(imported.imagesDropped).toBe(2);
    expect(imported.notes).toBe(1);
  });

  it('refuses what is not a sound .docx, each with its reason', async () => {
    expect(await refusal(renamedText())).toBe('not-docx');
    expect(await refusal(encryptedDocx())).toBe('encrypted');
    expect(await refusal(await truncatedDocx())).toBe('corrupt');
    expect(await refusal(twentyMegabytes())).toBe('too-large');
    expect(await refusal(new Uint8Array())).toBe('empty');
  });

  it('refuses a zip bomb from what its directory declares, at once', async () => {
    const bomb = zipBomb(32);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(() => checkWordPackage(bomb)).toThrow(WordFileRefused);
    // Refused from its directory, without inflating anything.
    expect(performance.now() - started).toBeLessThan(100);
    expect(await refusal(bomb)).toBe('too-much-inside');
  });

  it('refuses a package whose directory declares less than its part unpacks to', async () => {
    const bomb = zipBomb(1);
    // Declare 100 bytes for the 16 MiB part, in the central directory and the local header.
    const central = bomb.lastIndexOf(Buffer.from('word/part0.xml')) - 46;
    bomb.writeUInt32LE(100, central + 24);
    const started = performance.now();
    expect(await refusal(bomb)).toBe('corrupt');
    // Stopped after the first step past the 100 bytes it declared, not after 16 MiB.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('converting on a thread of its own', () => {
  it('converts there, refuses there, and ends a conversion that runs too long without stopping the next', async () => {
    const { convertWordDocumentApart } = await import('./word-import-thread.ts');
    const sample = await samplePosition();
    const imported = await convertWordDocumentApart(sample, { notesHeading });
    expect(paperJsonToHtml({ type: 'doc', content: imported.content })).toContain('<h1>Imported heading</h1>');
    await expect(convertWordDocumentApart(renamedText(), { notesHeading })).rejects.toMatchObject({ reason: 'not-docx' });
    // A bound of 1 ms: the thread is ended and the import refused in words.
    await expect(convertWordDocumentApart(sample, { notesHeading }, 1)).rejects.toMatchObject({ reason: 'too-long' });
    const again = await convertWordDocumentApart(sample, { notesHeading });
    expect(again.notes).toBe(1);
  }, 60_000);
});

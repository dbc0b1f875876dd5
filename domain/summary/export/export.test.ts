/**
 * One realistic summary, as the editor stores it, through the model into DOCX, PDF and HTML;
 * each file is opened up and read, not merely produced.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageCount, pdfText } from '../../../tests/support/pdf.ts';
import { summaryToDocx } from './docx.ts';
import { toSummaryExport, type SummaryExportOptions } from './from-json.ts';
import { summaryToHtml } from './html.ts';
import type { SummaryExport } from './model.ts';
import { summaryToPdf } from './pdf.ts';

const text = (value: string, ...marks: (string | { type: 'link'; attrs: { href: string } })[]) => ({
  type: 'text',
  text: value,
  marks: marks.map((m) => (typeof m === 'string' ? { type: m } : m)),
});
const link = (href: string) => ({ type: 'link' as const, attrs: { href } });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const citation = (organizationName: string, versionId: string | null, paragraph: unknown) => ({
  type: 'citation',
  attrs: { organizationId: 'org', organizationName, versionId, versionNumber: 1, paragraph },
});

const LONG_PASSAGE = `Children must never be detained for reasons of their migration status. ${'Alternatives to detention exist and work in the community. '.repeat(40)}`;

const editorJson = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Counter-trafficking')] },
    paragraph(
      text('Partners '),
      text('broadly agreed', 'bold'),
      text(' that '),
      text('early identification', 'italic'),
      text(' matters, as the '),
      text('IOM handbook', link('https://www.iom.int/handbook')),
      text(' says; one partner wrote '),
      text('<script>alert("x")</script> & more'),
      text(' here', link('javascript:alert(1)')),
      text('.'),
      citation('Ла Страда Україна', 'v-lastrada', 3),
    ),
    { type: 'heading', attrs: { level: 2 }, content: [text('Positions of partners in Österreich')] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('Screening at borders'))] },
        { type: 'listItem', content: [paragraph(text('Shelters for survivors'))] },
      ],
    },
    {
      type: 'orderedList',
      content: [
        { type: 'listItem', content: [paragraph(text('First recommendation'))] },
        { type: 'listItem', content: [paragraph(text('Second recommendation'))] },
      ],
    },
    { type: 'blockquote', content: [paragraph(text('End the detention of children.'), citation('Caritas Österreich', 'v-caritas', 1))] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [paragraph(text('Organization'))] }, { type: 'tableHeader', content: [paragraph(text('Position'))] }] },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [paragraph(text('Ла Страда Україна'))] },
            { type: 'tableCell', content: [paragraph(text('Supports')), paragraph(text('with reservations'), citation('Ла Страда Україна', 'v-lastrada', 3))] },
          ],
        },
      ],
    },
    { type: 'horizontalRule' },
    { type: 'codeBlock', content: [text('line one\nline two')] },
    paragraph(text('A citation whose version was lost'), citation('Unknown NGO', null, 'seven')),
    { type: 'mysteryBlock', content: [paragraph(text('Kept from an unknown node'))] },
  ],
};

const sources: Record<string, { reference: string; passage: string | null }> = {
  'v-lastrada': { reference: 'La Strada Ukraine (Ла Страда Україна), position paper, version 1', passage: 'Victims are identified too late; "screening" must start at the border.' },
  'v-caritas': { reference: 'Caritas Österreich, position paper, version 2', passage: null },
};

const options: SummaryExportOptions = {
  title: 'Summary of the consultation on counter-trafficking',
  subtitle: 'Draft, 28 November 2026',
  language: 'en',
  sourcesHeading: 'Sources',
  source: (versionId, n) => {
    const found = sources[versionId]!;
    return { reference: `${found.reference}, paragraph ${n}`, passage: found.passage };
  },
};

let summary: SummaryExport;
beforeAll(() => {
  summary = toSummaryExport(editorJson, options);
});

describe('toSummaryExport', () => {
  it('numbers citations in order of appearance, one footnote per citation', () => {
    expect(summary.footnotes.map((f) => f.number)).toEqual([1, 2, 3, 4]);
    expect(summary.footnotes[0]).toEqual({ number: 1, reference: 'La Strada Ukraine (Ла Страда Україна), position paper, version 1, paragraph 3', passage: sources['v-lastrada']!.passage });
    // The same paragraph cited again gets a footnote of its own, as Word does.
    expect(summary.footnotes[2]!.reference).toBe(summary.footnotes[0]!.reference);
    expect(summary.footnotes[1]).toEqual({ number: 2, reference: 'Caritas Österreich, position paper, version 2, paragraph 1', passage: null });
    expect(summary.footnotes[3]).toEqual({ number: 4, reference: '[Unknown NGO, v1, ¶seven]', passage: null });
  });

  it('names a source it cannot find by the citation label', () => {
    const lost = toSummaryExport({ type: 'doc', content: [paragraph(citation('Gone NGO', 'v-gone', 2))] }, { ...options, source: () => ({ reference: ' ', passage: 'not shown' }) });
    expect(lost.footnotes).toEqual([{ number: 1, reference: '[Gone NGO, v1, ¶2]', passage: null }]);
  });

  it('keeps headings, marks and safe links, and drops unsafe ones', () => {
    expect(summary.blocks[0]).toEqual({ type: 'heading', level: 1, content: [{ type: 'text', text: 'Counter-trafficking' }] });
    const first = summary.blocks[1]!;
    expect(first.type).toBe('paragraph');
    const content = first.type === 'paragraph' ? first.content : [];
    expect(content).toContainEqual({ type: 'text', text: 'broadly agreed', bold: true });
    expect(content).toContainEqual({ type: 'text', text: 'early identification', italic: true });
    expect(content).toContainEqual({ type: 'text', text: 'IOM handbook', href: 'https://www.iom.int/handbook' });
    expect(content).toContainEqual({ type: 'text', text: ' here' });
    expect(content[content.length - 1]).toEqual({ type: 'citation', footnote: 1 });
  });

  it('flattens table cells, turns code into lines and skips rules', () => {
    const table = summary.blocks.find((b) => b.type === 'table');
    expect(table).toEqual({
      type: 'table',
      header: true,
      rows: [
        [[{ type: 'text', text: 'Organization' }], [{ type: 'text', text: 'Position' }]],
        [[{ type: 'text', text: 'Ла Страда Україна' }], [{ type: 'text', text: 'Supports' }, { type: 'break' }, { type: 'text', text: 'with reservations' }, { type: 'citation', footnote: 3 }]],
      ],
    });
    expect(summary.blocks).toContainEqual({ type: 'paragraph', content: [{ type: 'text', text: 'line one' }, { type: 'break' }, { type: 'text', text: 'line two' }] });
    expect(summary.blocks).toContainEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Kept from an unknown node' }] });
    expect(summary.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'list', 'list', 'quote', 'table', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('never throws on malformed input', () => {
    const deep: Record<string, unknown> = { type: 'paragraph', content: [] };
    let cursor = deep;
    for (let i = 0; i < 5000; i++) {
      const next = { type: 'blockquote', content: [] as unknown[] };
      (cursor.content as unknown[]).push(next);
      cursor = next;
    }
    for (const junk of [null, 'doc', 42, [], { type: 'doc', content: 'x' }, { type: 'doc', content: [null, 1, { type: 7 }, { type: 'heading', attrs: { level: 'x' }, content: [{ type: 'text', text: 5 }] }] }, deep]) {
      expect(() => toSummaryExport(junk, options)).not.toThrow();
    }
    const loose = toSummaryExport({ type: 'doc', content: [text('loose words'), { type: 'heading', attrs: { level: 9 }, content: [text('Deep')] }, { type: 'text', text: 'ctrl\u0000char\ud800' }] }, options);
    expect(loose.blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'loose words' }] },
      { type: 'heading', level: 4, content: [{ type: 'text', text: 'Deep' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'ctrlchar' }] },
    ]);
  });
});

describe('DOCX', () => {
  it('has heading styles, real footnotes, lists and a table, and LibreOffice reads its headings, body and footnotes', async () => {
    const bytes = await summaryToDocx(summary);
    const files = unzipSync(bytes);
    const document = strFromU8(files['word/document.xml']!);
    const footnotes = strFromU8(files['word/footnotes.xml']!);
    const numbering = strFromU8(files['word/numbering.xml']!);
    const styles = strFromU8(files['word/styles.xml']!);
    const core = strFromU8(files['docProps/core.xml']!);

    expect(document).toContain('<w:pStyle w:val="Title"/>');
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(document).toContain('<w:pStyle w:val="Quote"/>');
    expect(document.match(/<w:footnoteReference /g)).toHaveLength(summary.footnotes.length);
    expect(document).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(document).not.toContain('<script>');
    expect(document).not.toContain('javascript:');
    // The table, its repeated header row, and the cell whose two paragraphs became two lines.
    expect(document).toContain('<w:tbl>');
    expect(document).toMatch(/<w:tblHeader\/>[\s\S]*Organization/);
    expect(document).toMatch(/Supports<\/w:t><\/w:r><w:r><w:br\/><\/w:r>/);
    // Both lists, each with numbering of its own kind.
    expect(document.match(/<w:numPr>/g)).toHaveLength(4);
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(styles).toContain('<w:lang w:val="en-GB"/>');
    expect(core).toContain(`<dc:title>${summary.title}</dc:title>`);
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    expect(rels).toContain('Target="https://www.iom.int/handbook" TargetMode="External"');

    for (const f of summary.footnotes) expect(footnotes).toContain(f.reference);
    expect(footnotes).toContain('paragraph 3: “Victims are identified too late; &quot;screening&quot; must start at the border.”');
    expect(footnotes).toContain('Caritas Österreich, position paper, version 2, paragraph 1</w:t>');

    // LibreOffice opens it as a word processor would: converted to PDF (pages), and to text (the
    // headings, the body and the footnotes as it read them). CI installs it (.ci/run); a machine
    // without it runs the structure checks above alone, but CI never does.
    const office = ['soffice', 'libreoffice'].find((name) => {
      try {
        execFileSync('which', [name], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    });
    if (!office && process.env.CI) throw new Error('LibreOffice is missing: .ci/run installs libreoffice-writer-nogui so that this check runs in CI.');
    if (office) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-docx-'));
      try {
        fs.writeFileSync(path.join(dir, 'summary.docx'), bytes);
        // A profile of its own, so that a LibreOffice already running elsewhere does not take the job.
        const convert = (to: string) => execFileSync(office, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, path.join(dir, 'summary.docx')], { stdio: 'ignore', timeout: 60_000 });
        convert('pdf');
        const pdf = fs.readFileSync(path.join(dir, 'summary.pdf')).toString('latin1');
        expect(pdf.startsWith('%PDF-')).toBe(true);
        expect(pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
        convert('txt:Text (encoded):UTF8');
        const text = fs.readFileSync(path.join(dir, 'summary.txt'), 'utf8');
        expect(text).toContain(summary.title);
        expect(text).toMatch(/^Counter-trafficking$/m);
        expect(text).toContain('Partners broadly agreed that early identification matters');
        expect(text).toContain('End the detention of children.2'); // the footnote's mark
        // Footnotes are left out of a text export: the HTML one has them.
        convert('html');
        const html = fs.readFileSync(path.join(dir, 'summary.html'), 'utf8');
        expect(html).toMatch(/sdfootnote/);
        expect(html).toContain('position paper, version 2, paragraph 1'); // (Ö is written as an entity)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 60_000);

  it('cuts a very long passage in its footnote', async () => {
    const long = { ...summary, footnotes: [{ number: 1, reference: 'A long one', passage: LONG_PASSAGE }] };
    const footnotes = strFromU8(unzipSync(await summaryToDocx(long))['word/footnotes.xml']!);
    const shown = /A long one: “([^”]*)”/.exec(footnotes)![1]!;
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(601);
    expect(shown.length).toBeGreaterThan(480);
    expect(shown.startsWith('Children must never be detained')).toBe(true);
  });
});

describe('PDF', () => {
  it('is tagged, in the summary language, with DejaVu embedded and the text readable back', async () => {
    const bytes = await summaryToPdf(summary, { compress: false });
    const pdf = Buffer.from(bytes).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(pdf).toContain('/Marked true');
    expect(pdf).toContain('/Lang (en)');
    expect(pdf).toContain('/DisplayDocTitle true');
    const object = (id: string | undefined) => new RegExp(`\\n${id} 0 obj\\n([\\s\\S]*?)\\nendobj`).exec(pdf)?.[1] ?? '';
    const info = object(/\/Info (\d+) 0 R/.exec(pdf)?.[1]);
    expect(object(/\/Title (\d+) 0 R/.exec(info)?.[1])).toBe(`(${summary.title})`);
    for (const type of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote', 'Table', 'TR', 'TH', 'TD', 'Link']) expect(pdf).toContain(`/S /${type}\n`);
    for (const font of ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique']) expect(pdf).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${font}\\n`));
    expect(pdf).toContain('/URI (https://www.iom.int/handbook)');
    expect(pdf).not.toContain('javascript:');
    // Bookmarks for the headings, as a reader's navigation pane shows them.
    expect(pdf).toContain('/Title (Counter-trafficking)');

    const shown = pdfText(pdf);
    expect(shown).toContain(summary.title);
    expect(shown).toContain('Counter-trafficking');
    expect(shown).toContain('Positions of partners in Österreich');
    expect(shown).toContain('Ла Страда Україна');
    expect(shown).toContain('<script>alert("x")</script> & more');
    expect(shown).toContain('[1]');
    expect(shown).toContain('[4]');
    expect(shown).toContain('Sources');
    expect(shown).toContain('[Unknown NGO, v1, ¶seven]');
    expect(shown).toContain('“Victims are identified too late;');
  });

  it('compresses by default and flows a long summary over several pages', async () => {
    const long = { ...summary, blocks: Array.from({ length: 12 }, () => summary.blocks).flat() };
    const bytes = await summaryToPdf(long);
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Filter /FlateDecode');
    expect(pageCount(bytes)).toBeGreaterThan(3);
    // Read back through the compression, as a reader would.
    expect(pdfText(bytes)).toContain('Positions of partners in Österreich');
  });
});

describe('HTML', () => {
  it('is a standalone document with everything escaped and footnotes linked both ways', () => {
    const html = summaryToHtml(summary);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<title>${summary.title}</title>`);
    expect(html).toContain('<h1>Summary of the consultation on counter-trafficking</h1>');
    expect(html).toContain('<h2>Counter-trafficking</h2>');
    expect(html).toContain('<h3>Positions of partners in Österreich</h3>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).not.toContain('<script');
    expect(html).toContain('<a href="https://www.iom.int/handbook" rel="noopener noreferrer">IOM handbook</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<th scope="col">Organization</th>');
    expect(html).toContain('<td>Supports<br>with reservations<sup><a href="#fn-3" id="ref-3">3</a></sup></td>');
    expect(html).toContain('<blockquote><p>End the detention of children.<sup><a href="#fn-2" id="ref-2">2</a></sup></p></blockquote>');

    for (const f of summary.footnotes) {
      expect(html).toContain(`<sup><a href="#fn-${f.number}" id="ref-${f.number}">${f.number}</a></sup>`);
      expect(html).toMatch(new RegExp(`<li id="fn-${f.number}"[^>]*>[^\\n]*<a href="#ref-${f.number}" aria-label="[^"]+">↩</a></li>`));
    }
    expect(html).toContain('<section class="sources" aria-labelledby="sources-heading"><h2 id="sources-heading">Sources</h2>');
    const item = (n: number) => new RegExp(`<li id="fn-${n}"[^\\n]*`).exec(html)![0];
    expect(item(1)).toContain('La Strada Ukraine (Ла Страда Україна), position paper, version 1, paragraph 3 — <q>Victims are identified too late; &quot;screening&quot; must start at the border.</q>');
    expect(item(2)).not.toContain('<q>');
    expect(item(2)).toContain('Caritas Österreich, position paper, version 2, paragraph 1 <a href="#ref-2"');
    expect(item(4)).toContain('[Unknown NGO, v1, ¶seven]');
  });

  it('takes the language of the summary', () => {
    const html = summaryToHtml({ ...summary, language: 'fr', sourcesHeading: 'Sources citées' });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('aria-label="Retour au texte"');
    expect(html).toContain('<h2 id="sources-heading">Sources citées</h2>');
  });
});

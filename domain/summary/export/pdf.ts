/**
 * The summary as a tagged PDF: every piece of text sits in a structure element (headings, lists,
 * table cells, quotes) so that a screen reader can follow it, with the document's language and
 * title, and bookmarks for the headings. The fonts are embedded DejaVu, which has the Cyrillic
 * and accented letters of partners' names; the PDF base fonts have neither.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { isExternalLink } from './from-json.ts';
import type { Block, Footnote, Inline, SummaryExport } from './model.ts';

type StructElement = PDFKit.PDFStructureElement;
type FontName = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FONT_FILES: Record<FontName, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

let fontCache: Record<FontName, Buffer> | null = null;
/** Read once per process: the four files weigh about 2.5 MB. */
function fonts(): Record<FontName, Buffer> {
  if (!fontCache) {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontCache = Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, fs.readFileSync(path.join(dir, file))])) as Record<FontName, Buffer>;
  }
  return fontCache;
}

const MARGIN = 56; // 2 cm
const BODY = 10.5;
const LINE_GAP = 2.5;
const TEXT = '#1a1a1a';
const LINK = '#0645ad';
const MUTED = '#555555';
/** Headings go one level down: the title is the H1 (as in the HTML export). */
const HEADING_SIZE = { 1: 15, 2: 13, 3: 11.5, 4: BODY } as const;
const LABEL_WIDTH = 20;
const QUOTE_INDENT = 18;

interface Frame {
  x: number;
  width: number;
  italic: boolean;
}

interface Fragment {
  text: string;
  bold: boolean;
  italic: boolean;
  size: number;
  href: string | null;
  color: string;
  /** Hard breaks just before this fragment. */
  breaks: number;
}

function fontOf(bold: boolean, italic: boolean): FontName {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

/** The words of inline content, for bookmarks and table cells. */
function plainText(content: Inline[]): string {
  return content.map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? '\n' : `[${i.footnote}]`)).join('');
}

function fragments(content: Inline[], size: number, base: { bold: boolean; italic: boolean; color?: string }): Fragment[] {
  const out: Fragment[] = [];
  let breaks = 0;
  for (const inline of content) {
    if (inline.type === 'break') {
      if (out.length) breaks += 1;
      continue;
    }
    if (inline.type === 'citation') {
      // Smaller, and drawn from the top of the line like the rest, so it sits raised.
      out.push({ text: `[${inline.footnote}]`, bold: false, italic: false, size: size * 0.72, href: null, color: base.color ?? TEXT, breaks });
    } else {
      const href = inline.href && isExternalLink(inline.href) ? inline.href : null;
      out.push({ text: inline.text, bold: base.bold || !!inline.bold, italic: base.italic || !!inline.italic, size, href, color: href ? LINK : (base.color ?? TEXT), breaks });
    }
    breaks = 0;
  }
  return out;
}

export interface PdfOptions {
  /** Leave the content streams readable (tests). */
  compress?: boolean;
}

export async function summaryToPdf(summary: SummaryExport, options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    tagged: true,
    pdfVersion: '1.7',
    lang: summary.language,
    displayTitle: true,
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: summary.title, Subject: summary.subtitle, Creator: 'IDM Consult' },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  for (const [name, data] of Object.entries(fonts())) doc.registerFont(name, data);
  doc.font('regular').fontSize(BODY).fillColor(TEXT).lineGap(LINE_GAP);

  const page = () => doc.page;
  const bottom = () => page().height - page().margins.bottom;
  /** Keeps a heading or a list label from being the last line of a page. */
  const keepRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  /** One paragraph-like element: its text runs, with each link in a Link element of its own. */
  function textElement(parent: StructElement, type: string, content: Inline[], frame: Frame, size: number, base: { bold: boolean; italic: boolean; color?: string }, spaceAfter: number) {
    const parts = fragments(content, size, { ...base, italic: base.italic || frame.italic });
    if (parts.length === 0) return;
    // Starting at the foot of a page would leave an empty piece of the element behind.
    keepRoom(size * 1.2 + LINE_GAP);
    const element = doc.struct(type);
    parent.add(element);
    // pdfkit loses a '\n' inside continued text: a hard break ends the flow, the next line starts anew.
    const draw = (part: Fragment, index: number) => {
      doc.font(fontOf(part.bold, part.italic)).fontSize(part.size).fillColor(part.color);
      const next = parts[index + 1];
      const textOptions: PDFKit.Mixins.TextOptions = {
        width: frame.width,
        continued: next !== undefined && next.breaks === 0,
        lineGap: LINE_GAP,
        // Options carry over between continued calls: a plain run must switch the link off.
        link: (part.href ?? null) as string,
        underline: part.href !== null,
      };
      if (index === 0 || part.breaks > 0) {
        doc.y += Math.max(0, part.breaks - 1) * doc.currentLineHeight(true);
        doc.text(part.text, frame.x, doc.y, textOptions);
      } else doc.text(part.text, textOptions);
    };
    let index = 0;
    while (index < parts.length) {
      const start = index;
      const href = parts[start]!.href;
      while (index < parts.length && parts[index]!.href === href) index++;
      const run = parts.slice(start, index);
      const drawRun = () => run.forEach((part, i) => draw(part, start + i));
      if (href) {
        const link = doc.struct('Link', { alt: href });
        element.add(link);
        link.add(drawRun);
        link.end();
      } else element.add(drawRun);
    }
    element.end();
    doc.fillColor(TEXT).font('regular').fontSize(BODY);
    doc.x = frame.x;
    doc.y += spaceAfter;
  }

  const outline: PDFKit.PDFOutline[] = [];
  function heading(parent: StructElement, level: 1 | 2 | 3 | 4, content: Inline[], frame: Frame) {
    const size = HEADING_SIZE[level];
    doc.y += level === 1 ? 10 : 6;
    keepRoom(size * 4);
    const title = plainText(content).replace(/\s+/g, ' ').trim();
    if (title) {
      // A level skipped (a level 3 straight under a level 1) nests under the nearest heading above.
      const owner = outline.slice(0, level - 1).reverse().find(Boolean) ?? doc.outline;
      outline.length = level;
      outline[level - 1] = owner.addItem(title);
    }
    textElement(parent, `H${level + 1}`, content, frame, size, { bold: true, italic: level === 4 }, 4);
  }

  function table(parent: StructElement, block: Extract<Block, { type: 'table' }>, frame: Frame) {
    const columns = Math.max(0, ...block.rows.map((r) => r.length));
    if (columns === 0) return;
    doc.font('regular').fontSize(BODY - 1);
    keepRoom(BODY * 4);
    const data = block.rows.map((row, r) => {
      const header = block.header && r === 0;
      return Array.from({ length: columns }, (_, c) => ({
        text: plainText(row[c] ?? []),
        type: header ? ('TH' as const) : ('TD' as const),
        // @types/pdfkit knows neither `scope` nor a table's `structParent`; pdfkit 0.20 reads both.
        scope: header ? 'Column' : undefined,
        font: header ? { src: 'bold' } : undefined,
        backgroundColor: header ? '#eeeeee' : undefined,
      }));
    });
    doc.table({
      structParent: parent,
      position: { x: frame.x, y: doc.y },
      maxWidth: frame.width,
      defaultStyle: { border: 0.5, borderColor: '#888888', padding: 4 },
      data,
    } as PDFKit.Mixins.TableOptionsWithData);
    doc.font('regular').fontSize(BODY);
    doc.x = frame.x;
    doc.y += 8;
  }

  /** A list item: its label at the frame's left edge, its body beside it. */
  function listItem(list: StructElement, label: string, labelWidth: number, size: number, frame: Frame, body: (element: StructElement, frame: Frame) => void) {
    keepRoom(size * 2.5);
    const item = doc.struct('LI');
    list.add(item);
    const y = doc.y;
    const labelElement = doc.struct('Lbl');
    item.add(labelElement);
    labelElement.add(() => {
      doc.font(frame.italic ? 'italic' : 'regular').fontSize(size).fillColor(TEXT);
      doc.text(label, frame.x, y, { width: labelWidth, lineBreak: false });
    });
    labelElement.end();
    doc.y = y;
    const content = doc.struct('LBody');
    item.add(content);
    body(content, { ...frame, x: frame.x + labelWidth, width: frame.width - labelWidth });
    content.end();
    item.end();
  }

  function list(parent: StructElement, block: Extract<Block, { type: 'list' }>, frame: Frame) {
    const element = doc.struct('L');
    parent.add(element);
    block.items.forEach((item, i) => listItem(element, block.ordered ? `${i + 1}.` : '•', LABEL_WIDTH, BODY, frame, (body, inner) => blocks(body, item, inner, 3)));
    element.end();
    doc.x = frame.x;
    doc.y += 4;
  }

  function blocks(parent: StructElement, content: Block[], frame: Frame, paragraphSpace = 7) {
    for (const block of content) {
      switch (block.type) {
        case 'heading':
          heading(parent, block.level, block.content, frame);
          break;
        case 'paragraph':
          textElement(parent, 'P', block.content, frame, BODY, { bold: false, italic: false }, paragraphSpace);
          break;
        case 'quote': {
          const quote = doc.struct('BlockQuote');
          parent.add(quote);
          blocks(quote, block.blocks, { x: frame.x + QUOTE_INDENT, width: frame.width - 2 * QUOTE_INDENT, italic: true });
          quote.end();
          break;
        }
        case 'list':
          list(parent, block, frame);
          break;
        case 'table':
          table(parent, block, frame);
          break;
      }
    }
  }

  function sources(parent: StructElement, footnotes: Footnote[], frame: Frame) {
    if (footnotes.length === 0) return;
    doc.y += 12;
    keepRoom(BODY * 6);
    doc.outline.addItem(summary.sourcesHeading);
    textElement(parent, 'H2', [{ type: 'text', text: summary.sourcesHeading }], frame, HEADING_SIZE[1], { bold: true, italic: false }, 6);
    const element = doc.struct('L');
    parent.add(element);
    for (const f of footnotes) {
      const text: Inline[] = [{ type: 'text', text: f.reference }];
      if (f.passage !== null) text.push({ type: 'text', text: `: “${f.passage.trim()}”`, italic: true });
      listItem(element, `[${f.number}]`, 30, BODY - 1, frame, (body, inner) => textElement(body, 'P', text, inner, BODY - 1, { bold: false, italic: false }, 5));
    }
    element.end();
  }

  const root = doc.struct('Document');
  doc.addStructure(root);
  const frame: Frame = { x: MARGIN, width: page().width - 2 * MARGIN, italic: false };
  textElement(root, 'H1', [{ type: 'text', text: summary.title }], frame, 20, { bold: true, italic: false }, 4);
  if (summary.subtitle) {
    textElement(root, 'P', [{ type: 'text', text: summary.subtitle }], frame, BODY + 1, { bold: false, italic: false, color: MUTED }, 14);
  }
  blocks(root, summary.blocks, frame);
  sources(root, summary.footnotes, frame);
  root.end();

  // Page numbers are layout, not content: marked as artifacts, so screen readers skip them.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const margins = page().margins;
    const keep = margins.bottom;
    margins.bottom = 0; // pdfkit would otherwise start a new page for text below the margin
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('regular').fontSize(8).fillColor(MUTED);
    doc.text(`${i + 1} / ${range.count}`, MARGIN, page().height - MARGIN / 2 - 4, { width: page().width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.endMarkedContent();
    margins.bottom = keep;
  }
  doc.end();
  await ended;
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}

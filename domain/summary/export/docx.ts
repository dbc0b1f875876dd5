/**
 * The summary as a Word document: real heading styles (so the navigation pane and a table of
 * contents find them), real lists, and citations as Word footnotes that renumber themselves if
 * the secretariat edits the file afterwards.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { isExternalLink } from './from-json.ts';
import type { Block, Footnote, Inline, SummaryExport } from './model.ts';

/** Word wants a region with the language; these are the variants IOM writes in. */
const WORD_LANGUAGE = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' } as const;
const TWIPS_PER_INDENT = 720;
// A4 with 2.54 cm margins, in twentieths of a point: tables are laid out on this width.
const PAGE = { width: 11906, height: 16838, margin: 1440 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const MAX_PASSAGE = 600;

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

/** A footnote sits at the foot of a page: a long passage is cut at a word, with an ellipsis. */
function shortPassage(passage: string, max = MAX_PASSAGE): string {
  const chars = Array.from(passage.trim());
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max).join('');
  const space = cut.search(/\s\S*$/);
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function footnoteText(f: Footnote): string {
  return f.passage === null ? f.reference : `${f.reference}: “${shortPassage(f.passage)}”`;
}

function listLevels(ordered: boolean): ILevelsOptions[] {
  const bullets = ['•', '◦', '▪'];
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : bullets[level % bullets.length]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: TWIPS_PER_INDENT * (level + 1), hanging: 360 } } },
  }));
}

interface Context {
  /** How deep in lists (0 outside any list). */
  listDepth: number;
  quoteDepth: number;
  /** Counts lists, so that each numbered list starts again at 1. */
  instances: { next: number };
}

function runs(content: Inline[], base: { bold?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const inline of content) {
    if (inline.type === 'citation') out.push(new FootnoteReferenceRun(inline.footnote));
    else if (inline.type === 'break') out.push(new TextRun({ break: 1 }));
    else {
      const options = { text: inline.text, bold: inline.bold || base.bold || undefined, italics: inline.italic };
      if (inline.href && isExternalLink(inline.href)) {
        out.push(new ExternalHyperlink({ link: inline.href, children: [new TextRun({ ...options, style: 'Hyperlink' })] }));
      } else out.push(new TextRun(options));
    }
  }
  return out;
}

function paragraph(content: Inline[], context: Context, numbering?: { reference: string; level: number; instance: number }): Paragraph {
  const quoted = context.quoteDepth > 0;
  // Inside a list item but not its first paragraph: aligned with the item's text.
  const indent = numbering ? undefined : context.listDepth > 0 || context.quoteDepth > 1 ? { left: TWIPS_PER_INDENT * (context.listDepth + context.quoteDepth) } : undefined;
  return new Paragraph({ children: runs(content), style: quoted ? 'Quote' : undefined, indent, numbering });
}

function table(block: Extract<Block, { type: 'table' }>): Table | null {
  const columns = Math.max(0, ...block.rows.map((r) => r.length));
  if (columns === 0) return null;
  const columnWidth = Math.floor(TEXT_WIDTH / columns);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  return new Table({
    width: { size: columnWidth * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => columnWidth),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: block.rows.map((row, r) => {
      const isHeader = block.header && r === 0;
      const cells = Array.from({ length: columns }, (_, c) => row[c] ?? []);
      return new TableRow({
        tableHeader: isHeader,
        cantSplit: true,
        children: cells.map(
          (content) =>
            new TableCell({
              width: { size: columnWidth, type: WidthType.DXA },
              margins: { top: 60, bottom: 60, left: 100, right: 100 },
              children: [new Paragraph({ children: runs(content, { bold: isHeader }) })],
            }),
        ),
      });
    }),
  });
}

function render(blocks: Block[], context: Context): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        out.push(new Paragraph({ heading: HEADINGS[block.level], children: runs(block.content) }));
        break;
      case 'paragraph':
        out.push(paragraph(block.content, context));
        break;
      case 'quote':
        out.push(...render(block.blocks, { ...context, quoteDepth: context.quoteDepth + 1 }));
        break;
      case 'table': {
        const t = table(block);
        // Two tables with nothing between them become one in Word: a paragraph keeps them apart.
        if (t) out.push(t, new Paragraph({}));
        break;
      }
      case 'list': {
        const numbering = { reference: block.ordered ? 'numbered' : 'bullets', level: Math.min(context.listDepth, 8), instance: context.instances.next++ };
        const inner = { ...context, listDepth: context.listDepth + 1 };
        for (const item of block.items) {
          const [first, ...rest] = item;
          if (first?.type === 'paragraph' || first?.type === 'heading') out.push(paragraph(first.content, inner, numbering));
          else out.push(paragraph([], inner, numbering), ...render(first ? [first] : [], inner));
          out.push(...render(rest, inner));
        }
        break;
      }
    }
  }
  return out;
}

export async function summaryToDocx(summary: SummaryExport): Promise<Uint8Array> {
  const language = { value: WORD_LANGUAGE[summary.language] ?? 'en-GB' };
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const f of summary.footnotes) footnotes[f.number] = { children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(footnoteText(f))] })] };

  const document = new Document({
    title: summary.title,
    subject: summary.subtitle,
    creator: 'IDM Consult',
    styles: {
      default: {
        document: { run: { language, font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
        title: { run: { size: 48, bold: true }, paragraph: { spacing: { after: 60 } } },
        // The outline level is what LibreOffice's navigator (and Word's, for renamed styles) reads.
        heading1: { run: { size: 32, bold: true }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: { size: 28, bold: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 1 } },
        heading3: { run: { size: 24, bold: true }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, outlineLevel: 2 } },
        heading4: { run: { size: 22, bold: true, italics: true }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, outlineLevel: 3 } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 24, color: '595959' }, paragraph: { spacing: { after: 360 } } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: '404040' }, paragraph: { indent: { left: TWIPS_PER_INDENT, right: TWIPS_PER_INDENT } } },
      ],
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: listLevels(false) },
        { reference: 'numbered', levels: listLevels(true) },
      ],
    },
    footnotes,
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin } } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(summary.title)] }),
          ...(summary.subtitle ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(summary.subtitle)] })] : []),
          ...render(summary.blocks, { listDepth: 0, quoteDepth: 0, instances: { next: 1 } }),
        ],
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}

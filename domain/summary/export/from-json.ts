/**
 * The editor's ProseMirror JSON → the export model. The JSON comes from a stored Yjs document
 * that any client could have written, so nothing in it is trusted: unknown nodes give their
 * children, wrong types are skipped, and this never throws.
 */
import { citationLabel, isSafeUrl } from '../../papers/editor-schema.ts';
import type { Block, Footnote, Inline, SummaryExport } from './model.ts';

export interface SummaryExportOptions {
  title: string;
  subtitle: string;
  language: 'en' | 'fr' | 'es';
  sourcesHeading: string;
  /** Where a cited paragraph comes from, and its text when the reader may see it. */
  source(versionId: string, paragraph: number): { reference: string; passage: string | null };
}

interface JsonNode {
  type: string;
  attrs: Record<string, unknown>;
  content: JsonNode[];
  marks: { type: string; attrs: Record<string, unknown> }[];
  text: string;
}

const INLINE_TYPES = new Set(['text', 'hardBreak', 'citation']);
/** Blocks that may turn up where inline content belongs: each starts a new line there. */
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'codeBlock', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'table', 'tableRow', 'tableCell', 'tableHeader']);
// Deep enough for any real document, shallow enough that hostile nesting cannot overflow the stack.
const MAX_DEPTH = 200;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// Characters XML 1.0 cannot carry (DOCX and XLSX would be refused by Word), and lone surrogates.
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text every format can carry: no control characters, no broken surrogate pairs. */
export function cleanText(value: string): string {
  return value.replace(NOT_XML, '');
}

/**
 * Why: a link in an exported file leaves the platform, so only absolute http(s) and mailto
 * targets are kept, and only those the editor's own policy accepts. Renderers check again.
 */
export function isExternalLink(href: unknown): href is string {
  return typeof href === 'string' && /^(https?:\/\/|mailto:)/i.test(href) && isSafeUrl(href);
}

function node(value: unknown, depth = 0): JsonNode | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  const marks = Array.isArray(value.marks)
    ? value.marks.filter(isRecord).flatMap((m) => (typeof m.type === 'string' ? [{ type: m.type, attrs: isRecord(m.attrs) ? m.attrs : {} }] : []))
    : [];
  return {
    type: value.type,
    attrs: isRecord(value.attrs) ? value.attrs : {},
    content: Array.isArray(value.content) && depth < MAX_DEPTH ? value.content.map((c) => node(c, depth + 1)).filter((n): n is JsonNode => n !== null) : [],
    marks,
    text: typeof value.text === 'string' ? value.text : '',
  };
}

const positiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

export function toSummaryExport(json: unknown, options: SummaryExportOptions): SummaryExport {
  const footnotes: Footnote[] = [];

  function cite(attrs: Record<string, unknown>): Inline {
    const number = footnotes.length + 1;
    const { versionId, paragraph } = attrs;
    const found = typeof versionId === 'string' && versionId !== '' && positiveInteger(paragraph) ? options.source(versionId, paragraph) : null;
    const reference = found ? cleanText(found.reference).trim() : '';
    // A source that cannot be named (a bad citation, a version gone) is shown by its label.
    if (reference === '') footnotes.push({ number, reference: cleanText(citationLabel(attrs)), passage: null });
    else footnotes.push({ number, reference, passage: typeof found?.passage === 'string' ? cleanText(found.passage) : null });
    return { type: 'citation', footnote: number };
  }

  function inlines(nodes: JsonNode[]): Inline[] {
    const out: Inline[] = [];
    for (const n of nodes) {
      if (n.type === 'text') {
        const text = cleanText(n.text);
        if (text === '') continue;
        const run: Inline = { type: 'text', text };
        for (const mark of n.marks) {
          if (mark.type === 'bold') run.bold = true;
          else if (mark.type === 'italic') run.italic = true;
          else if (mark.type === 'link' && isExternalLink(mark.attrs.href)) run.href = mark.attrs.href;
        }
        out.push(run);
      } else if (n.type === 'hardBreak') out.push({ type: 'break' });
      else if (n.type === 'citation') out.push(cite(n.attrs));
      else {
        // An unknown node gives its words; a block where inline content belongs starts a line.
        const inner = inlines(n.content);
        if (inner.length && out.length && BLOCK_TYPES.has(n.type)) out.push({ type: 'break' });
        out.push(...inner);
      }
    }
    return out;
  }

  /** A code block keeps its lines. */
  function codeLines(n: JsonNode): Inline[] {
    const text = cleanText(n.content.map((c) => (c.type === 'text' ? c.text : '')).join(''));
    const out: Inline[] = [];
    text.split('\n').forEach((line, i) => {
      if (i > 0) out.push({ type: 'break' });
      if (line !== '') out.push({ type: 'text', text: line });
    });
    return out;
  }

  function cell(n: JsonNode): Inline[] {
    const out: Inline[] = [];
    for (const child of n.content) {
      const run = INLINE_TYPES.has(child.type) ? inlines([child]) : child.type === 'codeBlock' ? codeLines(child) : inlines(child.content);
      if (run.length === 0) continue;
      if (out.length && !INLINE_TYPES.has(child.type)) out.push({ type: 'break' });
      out.push(...run);
    }
    return out;
  }

  function table(n: JsonNode): Block | null {
    const rows = n.content.filter((r) => r.type === 'tableRow');
    const cells = rows.map((r) => r.content.filter((c) => c.type === 'tableCell' || c.type === 'tableHeader'));
    const kept = cells.filter((r) => r.length > 0);
    if (kept.length === 0) return null;
    return {
      type: 'table',
      header: kept[0]!.every((c) => c.type === 'tableHeader'),
      rows: kept.map((r) => r.map(cell)),
    };
  }

  function blocks(nodes: JsonNode[]): Block[] {
    const out: Block[] = [];
    // Inline nodes found between blocks (malformed JSON) are gathered into a paragraph of their own.
    let loose: JsonNode[] = [];
    const flush = () => {
      const content = inlines(loose);
      if (content.length) out.push({ type: 'paragraph', content });
      loose = [];
    };
    for (const n of nodes) {
      if (INLINE_TYPES.has(n.type)) {
        loose.push(n);
        continue;
      }
      flush();
      switch (n.type) {
        case 'paragraph': {
          const content = inlines(n.content);
          if (content.length) out.push({ type: 'paragraph', content });
          break;
        }
        case 'heading': {
          const content = inlines(n.content);
          const level = Number.isFinite(n.attrs.level) ? Math.min(4, Math.max(1, Math.round(n.attrs.level as number))) : 1;
          if (content.length) out.push({ type: 'heading', level: level as 1 | 2 | 3 | 4, content });
          break;
        }
        case 'codeBlock': {
          const content = codeLines(n);
          if (content.length) out.push({ type: 'paragraph', content });
          break;
        }
        case 'blockquote': {
          const inner = blocks(n.content);
          if (inner.length) out.push({ type: 'quote', blocks: inner });
          break;
        }
        case 'bulletList':
        case 'orderedList': {
          const items = n.content.map((item) => blocks(item.type === 'listItem' ? item.content : [item])).filter((item) => item.length > 0);
          if (items.length) out.push({ type: 'list', ordered: n.type === 'orderedList', items });
          break;
        }
        case 'table': {
          const t = table(n);
          if (t) out.push(t);
          break;
        }
        case 'horizontalRule':
          break;
        default:
          out.push(...blocks(n.content));
      }
    }
    flush();
    return out;
  }

  const root = node(json);
  return {
    title: cleanText(options.title),
    subtitle: cleanText(options.subtitle),
    language: options.language,
    blocks: root ? blocks(root.type === 'doc' ? root.content : [root]) : [],
    footnotes,
    sourcesHeading: cleanText(options.sourcesHeading),
  };
}

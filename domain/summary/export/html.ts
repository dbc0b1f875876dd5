/**
 * The summary as one standalone HTML file: it must read the same offline, printed, or opened
 * from an e-mail, so it carries its own stylesheet and nothing runs in it. Headings go one level
 * down (the title is the page's h1), which puts the sources at the level of the top sections.
 */
import { isExternalLink } from './from-json.ts';
import type { Block, Footnote, Inline, SummaryExport } from './model.ts';

const BACK_LABEL = { en: 'Back to the text', fr: 'Retour au texte', es: 'Volver al texto' } as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in text and in quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.5; color: #1a1a1a; max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
.subtitle { color: #555; margin-top: 0; }
h2 { font-size: 1.4em; margin-top: 1.6em; } h3 { font-size: 1.2em; } h4, h5 { font-size: 1em; }
blockquote { margin: 1em 2em; padding-left: 1em; border-left: 3px solid #bbb; font-style: italic; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #888; padding: 0.3em 0.5em; text-align: start; vertical-align: top; }
th { background: #eee; }
li > p { margin: 0.2em 0; }
sup a { text-decoration: none; }
.sources { border-top: 1px solid #bbb; margin-top: 2.5em; font-size: 0.9em; }
a { color: #0645ad; }
@page { margin: 2cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  h1, h2, h3, h4, h5 { break-after: avoid; }
  tr, blockquote, .sources li { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
}
`;

function inlines(content: Inline[]): string {
  return content
    .map((inline) => {
      if (inline.type === 'break') return '<br>';
      if (inline.type === 'citation') {
        const n = inline.footnote;
        return `<sup><a href="#fn-${n}" id="ref-${n}">${n}</a></sup>`;
      }
      let html = escapeHtml(inline.text);
      if (inline.bold) html = `<strong>${html}</strong>`;
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.href && isExternalLink(inline.href)) html = `<a href="${escapeHtml(inline.href)}" rel="noopener noreferrer">${html}</a>`;
      return html;
    })
    .join('');
}

function table(block: Extract<Block, { type: 'table' }>): string {
  const columns = Math.max(0, ...block.rows.map((r) => r.length));
  if (columns === 0) return '';
  const row = (cells: Inline[][], tag: 'th' | 'td') =>
    `<tr>${Array.from({ length: columns }, (_, i) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}>${inlines(cells[i] ?? [])}</${tag}>`).join('')}</tr>`;
  const [first, ...rest] = block.rows;
  const head = block.header ? `<thead>${row(first!, 'th')}</thead>` : '';
  const body = (block.header ? rest : block.rows).map((r) => row(r, 'td')).join('\n');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

function blocks(list: Block[]): string {
  return list
    .map((block) => {
      switch (block.type) {
        case 'heading': {
          const tag = `h${block.level + 1}`;
          return `<${tag}>${inlines(block.content)}</${tag}>`;
        }
        case 'paragraph':
          return `<p>${inlines(block.content)}</p>`;
        case 'quote':
          return `<blockquote>${blocks(block.blocks)}</blockquote>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          return `<${tag}>${block.items.map((item) => `<li>${blocks(item)}</li>`).join('\n')}</${tag}>`;
        }
        case 'table':
          return table(block);
      }
    })
    .join('\n');
}

function footnote(f: Footnote, back: string): string {
  const passage = f.passage === null ? '' : ` — <q>${escapeHtml(f.passage.trim())}</q>`;
  return `<li id="fn-${f.number}" value="${f.number}">${escapeHtml(f.reference)}${passage} <a href="#ref-${f.number}" aria-label="${escapeHtml(back)}">↩</a></li>`;
}

export function summaryToHtml(summary: SummaryExport): string {
  const lang = summary.language in BACK_LABEL ? summary.language : 'en';
  const sources = summary.footnotes.length
    ? `<section class="sources" aria-labelledby="sources-heading"><h2 id="sources-heading">${escapeHtml(summary.sourcesHeading)}</h2>
<ol>
${summary.footnotes.map((f) => footnote(f, BACK_LABEL[lang])).join('\n')}
</ol></section>`
    : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(summary.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(summary.title)}</h1>${summary.subtitle ? `<p class="subtitle">${escapeHtml(summary.subtitle)}</p>` : ''}</header>
${blocks(summary.blocks)}
${sources}
</main>
</body>
</html>
`;
}

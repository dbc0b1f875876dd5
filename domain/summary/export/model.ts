/**
 * The summary as the exports see it: a small, format-free tree of blocks with its citations
 * already numbered as footnotes. The editor's JSON is turned into this once (from-json.ts); DOCX,
 * PDF and HTML each render it, so the three never disagree on what the summary says.
 */

export type Inline =
  | { type: 'text'; text: string; bold?: boolean; italic?: boolean; href?: string }
  /** A citation, shown as a footnote reference; `footnote` is its number (1-based). */
  | { type: 'citation'; footnote: number }
  | { type: 'break' };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  /** Rows of cells of inline content; the first row is a header row when `header` is true. */
  | { type: 'table'; header: boolean; rows: Inline[][][] };

export interface Footnote {
  number: number;
  /** Where the cited words come from, e.g. "La Strada Ukraine, position paper, version 1 (submitted 1 October 2026), paragraph 3". */
  reference: string;
  /** The cited paragraph as submitted; null when the reader may not see that version. */
  passage: string | null;
}

export interface SummaryExport {
  title: string;
  /** A line under the title: "Published on 28 November 2026 (version 1)" or "Draft, 28 November 2026". */
  subtitle: string;
  language: 'en' | 'fr' | 'es';
  blocks: Block[];
  footnotes: Footnote[];
  /** The heading of the list of sources (HTML and PDF, which have no footnotes of their own). */
  sourcesHeading: string;
}

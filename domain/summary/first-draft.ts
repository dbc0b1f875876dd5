/**
 * "Compile a first draft": an outline for the secretariat to rewrite. A section per area; under
 * it each organization that submitted, with the opening sentence of its first paragraphs and a
 * citation to each. Also the participation table the summary may include. Both are editor JSON,
 * inserted into the shared document by the editor, so every co-editor sees them arrive.
 */
import type { PaperNodeJson } from '../papers/sanitize.ts';
import { shown, type ParticipationRow } from '../participation/record.ts';
import { openingOf } from './passages.ts';
import { byArea, citationAttrs, type Position } from './summaries.ts';

/** How many paragraphs of each position the outline quotes the opening of. */
export const paragraphsPerPosition = 3;

const text = (value: string, bold = false): PaperNodeJson => (bold ? { type: 'text', text: value, marks: [{ type: 'bold' }] } : { type: 'text', text: value });
const heading = (level: number, value: string): PaperNodeJson => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const paragraph = (...content: PaperNodeJson[]): PaperNodeJson => ({ type: 'paragraph', content });

export interface DraftWords {
  title: string;
  /** The line under the title: how many positions, from how many organizations. */
  intro: string;
  areaName(area: string): string;
  /** Said under an organization whose paper has no paragraph of text. */
  noText: string;
}

export function compileFirstDraft(positions: Position[], roundAreas: string[], words: DraftWords): PaperNodeJson {
  const content: PaperNodeJson[] = [heading(1, words.title), paragraph(text(words.intro))];
  for (const { area, positions: inArea } of byArea(positions, roundAreas)) {
    content.push(heading(2, words.areaName(area)));
    const items = inArea.map((p): PaperNodeJson => {
      const quoted = p.passages.slice(0, paragraphsPerPosition);
      const inline: PaperNodeJson[] = [text(`${p.organizationName}: `, true)];
      if (quoted.length === 0) inline.push(text(words.noText));
      quoted.forEach((passage, i) => {
        if (i > 0) inline.push(text(' '));
        inline.push(text(`“${openingOf(passage.text)}” `), { type: 'citation', attrs: citationAttrs(p, passage.paragraph) });
      });
      return { type: 'listItem', content: [paragraph(...inline)] };
    });
    content.push({ type: 'bulletList', content: items });
  }
  return { type: 'doc', content };
}

export interface TableWords {
  organization: string;
  sessions: string;
  interventions: string;
  position: string;
  submitted: string;
  notSubmitted: string;
}

/** A table of who took part, generated from the record: one row per invited organization. */
export function participationTable(rows: ParticipationRow[], words: TableWords): PaperNodeJson {
  const cell = (type: 'tableHeader' | 'tableCell', value: string): PaperNodeJson => ({ type, content: [paragraph(...(value ? [text(value)] : []))] });
  const header: PaperNodeJson = { type: 'tableRow', content: [words.organization, words.sessions, words.interventions, words.position].map((w) => cell('tableHeader', w)) };
  const body = [...rows]
    .sort((a, b) => a.organization.name.localeCompare(b.organization.name))
    .map((r): PaperNodeJson => ({
      type: 'tableRow',
      content: [
        cell('tableCell', r.organization.name),
        cell('tableCell', String(shown(r, 'sessionsAttended'))),
        cell('tableCell', String(shown(r, 'interventions'))),
        cell('tableCell', shown(r, 'versions') > 0 ? words.submitted : words.notSubmitted),
      ],
    }));
  return { type: 'table', content: [header, ...body] };
}

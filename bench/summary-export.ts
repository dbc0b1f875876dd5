/**
 * `npx tsx bench/summary-export.ts`: exporting the secretariat's summary of a large round, about
 * 50 pages (25,000 words under headings per thematic area, with quotes) citing 300 paragraphs.
 * The editor's JSON goes through the model into DOCX (the target: at most 3 s), PDF and
 * HTML; one warm-up, then 5 timed runs of each, interleaved DOCX PDF HTML over 3 rounds. No
 * database: the exports are pure functions.
 * Results in bench/results/summary-export.json.
 */
import { summaryToDocx } from '../domain/summary/export/docx.ts';
import { toSummaryExport } from '../domain/summary/export/from-json.ts';
import { summaryToHtml } from '../domain/summary/export/html.ts';
import type { SummaryExport } from '../domain/summary/export/model.ts';
import { summaryToPdf } from '../domain/summary/export/pdf.ts';
import { interleaved, report, spread, stats } from './support.ts';

const targetWords = 25_000;
const citationCount = 300;
const runs = 5;

// A fixed seed: every run of the benchmark exports the same document.
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;

const vocabulary =
  'migrants partners protection return reintegration labour mobility displacement climate border screening shelter survivors trafficking identification referral community states regular pathways access services health children detention alternatives data consultation recommendation evidence capacity funding local national regional civil society'.split(' ');
const organizations = ['Ла Страда Україна', 'Caritas Österreich', 'Asociación Rumiñahui', 'Comité d’Entraide Français', 'Norwegian Refugee Council', 'Fundación Scalabrini', 'Terre d’Asile Tunisie', 'Migrant Forum in Asia'];
const areas = ['Counter-trafficking', 'Labour mobility', 'Climate and displacement', 'Return and reintegration', 'Migrant health', 'Children on the move', 'Border governance', 'Data and evidence', 'Local integration', 'Regular pathways'];

const text = (value: string, marks?: string[]) => ({ type: 'text', text: value, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
function sentence(words: number) {
  const list = Array.from({ length: words }, () => pick(vocabulary));
  return `${list.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

let words = 0;
let citations = 0;
const content: unknown[] = [];
const citation = () => {
  citations += 1;
  const organizationName = pick(organizations);
  return { type: 'citation', attrs: { organizationId: organizationName, organizationName, versionId: `v${citations % 40}`, versionNumber: 1, paragraph: 1 + (citations % 12) } };
};
const paragraphWords = 110;
const paragraphsNeeded = Math.ceil(targetWords / paragraphWords);
const citeEvery = paragraphsNeeded / citationCount;
let paragraphs = 0;
const paragraph = () => {
  const runs: unknown[] = [];
  for (let s = 0; s < 6; s++) {
    const n = Math.round(paragraphWords / 6);
    runs.push(s === 1 ? text(sentence(n), ['bold']) : text(`${sentence(n)} `));
    words += n;
  }
  paragraphs += 1;
  // Citations spread evenly: 300 of them over the whole summary.
  while (citations < Math.floor(paragraphs / citeEvery) && citations < citationCount) runs.push(citation());
  return { type: 'paragraph', content: runs };
};
for (const [a, area] of areas.entries()) {
  content.push({ type: 'heading', attrs: { level: 1 }, content: [text(`${a + 1}. ${area}`)] });
  for (let section = 0; section < 3; section++) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [text(`${area}: ${pick(vocabulary)} and ${pick(vocabulary)}`)] });
    const share = Math.ceil(paragraphsNeeded / areas.length / 3);
    for (let p = 0; p < share && words < targetWords; p++) {
      content.push(paragraph());
      if (p % 6 === 3) content.push({ type: 'blockquote', content: [paragraph()] });
    }
  }
}

const passage = sentence(60);
const started = performance.now();
const summary: SummaryExport = toSummaryExport(
  { type: 'doc', content },
  {
    title: 'Summary of the consultation round on the International Dialogue on Migration 2026',
    subtitle: 'Published on 28 November 2026 (version 1)',
    language: 'en',
    sourcesHeading: 'Sources',
    source: (versionId, n) => ({ reference: `${versionId}, position paper, version 1 (submitted 1 October 2026), paragraph ${n}`, passage: n % 5 === 0 ? null : passage }),
  },
);
const modelMs = Math.round((performance.now() - started) * 10) / 10;

async function time(exporter: () => unknown) {
  let bytes = 0;
  const measure = async () => {
    const begun = performance.now();
    const out = await exporter();
    const ms = performance.now() - begun;
    bytes = typeof out === 'string' ? Buffer.byteLength(out) : (out as Uint8Array).byteLength;
    return ms;
  };
  await measure();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await measure());
  const { p50, max } = stats(times);
  return { median: p50, max, kilobytes: Math.round(bytes / 1024) };
}

const measured = await interleaved({
  docx: () => time(() => summaryToDocx(summary)),
  pdf: () => time(() => summaryToPdf(summary)),
  html: () => time(() => summaryToHtml(summary)),
});
const figure = (name: string) => ({ rounds: measured[name], median: spread(measured[name]!.map((r) => r.median)), max: spread(measured[name]!.map((r) => r.max)), kilobytes: measured[name]![0]!.kilobytes });
const docx = figure('docx');
const pageCount = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;
// The body alone is the 50 pages; the list of sources with its passages comes on top.
const pdfPages = { total: pageCount(await summaryToPdf(summary)), body: pageCount(await summaryToPdf({ ...summary, footnotes: [] })) };
const pdf = figure('pdf');
const html = figure('html');

report('summary-export', {
  words,
  citations: summary.footnotes.length,
  blocks: summary.blocks.length,
  pdfPages,
  runs,
  modelMs,
  docx: { ...docx, targetMs: 3000, withinTarget: docx.max.max <= 3000 },
  pdf,
  html,
});

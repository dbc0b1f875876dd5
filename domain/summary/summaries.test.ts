/**
 * The summary on a real database: positions cut into paragraphs, the synthesis by area, the
 * first draft and its citations, coverage, who may open the shared document, what a reader sees
 * of a cited passage, and publication (once, by the secretariat, with notifications).
 */
import { translate } from '../../locales/index.ts';
import { DraftLeftovers } from './summaries.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { consultationRounds, notifications, paperVersions, positionPapers } from '../../db/schema.ts';
import { appendUpdate } from '../collaboration/document-store.ts';
import { accessTo, documentResource } from '../collaboration/documents.ts';
import { paperExtensions } from '../papers/editor-schema.ts';
import type { PaperNodeJson } from '../papers/sanitize.ts';
import { createRound } from '../rounds.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { compileFirstDraft, participationTable } from './first-draft.ts';
import { participationRecord } from '../participation/record.ts';
import { openingOf, passagesOf } from './passages.ts';
import { byArea, citationSources, citationsIn, coverage, currentSummary, publishedSummary, publishSummary, submittedPositions, summaryDocumentName } from './summaries.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
const people: Record<string, Awaited<ReturnType<typeof makeUser>>> = {};
let roundId: string;

const p = (text: string): PaperNodeJson => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const h = (text: string): PaperNodeJson => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
const doc = (...content: PaperNodeJson[]): PaperNodeJson => ({ type: 'doc', content });

const stradaPaper = doc(h('Prevention'), p('Hotlines reached young women before they left. They should become permanent.'), p(''), h('Return'), p('IOM should share its return statistics with partner NGOs.'));
const caritasPaper = doc(p('Return counselling must be voluntary and informed.'));

async function submit(organizationId: string, content: PaperNodeJson, number = 1) {
  const [paper] = await handle.db.select().from(positionPapers).where(and(eq(positionPapers.roundId, roundId), eq(positionPapers.organizationId, organizationId)));
  const paperId = paper?.id ?? (await handle.db.insert(positionPapers).values({ roundId, organizationId }).returning())[0]!.id;
  const [version] = await handle.db.insert(paperVersions).values({ paperId, number, content, html: '', text: '', wordCount: 0, digest: String(number) }).returning();
  return version!;
}

/** Writes a document into the summary's shared document, as an editor would. */
async function writeSummary(content: PaperNodeJson) {
  const ydoc = prosemirrorJSONToYDoc(getSchema(paperExtensions), content, 'default');
  await appendUpdate(handle.db, summaryDocumentName(roundId), Y.encodeStateAsUpdate(ydoc));
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const strada = await makeOrganization(handle.db, { name: 'La Strada Ukraine', areas: ['counter-trafficking', 'migrants-rights'] });
  const caritas = await makeOrganization(handle.db, { name: 'Caritas Österreich', areas: ['assisted-voluntary-return'] });
  const quiet = await makeOrganization(handle.db, { name: 'Quiet NGO', areas: ['research'] });
  people.olena = await makeUser(handle.db, { organizationId: strada.id, isRepresentative: true });
  people.taras = await makeUser(handle.db, { organizationId: strada.id });
  people.katharina = await makeUser(handle.db, { organizationId: caritas.id, isRepresentative: true });
  people.quiet = await makeUser(handle.db, { organizationId: quiet.id });
  people.secretariat = await makeUser(handle.db, { role: 'secretariat' });
  people.facilitator = await makeUser(handle.db, { role: 'facilitator' });
  // Positions are never shown to other participants in this round: citations stay plain references for them.
  roundId = (await createRound(handle.db, { title: 'Counter-trafficking', framing: '', areas: ['counter-trafficking', 'assisted-voluntary-return'], phase: 'synthesis', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'never', invitedOrganizationIds: [strada.id, caritas.id, quiet.id] }, people.facilitator.id)).id;
  await submit(strada.id, doc(p('An earlier version.')), 1);
  await submit(strada.id, stradaPaper, 2);
  await submit(caritas.id, caritasPaper, 1);
});

afterAll(() => handle.dispose());

describe('positions cut into paragraphs', () => {
  it('numbers the non-empty paragraphs from 1, each under its heading', () => {
    expect(passagesOf(stradaPaper)).toEqual([
      { paragraph: 1, theme: 'Prevention', text: 'Hotlines reached young women before they left. They should become permanent.' },
      { paragraph: 2, theme: 'Return', text: 'IOM should share its return statistics with partner NGOs.' },
    ]);
    expect(passagesOf({ type: 'doc', content: 'not a list' })).toEqual([]);
  });

  it('opens with the first sentence, cut at a word when long', () => {
    expect(openingOf('Hotlines reached young women. They should stay.')).toBe('Hotlines reached young women.');
    expect(openingOf(`${'word '.repeat(100)}end.`, 40)).toMatch(/^(word ){6,}…$|^word( word)+…$/);
  });
});

describe('the synthesis panel and the first draft', () => {
  it('lists the latest version of each submitted paper, by the round’s areas', async () => {
    const positions = await submittedPositions(handle.db, roundId);
    expect(positions.map((x) => [x.organizationName, x.versionNumber])).toEqual([['Caritas Österreich', 1], ['La Strada Ukraine', 2]]);
    expect(byArea(positions, ['counter-trafficking', 'assisted-voluntary-return']).map((g) => [g.area, g.positions.map((x) => x.organizationName)])).toEqual([
      ['counter-trafficking', ['La Strada Ukraine']],
      ['assisted-voluntary-return', ['Caritas Österreich']],
    ]);
  });

  it('writes a section per area, each organization with the opening of its paragraphs and a citation to each', async () => {
    const positions = await submittedPositions(handle.db, roundId);
    const draft = compileFirstDraft(positions, ['counter-trafficking', 'assisted-voluntary-return'], { title: 'Summary', intro: 'Outline', areaName: (a) => `Area ${a}`, noText: '—' });
    const headings = draft.content!.filter((n) => n.type === 'heading').map((n) => n.content![0]!.text);
    expect(headings).toEqual(['Summary', 'Area counter-trafficking', 'Area assisted-voluntary-return']);
    const strada = positions.find((x) => x.organizationName === 'La Strada Ukraine')!;
    expect(citationsIn(draft)).toEqual([
      { organizationId: strada.organizationId, organizationName: 'La Strada Ukraine', versionId: strada.versionId, versionNumber: 2, paragraph: 1 },
      { organizationId: strada.organizationId, organizationName: 'La Strada Ukraine', versionId: strada.versionId, versionNumber: 2, paragraph: 2 },
      expect.objectContaining({ organizationName: 'Caritas Österreich', paragraph: 1 }),
    ]);
    expect(JSON.stringify(draft)).toContain('“Hotlines reached young women before they left.”');
    expect(JSON.stringify(draft)).not.toContain('They should become permanent');
  });

  it('shows which positions are cited and which not yet', async () => {
    const positions = await submittedPositions(handle.db, roundId);
    const strada = positions.find((x) => x.organizationName === 'La Strada Ukraine')!;
    expect(coverage(positions, []).notCited.map((x) => x.organizationName)).toEqual(['Caritas Österreich', 'La Strada Ukraine']);
    const some = coverage(positions, citationsIn(doc({ type: 'paragraph', content: [{ type: 'citation', attrs: { organizationId: strada.organizationId, versionId: strada.versionId, paragraph: 2 } }] })));
    expect(some.cited.map((x) => [x.organizationName, x.citations])).toEqual([['La Strada Ukraine', 1]]);
    expect(some.notCited.map((x) => x.organizationName)).toEqual(['Caritas Österreich']);
  });
});

describe('the participation table', () => {
  it('has a row per invited organization, from the record', async () => {
    const table = participationTable(await participationRecord(handle.db, { roundId }), { organization: 'Organization', sessions: 'Sessions', interventions: 'Interventions', position: 'Position', submitted: 'Submitted', notSubmitted: 'Not submitted' });
    const cells = table.content!.map((row) => row.content!.map((cell) => cell.content?.[0]?.content?.[0]?.text ?? ''));
    expect(cells).toEqual([
      ['Organization', 'Sessions', 'Interventions', 'Position'],
      ['Caritas Österreich', '0', '0', 'Submitted'],
      ['La Strada Ukraine', '0', '0', 'Submitted'],
      ['Quiet NGO', '0', '0', 'Not submitted'],
    ]);
    expect(table.content![0]!.content![0]!.type).toBe('tableHeader');
  });
});

describe('the shared document of the summary', () => {
  it('is written by the secretariat, read by other IOM staff, closed to observers', async () => {
    const found = (await documentResource(handle.db, summaryDocumentName(roundId)))!;
    expect(accessTo(people.secretariat!, found)).toBe('write');
    expect(accessTo(people.facilitator!, found)).toBe('read');
    expect(accessTo(people.olena!, found)).toBe('none');
    expect(await documentResource(handle.db, 'summary.not-a-uuid')).toBeNull();
  });
});

describe('a cited passage', () => {
  it('is shown to whoever may read the version, and is a plain reference for the others', async () => {
    const positions = await submittedPositions(handle.db, roundId);
    const strada = positions.find((x) => x.organizationName === 'La Strada Ukraine')!;
    const cited = citationsIn(doc({ type: 'paragraph', content: [{ type: 'citation', attrs: { organizationId: strada.organizationId, versionId: strada.versionId, paragraph: 2 } }] }));
    const key = `${strada.versionId}:2`;
    expect((await citationSources(handle.db, people.secretariat!, cited))[key]!.passage).toBe('IOM should share its return statistics with partner NGOs.');
    expect((await citationSources(handle.db, people.taras!, cited))[key]!.passage).toBe('IOM should share its return statistics with partner NGOs.');
    const forKatharina = (await citationSources(handle.db, people.katharina!, cited))[key]!;
    expect(forKatharina.passage).toBeNull();
    expect(forKatharina).toMatchObject({ organizationName: 'La Strada Ukraine', versionNumber: 2, paragraph: 2 });
    // A link to the cited paragraph of the submitted version, for those who may read it only.
    const forSecretariat = (await citationSources(handle.db, people.secretariat!, cited))[key]!;
    expect(forSecretariat.href).toMatch(new RegExp(`^/rounds/${roundId}/papers/[0-9a-f-]{36}/versions/2#paragraph-2$`));
    expect(forKatharina.href).toBeNull();
    expect(forKatharina.submittedAt).toBeInstanceOf(Date);
  });
});

describe('publication', () => {
  it('refuses an empty summary with a message', async () => {
    await expect(publishSummary(handle.db, people.secretariat!, roundId)).rejects.toMatchObject({ fields: { form: 'summary.errors.empty' } });
  });

  it("warns when the text still holds the first draft's placeholder sentences, and publishes only when told to go on", async () => {
    const intro = translate('en', 'summary.draft.intro', { count: 3, organizations: 2 });
    await writeSummary(doc(p(intro)));
    const refused = await publishSummary(handle.db, people.secretariat!, roundId).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DraftLeftovers);
    expect(refused).toMatchObject({ fields: { form: 'summary.errors.placeholders' }, sentences: [intro] });
    expect(await publishedSummary(handle.db, roundId)).toBeNull();
  });

  it('fixes a dated version, moves the round to published and tells every participant; a second time is refused', async () => {
    const positions = await submittedPositions(handle.db, roundId);
    await writeSummary(compileFirstDraft(positions, [], { title: 'Summary of the round', intro: 'Outline', areaName: (a) => a, noText: '—' }));
    // The placeholder sentence of the test above is still in the text: published as it is, when told to.
    const { version, notified } = await publishSummary(handle.db, people.secretariat!, roundId, { despitePlaceholders: true });
    expect(version.number).toBe(1);
    expect(version.html).toContain('<h1>Summary of the round</h1>');
    expect(version.html).toContain('<cite data-version=');
    // No round areas: La Strada is listed under both its own areas.
    expect(citationsIn(version.content)).toHaveLength(5);
    const [round] = await handle.db.select().from(consultationRounds).where(eq(consultationRounds.id, roundId));
    expect(round!.phase).toBe('published');
    expect(new Set(notified)).toEqual(new Set([people.olena!.id, people.taras!.id, people.katharina!.id, people.quiet!.id]));
    const [note] = await handle.db.select().from(notifications).where(and(eq(notifications.userId, people.katharina!.id), eq(notifications.kind, 'summary-published')));
    expect(note).toMatchObject({ link: `/rounds/${roundId}/summary`, payload: { round: 'Counter-trafficking' } });

    // Later edits of the shared document do not change what was published.
    await writeSummary(doc(p('Written after publication.')));
    expect(JSON.stringify(await currentSummary(handle.db, roundId))).toContain('Written after publication.');
    expect(JSON.stringify((await publishedSummary(handle.db, roundId))!.version.content)).not.toContain('Written after publication.');

    await expect(publishSummary(handle.db, people.secretariat!, roundId)).rejects.toMatchObject({ fields: { form: 'summary.errors.alreadyPublished' } });
    const found = (await documentResource(handle.db, summaryDocumentName(roundId)))!;
    expect(accessTo(people.secretariat!, found)).toBe('read');
  });
});

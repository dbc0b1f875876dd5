/**
 * The public record on a real database: made public only after the summary is published; only
 * the positions whose organizations agreed are shown; the figures as published; the revision
 * that the pages' ETag is made of; the open data and the feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { consultationRounds } from '../../db/schema.ts';
import { eq } from 'drizzle-orm';
import { appendUpdate } from '../collaboration/document-store.ts';
import { paperExtensions } from '../papers/editor-schema.ts';
import type { PaperNodeJson } from '../papers/sanitize.ts';
import { startPaper, submitPaper } from '../papers.ts';
import { createRound } from '../rounds.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { publishSummary, summaryDocumentName } from '../summary/summaries.ts';
import { atomFeed } from './atom.ts';
import { participationCsv, participationJson, totalsOf } from './open-data.ts';
import { listPublicRounds, makeRoundPublic, publicPosition, publicRound, publicRoundRevision, SummaryNotPublished } from './public-records.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let roundId: string;
const papers: Record<string, string> = {};
const versionIds: Record<string, string> = {};
let secretariat: Awaited<ReturnType<typeof makeUser>>;

const p = (...content: PaperNodeJson[]): PaperNodeJson => ({ type: 'paragraph', content });
const text = (t: string): PaperNodeJson => ({ type: 'text', text: t });

beforeAll(async () => {
  handle = await openTestDatabase();
  const open = await makeOrganization(handle.db, { name: 'Open NGO' });
  const closed = await makeOrganization(handle.db, { name: 'Discreet NGO' });
  await makeOrganization(handle.db, { name: 'Not invited' });
  secretariat = await makeUser(handle.db, { role: 'secretariat' });
  const round = await createRound(handle.db, { title: 'Return & <reintegration>', framing: '<p>What works?</p>', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'never', invitedOrganizationIds: [open.id, closed.id] }, secretariat.id);
  roundId = round.id;
  for (const [name, org, publish] of [['open', open, true], ['closed', closed, false]] as const) {
    const rep = await makeUser(handle.db, { organizationId: org.id, isRepresentative: true });
    const paper = await startPaper(handle.db, { roundId, organizationId: org.id, userId: rep.id, language: 'en' });
    papers[name] = paper.id;
    const content = { type: 'doc', content: [p(text(`${name} position, first paragraph.`))] };
    versionIds[name] = (await submitPaper(handle.db, { paperId: paper.id, userId: rep.id, content, html: '<p>x</p>', text: 'x', wordCount: 3, wordLimit: null, publishPublicly: publish })).id;
  }
  const summary = { type: 'doc', content: [p(text('Open NGO said so. '), { type: 'citation', attrs: { organizationId: open.id, organizationName: 'Open NGO', versionId: versionIds.open, versionNumber: 1, paragraph: 1 } }, text(' '), { type: 'citation', attrs: { organizationId: closed.id, organizationName: 'Discreet NGO', versionId: versionIds.closed, versionNumber: 1, paragraph: 1 } })] };
  await appendUpdate(handle.db, summaryDocumentName(roundId), Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(getSchema(paperExtensions), summary, 'default')));
});

afterAll(() => handle.dispose());

describe('a public record', () => {
  it('is refused while the summary is not published, and nothing is public meanwhile', async () => {
    await expect(makeRoundPublic(handle.db, secretariat, roundId)).rejects.toBeInstanceOf(SummaryNotPublished);
    expect(await publicRound(handle.db, roundId)).toBeNull();
    expect(await publicRoundRevision(handle.db, roundId)).toBeNull();
    expect(await publicPosition(handle.db, roundId, papers.open!)).toBeNull();
  });

  it('shows the published summary, the positions their organizations agreed to publish, and the figures', async () => {
    await publishSummary(handle.db, secretariat, roundId);
    expect(await makeRoundPublic(handle.db, secretariat, roundId)).toEqual({ first: true });
    const round = (await publicRound(handle.db, roundId))!;
    expect(round.positions.map((p) => p.organizationName)).toEqual(['Open NGO']);
    expect(await publicPosition(handle.db, roundId, papers.closed!)).toBeNull();
    expect((await publicPosition(handle.db, roundId, papers.open!))!.organizationName).toBe('Open NGO');
    // The published position's paragraph is linked; the other is a plain reference.
    expect(round.summary.sources[`${versionIds.open}:1`]).toMatchObject({ organizationName: 'Open NGO', href: `/public/rounds/${roundId}/positions/${papers.open}#paragraph-1` });
    expect(round.summary.sources[`${versionIds.closed}:1`]).toMatchObject({ organizationName: 'Discreet NGO', passage: null, href: null });
    expect(totalsOf(round.participation)).toMatchObject({ invited: 2, submitted: 2 });
    expect(round.participation.rows.map((r) => r.organization)).toEqual(['Discreet NGO', 'Open NGO']);
  });

  it('changes its revision when what the pages show changes, and only then', async () => {
    const before = await publicRoundRevision(handle.db, roundId);
    expect(await publicRoundRevision(handle.db, roundId)).toBe(before);
    await handle.db.update(consultationRounds).set({ title: 'Return', updatedAt: new Date() }).where(eq(consultationRounds.id, roundId));
    const renamed = await publicRoundRevision(handle.db, roundId);
    expect(renamed).not.toBe(before);
    expect(await makeRoundPublic(handle.db, secretariat, roundId)).toEqual({ first: false });
    expect(await publicRoundRevision(handle.db, roundId)).not.toBe(renamed);
  });

  it('gives the figures as CSV and JSON, the same rows', async () => {
    const round = (await publicRound(handle.db, roundId))!;
    const csv = participationCsv(round.participation).split('\r\n');
    expect(csv[0]).toContain('"organization","acronym","countries","level","sessions_attended"');
    expect(csv[2]).toMatch(/^"Open NGO"/);
    const json = JSON.parse(participationJson({ id: roundId, title: round.title, url: 'https://x.test/public' }, round.participation));
    expect(json.organizations).toHaveLength(2);
    expect(json.organizations[1]).toMatchObject({ organization: 'Open NGO', versionsSubmitted: 1 });
  });

  it('lists the public rounds in an Atom feed, every text escaped', async () => {
    await handle.db.update(consultationRounds).set({ title: 'Return & <reintegration>' }).where(eq(consultationRounds.id, roundId));
    const xml = atomFeed(await listPublicRounds(handle.db), 'https://consult.test', { title: 'Feed', subtitle: 'S', roundEntry: (r) => `Round: ${r}`, summaryEntry: (r) => `Summary: ${r}` }, 'en');
    expect(xml).toContain('<title>Round: Return &amp; &lt;reintegration&gt;</title>');
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="https://consult.test/public/rounds/${roundId}"/>`);
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });
});

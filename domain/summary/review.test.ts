/**
 * The review of attributions on a real database: the passages each cited organization is asked
 * about, answers until the deadline (and a clear refusal after it), the secretariat's responses,
 * "reviewed by N of M" fixed at publication, and who did not answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { paperVersions, positionPapers } from '../../db/schema.ts';
import { appendUpdate } from '../collaboration/document-store.ts';
import { paperExtensions } from '../papers/editor-schema.ts';
import type { PaperNodeJson } from '../papers/sanitize.ts';
import { createRound } from '../rounds.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { InvalidInput } from '../errors.ts';
import { answerReview, passagesToReview, respondToReview, ReviewClosed, reviewDeadlineFrom, reviewItems, reviewOutcome, reviewSummary, startReview } from './review.ts';
import { currentSummary, publishedSummary, publishSummary, summaryDocumentName } from './summaries.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
const people: Record<string, Awaited<ReturnType<typeof makeUser>>> = {};
const orgs: Record<string, { id: string; name: string }> = {};
const versions: Record<string, { id: string; number: number }> = {};
let roundId: string;

const p = (...content: PaperNodeJson[]): PaperNodeJson => ({ type: 'paragraph', content });
const text = (t: string): PaperNodeJson => ({ type: 'text', text: t });
const doc = (...content: PaperNodeJson[]): PaperNodeJson => ({ type: 'doc', content });
const cite = (org: string, paragraph: number): PaperNodeJson => ({
  type: 'citation',
  attrs: { organizationId: orgs[org]!.id, organizationName: orgs[org]!.name, versionId: versions[org]!.id, versionNumber: versions[org]!.number, paragraph },
});

beforeAll(async () => {
  handle = await openTestDatabase();
  for (const name of ['Strada', 'Caritas', 'Quiet']) orgs[name] = await makeOrganization(handle.db, { name });
  people.strada = await makeUser(handle.db, { organizationId: orgs.Strada!.id, isRepresentative: true });
  people.caritas = await makeUser(handle.db, { organizationId: orgs.Caritas!.id, isRepresentative: true });
  people.secretariat = await makeUser(handle.db, { role: 'secretariat' });
  roundId = (await createRound(handle.db, { title: 'Return', framing: '', areas: [], phase: 'synthesis', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'never', invitedOrganizationIds: Object.values(orgs).map((o) => o.id) }, people.secretariat.id)).id;
  for (const name of ['Strada', 'Caritas']) {
    const [paper] = await handle.db.insert(positionPapers).values({ roundId, organizationId: orgs[name]!.id }).returning();
    const content = doc(p(text(`${name} says one thing.`)), p(text(`${name} says another.`)));
    const [v] = await handle.db.insert(paperVersions).values({ paperId: paper!.id, number: 1, content, html: '', text: '', wordCount: 5, digest: name }).returning();
    versions[name] = v!;
  }
  const summary = doc(p(text('Both agree on hotlines. '), cite('Strada', 1), text(' '), cite('Caritas', 2)), p(text('Nobody is cited here.')), p(text('Strada alone. '), cite('Strada', 2)));
  const ydoc = prosemirrorJSONToYDoc(getSchema(paperExtensions), summary, 'default');
  await appendUpdate(handle.db, summaryDocumentName(roundId), Y.encodeStateAsUpdate(ydoc));
});

afterAll(() => handle.dispose());

describe('the passages to review', () => {
  it('gives each cited organization every passage citing it, numbered as the summary’s passages', () => {
    const found = passagesToReview(doc(p(text('A '), cite('Strada', 1), cite('Caritas', 2)), p(text('none')), p(text('B '), cite('Strada', 2), cite('Strada', 2))));
    expect(found.map((f) => [f.organizationId, f.passage, f.cites.length])).toEqual([
      [orgs.Strada!.id, 1, 1],
      [orgs.Caritas!.id, 1, 1],
      [orgs.Strada!.id, 3, 1],
    ]);
  });

  it('counts an organization as having reviewed when every passage citing it is answered', () => {
    const outcome = reviewOutcome([
      { organizationId: 'a', organizationName: 'A', answered: true },
      { organizationId: 'a', organizationName: 'A', answered: false },
      { organizationId: 'b', organizationName: 'B', answered: true },
    ]);
    expect(outcome).toEqual({ cited: 2, reviewed: 1, notAnswered: [{ id: 'a', name: 'A' }] });
  });

  it('reads the deadline in the round’s zone, and refuses what is not a date', () => {
    expect(reviewDeadlineFrom('2026-12-10T18:00', 'Europe/Zurich')?.toISOString()).toBe('2026-12-10T17:00:00.000Z');
    expect(reviewDeadlineFrom('soon', 'Europe/Zurich')).toBeNull();
    expect(reviewDeadlineFrom('10000-01-01T00:00', 'Europe/Zurich')).toBeNull();
  });
});

describe('the review loop', () => {
  const now = new Date();
  const deadline = new Date(now.getTime() + 86400_000);

  it('refuses a deadline in the past', async () => {
    await expect(startReview(handle.db, people.secretariat!, roundId, await currentSummary(handle.db, roundId), new Date(now.getTime() - 1000), now)).rejects.toBeInstanceOf(InvalidInput);
  });

  it('puts the summary in review with the passages citing each organization', async () => {
    const { passages } = await startReview(handle.db, people.secretariat!, roundId, await currentSummary(handle.db, roundId), deadline, now);
    expect(passages).toBe(3);
    const strada = await reviewItems(handle.db, roundId, orgs.Strada!.id);
    expect(strada.map((i) => [i.passage, i.cited[0]!.text])).toEqual([
      [1, 'Strada says one thing.'],
      [3, 'Strada says another.'],
    ]);
    expect((await reviewSummary(handle.db, roundId))!.notAnswered.map((o) => o.name)).toEqual(['Caritas', 'Strada']);
  });

  it('takes an agreement and a correction with its reason; a correction without a reason is refused', async () => {
    const [one, three] = await reviewItems(handle.db, roundId, orgs.Strada!.id);
    const [caritas] = await reviewItems(handle.db, roundId, orgs.Caritas!.id);
    await answerReview(handle.db, people.strada!, { answer: 'agree', passageId: one!.id }, now);
    await answerReview(handle.db, people.strada!, { answer: 'agree', passageId: three!.id }, now);
    await answerReview(handle.db, people.caritas!, { answer: 'correction', passageId: caritas!.id, proposedText: 'Caritas asks for counselling first.', reason: 'We said counselling, not hotlines.' }, now);
    const [answered] = await reviewItems(handle.db, roundId, orgs.Caritas!.id);
    expect(answered!.answer).toMatchObject({ kind: 'correction', reason: 'We said counselling, not hotlines.', response: null });
    expect((await reviewSummary(handle.db, roundId))!).toMatchObject({ cited: 2, reviewed: 2, notAnswered: [] });
  });

  it('refuses an answer after the deadline, saying so', async () => {
    const [one] = await reviewItems(handle.db, roundId, orgs.Strada!.id);
    const late = new Date(deadline.getTime() + 1000);
    const refused = await answerReview(handle.db, people.strada!, { answer: 'agree', passageId: one!.id }, late).catch((e) => e);
    expect(refused).toBeInstanceOf(ReviewClosed);
    expect(refused.fields).toEqual({ form: 'review.errors.afterDeadline' });
  });

  it('lets the secretariat accept a correction, after which the answer no longer changes', async () => {
    const [caritas] = await reviewItems(handle.db, roundId, orgs.Caritas!.id);
    await respondToReview(handle.db, people.secretariat!, { response: 'accepted', passageId: caritas!.id }, now);
    await expect(answerReview(handle.db, people.caritas!, { answer: 'agree', passageId: caritas!.id }, now)).rejects.toMatchObject({ fields: { form: 'review.errors.alreadyResponded' } });
    // An agreement has nothing to respond to.
    const [one] = await reviewItems(handle.db, roundId, orgs.Strada!.id);
    await expect(respondToReview(handle.db, people.secretariat!, { response: 'kept', passageId: one!.id, reply: 'x' }, now)).rejects.toMatchObject({ fields: { form: 'review.errors.nothingToRespond' } });
  });

  it('fixes "reviewed by N of M" at publication and keeps the exchange', async () => {
    await publishSummary(handle.db, people.secretariat!, roundId);
    const published = await publishedSummary(handle.db, roundId);
    expect(published!.version).toMatchObject({ reviewedBy: 2, citedOrganizations: 2 });
    const [caritas] = await reviewItems(handle.db, roundId, orgs.Caritas!.id);
    expect(caritas!.answer).toMatchObject({ kind: 'correction', response: 'accepted' });
    const [one] = await reviewItems(handle.db, roundId, orgs.Strada!.id);
    await expect(answerReview(handle.db, people.strada!, { answer: 'agree', passageId: one!.id }, now)).rejects.toMatchObject({ fields: { form: 'review.errors.published' } });
  });
});

/**
 * An answer to the review of attributions after its deadline, over HTTP on the production build:
 * a 400 with the sentence that says why, in the person's language, and nothing stored (the
 * domain test checks the refusal; this one checks what the person is told). Needs `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { paperVersions, positionPapers, summaryReviewAnswers, summaryReviews } from '../../db/schema.ts';
import { appendUpdate } from '../../domain/collaboration/document-store.ts';
import { paperExtensions } from '../../domain/papers/editor-schema.ts';
import type { PaperNodeJson } from '../../domain/papers/sanitize.ts';
import { createRound } from '../../domain/rounds.ts';
import { reviewItems, startReview } from '../../domain/summary/review.ts';
import { currentSummary, summaryDocumentName } from '../../domain/summary/summaries.ts';
import { en } from '../../locales/en.ts';
import { fr } from '../../locales/fr.ts';
import { loadConfig } from '../../server/config.ts';
import { createPlatform, type Platform } from '../../server/platform.ts';
import { makeOrganization, makeUser, testPassword } from '../factories.ts';
import { openTestDatabase } from '../setup/database.ts';

if (!fs.existsSync('build/server/index.js')) {
  throw new Error('The production build is missing: run `npm run build` before these tests (npm test does).');
}

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let base: string;
let roundId: string;
let passageId: string;
let cookie: string;

const p = (...content: PaperNodeJson[]): PaperNodeJson => ({ type: 'paragraph', content });
const text = (t: string): PaperNodeJson => ({ type: 'text', text: t });

beforeAll(async () => {
  handle = await openTestDatabase();
  const strada = await makeOrganization(handle.db, { name: 'Strada (review over HTTP)' });
  const representative = await makeUser(handle.db, { organizationId: strada.id, isRepresentative: true });
  const secretariat = await makeUser(handle.db, { role: 'secretariat' });
  roundId = (await createRound(handle.db, { title: 'Review over HTTP', framing: '', areas: [], phase: 'synthesis', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'never', invitedOrganizationIds: [strada.id] }, secretariat.id)).id;
  const [paper] = await handle.db.insert(positionPapers).values({ roundId, organizationId: strada.id }).returning();
  const [version] = await handle.db
    .insert(paperVersions)
    .values({ paperId: paper!.id, number: 1, content: { type: 'doc', content: [p(text('Hotlines reach people before they leave.'))] }, html: '', text: '', wordCount: 6, digest: 'strada' })
    .returning();
  const citation: PaperNodeJson = { type: 'citation', attrs: { organizationId: strada.id, organizationName: strada.name, versionId: version!.id, versionNumber: 1, paragraph: 1 } };
  const summary = { type: 'doc', content: [p(text('Hotlines are optional. '), citation)] };
  await appendUpdate(handle.db, summaryDocumentName(roundId), Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(getSchema(paperExtensions), summary, 'default')));
  await startReview(handle.db, secretariat, roundId, await currentSummary(handle.db, roundId), new Date(Date.now() + 86400_000));
  passageId = (await reviewItems(handle.db, roundId, strada.id))[0]!.id;
  // The deadline passes (a review cannot be started with one in the past).
  await handle.db.update(summaryReviews).set({ deadline: new Date(Date.now() - 60_000) }).where(eq(summaryReviews.roundId, roundId));

  platform = await createPlatform({ config: loadConfig({ NODE_ENV: 'test' }), web: 'build', database: handle, log: () => {} });
  base = await platform.listen(0, '127.0.0.1');
  const signedIn = await fetch(`${base}/login`, { method: 'POST', headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: representative.email, password: testPassword }), redirect: 'manual' });
  cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
});

afterAll(async () => {
  await platform?.close();
  await handle?.dispose();
});

async function answer(language: string) {
  return fetch(`${base}/rounds/${roundId}/review`, {
    method: 'POST',
    headers: { origin: base, cookie, 'accept-language': language, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ passageId, answer: 'agree' }),
    redirect: 'manual',
  });
}

describe('an answer to the review after its deadline', () => {
  it('is refused with a 400 and the sentence that says why, in the person’s language, and nothing is stored', async () => {
    for (const [language, words] of [['en', en['review.errors.afterDeadline']], ['fr', fr['review.errors.afterDeadline']]] as const) {
      const response = await answer(language);
      expect(response.status, language).toBe(400);
      const page = await (await fetch(`${base}/rounds/${roundId}/review`, { headers: { cookie, 'accept-language': language } })).text();
      // The page no longer offers the form; the refusal itself carries the message key, shown by the form.
      expect(page, language).not.toContain('name="passageId"');
      const body = await response.text();
      expect(body.includes('review.errors.afterDeadline') || body.includes(words), language).toBe(true);
    }
    expect(await handle.db.select().from(summaryReviewAnswers).where(eq(summaryReviewAnswers.passageId, passageId))).toEqual([]);
  });
});

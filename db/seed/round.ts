/**
 * The demo round, on the reference paper's own theme, with papers from the demo organizations:
 * La Strada Ukraine's still in draft, Caritas Österreich's submitted. Added when missing, with
 * the demo accounts (it needs their authors).
 */
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../client.ts';
import { consultationRounds, organizations, users } from '../schema.ts';
import { appendUpdate, compactDocument } from '../../domain/collaboration/document-store.ts';
import { currentPaperContent, paperDocumentName, saveDerivedContent, startPaper, submitPaper } from '../../domain/papers.ts';
import { paperExtensions } from '../../domain/papers/editor-schema.ts';
import { createRound } from '../../domain/rounds.ts';
import { framingHtml } from '../../domain/rounds/framing.ts';
import { defaultRoundTimeZone, instantFromWallTime, wallTimeOf } from '../../domain/time-zones.ts';
import { reply, startThread } from '../../domain/comments/threads.ts';

export const demoRoundTitle = 'Partnerships with NGOs in managing migration';

const framing = `IOM's partnership with non-governmental organizations has grown with the complexity of migratory flows: NGOs implement projects with IOM, advise it, fund it and receive its support.

This consultation asks the invited organizations: where does the partnership work well, where should it change, and what should IOM and its Member States do so that NGOs take a fuller part in managing migration humanely and in an orderly way?

Please address in particular counter-trafficking, assisted voluntary return and mass information campaigns.`;

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (text: string) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });

const stradaDraft = {
  type: 'doc',
  content: [
    heading('Prevention of trafficking in women from Ukraine'),
    paragraph('Our interactive meetings and the phone-in hotline run with IOM reached young women before they left. We propose that the hotline become permanent and that IOM share its return statistics with partner NGOs.'),
    paragraph('To be completed by Taras: the figures of the last campaign.'),
  ],
};

const caritasPaper = {
  type: 'doc',
  content: [
    heading('Assisted voluntary return from Austria'),
    paragraph('Caritas Österreich counsels migrants on return in partnership with IOM. Counselling must stay independent of the decision on residence, and reintegration support must follow the person after arrival.'),
    { type: 'bulletList', content: [
      { type: 'listItem', content: [paragraph('Counselling in the migrant’s language, before any decision.')] },
      { type: 'listItem', content: [paragraph('Reintegration support for at least six months.')] },
    ] },
  ],
};

/** An organization's paper in a round, written as its editor would have stored it. */
export async function writePaper(db: Database, roundId: string, organizationId: string, userId: string, json: object) {
  const paper = await startPaper(db, { roundId, organizationId, userId, language: 'en' });
  const doc = prosemirrorJSONToYDoc(getSchema(paperExtensions), json, 'default');
  await appendUpdate(db, paperDocumentName(paper.id), Y.encodeStateAsUpdate(doc));
  await compactDocument(db, paperDocumentName(paper.id));
  const content = await currentPaperContent(db, paper.id);
  await saveDerivedContent(db, paper.id, { html: content.html, text: content.text, wordCount: content.wordCount });
  return { paper, content };
}

/** Adds the demo round unless it exists; answers its id (null without the demo accounts). */
export async function seedDemoRound(db: Database): Promise<{ id: string | null; added: boolean }> {
  const [existing] = await db.select({ id: consultationRounds.id }).from(consultationRounds).where(eq(consultationRounds.title, demoRoundTitle)).limit(1);
  if (existing) return { id: existing.id, added: false };
  const people = await db.select().from(users).where(inArray(users.email, ['facilitator@example.org', 'observer1@example.org', 'observer3@example.org']));
  const person = (email: string) => people.find((p) => p.email === email);
  const facilitator = person('facilitator@example.org');
  const olena = person('observer1@example.org');
  const katharina = person('observer3@example.org');
  if (!facilitator || !olena?.organizationId || !katharina?.organizationId) return { id: null, added: false };
  const observers = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.hasObserverStatus, true));
  const round = await createRound(
    db,
    {
      title: demoRoundTitle,
      framing: framingHtml(framing),
      areas: ['counter-trafficking', 'assisted-voluntary-return', 'mass-information'],
      phase: 'open',
      phaseDates: {},
      // In 30 days, at 23:59 in Geneva, the round's zone.
      timeZone: defaultRoundTimeZone,
      submissionDeadline: instantFromWallTime(`${wallTimeOf(new Date(Date.now() + 30 * 86400_000), defaultRoundTimeZone).slice(0, 10)}T23:59`, defaultRoundTimeZone),
      wordLimit: 2000,
      positionVisibility: 'after-deadline',
      invitedOrganizationIds: [...new Set([olena.organizationId, katharina.organizationId, ...observers.map((o) => o.id)])],
    },
    facilitator.id,
  );
  await writePaper(db, round.id, olena.organizationId, olena.id, stradaDraft);
  const caritas = await writePaper(db, round.id, katharina.organizationId, katharina.id, caritasPaper);
  await submitPaper(db, { paperId: caritas.paper.id, userId: katharina.id, content: caritas.content.json, html: caritas.content.html, text: caritas.content.text, wordCount: caritas.content.wordCount, wordLimit: 2000, language: caritas.paper.language });
  const topic = await startThread(db, facilitator, {
    scope: 'round',
    roundId: round.id,
    title: 'Which change in the partnership should come first?',
    body: 'The paper lists many ways NGOs and IOM work together. If only one thing could change next year, what should it be, and why?',
  });
  await reply(db, katharina, { threadId: topic.thread.id, replyToId: topic.thread.first.id, body: 'Independent return counselling, in the migrant’s language, before any decision is taken.' });
  return { id: round.id, added: true };
}

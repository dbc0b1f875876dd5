/**
 * Data of their own for the specs that would otherwise depend on what other specs did to the
 * shared demo data: seeded by tests/e2e/server.ts beside the demo data, before the server
 * starts. The summary spec gets a round of its own with one submitted position (the papers spec
 * submits La Strada Ukraine's paper in the demo round, which would change what it counts).
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { consultationRounds, organizations, users } from '../../db/schema.ts';
import { writePaper } from '../../db/seed/round.ts';
import { submitPaper } from '../../domain/papers.ts';
import { createRound } from '../../domain/rounds.ts';
import { hayatRepresentative, jointRoundTitle, publicRoundTitle, suggestionsRoundTitle, reviewRoundTitle, summaryRoundTitle, unpublishedWords } from './fixture-names.ts';
import { hashPassword } from '../../domain/auth/passwords.ts';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { appendUpdate } from '../../domain/collaboration/document-store.ts';
import { paperExtensions } from '../../domain/papers/editor-schema.ts';
import { makeRoundPublic } from '../../domain/public-record/public-records.ts';
import { publishSummary, summaryDocumentName } from '../../domain/summary/summaries.ts';


const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

export async function seedSpecData(db: Database) {
  const people = await db.select().from(users).where(inArray(users.email, ['facilitator@example.org', 'observer1@example.org', 'observer3@example.org']));
  const person = (email: string) => people.find((p) => p.email === email)!;
  const katharina = person('observer3@example.org');
  const round = await createRound(
    db,
    {
      title: summaryRoundTitle,
      framing: '<p>How should reintegration support follow people after their return?</p>',
      areas: ['assisted-voluntary-return'],
      phase: 'open',
      phaseDates: {},
      submissionDeadline: new Date(Date.now() + 30 * 86400_000),
      wordLimit: 2000,
      positionVisibility: 'after-deadline',
      invitedOrganizationIds: [katharina.organizationId!, person('observer1@example.org').organizationId!],
    },
    person('facilitator@example.org').id,
  );
  const written = await writePaper(db, round.id, katharina.organizationId!, katharina.id, {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Reintegration after return to Austria' }] },
      paragraph('Reintegration support must follow the person for at least six months after arrival, whatever the country of return.'),
      paragraph('Local partners in the country of return should receive the case file with the person’s consent.'),
    ],
  });
  const { content } = written;
  await submitPaper(db, { paperId: written.paper.id, userId: katharina.id, content: content.json, html: content.html, text: content.text, wordCount: content.wordCount, wordLimit: 2000 });
  await seedJointRound(db, person('facilitator@example.org').id, person('observer1@example.org'), katharina);
  await seedReviewAndPublicRounds(db);
  await seedSuggestionsRound(db, person('facilitator@example.org').id, person('observer1@example.org'));
  return { roundId: round.id };
}

/**
 * The suggestions spec's round, open for positions, inviting La Strada Ukraine, with its draft
 * written and not submitted (the papers spec submits the demo round's, the comments spec edits it).
 */
async function seedSuggestionsRound(db: Database, facilitatorId: string, olena: typeof users.$inferSelect) {
  const round = await createRound(
    db,
    {
      title: suggestionsRoundTitle,
      framing: '<p>How do hotlines reach people before they leave?</p>',
      areas: ['counter-trafficking'],
      phase: 'open',
      phaseDates: {},
      submissionDeadline: new Date(Date.now() + 30 * 86400_000),
      wordLimit: null,
      positionVisibility: 'after-deadline',
      invitedOrganizationIds: [olena.organizationId!],
    },
    facilitatorId,
  );
  await writePaper(db, round.id, olena.organizationId!, olena.id, {
    type: 'doc',
    content: [paragraph('Since 2019 the phone-in hotline has reached young women before they left.')],
  });
}

/**
 * The joint spec's round, open for positions, inviting La Strada Ukraine, Caritas Österreich and
 * HAYAT (whose representative gets an account), with La Strada's draft written and not submitted.
 */
async function seedJointRound(db: Database, facilitatorId: string, olena: typeof users.$inferSelect, katharina: typeof users.$inferSelect) {
  const [hayat] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, 'HAYAT'));
  await db.insert(users).values({ ...hayatRepresentative, passwordHash: await hashPassword('consult-demo'), role: 'observer', organizationId: hayat!.id, isRepresentative: true });
  const round = await createRound(
    db,
    {
      title: jointRoundTitle,
      framing: '<p>What makes a return safe and dignified?</p>',
      areas: ['assisted-voluntary-return', 'counter-trafficking'],
      phase: 'open',
      phaseDates: {},
      submissionDeadline: new Date(Date.now() + 30 * 86400_000),
      wordLimit: null,
      positionVisibility: 'after-deadline',
      coSignerAccess: 'read-and-comment',
      invitedOrganizationIds: [olena.organizationId!, katharina.organizationId!, hayat!.id],
    },
    facilitatorId,
  );
  await writePaper(db, round.id, olena.organizationId!, olena.id, {
    type: 'doc',
    content: [paragraph('No one should be returned to a place where they were trafficked without protection on arrival.')],
  });
}

/**
 * Two rounds in synthesis citing La Strada Ukraine and Caritas Österreich: one whose summary the
 * review spec puts in review, and one already published and made public (La Strada agreed to
 * publish its position, Caritas did not) for the public spec.
 */
async function seedReviewAndPublicRounds(db: Database) {
  const people = await db.select().from(users).where(inArray(users.email, ['facilitator@example.org', 'secretariat@example.org', 'observer1@example.org', 'observer3@example.org']));
  const person = (email: string) => people.find((p) => p.email === email)!;
  const olena = person('observer1@example.org');
  const katharina = person('observer3@example.org');
  for (const title of [reviewRoundTitle, publicRoundTitle]) {
    const round = await createRound(
      db,
      { title, framing: '<p>Which pathways keep people safe on the move?</p>', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [olena.organizationId!, katharina.organizationId!] },
      person('facilitator@example.org').id,
    );
    const versions: Record<string, { id: string; number: number }> = {};
    for (const [who, words, publish] of [
      [olena, ['Hotlines reached young women before they left.', 'Shelters need funding for a full year.'], true],
      [katharina, ['Return advice must be voluntary and informed.', unpublishedWords], false],
    ] as const) {
      const written = await writePaper(db, round.id, who.organizationId!, who.id, { type: 'doc', content: words.map(paragraph) });
      const { content } = written;
      versions[who.email] = await submitPaper(db, { paperId: written.paper.id, userId: who.id, content: content.json, html: content.html, text: content.text, wordCount: content.wordCount, wordLimit: null, publishPublicly: publish });
    }
    const cite = (who: typeof olena, name: string, paragraphNumber: number) => ({ type: 'citation', attrs: { organizationId: who.organizationId, organizationName: name, versionId: versions[who.email]!.id, versionNumber: 1, paragraph: paragraphNumber } });
    const summary = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Hotlines prevent trafficking before departure. ' }, cite(olena, 'La Strada Ukraine', 1)] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Counselling before return is optional. ' }, cite(katharina, 'Caritas Österreich', 1)] },
      ],
    };
    await appendUpdate(db, summaryDocumentName(round.id), Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(getSchema(paperExtensions), summary, 'default')));
    await db.update(consultationRounds).set({ phase: 'synthesis' }).where(eq(consultationRounds.id, round.id));
    if (title === publicRoundTitle) {
      await publishSummary(db, person('secretariat@example.org'), round.id);
      await makeRoundPublic(db, person('secretariat@example.org'), round.id);
    }
  }
}

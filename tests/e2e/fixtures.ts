/**
 * Data of their own for the specs that would otherwise depend on what other specs did to the
 * shared demo data: seeded by tests/e2e/server.ts beside the demo data, before the server
 * starts. The summary spec gets a round of its own with one submitted position (the papers spec
 * submits La Strada Ukraine's paper in the demo round, which would change what it counts).
 */
import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { writePaper } from '../../db/seed/round.ts';
import { submitPaper } from '../../domain/papers.ts';
import { createRound } from '../../domain/rounds.ts';
import { hayatRepresentative, jointRoundTitle, summaryRoundTitle } from './fixture-names.ts';
import { organizations } from '../../db/schema.ts';
import { hashPassword } from '../../domain/auth/passwords.ts';
import { eq } from 'drizzle-orm';


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
  return { roundId: round.id };
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

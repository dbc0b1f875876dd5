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
import { summaryRoundTitle } from './fixture-names.ts';


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
  return { roundId: round.id };
}

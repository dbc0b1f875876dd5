/**
 * `npm run bench:public`: the figure of the public record (issue 15), on Postgres, against the
 * production server started as `npm start` would (a child process, demo data seeded).
 *
 * A public round with 300 invited organizations, each with a submitted position of ten
 * paragraphs (about 830 words) that it agreed to publish, a published summary citing every one
 * of them, and the participation figures as published. Anonymously (no cookie):
 *  1. the round's public page, 200 sequential requests with no cached copy: p50/p95 (target
 *     p95 ≤ 100 ms);
 *  2. the same page revalidated (If-None-Match with the ETag of the first answer), 200
 *     requests, each a 304: p50/p95 (target p95 ≤ 20 ms).
 * Each measured 3 times, interleaved, with the spread. Needs the production build (built here
 * if missing). Creates a database of its own and drops only it (KEEP_DB=1 keeps it); free port.
 * Results: bench/results/public.json.
 */
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { consultationRounds, organizations, paperVersions, positionPapers, roundOrganizations, summaryVersions, users } from '../db/schema.ts';
import { makeRoundPublic } from '../domain/public-record/public-records.ts';
import { benchDatabase, ensureBuild, interleaved, report, short, spreadOf, startServer, stats } from './support.ts';

const organizationCount = short ? 30 : 300;
const requests = short ? 30 : 200;

ensureBuild();
const database = await benchDatabase('public');
const server = await startServer({ env: { DATABASE_URL: database.url } });
const base = server.base;
const handle = await openDatabase({ databaseUrl: database.url, statementTimeoutMs: 0 });
const { db } = handle;

// ---- 300 organizations, their published positions, a summary citing each -------------------
const [secretariat] = await db.select().from(users).where(eq(users.email, 'secretariat@example.org'));
const [round] = await db
  .insert(consultationRounds)
  .values({ title: 'Benchmark public round', framing: '<p>What should change in labour migration?</p>', phase: 'published', areas: ['labour-migration'], createdById: secretariat!.id })
  .returning();
const orgs = await db
  .insert(organizations)
  .values(Array.from({ length: organizationCount }, (_, i) => ({ name: `Public NGO ${String(i).padStart(3, '0')}`, level: 'national' as const, countries: [['UA', 'AT', 'FR', 'KE', 'PH'][i % 5]!] })))
  .returning({ id: organizations.id, name: organizations.name });
await db.insert(roundOrganizations).values(orgs.map((o) => ({ roundId: round!.id, organizationId: o.id })));
const sentence = 'NGOs working with migrants on the ground see the effects of recruitment fees, of missing information before departure and of the lack of safe channels for return. ';
const paragraphText = (i: number, k: number) => `Paragraph ${k + 1} of organization ${i}. ${sentence.repeat(3)}`;
const papers = await db.insert(positionPapers).values(orgs.map((o) => ({ roundId: round!.id, organizationId: o.id }))).returning({ id: positionPapers.id });
const versions = await db
  .insert(paperVersions)
  .values(
    papers.map((p, i) => {
      const content = { type: 'doc', content: Array.from({ length: 10 }, (_, k) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraphText(i, k) }] })) };
      const text = Array.from({ length: 10 }, (_, k) => paragraphText(i, k)).join('\n\n');
      return { paperId: p.id, number: 1, content, html: '', text, wordCount: text.split(/\s+/).length, digest: String(i), publishPublicly: true };
    }),
  )
  .returning({ id: paperVersions.id });
// A summary of 300 paragraphs, each citing one position's second paragraph.
const summary = {
  type: 'doc',
  content: orgs.map((o, i) => ({
    type: 'paragraph',
    content: [
      { type: 'text', text: `${o.name} asks for fair recruitment and safe channels for return. ` },
      { type: 'citation', attrs: { organizationId: o.id, organizationName: o.name, versionId: versions[i]!.id, versionNumber: 1, paragraph: 2 } },
    ],
  })),
};
const summaryText = orgs.map((o) => `${o.name} asks for fair recruitment and safe channels for return.`).join('\n\n');
await db.insert(summaryVersions).values({ roundId: round!.id, number: 1, content: summary, html: '', text: summaryText, publishedById: secretariat!.id });
await makeRoundPublic(db, secretariat!, round!.id);

// ---- Measure -------------------------------------------------------------------------------
const path = `/public/rounds/${round!.id}`;
const first = await fetch(`${base}${path}`);
const etag = first.headers.get('etag');
const bytes = (await first.text()).length;
if (first.status !== 200 || !etag) throw new Error(`${path}: ${first.status}, ETag ${etag}`);

async function timeRequests(headers: Record<string, string>, expected: number) {
  const times: number[] = [];
  for (let i = 0; i < requests + 5; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip', ...headers } });
    await response.arrayBuffer();
    if (response.status !== expected) throw new Error(`${path}: ${response.status}, expected ${expected}`);
    if (i >= 5) times.push(performance.now() - started); // the first five warm the server up
  }
  return stats(times);
}
const figures = await interleaved({
  anonymous: () => timeRequests({}, 200),
  revalidated: () => timeRequests({ 'if-none-match': etag }, 304),
});
await handle.close();
await server.stop();
if (!process.env.KEEP_DB) await database.drop();
report('public', {
  data: { organizations: organizationCount, publishedPositions: organizationCount, wordsPerPosition: 830, summaryCitations: organizationCount, pageBytes: bytes },
  targets: { anonymousP95: 100, revalidatedP95: 20 },
  figures: Object.fromEntries(Object.entries(figures).map(([name, rs]) => [name, { rounds: rs, spread: spreadOf(rs) }])),
});
process.exit(0);

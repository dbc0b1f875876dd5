/**
 * `npm run bench:record`: the figures of the participation-and-summary issue, on Postgres,
 * against the production server started as `npm start` would (a child process, demo data seeded).
 *
 *  1. The participation page of a round with 300 invited organizations and 20 closed sessions
 *     (12,000 attendance rows, 800 interventions, 300 submitted positions, 3,000 comments):
 *     200 sequential requests as the secretariat, p50/p95. Beside it, in the same run, the
 *     round's own page (what every participant opens) as a reference.
 *  2. "Compile a first draft" from those 300 positions (about 250,000 words): 10 requests of
 *     the summary page's action, the time from the click's request to the outline's JSON.
 *
 * Each measured 3 times, interleaved (participation page, derivation, round page, first draft),
 * with the spread. Needs the production build (built here if missing). Creates a database of
 * its own and drops only it (KEEP_DB=1 keeps it); free port. Results: bench/results/record.json.
 */
import { openDatabase } from '../db/client.ts';
import {
  agendaItems,
  commentThreads,
  comments,
  consultationRounds,
  consultationSessions,
  interventions,
  organizations,
  paperVersions,
  positionPapers,
  roundOrganizations,
  sessionAttendance,
  users,
} from '../db/schema.ts';
import { createSession } from '../domain/auth/sessions.ts';
import { participationRecord } from '../domain/participation/record.ts';
import { storeSessionPresence } from '../domain/participation/presence.ts';
import { areas } from '../domain/vocabulary.ts';
import { benchDatabase, ensureBuild, interleaved, report, short, spreadOf, startServer, stats } from './support.ts';

const organizationCount = short ? 30 : 300;
const sessionCount = short ? 4 : 20;

ensureBuild();
const database = await benchDatabase('record');
const dbUrl = database.url;
const server = await startServer({ env: { DATABASE_URL: dbUrl } });
const base = server.base;
const handle = await openDatabase({ databaseUrl: dbUrl, statementTimeoutMs: 0 });
const { db } = handle;

// ---- 300 organizations, each with a person, invited to one round with 20 sessions ------------
const [secretariat] = (await db.select().from(users)).filter((u) => u.email === 'secretariat@example.org');
const [round] = await db
  .insert(consultationRounds)
  .values({ title: 'Benchmark round', phase: 'synthesis', areas: ['counter-trafficking', 'labour-migration', 'migrants-rights'], createdById: secretariat!.id })
  .returning();
const orgs = await db
  .insert(organizations)
  .values(Array.from({ length: organizationCount }, (_, i) => ({ name: `Bench NGO ${String(i).padStart(3, '0')}`, level: 'national' as const, countries: [['UA', 'AT', 'FR', 'KE', 'PH'][i % 5]!], areas: [areas[i % areas.length]!, areas[(i * 7) % areas.length]!], hasObserverStatus: i % 3 === 0 })))
  .returning({ id: organizations.id });
const people = await db
  .insert(users)
  .values(orgs.map((o, i) => ({ email: `bench-${i}@example.org`, name: `Delegate ${i}`, passwordHash: 'not-used', role: 'observer' as const, organizationId: o.id })))
  .returning({ id: users.id, organizationId: users.organizationId });
await db.insert(roundOrganizations).values(orgs.map((o) => ({ roundId: round!.id, organizationId: o.id })));

const day = new Date('2026-10-01T08:00:00Z').getTime();
const sessions = await db
  .insert(consultationSessions)
  .values(Array.from({ length: sessionCount }, (_, i) => ({ roundId: round!.id, title: `Session ${i + 1}`, startsAt: new Date(day + i * 86400_000), status: 'closed' as const, openedAt: new Date(day + i * 86400_000), closedAt: new Date(day + i * 86400_000 + 3 * 3600_000) })))
  .returning();
for (const s of sessions) {
  const [item] = await db.insert(agendaItems).values({ sessionId: s.id, position: 0, title: 'Item' }).returning();
  const start = s.openedAt!.getTime();
  // Each person joins twice (a break in between): 2 × 300 rows a session.
  await db.insert(sessionAttendance).values(
    people.flatMap((p, i) => [
      { sessionId: s.id, userId: p.id, organizationId: p.organizationId, joinedAt: new Date(start + (i % 30) * 60_000), leftAt: new Date(start + 3600_000) },
      { sessionId: s.id, userId: p.id, organizationId: p.organizationId, joinedAt: new Date(start + 4000_000), leftAt: new Date(start + 3 * 3600_000 - (i % 20) * 60_000) },
    ]),
  );
  await db.insert(interventions).values(
    Array.from({ length: 40 }, (_, k) => {
      const p = people[(k * 7 + sessions.indexOf(s)) % people.length]!;
      return { sessionId: s.id, agendaItemId: item!.id, userId: p.id, organizationId: p.organizationId, kind: (['intervention', 'reply', 'point-of-order'] as const)[k % 3]!, startedAt: new Date(start + k * 240_000), endedAt: new Date(start + k * 240_000 + 180_000), allowedSeconds: 180 };
    }),
  );
}

// The close of each session keeps its presence figures (what closeSession does).
const storePresence = process.env.LIVE_PRESENCE !== '1';
if (storePresence) for (const s of sessions) await storeSessionPresence(db, s.id);

// ---- 300 submitted positions of ten paragraphs (≈ 830 words each) ---------------------------
const sentence = 'NGOs working with migrants on the ground see the effects of recruitment fees, of missing information before departure and of the lack of safe channels for return. ';
const paragraphText = (i: number, k: number) => `Paragraph ${k + 1} of organization ${i}. ${sentence.repeat(3)}`;
const papers = await db.insert(positionPapers).values(orgs.map((o) => ({ roundId: round!.id, organizationId: o.id }))).returning({ id: positionPapers.id });
await db.insert(paperVersions).values(
  papers.map((p, i) => {
    const content = { type: 'doc', content: Array.from({ length: 10 }, (_, k) => (k % 4 === 0 ? [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Theme ${k}` }] }] : []).concat([{ type: 'paragraph', content: [{ type: 'text', text: paragraphText(i, k) }] }] as never)).flat() };
    const text = Array.from({ length: 10 }, (_, k) => paragraphText(i, k)).join('\n\n');
    return { paperId: p.id, number: 1, content, html: '', text, wordCount: text.split(/\s+/).length, digest: String(i), submittedById: people[i]!.id };
  }),
);
const [thread] = await db.insert(commentThreads).values({ scope: 'round', roundId: round!.id, title: 'Discussion' }).returning();
await db.insert(comments).values(Array.from({ length: 3000 }, (_, i) => ({ threadId: thread!.id, authorId: people[i % people.length]!.id, organizationId: people[i % people.length]!.organizationId, body: `Comment ${i}` })));

// ---- Measure -------------------------------------------------------------------------------
const cookie = `idm_session=${(await createSession(db, secretariat!.id, { idleMs: 86400_000, absoluteMs: 86400_000 })).token}`;
async function timeRequests(path: string, count: number, init: RequestInit = {}) {
  const times: number[] = [];
  for (let i = 0; i < count + 5; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { ...init, headers: { cookie, origin: base, ...(init.headers ?? {}) } });
    const body = await response.text();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${body.slice(0, 200)}`);
    if (i >= 5) times.push(performance.now() - started); // the first five warm the server up
  }
  return times;
}

async function deriving() {
  const times: number[] = [];
  for (let i = 0; i < 55; i++) {
    const started = performance.now();
    await participationRecord(db, { roundId: round!.id });
    if (i >= 5) times.push(performance.now() - started);
  }
  return stats(times);
}
const figures = await interleaved({
  participationPage: async () => stats(await timeRequests(`/rounds/${round!.id}/participation`, short ? 30 : 200)),
  // Of which: deriving the record (the queries and their assembly), in this process.
  participationRecordDerivation: deriving,
  referenceRoundPage: async () => stats(await timeRequests(`/rounds/${round!.id}`, short ? 30 : 200)),
  compileFirstDraft: async () =>
    stats(await timeRequests(`/rounds/${round!.id}/summary.data`, short ? 6 : 10, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'intent=first-draft' })),
});
await handle.close();
await server.stop();
if (!process.env.KEEP_DB) await database.drop();
report('record', {
  presence: storePresence ? 'stored at each close' : 'merged from the attendance at each request (LIVE_PRESENCE=1)',
  data: { organizations: organizationCount, sessions: sessionCount, attendanceRows: organizationCount * sessionCount * 2, interventions: sessionCount * 40, positions: organizationCount, comments: 3000 },
  targets: { participationPageP95: 200, compileFirstDraftMaxMs: 2000 },
  figures: Object.fromEntries(Object.entries(figures).map(([name, rs]) => [name, { rounds: rs, spread: spreadOf(rs) }])),
});
process.exit(0);

/**
 * `npm run bench:search`: full-text search over 1,000 papers of 5 submitted versions each (5,000
 * versions, 600 words each: the latest version only is searched), on Postgres, through the page
 * (`GET /search?q=…` on the production server, signed in: the session, the loader, the query,
 * the rendering) as a facilitator (every paper) and as an observer (the visibility condition
 * applies), interleaved over 3 rounds of 200 queries each; beside them, the query alone
 * (`searchPositions` in this process), to show what the page adds. Results in
 * bench/results/search.json.
 */
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { organizations, paperVersions, positionPapers, users, type ConsultationRound } from '../db/schema.ts';
import { createRound } from '../domain/rounds.ts';
import { searchPositions } from '../domain/search.ts';
import type { Actor } from '../domain/permissions.ts';
import { benchDatabase, ensureBuild, interleaved, report, short, signIn, spreadOf, startServer, stats } from './support.ts';

const papersPerRound = short ? 25 : 250;
const versionsPerPaper = 5;
const queries = short ? 20 : 200;

ensureBuild();
const database = await benchDatabase('search');
// The server first: it migrates and seeds the demo accounts on the empty database.
const server = await startServer({ env: { DATABASE_URL: database.url } });
const handle = await openDatabase({ databaseUrl: database.url, statementTimeoutMs: 0 });
const { db } = handle;

const vocabulary = {
  en: 'migration migrants return reintegration trafficking shelter counselling labour health information campaign partnership cooperation programme counter refugees displaced emergency research rights'.split(' '),
  fr: 'migration migrants retour réintégration traite foyer conseil travail santé information campagne partenariat coopération programme réfugiés déplacés urgence recherche droits'.split(' '),
  es: 'migración migrantes retorno reintegración trata albergue asesoramiento trabajo salud información campaña asociación cooperación programa refugiados desplazados emergencia investigación derechos'.split(' '),
} as const;
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const text = (language: keyof typeof vocabulary, words: number) => Array.from({ length: words }, () => pick(vocabulary[language])).join(' ');

const [facilitator] = await db.select().from(users).where(eq(users.email, 'facilitator@example.org'));
const [observer] = await db.select().from(users).where(eq(users.email, 'observer1@example.org'));
const created = await db
  .insert(organizations)
  .values(Array.from({ length: papersPerRound - 1 }, (_, i) => ({ name: `Organization ${i}`, level: 'national' as const, areas: [pick(['counter-trafficking', 'migration-health', 'labour-migration'])] })))
  .returning({ id: organizations.id });
// The observer's own organization is one of them: her searches apply the visibility rule.
const orgs = [{ id: observer!.organizationId! }, ...created];
// Past the deadline, visible after it: an observer sees the positions of the rounds that invite
// her organization (rounds 1 to 3), staff see all four.
const benchRounds: ConsultationRound[] = [];
for (let r = 0; r < 4; r++) {
  benchRounds.push(await createRound(db, { title: `Round ${r}`, framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: new Date(Date.now() - 86400_000), wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: r === 0 ? [] : orgs.map((o) => o.id) }, facilitator!.id));
}
let papers = 0;
let versions: Array<typeof paperVersions.$inferInsert> = [];
for (const round of benchRounds) {
  for (const org of orgs) {
    const language = pick(['en', 'fr', 'es'] as const);
    const [paper] = await db.insert(positionPapers).values({ roundId: round.id, organizationId: org.id, language }).onConflictDoNothing().returning();
    if (!paper) continue;
    papers++;
    for (let number = 1; number <= versionsPerPaper; number++) versions.push({ paperId: paper.id, number, content: {}, html: '', text: text(language, 600), wordCount: 600, digest: `x${number}`, language });
    if (versions.length >= 500) {
      await db.insert(paperVersions).values(versions);
      versions = [];
    }
  }
}
if (versions.length) await db.insert(paperVersions).values(versions);
await db.execute(sql`analyze`);

const cookies = { facilitator: await signIn(server.base, 'facilitator@example.org'), observer: await signIn(server.base, 'observer1@example.org') };
const actors: Record<'facilitator' | 'observer', Actor> = {
  facilitator: { id: facilitator!.id, role: 'facilitator', organizationId: null, isRepresentative: false },
  observer: { id: observer!.id, role: 'observer', organizationId: observer!.organizationId, isRepresentative: observer!.isRepresentative },
};
const query = () => {
  const language = pick(['en', 'fr', 'es'] as const);
  return `${pick(vocabulary[language])} ${pick(vocabulary[language])}`;
};

async function throughPage(who: 'facilitator' | 'observer') {
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const began = performance.now();
    const response = await fetch(`${server.base}/search?q=${encodeURIComponent(query())}`, { headers: { cookie: cookies[who], accept: 'text/html', 'accept-encoding': 'gzip' } });
    await response.text();
    if (response.status !== 200) throw new Error(`search answered ${response.status}`);
    times.push(performance.now() - began);
  }
  return stats(times);
}

async function queryAlone(who: 'facilitator' | 'observer') {
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const began = performance.now();
    await searchPositions(db, actors[who], { q: query() });
    times.push(performance.now() - began);
  }
  return stats(times);
}

// Warm-up, not counted.
await throughPage('facilitator');
const results = await interleaved({
  'page as facilitator': () => throughPage('facilitator'),
  'page as observer': () => throughPage('observer'),
  'query alone as facilitator': () => queryAlone('facilitator'),
  'query alone as observer': () => queryAlone('observer'),
});
await server.stop();
await handle.close();
await database.drop();
report('search', {
  papers,
  versionsPerPaper,
  wordsPerVersion: 600,
  queriesPerRound: queries,
  figures: Object.fromEntries(Object.entries(results).map(([name, rs]) => [name, { rounds: rs, spread: spreadOf(rs) }])),
});
process.exit(0);

/**
 * `npm run bench:search`: search over 1,000 submitted papers on Postgres, as a facilitator (all
 * papers) and as an observer (the visibility condition applies). 200 queries each, from a list
 * of words of the domain in the three languages; results in bench/results/search.json.
 */
import fs from 'node:fs';
import postgres from 'postgres';
import { openDatabase } from '../db/client.ts';
import { organizations, paperVersions, positionPapers, users } from '../db/schema.ts';
import { createRound } from '../domain/rounds.ts';
import { searchPositions } from '../domain/search.ts';
import type { Actor } from '../domain/permissions.ts';
import { withDatabaseName } from '../tests/setup/database-names.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = postgres(withDatabaseName(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_search WITH (FORCE)');
await admin.unsafe('CREATE DATABASE idm_bench_search');
const handle = await openDatabase({ databaseUrl: withDatabaseName(serverUrl, 'idm_bench_search') });
await handle.migrate();
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

const [author] = await db.insert(users).values({ email: 'bench@example.org', name: 'Bench', passwordHash: 'x', role: 'facilitator' }).returning();
const orgs = await db
  .insert(organizations)
  .values(Array.from({ length: 300 }, (_, i) => ({ name: `Organization ${i}`, level: 'national' as const, areas: [pick(['counter-trafficking', 'migration-health', 'labour-migration'])] })))
  .returning({ id: organizations.id });
const rounds = [];
for (let r = 0; r < 4; r++) {
  rounds.push(await createRound(db, { title: `Round ${r}`, framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: new Date(Date.now() - 86400_000), wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: orgs.map((o) => o.id) }, author!.id));
}
let papers = 0;
for (const round of rounds) {
  for (const org of orgs.slice(0, 250)) {
    const language = pick(['en', 'fr', 'es'] as const);
    const [paper] = await db.insert(positionPapers).values({ roundId: round.id, organizationId: org.id, language }).returning();
    const body = text(language, 600);
    await db.insert(paperVersions).values({ paperId: paper!.id, number: 1, content: {}, html: '', text: body, wordCount: 600, digest: 'x', language });
    papers++;
  }
}

async function measure(actor: Actor) {
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const language = pick(['en', 'fr', 'es'] as const);
    const q = `${pick(vocabulary[language])} ${pick(vocabulary[language])}`;
    const started = performance.now();
    await searchPositions(db, actor, { q });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.floor(p * times.length)]! * 10) / 10;
  return { median: at(0.5), p95: at(0.95), max: at(0.999) };
}

const results = {
  at: new Date().toISOString(),
  papers,
  wordsPerPaper: 600,
  facilitator: await measure({ id: author!.id, role: 'facilitator', organizationId: null, isRepresentative: false }),
  observer: await measure({ id: 'o', role: 'observer', organizationId: orgs[0]!.id, isRepresentative: false }),
};
await handle.close();
await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_search WITH (FORCE)');
await admin.end();
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/search.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));

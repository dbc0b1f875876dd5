/**
 * `npm run bench:comments`: the figures of the comments issue, on Postgres, against the
 * production server started as `npm start` would (a child process, demo data seeded).
 *
 *  1. A round whose discussion holds 5,000 comments (1,000 topics of 5) and a paper with 500
 *     inline threads: 200 sequential requests of the discussion page and of the paper page as
 *     a member, and 200 `comments:watch` of that paper's threads (what the page asks next),
 *     p50/p95.
 *  2. A posted comment reaching 200 connected viewers of the discussion: 100 replies posted by
 *     20 people (the limit is 10 a minute each), the time from the post to each viewer's
 *     `comments:changed`, p50/p99. Beside it, in the same run, a bare socket.io server
 *     broadcasting the same payload to 200 clients.
 *
 * Needs the production build (built here if missing). Creates and drops `idm_bench_comments`.
 * Results: printed and written to bench/results/comments.json.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { io as connect, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { openDatabase } from '../db/client.ts';
import { comments, commentThreads, consultationRounds, positionPapers, users } from '../db/schema.ts';
import { createSession } from '../domain/auth/sessions.ts';
import { withDatabaseName } from '../tests/setup/database-names.ts';
import { stats, stop, waitFor } from './support.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = withDatabaseName(serverUrl, 'idm_bench_comments');
const viewers = 200;
const posts = 100;

if (!fs.existsSync('build/server/index.js')) execSync('npm run build --silent', { stdio: 'inherit' });
const admin = postgres(withDatabaseName(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_comments WITH (FORCE)');
await admin.unsafe('CREATE DATABASE idm_bench_comments');

function start(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', APP_ORIGIN: `http://127.0.0.1:${env.PORT ?? 3000}`, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

// ---- The platform, with demo data, then 5,000 comments and 500 inline threads --------------
const port = 4710;
const base = `http://127.0.0.1:${port}`;
const server = start('server/index.ts', { DATABASE_URL: dbUrl, DEMO_SEED: '1', PORT: String(port), APP_ORIGIN: base });
await waitFor(`${base}/healthz`);
const handle = await openDatabase({ databaseUrl: dbUrl });
const { db } = handle;
const [round] = await db.select().from(consultationRounds).limit(1);
const people = await db.select().from(users);
const person = (email: string) => people.find((p) => p.email === email)!;
const olena = person('observer1@example.org');
const [paper] = await db.select().from(positionPapers).where(eq(positionPapers.organizationId, olena.organizationId!));
const authors = people.filter((p) => p.role !== 'admin');

const topics = await db
  .insert(commentThreads)
  .values(Array.from({ length: 1000 }, (_, i) => ({ scope: 'round' as const, roundId: round!.id, title: `Question ${i} on the partnership`, createdById: authors[i % authors.length]!.id })))
  .returning({ id: commentThreads.id });
for (let i = 0; i < topics.length; i += 200) {
  await db.insert(comments).values(
    topics.slice(i, i + 200).flatMap((t, j) =>
      Array.from({ length: 5 }, (_, k) => ({ threadId: t.id, authorId: authors[(i + j + k) % authors.length]!.id, body: `Comment ${k} on this question: the partnership should fund NGOs over several years and share return statistics. @[Olena Kovalenko]` })),
    ),
  );
}
const position = () => {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, 'passage');
  return Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 3)));
};
const inline = await db
  .insert(commentThreads)
  .values(Array.from({ length: 500 }, (_, i) => ({ scope: 'draft' as const, roundId: round!.id, paperId: paper!.id, quote: `passage ${i}`, anchorStart: position(), anchorEnd: position(), createdById: olena.id })))
  .returning({ id: commentThreads.id });
await db.insert(comments).values(inline.map((t) => ({ threadId: t.id, authorId: olena.id, body: 'An inline remark on this passage of the draft.' })));

const cookieOf = async (userId: string) => `idm_session=${(await createSession(db, userId, { idleMs: 7 * 86400_000, absoluteMs: 30 * 86400_000 })).token}`;
const olenaCookie = await cookieOf(olena.id);

// ---- 1. Pages ------------------------------------------------------------------------------
async function timePage(path: string, cookie: string) {
  const times: number[] = [];
  for (let i = 0; i < 220; i++) {
    const began = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    if (i >= 20) times.push(performance.now() - began); // the first 20 warm up
  }
  return stats(times);
}

function openSocket(url: string, cookie?: string): Promise<Socket> {
  const socket = connect(url, { path: '/socket.io/', transports: ['websocket'], reconnection: false, extraHeaders: { ...(cookie ? { cookie } : {}), origin: url } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const discussionPage = await timePage(`/rounds/${round!.id}/discussion`, olenaCookie);
const paperPage = await timePage(`/rounds/${round!.id}/papers/${paper!.id}`, olenaCookie);
const member = await openSocket(base, olenaCookie);
const watchTimes: number[] = [];
for (let i = 0; i < 220; i++) {
  const began = performance.now();
  const ack = await member.emitWithAck('comments:watch', { scope: 'draft', paperId: paper!.id });
  if (!ack.ok || ack.threads.length !== 500) throw new Error(`watch: ${JSON.stringify(ack).slice(0, 200)}`);
  if (i >= 20) watchTimes.push(performance.now() - began);
}
member.close();

// ---- 2. Live delivery to 200 viewers -------------------------------------------------------
async function delivery(url: string, viewerCookie: string | undefined, prepare: (s: Socket) => Promise<unknown>, post: (i: number) => Promise<unknown>) {
  const sockets: Socket[] = [];
  for (let i = 0; i < viewers; i++) {
    const s = await openSocket(url, viewerCookie);
    await prepare(s);
    sockets.push(s);
  }
  const times: number[] = [];
  for (let i = 0; i < posts; i++) {
    const arrived = sockets.map((s) => new Promise<number>((resolve) => s.once('comments:changed', () => resolve(performance.now()))));
    const began = performance.now();
    await post(i);
    for (const at of await Promise.all(arrived)) times.push(at - began);
  }
  sockets.forEach((s) => s.close());
  return stats(times);
}

const posters = await Promise.all(authors.slice(0, 4).map((a) => cookieOf(a.id)));
// 20 posting sessions from the 4 non-admin demo people would share their limit: make 20 people.
const extra = await db
  .insert(users)
  .values(Array.from({ length: 20 }, (_, i) => ({ email: `poster${i}@example.org`, name: `Poster ${i}`, passwordHash: 'x', role: 'facilitator' as const })))
  .returning();
const posterSockets = await Promise.all(extra.map(async (u) => openSocket(base, await cookieOf(u.id))));
void posters;
const topic = topics[0]!.id;
const [firstComment] = await db.select({ id: comments.id }).from(comments).where(eq(comments.threadId, topic)).limit(1);
const platformDelivery = await delivery(
  base,
  olenaCookie,
  (s) => s.emitWithAck('comments:watch', { scope: 'round', roundId: round!.id }),
  async (i) => {
    const ack = await posterSockets[i % posterSockets.length]!.emitWithAck('comment:reply', { threadId: topic, replyToId: firstComment!.id, body: `Reply ${i}: the hotline should become permanent, with IOM's return statistics shared.` });
    if (!ack.ok) throw new Error(`post ${i}: ${JSON.stringify(ack)}`);
  },
);
posterSockets.forEach((s) => s.close());

// The same payload, broadcast by a bare socket.io server to 200 clients.
const payload = JSON.stringify({ place: { scope: 'round', roundId: round!.id }, thread: (await (await openSocket(base, olenaCookie)).emitWithAck('thread:get', { threadId: topic })).thread });
const barePort = 4720;
const bare = start('bench/bare-socketio.ts', { PORT: String(barePort) });
await waitFor(`http://127.0.0.1:${barePort}/`);
const barePoster = await openSocket(`http://127.0.0.1:${barePort}`);
const bareDelivery = await delivery(
  `http://127.0.0.1:${barePort}`,
  undefined,
  (s) => s.emitWithAck('join', 'room'),
  () => barePoster.emitWithAck('post', JSON.parse(payload)),
);
barePoster.close();

const results = {
  at: new Date().toISOString(),
  data: { discussionComments: 5000, discussionTopics: 1000, inlineThreads: 500 },
  discussionPage,
  paperPage,
  paperThreadsWatch: stats(watchTimes),
  delivery: { viewers, posts, platform: platformDelivery, bareSocketIo: bareDelivery },
};
await stop(bare);
await stop(server);
await handle.close();
await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_comments WITH (FORCE)');
await admin.end();
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/comments.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
process.exit(0);

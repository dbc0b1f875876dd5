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
 *     `comments:changed`. Beside it, a bare socket.io server broadcasting the same payload to
 *     200 clients; the two interleaved over 3 rounds (fresh posters each round, so that the
 *     per-person limit never applies), with the spread and the ratios p50/p95/p99.
 *
 * Needs the production build (built here if missing). Creates a database of its own and drops
 * only it; free ports. Results: printed and written to bench/results/comments.json.
 */
import { eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { openDatabase } from '../db/client.ts';
import { comments, commentThreads, consultationRounds, positionPapers, users } from '../db/schema.ts';
import { createSession } from '../domain/auth/sessions.ts';
import { benchDatabase, ensureBuild, interleaved, ratios, report, rounds, short, spreadOf, startServer, stats } from './support.ts';

const viewers = short ? 20 : 200;
const posts = short ? 10 : 100;
const requests = short ? 30 : 220;

ensureBuild();
const database = await benchDatabase('comments');
const dbUrl = database.url;

// ---- The platform, with demo data, then 5,000 comments and 500 inline threads --------------
const server = await startServer({ env: { DATABASE_URL: dbUrl } });
const base = server.base;
const handle = await openDatabase({ databaseUrl: dbUrl, statementTimeoutMs: 0 });
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
// The viewers are people of their own (one holds at most 20 sockets open): members of La Strada Ukraine.
const viewerPeople = await db
  .insert(users)
  .values(Array.from({ length: viewers }, (_, i) => ({ email: `viewer${i}@example.org`, name: `Viewer ${i}`, passwordHash: 'x', role: 'observer' as const, organizationId: olena.organizationId })))
  .returning();
const viewerCookies = await Promise.all(viewerPeople.map((v) => cookieOf(v.id)));

// ---- 1. Pages ------------------------------------------------------------------------------
async function timePage(path: string, cookie: string) {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
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

const member = await openSocket(base, olenaCookie);
async function timeWatch() {
  const watchTimes: number[] = [];
  for (let i = 0; i < requests; i++) {
    const began = performance.now();
    const ack = await member.emitWithAck('comments:watch', { scope: 'draft', paperId: paper!.id });
    if (!ack.ok || ack.threads.length !== 500) throw new Error(`watch: ${JSON.stringify(ack).slice(0, 200)}`);
    if (i >= 20) watchTimes.push(performance.now() - began);
  }
  return stats(watchTimes);
}
const pages = await interleaved({
  discussionPage: () => timePage(`/rounds/${round!.id}/discussion`, olenaCookie),
  paperPage: () => timePage(`/rounds/${round!.id}/papers/${paper!.id}`, olenaCookie),
  paperThreadsWatch: timeWatch,
});
member.close();

// ---- 2. Live delivery to 200 viewers -------------------------------------------------------
async function delivery(url: string, viewerCookie: ((i: number) => string) | undefined, prepare: (s: Socket) => Promise<unknown>, post: (i: number) => Promise<unknown>) {
  const sockets: Socket[] = [];
  for (let i = 0; i < viewers; i++) {
    const s = await openSocket(url, viewerCookie?.(i));
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
  return { ...stats(times), times };
}

// Fresh posters each round: 20 people posting 5 replies each stay under the limit of 10 a minute.
const extra = await db
  .insert(users)
  .values(Array.from({ length: 20 * rounds }, (_, i) => ({ email: `poster${i}@example.org`, name: `Poster ${i}`, passwordHash: 'x', role: 'facilitator' as const })))
  .returning();
const topic = topics[0]!.id;
const [firstComment] = await db.select({ id: comments.id }).from(comments).where(eq(comments.threadId, topic)).limit(1);
const payload = JSON.stringify({ place: { scope: 'round', roundId: round!.id }, thread: (await (await openSocket(base, olenaCookie)).emitWithAck('thread:get', { threadId: topic })).thread });
const bare = await startServer({ script: 'bench/bare-socketio.ts', env: {}, memory: false });
const barePoster = await openSocket(bare.base);
let round_ = 0;
const deliveries = await interleaved({
  platform: async () => {
    const posterSockets = await Promise.all(extra.slice(20 * round_, 20 * ++round_).map(async (u) => openSocket(base, await cookieOf(u.id))));
    const result = await delivery(
      base,
      (i) => viewerCookies[i]!,
      (s) => s.emitWithAck('comments:watch', { scope: 'round', roundId: round!.id }),
      async (i) => {
        const ack = await posterSockets[i % posterSockets.length]!.emitWithAck('comment:reply', { threadId: topic, replyToId: firstComment!.id, body: `Reply ${i}: the hotline should become permanent, with IOM's return statistics shared.` });
        if (!ack.ok) throw new Error(`post ${i}: ${JSON.stringify(ack)}`);
      },
    );
    posterSockets.forEach((s) => s.close());
    return result;
  },
  baseline: () => delivery(bare.base, undefined, (s) => s.emitWithAck('join', 'room'), () => barePoster.emitWithAck('post', JSON.parse(payload))),
});
barePoster.close();
await bare.stop();
await server.stop();
await handle.close();
await database.drop();

const pooled = (name: string) => stats(deliveries[name]!.flatMap((r) => r.times));
const withoutTimes = (rs: Array<{ times: number[] }>) => rs.map(({ times: _t, ...r }) => r);
report('comments', {
  data: { discussionComments: 5000, discussionTopics: 1000, inlineThreads: 500 },
  pages: Object.fromEntries(Object.entries(pages).map(([name, rs]) => [name, { rounds: rs, spread: spreadOf(rs) }])),
  delivery: {
    viewers,
    postsPerRound: posts,
    platform: { rounds: withoutTimes(deliveries.platform!), spread: spreadOf(deliveries.platform!), allSamples: pooled('platform') },
    bareSocketIo: { rounds: withoutTimes(deliveries.baseline!), spread: spreadOf(deliveries.baseline!), allSamples: pooled('baseline') },
    ratios: ratios(pooled('platform'), pooled('baseline')),
  },
});
process.exit(0);

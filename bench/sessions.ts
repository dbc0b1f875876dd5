/**
 * `npm run bench:sessions`: the figures of the live-sessions issue, on Postgres, against the
 * production server started as `npm start` would (a child process; its heap is reported by
 * bench/heap-reporter.ts, loaded with --import, which prints process.memoryUsage() every 250 ms).
 *
 *  1. 500 participants (socket.io-client, websocket) in one session; the facilitator extends
 *     the speaker's time 20 times a second for 10 s (200 actions, open loop). Delivery: from the
 *     facilitator's emit to each participant's `session:state` carrying that action, p50/p99;
 *     the server's largest heap during the run. Beside it, in the same run, a bare socket.io
 *     server broadcasting the same payloads (the states captured above) to 500 clients, the same
 *     way: both, and the ratio.
 *  2. The server restarted (SIGTERM, start again) in the middle of the session: the time until
 *     all 500 participants have reconnected, rejoined and hold the state from before.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { io as connect, type Socket } from 'socket.io-client';
import { openDatabase } from '../db/client.ts';
import { consultationRounds, organizations, roundOrganizations, users } from '../db/schema.ts';
import { createSession } from '../domain/auth/sessions.ts';
import { scheduleSession, sessionSchema, type SessionState } from '../domain/sessions/sessions.ts';
import { withDatabaseName } from '../tests/setup/database-names.ts';
import { stats, stop, waitFor } from './support.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = withDatabaseName(serverUrl, 'idm_bench_sessions');
const participants = Number(process.env.BENCH_PARTICIPANTS ?? 500);
const actionsPerSecond = 20;
const actions = 200;

if (!fs.existsSync('build/server/index.js')) execSync('npm run build --silent', { stdio: 'inherit' });
const admin = postgres(withDatabaseName(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_sessions WITH (FORCE)');
await admin.unsafe('CREATE DATABASE idm_bench_sessions');

const port = 4810;
const base = `http://127.0.0.1:${port}`;
let heapMax = 0;
let recordHeap = false;
function startServer(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './bench/heap-reporter.ts', 'server/index.ts'], {
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: dbUrl, DEMO_SEED: '1', APP_ORIGIN: base },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      const match = /^heap (\d+)$/.exec(line);
      if (match && recordHeap) heapMax = Math.max(heapMax, Number(match[1]));
    }
  });
  return child;
}

// ---- 500 participants of 100 invited organizations -----------------------------------------
let server = startServer();
await waitFor(`${base}/healthz`);
const handle = await openDatabase({ databaseUrl: dbUrl });
const { db } = handle;
const [round] = await db.select().from(consultationRounds).limit(1);
const [facilitator] = await db.select().from(users).where(eq(users.email, 'facilitator@example.org'));
const orgs = await db
  .insert(organizations)
  .values(Array.from({ length: participants / 5 }, (_, i) => ({ name: `Bench organization ${i}`, level: 'national' as const })))
  .returning({ id: organizations.id });
await db.insert(roundOrganizations).values(orgs.map((o) => ({ roundId: round!.id, organizationId: o.id })));
const people = await db
  .insert(users)
  .values(Array.from({ length: participants }, (_, i) => ({ email: `participant${i}@example.org`, name: `Participant ${i}`, passwordHash: 'x', role: 'observer' as const, organizationId: orgs[i % orgs.length]!.id, isRepresentative: i < orgs.length })))
  .returning();
const timeouts = { idleMs: 7 * 86400_000, absoluteMs: 30 * 86400_000 };
const cookies = await Promise.all(people.map(async (p) => `idm_session=${(await createSession(db, p.id, timeouts)).token}`));
const facilitatorCookie = `idm_session=${(await createSession(db, facilitator!.id, timeouts)).token}`;
const session = await scheduleSession(db, { id: facilitator!.id, role: 'facilitator', organizationId: null, isRepresentative: false }, round!.id, sessionSchema.parse({ title: 'Bench session', startsAt: new Date().toISOString(), agenda: 'Counter-trafficking' }));

/** A participant: rejoins on every (re)connection and keeps the last state it got. */
interface Participant {
  socket: Socket;
  state: SessionState | null;
}
function participant(url: string, cookie: string, sessionId: string | null): Promise<Participant> {
  const socket = connect(url, { path: '/socket.io/', transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 1000, extraHeaders: { cookie, origin: url } });
  const p: Participant = { socket, state: null };
  return new Promise((resolve, reject) => {
    socket.on('connect', async () => {
      if (!sessionId) return resolve(p);
      const ack = await socket.emitWithAck('session:join', { sessionId });
      if (!ack.ok) return reject(new Error(JSON.stringify(ack)));
      p.state = ack.state;
      resolve(p);
    });
    socket.on('session:state', (state: SessionState) => (p.state = state));
    socket.once('connect_error', reject);
  });
}

const crowd: Participant[] = [];
for (let i = 0; i < participants; i += 50) crowd.push(...(await Promise.all(cookies.slice(i, i + 50).map((c) => participant(base, c, session.id)))));
const chair = await participant(base, facilitatorCookie, session.id);
const act = (event: string, payload: Record<string, unknown> = {}) => chair.socket.emitWithAck(event, { sessionId: session.id, ...payload });
await act('session:open');
await crowd[0]!.socket.emitWithAck('floor:request', { sessionId: session.id, kind: 'intervention' });
const given = await act('floor:give');
const startAllowed: number = given.state.speaker.allowedSeconds;

// ---- 1. Facilitator actions at 20 a second ------------------------------------------------
async function deliveries(clients: Socket[], event: string, send: (k: number) => void, actionOf: (payload: SessionState) => number) {
  const sent: number[] = [];
  const times: number[] = [];
  const received = new Promise<void>((resolve) => {
    let pending = clients.length * actions;
    for (const client of clients) {
      client.on(event, (payload: SessionState) => {
        const k = actionOf(payload);
        if (k < 0 || k >= actions || sent[k] === undefined) return;
        times.push(performance.now() - sent[k]!);
        if (--pending === 0) resolve();
      });
    }
  });
  for (let k = 0; k < actions; k++) {
    sent[k] = performance.now();
    send(k);
    await new Promise((r) => setTimeout(r, 1000 / actionsPerSecond));
  }
  await Promise.race([received, new Promise((r) => setTimeout(r, 30_000))]);
  return { ...stats(times), missing: clients.length * actions - times.length };
}

const payloads: SessionState[] = [];
chair.socket.on('session:state', (state: SessionState) => payloads.push(state));
recordHeap = true;
const platform = await deliveries(
  crowd.map((p) => p.socket),
  'session:state',
  () => void act('floor:extend', { seconds: 15 }),
  (state: SessionState) => (state.speaker ? (state.speaker.allowedSeconds - startAllowed) / 15 - 1 : -1),
);
recordHeap = false;
const heapMb = Math.round((heapMax / 1024 / 1024) * 10) / 10;

// The same payloads from a bare socket.io server to 500 clients.
const barePort = 4820;
const bare = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-socketio.ts'], { env: { ...process.env, PORT: String(barePort) }, stdio: 'ignore' });
await waitFor(`http://127.0.0.1:${barePort}/`);
const bareUrl = `http://127.0.0.1:${barePort}`;
const bareClients: Socket[] = [];
for (let i = 0; i < participants; i++) {
  const s = (await participant(bareUrl, '', null)).socket;
  await s.emitWithAck('join', 'room');
  bareClients.push(s);
}
const barePoster = (await participant(bareUrl, '', null)).socket;
const ordered = payloads.sort((a, b) => a.speaker!.allowedSeconds - b.speaker!.allowedSeconds);
const bareRun = await deliveries(
  bareClients,
  'comments:changed',
  (k) => void barePoster.emitWithAck('post', ordered[k] ?? ordered[ordered.length - 1]),
  (state: SessionState) => (state.speaker ? (state.speaker.allowedSeconds - startAllowed) / 15 - 1 : -1),
);
bareClients.forEach((s) => s.close());
barePoster.close();
await stop(bare);

// ---- 2. A restart in the middle of the session ---------------------------------------------
const before = (await act('floor:extend', { seconds: 15 })).state as SessionState;
const expected = JSON.stringify({ speaker: before.speaker, list: before.list, agenda: before.agenda });
const holds = (p: Participant) => p.state !== null && JSON.stringify({ speaker: p.state.speaker, list: p.state.list, agenda: p.state.agenda }) === expected;
await new Promise((r) => setTimeout(r, 300));
crowd.forEach((p) => (p.state = null));
const restarting = performance.now();
await stop(server);
server = startServer();
await waitFor(`${base}/healthz`);
const serverReady = performance.now() - restarting;
while (!crowd.every(holds) && performance.now() - restarting < 60_000) await new Promise((r) => setTimeout(r, 25));
const allBack = performance.now() - restarting;
const holding = crowd.filter(holds).length;

const results = {
  at: new Date().toISOString(),
  participants,
  actions: { perSecond: actionsPerSecond, count: actions },
  delivery: { platform, bareSocketIo: bareRun, ratioP99: Math.round((platform.p99 / bareRun.p99) * 10) / 10 },
  serverHeapMaxMb: heapMb,
  restart: { serverReadyMs: Math.round(serverReady), allRejoinedWithStateMs: Math.round(allBack), holding },
};
crowd.forEach((p) => p.socket.close());
chair.socket.close();
await stop(server);
await handle.close();
await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_sessions WITH (FORCE)');
await admin.end();
fs.writeFileSync('bench/results/sessions.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
process.exit(0);

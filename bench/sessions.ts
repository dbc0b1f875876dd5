/**
 * `npm run bench:sessions`: the figures of the live-sessions issue, on Postgres, against the
 * production server started as `npm start` would (a child process; its heap and RSS are reported
 * by bench/memory-reporter.ts every 250 ms).
 *
 *  1. 500 participants (socket.io-client, websocket) in one session; the facilitator extends
 *     the speaker's time 20 times a second for 10 s (200 actions, open loop). Delivery: from the
 *     facilitator's emit to each participant's `session:state` carrying that action; the
 *     server's largest heap and RSS during each round. Beside it, a bare socket.io server
 *     broadcasting the same payloads (the states captured above) to 500 clients, the same way;
 *     the two interleaved over 3 rounds, with the spread and the ratios p50/p95/p99.
 *  2. The server restarted (SIGTERM, start again) in the middle of the session: the time until
 *     all 500 participants have reconnected, rejoined and hold the state from before.
 */
import { eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { openDatabase } from '../db/client.ts';
import { consultationRounds, organizations, roundOrganizations, users } from '../db/schema.ts';
import { createSession } from '../domain/auth/sessions.ts';
import { scheduleSession, sessionSchema, type SessionState } from '../domain/sessions/sessions.ts';
import { benchDatabase, ensureBuild, freePort, interleaved, mib, ratios, report, short, spreadOf, startServer, stats } from './support.ts';

const participants = Number(process.env.BENCH_PARTICIPANTS ?? (short ? 50 : 500));
const actionsPerSecond = 20;
const actions = short ? 40 : 200;

ensureBuild();
const database = await benchDatabase('sessions');
const dbUrl = database.url;
// One port for the whole run: after the restart, the participants reconnect to the same address.
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const start = () => startServer({ env: { DATABASE_URL: dbUrl }, port });

// ---- 500 participants of 100 invited organizations -----------------------------------------
let server = await start();
const handle = await openDatabase({ databaseUrl: dbUrl, statementTimeoutMs: 0 });
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
  for (const client of clients) client.removeAllListeners(event);
  return { ...stats(times), missing: clients.length * actions - times.length, times };
}

const payloads: SessionState[] = [];
chair.socket.on('session:state', (state: SessionState) => payloads.push(state));

// The same payloads (captured from the first round of ours) from a bare socket.io server.
const bare = await startServer({ script: 'bench/bare-socketio.ts', env: {}, memory: false });
const bareClients: Socket[] = [];
for (let i = 0; i < participants; i++) {
  const s = (await participant(bare.base, '', null)).socket;
  await s.emitWithAck('join', 'room');
  bareClients.push(s);
}
const barePoster = (await participant(bare.base, '', null)).socket;

let allowedAtStart = startAllowed;
const memory: Array<{ heap: number; rss: number }> = [];
const runs = await interleaved({
  platform: async () => {
    // Each round counts from the speaker's allowed time when it starts.
    const from = allowedAtStart;
    server.resetMemory();
    const result = await deliveries(
      crowd.map((p) => p.socket),
      'session:state',
      () => void act('floor:extend', { seconds: 15 }),
      (state: SessionState) => (state.speaker ? (state.speaker.allowedSeconds - from) / 15 - 1 : -1),
    );
    memory.push({ heap: mib(server.memory.heapMax), rss: mib(server.memory.rssMax) });
    allowedAtStart = from + actions * 15;
    return result;
  },
  baseline: async () => {
    const ordered = [...payloads].sort((a, b) => a.speaker!.allowedSeconds - b.speaker!.allowedSeconds).slice(0, actions);
    const first = ordered[0]!.speaker!.allowedSeconds;
    return deliveries(
      bareClients,
      'comments:changed',
      (k) => void barePoster.emitWithAck('post', ordered[k] ?? ordered[ordered.length - 1]),
      (state: SessionState) => (state.speaker ? (state.speaker.allowedSeconds - first) / 15 : -1),
    );
  },
});
bareClients.forEach((s) => s.close());
barePoster.close();
await bare.stop();

// ---- 2. A restart in the middle of the session ---------------------------------------------
const before = (await act('floor:extend', { seconds: 15 })).state as SessionState;
const expected = JSON.stringify({ speaker: before.speaker, list: before.list, agenda: before.agenda });
const holds = (p: Participant) => p.state !== null && JSON.stringify({ speaker: p.state.speaker, list: p.state.list, agenda: p.state.agenda }) === expected;
await new Promise((r) => setTimeout(r, 300));
crowd.forEach((p) => (p.state = null));
const restarting = performance.now();
await server.stop();
server = await start();
const serverReady = performance.now() - restarting;
while (!crowd.every(holds) && performance.now() - restarting < 60_000) await new Promise((r) => setTimeout(r, 25));
const allBack = performance.now() - restarting;
const holding = crowd.filter(holds).length;

const pooled = (name: string) => stats(runs[name]!.flatMap((r) => r.times));
crowd.forEach((p) => p.socket.close());
chair.socket.close();
await server.stop();
await handle.close();
await database.drop();
report('sessions', {
  participants,
  actions: { perSecond: actionsPerSecond, countPerRound: actions },
  delivery: {
    platform: { rounds: runs.platform!.map(({ times: _t, ...r }) => r), spread: spreadOf(runs.platform!), allSamples: pooled('platform') },
    bareSocketIo: { rounds: runs.baseline!.map(({ times: _t, ...r }) => r), spread: spreadOf(runs.baseline!), allSamples: pooled('baseline') },
    ratios: ratios(pooled('platform'), pooled('baseline')),
  },
  serverMemoryMaxMiBPerRound: memory,
  restart: { serverReadyMs: Math.round(serverReady), allRejoinedWithStateMs: Math.round(allBack), holding },
});
process.exit(0);

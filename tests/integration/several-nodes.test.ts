/**
 * Several nodes (issue 13, ADR 021–023): two real node processes on one fresh Postgres and a
 * private `redis-server` started here on a free port. Each check below is one promise of the
 * issue: seeded once; an edit on A seen on B; comments and the speakers list across nodes; the
 * 11th comment in a minute refused when alternating nodes; a removed member's connections closed
 * on both nodes; the digest sent once; Redis restarted while people type; `kill -9` of A with
 * clients moving to B through the proxy. The checks run in order and share the two nodes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import readline from 'node:readline';
import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { inject } from 'vitest';
import type { Socket } from 'socket.io-client';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { consultationRounds, mailOutbox, notifications, positionPapers, users } from '../../db/schema.ts';
import { createSession } from '../../domain/auth/sessions.ts';
import { removeMember } from '../../domain/organizations.ts';
import { paperDocumentName } from '../../domain/papers.ts';
import { createRound } from '../../domain/rounds.ts';
import { openSession, scheduleSession, sessionSchema } from '../../domain/sessions/sessions.ts';
import { startProxy, type ClusterProxy } from '../../server/cluster/proxy.ts';
import { withDatabaseName } from '../setup/database-names.ts';
import { openCoEditor, type CoEditor } from '../support/collab-client.ts';
import { freePort } from '../support/ports.ts';
import { ask, openSocket } from '../support/socket-client.ts';
import { startRedisServer } from '../support/redis-server.ts';

interface Node {
  child: ChildProcess;
  base: string;
  seeded: { roundAdded: boolean; accountsAdded: number };
  /** Sends a command to the node (tests/support/cluster-node.ts) and waits for its answer. */
  command(what: Record<string, unknown>): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

const url = process.env.DATABASE_URL;
const closers: Array<() => unknown> = [];
let redis: ChildProcess;
let redisPort: number;
let databaseUrl: string;
let handle: DatabaseHandle;
let a: Node;
let b: Node;
const env: Record<string, string> = {};
let dropDatabase: (() => Promise<void>) | undefined;

const startRedis = startRedisServer;

function startNode(): Promise<Node> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/cluster-node.ts'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waiting = new Map<number, (answer: Record<string, unknown>) => void>();
  let ids = 0;
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const message = JSON.parse(line) as Record<string, unknown>;
      if (typeof message.reply === 'number') return waiting.get(message.reply)?.(message);
      resolve({
        child,
        exited,
        base: message.base as string,
        seeded: message.seeded as Node['seeded'],
        command(what) {
          const id = ++ids;
          child.stdin!.write(`${JSON.stringify({ id, ...what })}\n`);
          return new Promise((answered) => waiting.set(id, answered));
        },
      });
    });
    void exited.then((code) => reject(new Error(`node exited with ${code}`)));
  });
}

const eventually = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

const people = { olena: '', taras: '', facilitator: '' };
const cookies = { olena: '', taras: '', facilitator: '' };
let documentName = '';
let roundId = '';
let sessionId = '';

async function editor(base: string, cookie: string) {
  const e = openCoEditor({ base, cookie, documentName });
  closers.push(() => e.close());
  await e.ready;
  return e;
}
async function socket(base: string, cookie: string) {
  const s = await openSocket(base, cookie);
  closers.push(() => s.close());
  return s;
}

// Several nodes share one Postgres: the embedded database serves one process only (ADR 007).
describe.skipIf(!url)('two nodes on one Postgres and one Redis', () => {
  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    const name = `${inject('templateDatabase')}_nodes_${randomBytes(3).toString('hex')}`;
    const admin = postgres(withDatabaseName(url!, 'postgres'), { max: 1, onnotice: () => {} });
    // An empty database, not the migrated template: both nodes migrate and seed it at once.
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    dropDatabase = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    databaseUrl = withDatabaseName(url!, name);
    Object.assign(env, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_PREFIX: `test-${randomBytes(3).toString('hex')}`,
      DEMO_SEED: '1',
      PORT: '0',
    });
    [a, b] = await Promise.all([startNode(), startNode()]);
    handle = await openDatabase({ databaseUrl });
  }, 90_000);

  afterAll(async () => {
    // The processes first, whatever fails after: nothing is left running.
    for (const node of [a, b]) node?.child.kill('SIGKILL');
    redis?.kill('SIGKILL');
    for (const close of closers.splice(0)) await close();
    await handle?.close();
    await dropDatabase?.();
  });

  it('seeds the demo once when two nodes start together on an empty database', async () => {
    expect([a.seeded.roundAdded, b.seeded.roundAdded].sort()).toEqual([false, true]);
    expect(a.seeded.accountsAdded + b.seeded.accountsAdded).toBe(6);
    const [{ count }] = (await handle.db.select({ count: sql<number>`count(*)::int` }).from(users)) as [{ count: number }];
    expect(count).toBe(6);

    // The people and places of the next checks.
    const { db } = handle;
    const person = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0]!;
    const olena = await person('observer1@example.org');
    const taras = await person('observer2@example.org');
    const facilitator = await person('facilitator@example.org');
    Object.assign(people, { olena: olena.id, taras: taras.id, facilitator: facilitator.id });
    const cookie = async (userId: string) => `idm_session=${(await createSession(db, userId, { idleMs: 3600_000, absoluteMs: 3600_000 })).token}`;
    Object.assign(cookies, { olena: await cookie(olena.id), taras: await cookie(taras.id), facilitator: await cookie(facilitator.id) });
    const [paper] = await db.select().from(positionPapers).where(and(eq(positionPapers.organizationId, olena.organizationId!)));
    documentName = paperDocumentName(paper!.id);
    const title = 'Several nodes: a live session';
    const round = await createRound(db, { title, framing: '', areas: [], phase: 'sessions', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [olena.organizationId!] }, facilitator.id);
    roundId = round.id;
    const actor = { id: facilitator.id, role: facilitator.role, organizationId: null, isRepresentative: false };
    const session = await scheduleSession(db, actor, round.id, sessionSchema.parse({ title, startsAt: new Date().toISOString(), agenda: 'Opening' }));
    await openSession(db, actor, session.id);
    sessionId = session.id;
    expect(await db.select().from(consultationRounds).where(eq(consultationRounds.title, title))).toHaveLength(1);
  });

  it('shows an edit typed on node A to an editor of the same paper on node B, and back', async () => {
    const onA = await editor(a.base, cookies.olena);
    const onB = await editor(b.base, cookies.taras);
    onA.type('Typed on node A');
    await eventually(() => onB.text().includes('Typed on node A'));
    onB.type('Typed on node B');
    await eventually(() => onA.text().includes('Typed on node B'));
    // "Saved" on B: stored, whichever node wrote it.
    await onB.flush();
    expect(onA.text()).toBe(onB.text());
  });

  it('carries comments and the speakers list across nodes', async () => {
    const watcherOnA = await socket(a.base, cookies.olena);
    const writerOnB = await socket(b.base, cookies.taras);
    expect((await ask<{ ok: boolean }>(watcherOnA, 'comments:watch', { scope: 'round', roundId })).ok).toBe(true);
    const seen = new Promise<{ thread: { title?: string } }>((resolve) => watcherOnA.once('comments:changed', resolve));
    expect(await ask(writerOnB, 'thread:start', { scope: 'round', roundId, title: 'From node B', body: 'Seen on A?' })).toMatchObject({ ok: true });
    expect((await seen).thread).toMatchObject({ title: 'From node B' });

    const chairOnA = await socket(a.base, cookies.facilitator);
    const speakerOnB = await socket(b.base, cookies.olena);
    expect((await ask<{ ok: boolean }>(chairOnA, 'session:join', { sessionId })).ok).toBe(true);
    expect((await ask<{ ok: boolean }>(speakerOnB, 'session:join', { sessionId })).ok).toBe(true);
    const states: Array<{ queue?: unknown[] }> = [];
    chairOnA.on('session:state', (state) => states.push(state));
    expect(await ask(speakerOnB, 'floor:request', { sessionId, kind: 'intervention' })).toMatchObject({ ok: true });
    await eventually(() => states.some((s) => JSON.stringify(s).includes(people.olena) || JSON.stringify(s).includes('intervention')));
  });

  it('refuses the 11th comment in a minute when they alternate between the nodes', async () => {
    const onA = await socket(a.base, cookies.olena);
    const onB = await socket(b.base, cookies.olena);
    const answers: Array<{ ok: boolean; error?: string }> = [];
    for (let i = 0; i < 11; i++) {
      answers.push(await ask(i % 2 ? onB : onA, 'thread:start', { scope: 'round', roundId, title: `Comment ${i + 1}`, body: 'Counted across nodes' }));
    }
    expect(answers.slice(0, 10).every((answer) => answer.ok)).toBe(true);
    expect(answers[10]).toMatchObject({ ok: false, error: 'throttled' });
  });

  it("closes a removed member's connections on both nodes", async () => {
    const [onA, onB] = [await socket(a.base, cookies.taras), await socket(b.base, cookies.taras)];
    const [editorA, editorB] = [await editor(a.base, cookies.taras), await editor(b.base, cookies.taras)];
    const [olena] = await handle.db.select().from(users).where(eq(users.id, people.olena));
    await removeMember(handle.db, { organizationId: olena!.organizationId!, userId: people.taras, actorId: people.olena });
    // The route that removed him announces it on the node that served it: A.
    await a.command({ do: 'access-changed', change: { userId: people.taras, reason: 'member-removed' } });
    await eventually(() => !onA.connected && !onB.connected);
    const closed = (e: CoEditor) => e.provider.configuration.websocketProvider.status !== 'connected' || e.provider.isAuthenticated === false;
    await eventually(() => closed(editorA) && closed(editorB));
    // And stays out: his session ended, so neither node lets him back in.
    await expect(openSocket(b.base, cookies.taras)).rejects.toThrow();
  });

  it('sends the daily digest once when both nodes run the job at the same time', async () => {
    await handle.db.insert(notifications).values({ userId: people.facilitator, kind: 'phase-change', payload: { round: 'Several nodes' }, link: `/rounds/${roundId}` });
    const answers = await Promise.all([a.command({ do: 'digest' }), b.command({ do: 'digest' })]);
    const [facilitator] = await handle.db.select().from(users).where(eq(users.id, people.facilitator));
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, facilitator!.email));
    expect(mails).toHaveLength(1);
    expect(answers.map((x) => x.sent ?? 0).reduce((sum: number, n) => sum + (n as number), 0)).toBe(1);
  });

  it('keeps every node running while Redis restarts, and converges once it is back', async () => {
    const onA = await editor(a.base, cookies.olena);
    const onB = await editor(b.base, cookies.olena);
    const page = await socket(a.base, cookies.olena);
    const told: string[] = [];
    page.on('live:state', ({ state }: { state: string }) => told.push(state));
    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
    // The pages on a node are told that live updates may be late ("Reconnecting…").
    await eventually(() => told.includes('reconnecting'));
    expect(await (await fetch(`${a.base}/healthz`)).json()).toMatchObject({ status: 'ok', redis: 'reconnecting' });
    onA.type('Typed while Redis was away');
    await onA.flush(); // stored all the same: "Saved" does not depend on Redis
    await new Promise((r) => setTimeout(r, 1500));
    redis = await startRedis(redisPort);
    await eventually(() => onB.text().includes('Typed while Redis was away'), 15_000);
    // Broadcasts resume: a comment on B reaches a watcher on A.
    const watcher = await socket(a.base, cookies.facilitator);
    const writer = await socket(b.base, cookies.facilitator);
    await ask(watcher, 'comments:watch', { scope: 'round', roundId });
    const seen = new Promise((resolve) => watcher.once('comments:changed', resolve));
    await eventually(async () => (await ask<{ ok: boolean }>(writer, 'thread:start', { scope: 'round', roundId, title: 'After Redis came back', body: 'Broadcast resumed' })).ok);
    await seen;
    expect(told.at(-1)).toBe('ok');
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
  }, 40_000);

  it('moves the clients of a node killed with SIGKILL to the other one, losing nothing acknowledged', async () => {
    const proxy: ClusterProxy = await startProxy({ upstreams: [a.base, b.base], port: 0 });
    closers.push(() => proxy.close());
    // The proxy keeps a browser on its node with a cookie: this one is on A.
    const writer = await editor(proxy.url, `${cookies.olena}; idm_node=0`);
    const live = await socket(proxy.url, `${cookies.olena}; idm_node=0`);
    writer.type('Acknowledged before the crash');
    await writer.flush();
    a.child.kill('SIGKILL');
    await a.exited;
    writer.type('Typed after the crash');
    // The editor reconnects through the proxy, to B, resyncs and stores what it held.
    await eventually(() => writer.provider.isSynced && writer.provider.configuration.websocketProvider.status === 'connected', 15_000);
    await writer.flush();
    const reader = await editor(b.base, cookies.olena);
    expect(reader.text()).toContain('Acknowledged before the crash');
    expect(reader.text()).toContain('Typed after the crash');
    expect(live.connected).toBe(false);
    // A socket.io client opened again through the proxy reaches B.
    const again = await socket(proxy.url, `${cookies.olena}; idm_node=0`);
    expect((await ask<{ ok: boolean }>(again, 'notifications:count', {})).ok).toBe(true);
  }, 40_000);
});

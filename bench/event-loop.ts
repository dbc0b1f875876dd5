/**
 * `npm run bench:event-loop`: whether the server stays responsive, from outside: `/healthz`
 * polled every 100 ms (its latency), and the server's own event-loop delay (the largest per
 * second, which `/healthz` reports), in two situations of the outside fault report:
 *  A. A very large paper (about 1,000,000 characters) on the embedded database, one editor typing
 *     5 edits a second for 30 s (the stores, compactions and derived text of a huge document).
 *  B. 1,000 live sockets and 200 co-editors (5 edits a second each, 20 per paper) on Postgres,
 *     for 30 s.
 * The production server, 3 rounds each (interleaved A B A B), with the spread. Results in
 * bench/results/event-loop.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { openDatabase } from '../db/client.ts';
import { positionPapers, users } from '../db/schema.ts';
import { createSession } from '../domain/auth/sessions.ts';
import { paperDocumentName, startPaper } from '../domain/papers.ts';
import { createRound } from '../domain/rounds.ts';
import { openCoEditor, type CoEditor } from '../tests/support/collab-client.ts';
import { benchDatabase, ensureBuild, interleaved, report, short, signIn, spread, startServer, stats, type RunningServer } from './support.ts';

const seconds = short ? 5 : 30;

/** Polls /healthz every 100 ms while `load` runs; answers its latency and the loop delays seen. */
async function watch(server: RunningServer, load: () => Promise<void>) {
  const latencies: number[] = [];
  const delays: number[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const began = performance.now();
      const answer = (await (await fetch(`${server.base}/healthz`)).json()) as { eventLoopDelayMs: { max: number } };
      latencies.push(performance.now() - began);
      delays.push(answer.eventLoopDelayMs.max);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await load();
  polling = false;
  await poller;
  return { healthz: stats(latencies), loopDelayMaxPerSecond: stats(delays) };
}

async function bigPaperOnPglite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-bench-loop-'));
  const server = await startServer({ env: { DATA_DIR: dir, DATABASE_URL: '' } });
  try {
    const cookie = await signIn(server.base, 'observer1@example.org');
    // The paper's document name, from the paper's page link on the round page.
    const rounds = await (await fetch(`${server.base}/rounds`, { headers: { cookie } })).text();
    const roundPath = /href="(\/rounds\/[0-9a-f-]{36})"/.exec(rounds)![1]!;
    const roundPage = await (await fetch(`${server.base}${roundPath}`, { headers: { cookie } })).text();
    const paperId = new RegExp(`${roundPath}/papers/([0-9a-f-]{36})`).exec(roundPage)![1]!;
    const editor = openCoEditor({ base: server.base, cookie, documentName: paperDocumentName(paperId) });
    await editor.ready;
    const fragment = editor.doc.getXmlFragment('default');
    const sentence = 'IOM and its NGO partners share the work of managing migration humanely and in an orderly way. ';
    Y.transact(editor.doc, () => {
      const paragraphs = [];
      for (let n = 0; n < (short ? 200_000 : 1_000_000); n += sentence.length * 8) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(sentence.repeat(8))]);
        paragraphs.push(p);
      }
      fragment.insert(fragment.length, paragraphs);
    });
    await editor.flush();
    const result = await watch(server, async () => {
      const typing = setInterval(() => editor.type(`typed at ${Date.now()}`), 200);
      await new Promise((r) => setTimeout(r, seconds * 1000));
      clearInterval(typing);
      await editor.flush();
    });
    editor.close();
    return result;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function crowdOnPostgres() {
  const sockets = short ? 100 : 1000;
  const editors = short ? 20 : 200;
  const database = await benchDatabase('event_loop');
  const server = await startServer({ env: { DATABASE_URL: database.url } });
  const handle = await openDatabase({ databaseUrl: database.url, statementTimeoutMs: 0 });
  const open: Array<Socket | CoEditor> = [];
  try {
    const { db } = handle;
    const [olena] = await db.select().from(users).where(eq(users.email, 'observer1@example.org'));
    // People of La Strada Ukraine (each holds at most 20 sockets), 10 papers of 20 editors each.
    const people = await db
      .insert(users)
      .values(Array.from({ length: sockets / 10 }, (_, i) => ({ email: `crowd${i}@example.org`, name: `Crowd ${i}`, passwordHash: 'x', role: 'observer' as const, organizationId: olena!.organizationId })))
      .returning();
    const timeouts = { idleMs: 86400_000, absoluteMs: 86400_000 };
    const cookies = await Promise.all(people.map(async (p) => `idm_session=${(await createSession(db, p.id, timeouts)).token}`));
    const documents: string[] = [];
    for (let i = 0; i < editors / 20; i++) {
      const round = await createRound(db, { title: `Crowd round ${i}`, framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: new Date(Date.now() + 86400_000), wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [olena!.organizationId!] }, olena!.id);
      documents.push(paperDocumentName((await startPaper(db, { roundId: round.id, organizationId: olena!.organizationId!, userId: olena!.id, language: 'en' })).id));
    }
    void positionPapers;
    for (let i = 0; i < sockets; i++) {
      const socket = connect(server.base, { path: '/socket.io/', transports: ['websocket'], reconnection: false, extraHeaders: { cookie: cookies[i % cookies.length]!, origin: server.base } });
      await new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(null));
        socket.once('connect_error', reject);
      });
      open.push(socket);
    }
    const coEditors: CoEditor[] = [];
    for (let i = 0; i < editors; i++) {
      const e = openCoEditor({ base: server.base, cookie: cookies[(i * 7) % cookies.length]!, documentName: documents[i % documents.length]! });
      await e.ready;
      coEditors.push(e);
      open.push(e);
    }
    return await watch(server, async () => {
      const timers = coEditors.map((e, i) => setInterval(() => e.type(`editor ${i} at ${Date.now()}`), 200));
      await new Promise((r) => setTimeout(r, seconds * 1000));
      timers.forEach(clearInterval);
    });
  } finally {
    for (const o of open) ('disconnect' in o ? o.disconnect() : o.close());
    await handle.close();
    await server.stop();
    await database.drop();
  }
}

ensureBuild();
const runs = await interleaved({ 'A. a 1,000,000-character paper on PGlite': bigPaperOnPglite, 'B. 1,000 sockets and 200 co-editors on Postgres': crowdOnPostgres });
report('event-loop', {
  secondsPerRound: seconds,
  figures: Object.fromEntries(
    Object.entries(runs).map(([name, rs]) => [name, { rounds: rs, healthzP99: spread(rs.map((r) => r.healthz.p99)), healthzMax: spread(rs.map((r) => r.healthz.max)), loopDelayMax: spread(rs.map((r) => r.loopDelayMaxPerSecond.max)) }]),
  ),
});
process.exit(0);

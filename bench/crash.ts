/**
 * `npm run bench:crash`: `kill -9` of the production server while 20 editors make 5 edits a
 * second each, and beside them one more editor who types and asks "stored?" after each edit.
 *  A. Editors stay connected: after the restart they resend what the server lost; count the
 *     edits missing from a newcomer's copy once they have resynced (target: 0).
 *  B. Editors vanish at the moment of the kill: count the edits sent more than 1 s before the
 *     kill that are missing after the restart (target: 0).
 * Time to stored: from the probe editor's edit to the server's `stored` answer to its flush (the
 * exchange the editor's "Saved" waits for), over the 10 s of load before each kill (target: p99
 * ≤ 1 s). Each scenario runs BENCH_ROUNDS times (3), alternating A and B, each on a fresh
 * database. With BENCH_BASELINE_DIR (a built checkout of the code before), both scenarios run on
 * that code too, interleaved with these. Results in bench/results/crash.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { paperDocumentName } from '../domain/papers.ts';
import { openCoEditor, type CoEditor } from '../tests/support/collab-client.ts';
import { benchDatabase, demoPaperId, ensureBuild, interleaved, report, short, signIn, spread, startServer, stats, type RunningServer } from './support.ts';

const editors = Number(process.env.BENCH_EDITORS ?? (short ? 5 : 20));
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? (short ? 4 : 10));

async function scenario(label: 'stay-connected' | 'vanish', cwd?: string) {
  // BENCH_EMBEDDED=1: on the embedded database (PGlite in the server's process) instead of Postgres.
  const embedded = process.env.BENCH_EMBEDDED === '1';
  const dir = embedded ? fs.mkdtempSync(path.join(os.tmpdir(), 'idm-bench-crash-')) : null;
  const database = embedded ? null : await benchDatabase(`crash_${label.replace('-', '_')}`);
  const env: Record<string, string> = database ? { DATABASE_URL: database.url } : { DATA_DIR: dir!, DATABASE_URL: '' };
  const servers: RunningServer[] = [];
  try {
    const first = await startServer({ env, cwd });
    servers.push(first);
    const documentName = paperDocumentName(await demoPaperId(first.base, await signIn(first.base, 'observer1@example.org')));
    // Two members of La Strada Ukraine share the editors (one person holds at most 20 sockets).
    const cookies = [await signIn(first.base, 'observer1@example.org'), await signIn(first.base, 'observer2@example.org')];
    const open = (i: number) => openCoEditor({ base: first.base, cookie: cookies[i % 2]!, documentName });
    const clients: CoEditor[] = [];
    for (let i = 0; i < editors; i++) {
      const c = open(i);
      await c.ready;
      clients.push(c);
    }
    const probe = open(editors);
    await probe.ready;

    const sent: Array<{ token: string; at: number }> = [];
    let seq = 0;
    const timers = clients.map((c, i) =>
      setInterval(() => {
        const token = `e${i}-${seq++}`;
        sent.push({ token, at: Date.now() });
        c.type(token);
      }, 200),
    );
    // The probe: an edit, then wait for `stored`, then the next one, for the whole load.
    const toStored: number[] = [];
    let probing = true;
    const probeLoop = (async () => {
      for (let n = 0; probing; n++) {
        const began = performance.now();
        probe.type(`probe ${n}`);
        const stored = await Promise.race([probe.flush().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 30_000))]);
        if (!probing) break;
        toStored.push(stored ? performance.now() - began : 30_000);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    await new Promise((r) => setTimeout(r, loadSeconds * 1000));
    probing = false;

    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    if (label === 'vanish') {
      timers.forEach(clearInterval);
      clients.forEach((c) => c.close());
    }
    probe.close();
    await new Promise((r) => first.child.once('exit', r));
    await probeLoop;
    // Same port, so that the editors who stay reconnect to it.
    const second = await startServer({ env, port: first.port, cwd });
    servers.push(second);
    if (label === 'stay-connected') {
      await new Promise((r) => setTimeout(r, 3000)); // typing goes on while they reconnect
      timers.forEach(clearInterval);
      await Promise.all(clients.map((c) => c.flush()));
    }
    const reader = openCoEditor({ base: second.base, cookie: await signIn(second.base, 'observer2@example.org'), documentName });
    await reader.ready;
    const text = `${reader.text()}\n`;
    const mustSurvive = label === 'vanish' ? sent.filter((s) => s.at < killedAt - 1000) : sent;
    const missing = mustSurvive.filter((s) => !text.includes(`${s.token}\n`));
    const converged = label === 'stay-connected' ? new Set(clients.map((c) => c.text())).size === 1 && `${clients[0]!.text()}\n` === text : null;
    reader.close();
    clients.forEach((c) => c.close());
    return { editsSent: sent.length, mustSurvive: mustSurvive.length, missing: missing.length, converged, timeToStored: stats(toStored) };
  } finally {
    for (const s of servers) s.child.kill('SIGKILL');
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

ensureBuild();
// BENCH_BASELINE_DIR: a checkout of the code before (built), run interleaved with this one.
const before = process.env.BENCH_BASELINE_DIR;
const runs = await interleaved({
  'stay-connected': () => scenario('stay-connected'),
  vanish: () => scenario('vanish'),
  ...(before ? { 'stay-connected (before)': () => scenario('stay-connected', before), 'vanish (before)': () => scenario('vanish', before) } : {}),
});
const summary = Object.fromEntries(
  Object.entries(runs).map(([label, results]) => [
    label,
    {
      rounds: results,
      missingTotal: results.reduce((n, r) => n + r.missing, 0),
      timeToStoredP99: spread(results.map((r) => r.timeToStored.p99)),
      timeToStoredMax: spread(results.map((r) => r.timeToStored.max)),
    },
  ]),
);
report('crash', { editors, editsPerSecondEach: 5, loadSeconds, database: process.env.BENCH_EMBEDDED === '1' ? 'embedded (PGlite)' : 'Postgres', server: 'production (server/index.ts, NODE_ENV=production)', results: summary });
process.exit(0);

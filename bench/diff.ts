/**
 * `npm run bench:diff`: can comparing two versions stop the server? (issue 11)
 *
 * Part 1, through the page: the production server (`server/index.ts`, NODE_ENV=production) on
 * Postgres, a paper with two unrelated versions of 100,000 characters each; the diff page is
 * asked for while `/healthz` is polled every 10 ms; the server's resident memory is sampled
 * every 10 ms from /proc. Figures: the page's time, /healthz during it (max, p99), memory above
 * the idle server.
 *
 * Part 2, the algorithms alone, interleaved A B A B: the new bounded diff (A) and the old
 * hand-written one (B, bench/baseline/hand-written-diff.ts) on two unrelated 2,000-word
 * versions, and on a 100,000-character paper revised in a quarter of its paragraphs; the new one
 * on the unrelated 100,000-character pair too; each run in a fresh child process, measuring its
 * time and its peak resident memory above the process at rest.
 *
 * Environment: BENCH_DATABASE_URL (else DATABASE_URL, else the local Postgres), BENCH_PORT
 * (3220), BENCH_ROUNDS (3). The database it creates (idm_bench_diff_<pid>) is dropped at the
 * end; nothing else is touched. Results in bench/results/diff.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import postgres from 'postgres';
import { stats, stop, waitFor } from './support.ts';

const mode = process.argv[2];
type Size = 'words' | 'chars' | 'revision';
if (mode === '--child') await child(process.argv[3] as 'old' | 'new', process.argv[4] as Size);
else await main();

/** Two texts of about `length` characters sharing only common words and spaces. */
function unrelated(length: number, seed: number): string {
  const words = ['migration', 'NGO', 'IOM', 'return', 'trafficking', 'health', 'the', 'and', 'of', 'labour', 'rights', 'a', 'to', 'in', 'for', 'with', 'partners', 'council', 'shelter', 'counselling'];
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let text = '';
  while (text.length < length) text += words[Math.floor(random() * words.length)] + (random() > 0.93 ? '.\n\n' : ' ');
  return text.slice(0, length);
}

/** About `count` words. */
function unrelatedWords(count: number, seed: number): string {
  const text = unrelated(count * 8, seed);
  return text.split(' ').slice(0, count).join(' ');
}

/** A 100,000-character paper and its revision: every fourth paragraph has a few words changed. */
function revision(): [string, string] {
  const before = unrelated(100_000, 3);
  const after = before
    .split('\n\n')
    .map((p, i) => (i % 4 === 0 ? p.replace(/\b(return|health|labour)\b/, 'reintegration').replace(/ the /, ' a ') + ' Added at revision.' : p))
    .join('\n\n');
  return [before, after];
}

/** One diff in this (fresh) process: prints its time and its peak memory above the process at rest. */
async function child(which: 'old' | 'new', size: Size) {
  const [before, after] = size === 'words' ? [unrelatedWords(2000, 1), unrelatedWords(2000, 2)] : size === 'chars' ? [unrelated(100_000, 1), unrelated(100_000, 2)] : revision();
  const { diffVersions } = await import('../domain/papers/diff.ts');
  const { diffWords: handWritten } = await import('./baseline/hand-written-diff.ts');
  globalThis.gc?.();
  await new Promise((r) => setTimeout(r, 50));
  const rest = process.memoryUsage().rss;
  let peak = rest;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const result = which === 'new' ? diffVersions(before, after) : { kind: 'words', segments: handWritten(before, after) };
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  process.stdout.write(JSON.stringify({ ms, rssAboveRestMB: (peak - rest) / 1e6, kind: result.kind }));
}

function runChild(which: 'old' | 'new', size: Size): Promise<{ ms: number; rssAboveRestMB: number; kind: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/diff.ts', '--child', which, size], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child ${which} ${size} exited ${code}`))));
  });
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function main() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const port = Number(process.env.BENCH_PORT ?? 3220);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { withDatabaseName } = await import('../tests/setup/database-names.ts');
  const name = `idm_bench_diff_${process.pid}`;
  const admin = postgres(withDatabaseName(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const databaseUrl = withDatabaseName(serverUrl, name);
  let server: ChildProcess | undefined;
  try {
    // The data, written before the server starts.
    const { openDatabase } = await import('../db/client.ts');
    const { seedDemo } = await import('../db/seed/demo.ts');
    const { appendUpdate } = await import('../domain/collaboration/document-store.ts');
    const { currentPaperContent, paperDocumentName, startPaper, submitPaper } = await import('../domain/papers.ts');
    const { createRound } = await import('../domain/rounds.ts');
    const { users } = await import('../db/schema.ts');
    const { eq } = await import('drizzle-orm');
    const Y = await import('yjs');
    const handle = await openDatabase({ databaseUrl });
    await handle.migrate();
    await seedDemo(handle.db, { accounts: true });
    const [olena] = await handle.db.select().from(users).where(eq(users.email, 'observer1@example.org'));
    const round = await createRound(handle.db, { title: 'Diff bench', framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [olena!.organizationId!] }, olena!.id);
    const paper = await startPaper(handle.db, { roundId: round.id, organizationId: olena!.organizationId!, userId: olena!.id, language: 'en' });
    for (const seed of [1, 2]) {
      // Each version replaces the text: one paragraph per line of the unrelated text.
      const doc = new Y.Doc();
      const fragment = doc.getXmlFragment('default');
      const { doc: stored } = await (await import('../domain/collaboration/document-store.ts')).loadDocument(handle.db, paperDocumentName(paper.id));
      const before = Y.encodeStateVector(stored);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(stored));
      fragment.delete(0, fragment.length);
      for (const line of unrelated(100_000, seed).split('\n\n')) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(line)]);
        fragment.push([p]);
      }
      await appendUpdate(handle.db, paperDocumentName(paper.id), Y.encodeStateAsUpdate(doc, before));
      const content = await currentPaperContent(handle.db, paper.id);
      await submitPaper(handle.db, { paperId: paper.id, userId: olena!.id, content: content.json, html: content.html, text: content.text, wordCount: content.wordCount, wordLimit: null });
    }
    await handle.close();

    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, APP_ORIGIN: base, DEMO_SEED: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(`${base}/healthz`);
    const login = await fetch(`${base}/login`, { method: 'POST', headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=observer1%40example.org&password=consult-demo', redirect: 'manual' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const diffPath = `/rounds/${round.id}/papers/${paper.id}/diff?from=1&to=2`;
    // Warm-up: the page once, then the process at rest.
    await (await fetch(`${base}${diffPath}`, { headers: { cookie } })).text();
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssOf(server.pid!);

    const page: Array<{ pageMs: number; healthzMaxMs: number; healthzP99Ms: number; healthzSamples: number; rssAboveIdleMB: number; sideBySide: boolean }> = [];
    const algorithms: Array<{ round: number; run: string; ms: number; rssAboveRestMB: number; kind: string }> = [];
    for (let r = 1; r <= rounds; r++) {
      // A, through the page.
      let peak = rssOf(server.pid!);
      const healthz: number[] = [];
      let running = true;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server!.pid!))), 10);
      const poller = (async () => {
        while (running) {
          const t = performance.now();
          await (await fetch(`${base}/healthz`)).text();
          healthz.push(performance.now() - t);
          await new Promise((res) => setTimeout(res, 10));
        }
      })();
      const started = performance.now();
      const html = await (await fetch(`${base}${diffPath}`, { headers: { cookie } })).text();
      const pageMs = performance.now() - started;
      running = false;
      await poller;
      clearInterval(sampler);
      const h = stats(healthz);
      page.push({ pageMs: Math.round(pageMs), healthzMaxMs: h.max, healthzP99Ms: h.p99, healthzSamples: h.n, rssAboveIdleMB: Math.round((peak - idle) / 1e5) / 10, sideBySide: html.includes('differ too much to show word by word') });
      // A B (and A on 100,000 characters), the algorithms alone, each in a fresh process.
      for (const [run, which, size] of [
        ['new, unrelated 2,000 words', 'new', 'words'],
        ['old, unrelated 2,000 words (baseline)', 'old', 'words'],
        ['new, unrelated 100,000 characters', 'new', 'chars'],
        ['new, 100,000 characters revised (a quarter of the paragraphs)', 'new', 'revision'],
        ['old, 100,000 characters revised (baseline)', 'old', 'revision'],
      ] as const) {
        const result = await runChild(which, size);
        algorithms.push({ round: r, run, ms: Math.round(result.ms * 10) / 10, rssAboveRestMB: Math.round(result.rssAboveRestMB * 10) / 10, kind: result.kind });
      }
      console.log(`round ${r}:`, page[page.length - 1], algorithms.slice(-5));
    }
    const results = { at: new Date().toISOString(), node: process.version, rounds, idleRssMB: Math.round(idle / 1e5) / 10, page, algorithms };
    fs.mkdirSync('bench/results', { recursive: true });
    fs.writeFileSync('bench/results/diff.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results, null, 2));
  } finally {
    if (server) await stop(server);
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

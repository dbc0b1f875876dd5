/**
 * What the benchmarks share, so that each is measured the same way:
 *  - a database of the run's own on the Postgres server of BENCH_DATABASE_URL (else
 *    DATABASE_URL, else the local one), uniquely named after that URL's database, dropped at the
 *    end by its name only: a run never drops what it did not create;
 *  - free ports, never fixed ones;
 *  - the production server started as `npm start` runs it (NODE_ENV=production, the build), its
 *    memory (heap and RSS) reported every 250 ms by bench/memory-reporter.ts;
 *  - sign-in through the real form;
 *  - variants run interleaved, A B A B…, for several rounds, with the spread of each figure;
 *  - percentiles, and the ratios p50/p95/p99 of a product against its baseline;
 *  - a short mode (BENCH_SHORT=1) that checks a benchmark works in a fraction of the time.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import postgres from 'postgres';
import { withDatabaseName } from '../tests/setup/database-names.ts';
import { freePort } from '../tests/support/ports.ts';

/** BENCH_SHORT=1: smaller loads and fewer rounds, to check that a benchmark runs at all. */
export const short = process.env.BENCH_SHORT === '1';

/** How many interleaved rounds (A B A B…) of each variant: at least 3 unless short. */
export const rounds = Number(process.env.BENCH_ROUNDS ?? (short ? 1 : 3));

export const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A note that goes with every result: the figures depend on what else the machine does. */
export function machine() {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average at the end ${load}${short ? '; SHORT MODE (not a measurement)' : ''}`;
}

/** A fresh database of this run's own, and how to drop it (only it). */
export async function benchDatabase(label: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const prefix = new URL(serverUrl).pathname.slice(1).replace(/[^a-z0-9_]/gi, '').slice(0, 20) || 'idm';
  const name = `${prefix}_bench_${label}_${randomBytes(3).toString('hex')}`.toLowerCase();
  const admin = postgres(withDatabaseName(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  return {
    url: withDatabaseName(serverUrl, name),
    name,
    async drop() {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export { freePort };

/** Builds the production bundle if it is missing. */
export function ensureBuild() {
  if (!fs.existsSync('build/server/index.js')) execSync('npm run build --silent', { stdio: 'inherit' });
}

export interface RunningServer {
  child: ChildProcess;
  base: string;
  port: number;
  /** The largest heap and RSS seen since the last `resetMemory()`, in bytes. */
  memory: { heapMax: number; rssMax: number };
  resetMemory(): void;
  /** Lines the server printed (its JSON line, for the test server). */
  lines: string[];
  stop(): Promise<void>;
}

/**
 * Starts a server process: by default the production server (`server/index.ts`, NODE_ENV
 * production, demo data), on a free port, with its memory reported; resolves once `/healthz`
 * answers (or, for a script that prints a JSON line, once it has printed it).
 */
export async function startServer(options: { env: Record<string, string>; script?: string; port?: number; waitForJson?: boolean; memory?: boolean; cwd?: string }): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const reporter = new URL('./memory-reporter.ts', import.meta.url).href;
  const args = ['--import', 'tsx', ...(options.memory === false ? [] : ['--import', reporter]), options.script ?? 'server/index.ts'];
  const child = spawn(process.execPath, args, {
    // Another checkout's server (BENCH_SERVER_DIR: the code before a change, for a baseline).
    cwd: options.cwd ?? process.env.BENCH_SERVER_DIR ?? process.cwd(),
    env: { ...process.env, NODE_ENV: 'production', DEMO_SEED: '1', HOST: '127.0.0.1', PORT: String(port), APP_ORIGIN: base, ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const memory = { heapMax: 0, rssMax: 0 };
  const lines: string[] = [];
  let json: (() => void) | undefined;
  const printedJson = new Promise<void>((resolve) => (json = resolve));
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const m = /^memory heap=(\d+) rss=(\d+)$/.exec(line);
    if (m) {
      memory.heapMax = Math.max(memory.heapMax, Number(m[1]));
      memory.rssMax = Math.max(memory.rssMax, Number(m[2]));
      return;
    }
    lines.push(line);
    if (line.startsWith('{')) json?.();
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${options.script ?? 'server/index.ts'} exited with ${code}`))));
  exited.catch(() => {});
  await Promise.race([options.waitForJson ? printedJson : waitFor(`${base}/healthz`), exited]);
  return {
    child,
    base,
    port,
    memory,
    lines,
    resetMemory() {
      memory.heapMax = 0;
      memory.rssMax = 0;
    },
    stop: () => stop(child),
  };
}

/** Resolves once `url` answers 2xx (polled every 25 ms, for 120 s at most). */
export async function waitFor(url: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} did not answer`);
}

/** SIGTERM, and wait for the process to exit. */
export async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Signs in through the real form; answers the session cookie. */
export async function signIn(base: string, email: string, password = 'consult-demo'): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in as ${email} answered ${response.status}`);
  return cookie;
}

/**
 * Runs the variants interleaved, A B A B…, `rounds` times (so that a slow minute of a busy
 * machine falls on both), and answers each variant's results in the order they ran.
 */
export async function interleaved<T>(variants: Record<string, () => Promise<T>>, times = rounds): Promise<Record<string, T[]>> {
  const results: Record<string, T[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let round = 0; round < times; round++) {
    for (const [name, run] of Object.entries(variants)) {
      console.error(`… ${name}, round ${round + 1} of ${times}`);
      results[name]!.push(await run());
    }
  }
  return results;
}

/** Percentiles of a list of times, in ms to one decimal. */
export function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN) * 10) / 10;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

export type Stats = ReturnType<typeof stats>;

/** The smallest, median and largest of one figure over the rounds. */
export function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { min: round(sorted[0]!), median: round(sorted[Math.floor(sorted.length / 2)]!), max: round(sorted[sorted.length - 1]!), rounds: sorted.length };
}

/** Per percentile, the spread over the rounds of a list of per-round stats. */
export function spreadOf(perRound: Stats[]) {
  return { p50: spread(perRound.map((s) => s.p50)), p95: spread(perRound.map((s) => s.p95)), p99: spread(perRound.map((s) => s.p99)), max: spread(perRound.map((s) => s.max)) };
}

/** The ratios product / baseline of p50, p95 and p99, from all the samples of every round. */
export function ratios(product: Stats, baseline: Stats) {
  const r = (a: number, b: number) => Math.round((a / Math.max(0.1, b)) * 100) / 100;
  return { p50: r(product.p50, baseline.p50), p95: r(product.p95, baseline.p95), p99: r(product.p99, baseline.p99) };
}

/**
 * Writes a benchmark's results to bench/results/NAME.json (NAME.BENCH_RESULT_SUFFIX.json when set,
 * e.g. `before` for a baseline run with BENCH_SERVER_DIR) and prints them.
 */
export function report(name: string, results: object) {
  const output = { at: new Date().toISOString(), machine: machine(), serverDir: process.env.BENCH_SERVER_DIR ?? '.', ...results };
  const suffix = [process.env.BENCH_RESULT_SUFFIX, short ? 'short' : ''].filter(Boolean).map((s) => `.${s}`).join('');
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(`bench/results/${name}${suffix}.json`, `${JSON.stringify(output, null, 2)}\n`);
  console.log(JSON.stringify(output, null, 2));
}

/** Mebibytes, to one decimal. */
export const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** The id of the paper of the signed-in observer's organization in the demo round, read from the pages. */
export async function demoPaperId(base: string, cookie: string): Promise<string> {
  const rounds = await (await fetch(`${base}/rounds`, { headers: { cookie } })).text();
  const roundPath = /href="(\/rounds\/[0-9a-f-]{36})"[^>]*>Partnerships with NGOs in managing migration</.exec(rounds)?.[1];
  if (!roundPath) throw new Error('the demo round is not on /rounds');
  const roundPage = await (await fetch(`${base}${roundPath}`, { headers: { cookie } })).text();
  const paperId = new RegExp(`${roundPath}/papers/([0-9a-f-]{36})`).exec(roundPage)?.[1];
  if (!paperId) throw new Error('no paper link on the demo round page');
  return paperId;
}

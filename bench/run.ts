/**
 * `npm run bench` (all benchmarks) begins here; `npm run bench:foundation` runs this one:
 *
 *  1. Production start to `/healthz` 200, on an existing embedded database and on Postgres
 *     (a fresh process each time, as `npm start` runs it; 7 runs each, interleaved).
 *  2. The signed-in dashboard (`GET /` as the admin, full server rendering) on Postgres, beside a
 *     bare Express route making the same queries (bench/bare-dashboard.ts), interleaved A B A B
 *     for 3 rounds: the most each answers (closed loop, 20 connections), and the latency at 300
 *     requests a second offered (open loop: autocannon's overall rate; the rate actually reached
 *     is reported, and "not reached" when it falls short by more than 5 %).
 *
 * Needs the production build (built here if missing) and a Postgres server (BENCH_DATABASE_URL,
 * else DATABASE_URL, else the local one), on which it creates a database of its own and drops
 * only that. Results: bench/results/latest.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchDatabase, ensureBuild, interleaved, mib, report, rounds, short, signIn, spread, startServer } from './support.ts';

const startRuns = Number(process.env.BENCH_RUNS ?? (short ? 1 : 7));
const duration = Number(process.env.BENCH_SECONDS ?? (short ? 3 : 20));
const offered = 300;

async function startupTime(env: Record<string, string>) {
  const began = performance.now();
  const server = await startServer({ env, memory: false });
  const ms = performance.now() - began;
  await server.stop();
  return ms;
}

/** One round of load on a URL: the most it answers, then the latency at the offered rate. */
async function load(url: string, cookie: string) {
  // Headers a browser sends: the page is compressed as it would be for a person.
  const headers = { cookie, 'accept-encoding': 'gzip, deflate, br, zstd', accept: 'text/html' };
  const run = (seconds: number, overallRate?: number) => autocannon({ url, connections: 20, duration: seconds, headers, ...(overallRate ? { overallRate } : {}) });
  await run(short ? 1 : 5); // warm-up: JIT, connection pools, caches
  const saturated = await run(duration);
  const atRate = await run(duration, offered);
  const achieved = atRate.requests.total / atRate.duration;
  // autocannon reports p90 and p97.5, not p95: both are given, named as they are.
  const summary = (r: autocannon.Result) => ({
    n: r.requests.total,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
    requestsPerSecond: Math.round(r.requests.total / r.duration),
    non2xx: r.non2xx,
    errors: r.errors,
  });
  return { maximum: summary(saturated), atOffered: { ...summary(atRate), offered, achieved: Math.round(achieved), reached: achieved >= offered * 0.95 } };
}

ensureBuild();
// 1. Start-up. The first start of each creates and seeds its database; it is not counted.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-bench-'));
const database = await benchDatabase('foundation');
await startupTime({ DATA_DIR: dataDir, DATABASE_URL: '' });
await startupTime({ DATABASE_URL: database.url });
const startups = await interleaved({ embedded: () => startupTime({ DATA_DIR: dataDir, DATABASE_URL: '' }), postgres: () => startupTime({ DATABASE_URL: database.url }) }, startRuns);

// 2. Dashboard and bare route, both up, measured in turn.
const app = await startServer({ env: { DATABASE_URL: database.url } });
const cookie = await signIn(app.base, 'admin@example.org');
if (!(await (await fetch(`${app.base}/`, { headers: { cookie } })).text()).includes('Welcome, ')) throw new Error('the dashboard did not render for the signed-in admin');
const bare = await startServer({ script: 'bench/bare-dashboard.ts', env: { DATABASE_URL: database.url }, memory: false });
if ((await fetch(`${bare.base}/`, { headers: { cookie } })).status !== 200) throw new Error('the bare route did not answer');
const loads = await interleaved({ dashboard: () => load(`${app.base}/`, cookie), bare: () => load(`${bare.base}/`, cookie) });
await app.stop();
await bare.stop();
await database.drop();
fs.rmSync(dataDir, { recursive: true, force: true });

const figure = (name: string) => {
  const r = loads[name]!;
  return {
    rounds: r,
    maximumRate: spread(r.map((x) => x.maximum.requestsPerSecond)),
    atOffered: {
      achieved: spread(r.map((x) => x.atOffered.achieved)),
      reachedInEveryRound: r.every((x) => x.atOffered.reached),
      p50: spread(r.map((x) => x.atOffered.p50)),
      p99: spread(r.map((x) => x.atOffered.p99)),
    },
  };
};
/** Ratios dashboard / bare of each percentile at the offered rate, on the medians over rounds. */
const ratiosAt = () => {
  const med = (name: string, p: 'p50' | 'p90' | 'p97_5' | 'p99') => spread(loads[name]!.map((x) => x.atOffered[p])).median;
  return Object.fromEntries((['p50', 'p90', 'p97_5', 'p99'] as const).map((p) => [p, Math.round((med('dashboard', p) / Math.max(0.1, med('bare', p))) * 100) / 100]));
};
report('latest', {
  rounds,
  startupMs: { embedded: { runs: startups.embedded!.map(Math.round), ...spread(startups.embedded!) }, postgres: { runs: startups.postgres!.map(Math.round), ...spread(startups.postgres!) } },
  dashboard: figure('dashboard'),
  bareExpressSameQueries: figure('bare'),
  ratiosAtOffered: ratiosAt(),
  maximumRateRatio: Math.round((spread(loads.dashboard!.map((x) => x.maximum.requestsPerSecond)).median / spread(loads.bare!.map((x) => x.maximum.requestsPerSecond)).median) * 100) / 100,
  serverMemoryMaxMiB: { heap: mib(app.memory.heapMax), rss: mib(app.memory.rssMax) },
  notes: 'autocannon reports p90 and p97.5, not p95. Ratios at the offered rate compare the medians over rounds.',
});
process.exit(0);

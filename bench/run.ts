/**
 * `npm run bench`: the figures of the foundation issue, measured in one run.
 *
 *  1. Production start to `/healthz` 200, on an existing embedded database and on Postgres
 *     (a fresh process each time, spawned as `npm start` would run it, 7 runs each).
 *  2. The signed-in dashboard (`GET /` as the admin, full server rendering) at 20 connections on
 *     Postgres with autocannon: the maximum rate, and the latency at 300 requests/s offered;
 *     beside it a bare Express route making the same queries, measured the same way.
 *
 * Needs the production build (built here if missing) and a Postgres server: BENCH_DATABASE_URL,
 * else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; it creates and drops the
 * database `idm_bench`. Results: printed, and written to bench/results/latest.json.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { withDatabaseName } from '../tests/setup/database-names.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchDb = withDatabaseName(serverUrl, 'idm_bench');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const duration = Number(process.env.BENCH_SECONDS ?? 20);

if (!fs.existsSync('build/server/index.js')) execSync('npm run build --silent', { stdio: 'inherit' });

function start(script: string, env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, NODE_ENV: 'production', DEMO_SEED: '1', PORT: String(port), HOST: '127.0.0.1', APP_ORIGIN: `http://127.0.0.1:${port}`, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitHealthy(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function startupTimes(env: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const port = 4310 + i;
    const began = performance.now();
    const child = start('server/index.ts', env, port);
    await waitHealthy(`http://127.0.0.1:${port}/healthz`);
    times.push(performance.now() - began);
    await stop(child);
  }
  return times;
}

/**
 * Two measurements at 20 connections: the most the server answers (closed loop: each
 * connection sends its next request as soon as the last is answered), and the latency when
 * 300 requests a second are offered (the figure's load), where the server is busy but not
 * saturated. At saturation latency only measures the queue the load generator built.
 */
async function load(url: string, cookie: string) {
  // Headers a browser sends: the page is compressed as it would be for a person.
  const headers = { cookie, 'accept-encoding': 'gzip, deflate, br, zstd', accept: 'text/html' };
  const run = (seconds: number, overallRate?: number) =>
    autocannon({ url, connections: 20, duration: seconds, headers, ...(overallRate ? { overallRate } : {}) });
  await run(5); // warm-up: JIT, connection pools, caches
  const saturated = await run(duration);
  const at300 = await run(duration, 300);
  const summary = (r: autocannon.Result) => ({
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  });
  return { maximum: summary(saturated), at300PerSecond: summary(at300) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const admin = postgres(withDatabaseName(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe('DROP DATABASE IF EXISTS idm_bench WITH (FORCE)');
  await admin.unsafe('CREATE DATABASE idm_bench');

  // 1. Start-up. The first start of each creates and seeds the database; it is not counted.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-bench-'));
  const first = start('server/index.ts', { DATA_DIR: dataDir, DATABASE_URL: '' }, 4309);
  await waitHealthy('http://127.0.0.1:4309/healthz', 120_000);
  await stop(first);
  const embedded = await startupTimes({ DATA_DIR: dataDir, DATABASE_URL: '' });
  const firstPg = start('server/index.ts', { DATABASE_URL: benchDb }, 4309);
  await waitHealthy('http://127.0.0.1:4309/healthz', 120_000);
  await stop(firstPg);
  const onPostgres = await startupTimes({ DATABASE_URL: benchDb });

  // 2. Dashboard under load, then the bare baseline, on the same database, one after the other.
  const app = start('server/index.ts', { DATABASE_URL: benchDb }, 4400);
  await waitHealthy('http://127.0.0.1:4400/healthz');
  const signIn = await fetch('http://127.0.0.1:4400/login', {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: 'http://127.0.0.1:4400', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'email=admin%40example.org&password=consult-demo',
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const page = await fetch('http://127.0.0.1:4400/', { headers: { cookie } });
  if (!(await page.text()).includes('Welcome, ')) throw new Error('the dashboard did not render for the signed-in admin');
  const dashboard = await load('http://127.0.0.1:4400/', cookie);
  await stop(app);

  const bare = start('bench/bare-dashboard.ts', { DATABASE_URL: benchDb }, 4401);
  await new Promise((r) => setTimeout(r, 1500));
  const check = await fetch('http://127.0.0.1:4401/', { headers: { cookie } });
  if (check.status !== 200) throw new Error(`the bare route answered ${check.status}`);
  const baseline = await load('http://127.0.0.1:4401/', cookie);
  await stop(bare);

  await admin.unsafe('DROP DATABASE IF EXISTS idm_bench WITH (FORCE)');
  await admin.end();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const results = {
    at: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    startup: {
      embeddedMs: embedded.map(Math.round),
      embeddedMedianMs: Math.round(median(embedded)),
      embeddedMaxMs: Math.round(Math.max(...embedded)),
      postgresMs: onPostgres.map(Math.round),
      postgresMedianMs: Math.round(median(onPostgres)),
      postgresMaxMs: Math.round(Math.max(...onPostgres)),
    },
    dashboard,
    bareExpressSameQueries: baseline,
    ratio: {
      maximumThroughput: Number((dashboard.maximum.requestsPerSecond / baseline.maximum.requestsPerSecond).toFixed(2)),
      p99At300PerSecond: Number((dashboard.at300PerSecond.p99 / Math.max(1, baseline.at300PerSecond.p99)).toFixed(2)),
    },
  };
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

await main();

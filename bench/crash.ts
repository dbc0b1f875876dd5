/**
 * `npm run bench:crash`: `kill -9` of the server while 20 editors make 5 edits a second.
 *  A. Editors stay connected: after the restart they resend what the server lost; count the
 *     edits missing from a newcomer's copy once they have resynced (target: 0).
 *  B. Editors vanish at the moment of the kill: count the edits sent more than 1 s before the
 *     kill that are missing after the restart (target: 0).
 * Results in bench/results/crash.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import postgres from 'postgres';
import { openCoEditor, type CoEditor } from '../tests/support/collab-client.ts';
import { withDatabaseName } from '../tests/setup/database-names.ts';

const editors = 20;
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const children: ChildProcess[] = [];

function start(env: Record<string, string>): Promise<{ child: ChildProcess; base: string; cookie: string; documentName: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/collab-server.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('{') && resolve({ child, ...JSON.parse(line) }));
    child.once('exit', (code) => code !== null && code !== 0 && reject(new Error(`server exited with ${code}`)));
  });
}

async function scenario(label: 'stay-connected' | 'vanish', database: string) {
  const env = { DATABASE_URL: withDatabaseName(serverUrl, database), PORT: '4701' };
  const first = await start(env);
  const clients: CoEditor[] = [];
  for (let i = 0; i < editors; i++) {
    const c = openCoEditor({ base: first.base, cookie: first.cookie, documentName: first.documentName });
    await c.ready;
    clients.push(c);
  }
  const sent: Array<{ token: string; at: number }> = [];
  let seq = 0;
  const timers = clients.map((c, i) =>
    setInterval(() => {
      const token = `e${i}-${seq++}`;
      sent.push({ token, at: Date.now() });
      c.type(token);
    }, 200),
  );
  await new Promise((r) => setTimeout(r, 10_000));
  const killedAt = Date.now();
  first.child.kill('SIGKILL');
  if (label === 'vanish') {
    timers.forEach(clearInterval);
    clients.forEach((c) => c.close());
  }
  await new Promise((r) => first.child.once('exit', r));
  await start(env);
  if (label === 'stay-connected') {
    await new Promise((r) => setTimeout(r, 3000)); // typing goes on while the server restarts
    timers.forEach(clearInterval);
    await Promise.all(clients.map((c) => c.flush()));
  }
  const reader = openCoEditor({ base: first.base, cookie: first.cookie, documentName: first.documentName });
  await reader.ready;
  const text = reader.text();
  const mustSurvive = label === 'vanish' ? sent.filter((s) => s.at < killedAt - 1000) : sent;
  const missing = mustSurvive.filter((s) => !text.includes(`${s.token}\n`) && !text.endsWith(s.token));
  const converged = label === 'stay-connected' ? new Set(clients.map((c) => c.text())).size === 1 && clients[0]!.text() === text : null;
  reader.close();
  clients.forEach((c) => c.close());
  return { label, editsSent: sent.length, mustSurvive: mustSurvive.length, missing: missing.length, converged };
}

async function main() {
  const admin = postgres(withDatabaseName(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  const results = [];
  for (const label of ['stay-connected', 'vanish'] as const) {
    const name = `idm_bench_crash_${label.replace('-', '_')}`;
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
    results.push(await scenario(label, name));
    children.splice(0).forEach((child) => child.kill('SIGKILL'));
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  await admin.end();
  const output = { at: new Date().toISOString(), editors, editsPerSecond: 5, results };
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/crash.json', `${JSON.stringify(output, null, 2)}\n`);
  console.log(JSON.stringify(output, null, 2));
  process.exit(0);
}

await main();

/**
 * `node --import tsx bench/collab.ts` (or `npm run bench:collab`): 20 editors × 5 edits a second
 * on one paper for 60 s, Node clients with @hocuspocus/provider, against our server (auth,
 * persistence to Postgres, the update log) and, in the same run, against a bare Hocuspocus.
 * Measures how long an edit takes to reach each of the 19 other editors, and checks that every
 * copy converges to the same text. Results in bench/results/collab.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import postgres from 'postgres';
import * as Y from 'yjs';
import { withDatabaseName } from '../tests/setup/database-names.ts';
import { browserLikeSocket } from '../tests/support/collab-client.ts';

const editors = Number(process.env.BENCH_EDITORS ?? 20);
const editsPerSecond = Number(process.env.BENCH_RATE ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function start(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; info: Record<string, string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) resolve({ child, info: JSON.parse(line) });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function run(label: string, url: string, documentName: string, headers: Record<string, string>) {
  const Socket = browserLikeSocket(headers);
  const latencies: number[] = [];
  const clients = await Promise.all(
    Array.from({ length: editors }, async (_, index) => {
      const doc = new Y.Doc();
      const websocket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Socket });
      const provider = new HocuspocusProvider({ websocketProvider: websocket, name: documentName, document: doc, token: 'bench' });
      provider.attach();
      await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
      // Each edit also records when it was sent, so every receiver can time its arrival.
      doc.getMap<number>('sent').observe((event) => {
        if (event.transaction.local) return;
        const now = performance.timeOrigin + performance.now();
        for (const key of event.keysChanged) latencies.push(now - doc.getMap<number>('sent').get(key)!);
      });
      return { index, doc, provider, websocket };
    }),
  );
  const initialParagraphs = clients[0]!.doc.getXmlFragment('default').length;
  let sent = 0;
  const until = Date.now() + seconds * 1000;
  const timers = clients.map((client) =>
    setInterval(() => {
      if (Date.now() > until) return;
      const seq = sent++;
      client.doc.transact(() => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`editor ${client.index} edit ${seq}`)]);
        const fragment = client.doc.getXmlFragment('default');
        fragment.insert(fragment.length, [paragraph]);
        client.doc.getMap<number>('sent').set(`${client.index}-${seq}`, performance.timeOrigin + performance.now());
      });
    }, 1000 / editsPerSecond),
  );
  await new Promise((r) => setTimeout(r, seconds * 1000 + 200));
  timers.forEach(clearInterval);
  // Let the last edits arrive, then compare every copy.
  const expected = sent * (editors - 1);
  const settleUntil = Date.now() + 20_000;
  while (latencies.length < expected && Date.now() < settleUntil) await new Promise((r) => setTimeout(r, 100));
  const texts = new Set(clients.map((c) => c.doc.getXmlFragment('default').toString()));
  const paragraphs = clients[0]!.doc.getXmlFragment('default').length;
  clients.forEach((c) => {
    c.provider.destroy();
    c.websocket.destroy();
  });
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 10) / 10;
  return { label, editsSent: sent, deliveries: latencies.length, expectedDeliveries: expected, converged: texts.size === 1 && paragraphs === initialParagraphs + sent, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) };
}

async function main() {
  const admin = postgres(withDatabaseName(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_collab WITH (FORCE)');
  await admin.unsafe('CREATE DATABASE idm_bench_collab');
  const ours = await start('tests/support/collab-server.ts', { DATABASE_URL: withDatabaseName(serverUrl, 'idm_bench_collab'), PORT: '4601' });
  const platform = await run('IDM Consult (auth, update log on Postgres)', `${ours.info.base!.replace('http', 'ws')}/collab`, ours.info.documentName!, { cookie: ours.info.cookie!, origin: ours.info.base! });
  ours.child.kill('SIGTERM');
  const bare = await start('bench/bare-hocuspocus.ts', { PORT: '4600' });
  const baseline = await run('bare Hocuspocus (no auth, no persistence)', bare.info.url!, 'bench', {});
  bare.child.kill('SIGTERM');
  await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_collab WITH (FORCE)');
  await admin.end();
  const results = { at: new Date().toISOString(), editors, editsPerSecond, seconds, platform, baseline, p99Ratio: Math.round((platform.p99 / Math.max(0.1, baseline.p99)) * 100) / 100 };
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/collab.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}

await main();

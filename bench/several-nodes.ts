/**
 * Several nodes (issue 13): how long an edit typed on node A takes to reach an editor on node
 * B, against the same edit reaching an editor on A itself (the baseline), in the same run,
 * rounds interleaved. Two real nodes (tests/support/cluster-node.ts) on a fresh Postgres
 * database and a private redis-server. `EDITORS` writers (half per node) type `RATE` edits a
 * second each for `SECONDS` per round; one reader on each node times every edit's arrival.
 * Run: DATABASE_URL=postgres://… node --import tsx bench/several-nodes.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import readline from 'node:readline';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import * as Y from 'yjs';
import { openDatabase } from '../db/client.ts';
import { positionPapers, users } from '../db/schema.ts';
import { createSession } from '../domain/auth/sessions.ts';
import { paperDocumentName } from '../domain/papers.ts';
import { withDatabaseName } from '../tests/setup/database-names.ts';
import { openCoEditor, type CoEditor } from '../tests/support/collab-client.ts';
import { freePort } from '../tests/support/ports.ts';
import { startRedisServer } from '../tests/support/redis-server.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: several nodes need Postgres');
const editors = Number(process.env.EDITORS ?? 10);
const rate = Number(process.env.RATE ?? 5);
const seconds = Number(process.env.SECONDS ?? 10);
const rounds = Number(process.env.ROUNDS ?? 2);

const redisPort = await freePort();
const redis = await startRedisServer(redisPort);
const name = `${new URL(url).pathname.slice(1)}_bench_nodes_${randomBytes(3).toString('hex')}`;
const admin = postgres(withDatabaseName(url, 'postgres'), { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE "${name}"`);
const databaseUrl = withDatabaseName(url, name);
const env = { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: `redis://127.0.0.1:${redisPort}`, REDIS_PREFIX: 'bench', DEMO_SEED: '1', PORT: '0' };
const start = () =>
  new Promise<{ child: ChildProcess; base: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/cluster-node.ts'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('{"base"') && resolve({ child, base: JSON.parse(line).base }));
    child.once('exit', (code) => reject(new Error(`node exited with ${code}`)));
  });
const [a, b] = await Promise.all([start(), start()]);
const handle = await openDatabase({ databaseUrl });
const [olena] = await handle.db.select().from(users).where(eq(users.email, 'observer1@example.org'));
const [paper] = await handle.db.select().from(positionPapers).where(eq(positionPapers.organizationId, olena!.organizationId!));
const documentName = paperDocumentName(paper!.id);
const cookie = `idm_session=${(await createSession(handle.db, olena!.id, { idleMs: 3600_000, absoluteMs: 3600_000 })).token}`;

const open = async (base: string) => {
  const e = openCoEditor({ base, cookie, documentName });
  await e.ready;
  return e;
};
const writers: Array<{ editor: CoEditor; node: 'A' | 'B' }> = [];
for (let i = 0; i < editors; i++) writers.push({ editor: await open(i % 2 ? b.base : a.base), node: i % 2 ? 'B' : 'A' });
const readers = { A: await open(a.base), B: await open(b.base) };

/** Edit id → when typed, and on which node; arrivals are timed at each reader. */
const sent = new Map<string, { at: number; node: 'A' | 'B' }>();
const latencies = { sameNode: [] as number[], otherNode: [] as number[] };
let measuring = false;
for (const [readerNode, reader] of Object.entries(readers) as Array<['A' | 'B', CoEditor]>) {
  reader.doc.getXmlFragment('default').observeDeep((events) => {
    if (!measuring) return;
    const now = performance.now();
    for (const event of events) {
      for (const item of event.changes.added) {
        const text = item.content.getContent().map((c) => (c instanceof Y.XmlElement ? c.toString() : String(c))).join('');
        for (const [, id] of text.matchAll(/mark-(\w+)/g)) {
          const edit = sent.get(id!);
          if (edit) (edit.node === readerNode ? latencies.sameNode : latencies.otherNode).push(now - edit.at);
        }
      }
    }
  });
}

let counter = 0;
for (let round = 0; round < rounds; round++) {
  measuring = true;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    writers.map(async ({ editor, node }) => {
      while (performance.now() < until) {
        const id = `${(counter++).toString(36)}x${round}`;
        sent.set(id, { at: performance.now(), node });
        editor.type(`mark-${id}`);
        await new Promise((r) => setTimeout(r, 1000 / rate));
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 1000));
  measuring = false;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1) : 'n/a';
};
const converged = readers.A.text() === readers.B.text();
console.log(`several nodes: ${editors} editors (half per node) × ${rate} edits/s × ${seconds} s × ${rounds} rounds; ${sent.size} edits`);
for (const [label, values] of [['same node (baseline)', latencies.sameNode], ['node A → node B', latencies.otherNode]] as const) {
  console.log(`${label}: n=${values.length} p50=${pct(values, 50)} ms p95=${pct(values, 95)} ms p99=${pct(values, 99)} ms`);
}
console.log(`copies converged: ${converged}`);

[...writers.map((w) => w.editor), readers.A, readers.B].forEach((e) => e.close());
a.child.kill('SIGKILL');
b.child.kill('SIGKILL');
redis.kill('SIGKILL');
await handle.close();
await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.end();
process.exit(0);

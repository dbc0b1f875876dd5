/**
 * `npm run bench:big-paper`: how long the server takes to load a 100,000-character paper, on
 * Postgres, from its compacted state and from a state plus a long log (the worst case before a
 * compaction). 20 loads each; results in bench/results/big-paper.json.
 */
import fs from 'node:fs';
import postgres from 'postgres';
import * as Y from 'yjs';
import { openDatabase } from '../db/client.ts';
import { appendUpdate, compactDocument, loadDocument } from '../domain/collaboration/document-store.ts';
import { withDatabaseName } from '../tests/setup/database-names.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = postgres(withDatabaseName(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_big WITH (FORCE)');
await admin.unsafe('CREATE DATABASE idm_bench_big');
const handle = await openDatabase({ databaseUrl: withDatabaseName(serverUrl, 'idm_bench_big') });
await handle.migrate();

/** Writes ~100,000 characters as an editor would: sentence by sentence, each its own update. */
function typeBigPaper(updates: Uint8Array[]) {
  const doc = new Y.Doc();
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const fragment = doc.getXmlFragment('default');
  const sentence = 'IOM and its NGO partners share the work of managing migration humanely and in an orderly way. ';
  let chars = 0;
  while (chars < 100_000) {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(fragment.length, [paragraph]);
    for (let i = 0; i < 8 && chars < 100_000; i++) {
      text.insert(text.length, sentence);
      chars += sentence.length;
    }
  }
  return doc;
}

const updates: Uint8Array[] = [];
const source = typeBigPaper(updates);
const chars = source.getXmlFragment('default').toArray().reduce((n, p) => n + (p as Y.XmlElement).toArray().join('').length, 0);

async function time(name: string, runs = 20) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { doc } = await loadDocument(handle.db, name);
    times.push(performance.now() - started);
    doc.destroy();
  }
  times.sort((a, b) => a - b);
  return { median: Math.round(times[Math.floor(runs / 2)]! * 10) / 10, p95: Math.round(times[Math.floor(runs * 0.95)]! * 10) / 10, max: Math.round(times[runs - 1]! * 10) / 10 };
}

for (const u of updates) await appendUpdate(handle.db, 'paper.log', u);
await appendUpdate(handle.db, 'paper.compacted', Y.encodeStateAsUpdate(source));
await compactDocument(handle.db, 'paper.compacted');
const results = {
  at: new Date().toISOString(),
  characters: chars,
  stateBytes: Y.encodeStateAsUpdate(source).byteLength,
  compacted: await time('paper.compacted'),
  fromLog: { updates: updates.length, ...(await time('paper.log', 5)) },
};
await handle.close();
await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_big WITH (FORCE)');
await admin.end();
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/big-paper.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));

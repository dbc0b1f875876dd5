/**
 * `npm run bench:big-paper`: how long the server takes to load a 100,000-character paper, on
 * Postgres, from its compacted state and from a state plus a long log (the worst case before a
 * compaction). 20 loads from the state and 5 from the log, interleaved over 3 rounds, with the
 * spread; own database. Results in bench/results/big-paper.json.
 */
import * as Y from 'yjs';
import { openDatabase } from '../db/client.ts';
import { appendUpdate, compactDocument, loadDocument } from '../domain/collaboration/document-store.ts';
import { benchDatabase, interleaved, report, spreadOf, stats } from './support.ts';

const database = await benchDatabase('big_paper');
const handle = await openDatabase({ databaseUrl: database.url, statementTimeoutMs: 0 });
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
  return stats(times);
}

for (const u of updates) await appendUpdate(handle.db, 'paper.log', u);
await appendUpdate(handle.db, 'paper.compacted', Y.encodeStateAsUpdate(source));
await compactDocument(handle.db, 'paper.compacted');
const runs = await interleaved({ compacted: () => time('paper.compacted'), fromLog: () => time('paper.log', 5) });
await handle.close();
await database.drop();
report('big-paper', {
  characters: chars,
  stateBytes: Y.encodeStateAsUpdate(source).byteLength,
  loggedUpdates: updates.length,
  compacted: { rounds: runs.compacted, spread: spreadOf(runs.compacted!) },
  fromLog: { rounds: runs.fromLog, spread: spreadOf(runs.fromLog!) },
});
process.exit(0);

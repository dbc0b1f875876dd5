/**
 * `npm run bench:collab`: 20 editors × 5 edits a second on one paper for 60 s (20 s in each of 3
 * rounds by default), Node clients with @hocuspocus/provider, against the production server
 * (`server/index.ts` as `npm start` runs it: sign-in, auth at the upgrade, the update log on
 * Postgres) and against a bare Hocuspocus (no auth, no persistence), interleaved A B A B.
 * Measures how long an edit takes to reach each of the other editors, and checks that every
 * copy converges. Results in bench/results/collab.json: each round, the spread over rounds, and
 * the ratios p50/p95/p99 over all the samples.
 */
import { and, eq } from 'drizzle-orm';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { openDatabase } from '../db/client.ts';
import { positionPapers, users } from '../db/schema.ts';
import { paperDocumentName } from '../domain/papers.ts';
import { browserLikeSocket } from '../tests/support/collab-client.ts';
import { benchDatabase, ensureBuild, interleaved, mib, ratios, report, short, signIn, spreadOf, startServer, stats } from './support.ts';

const editors = Number(process.env.BENCH_EDITORS ?? (short ? 5 : 20));
const editsPerSecond = Number(process.env.BENCH_RATE ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? (short ? 3 : 20));

async function run(url: string, documentName: string, headersOf: (index: number) => Record<string, string>) {
  const latencies: number[] = [];
  const clients = await Promise.all(
    Array.from({ length: editors }, async (_, index) => {
      const doc = new Y.Doc();
      const websocket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: browserLikeSocket(headersOf(index)) });
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
  return { editsSent: sent, deliveries: latencies.length, expectedDeliveries: expected, converged: texts.size === 1 && paragraphs === initialParagraphs + sent, latencies: [...latencies], p50: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) };
}

ensureBuild();
const database = await benchDatabase('collab');
const ours = await startServer({ env: { DATABASE_URL: database.url } });
const handle = await openDatabase({ databaseUrl: database.url });
const [olena] = await handle.db.select().from(users).where(eq(users.email, 'observer1@example.org'));
const [paper] = await handle.db.select().from(positionPapers).where(and(eq(positionPapers.organizationId, olena!.organizationId!)));
await handle.close();
const documentName = paperDocumentName(paper!.id);
// Two members of La Strada Ukraine share the editors (one person holds at most 20 sockets).
const cookies = [await signIn(ours.base, 'observer1@example.org'), await signIn(ours.base, 'observer2@example.org')];
const bare = await startServer({ script: 'bench/bare-hocuspocus.ts', env: {}, waitForJson: true, memory: false });
const bareUrl = (JSON.parse(bare.lines.find((l) => l.startsWith('{'))!) as { url: string }).url;

let document = 0;
const results = await interleaved({
  // A fresh document each round for both, so that rounds do not grow one paper.
  platform: () => run(`${ours.base.replace('http', 'ws')}/collab`, documentName, (i) => ({ cookie: cookies[i % 2]!, origin: ours.base })),
  baseline: () => run(bareUrl, `bench-${document++}`, () => ({})),
});
await ours.stop();
await bare.stop();
await database.drop();

const all = (name: string) => stats(results[name]!.flatMap((r) => r.latencies));
const summarize = (name: string) => ({
  rounds: results[name]!.map(({ latencies: _l, ...r }) => r),
  spread: spreadOf(results[name]!.map((r) => stats(r.latencies))),
  allSamples: all(name),
});
report('collab', {
  editors,
  editsPerSecond,
  secondsPerRound: seconds,
  server: 'production (server/index.ts, NODE_ENV=production) on Postgres; baseline bench/bare-hocuspocus.ts',
  serverMemoryMaxMiB: { heap: mib(ours.memory.heapMax), rss: mib(ours.memory.rssMax) },
  platform: summarize('platform'),
  baseline: summarize('baseline'),
  ratios: ratios(all('platform'), all('baseline')),
});
process.exit(0);

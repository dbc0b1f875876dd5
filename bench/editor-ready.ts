/**
 * `npm run bench:editor-ready`: a 100,000-character paper opened in Chromium — the time from the
 * navigation to the paper's page until the editor shows the paper's last sentence; 5 loads in
 * each of 3 rounds (after one that warms the browser's cache), with the spread. Needs the
 * production build and Debian's Chromium; own database, free port. Results in
 * bench/results/editor-ready.json.
 */
import { chromium } from '@playwright/test';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { openDatabase } from '../db/client.ts';
import { positionPapers, users } from '../db/schema.ts';
import { appendUpdate, compactDocument } from '../domain/collaboration/document-store.ts';
import { paperDocumentName } from '../domain/papers.ts';
import { benchDatabase, ensureBuild, interleaved, report, spread, startServer } from './support.ts';

ensureBuild();
const database = await benchDatabase('editor');
const databaseUrl = database.url;
const server = await startServer({ env: { DATABASE_URL: databaseUrl } });

// Replace La Strada Ukraine's draft with a 100,000-character paper before anyone opens it.
const handle = await openDatabase({ databaseUrl });
const [olena] = await handle.db.select().from(users).where(eq(users.email, 'observer1@example.org'));
const [paper] = await handle.db.select().from(positionPapers).where(eq(positionPapers.organizationId, olena!.organizationId!));
const doc = new Y.Doc();
const fragment = doc.getXmlFragment('default');
const sentence = 'IOM and its NGO partners share the work of managing migration humanely and in an orderly way. ';
let chars = 0;
let n = 0;
while (chars < 100_000) {
  const p = new Y.XmlElement('paragraph');
  const body = `${sentence.repeat(8)}(paragraph ${n++})`;
  p.insert(0, [new Y.XmlText(body)]);
  fragment.insert(fragment.length, [p]);
  chars += body.length;
}
const lastWords = `(paragraph ${n - 1})`;
await appendUpdate(handle.db, paperDocumentName(paper!.id), Y.encodeStateAsUpdate(doc));
await compactDocument(handle.db, paperDocumentName(paper!.id));
await handle.close();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
const base = server.base;
await page.goto(`${base}/login`);
await page.fill('input[name=email]', 'observer1@example.org');
await page.fill('input[name=password]', 'consult-demo');
await page.click('main button[type=submit]');
await page.waitForURL(`${base}/`);
const url = `${base}/rounds/${paper!.roundId}/papers/${paper!.id}`;
await page.goto(url); // warms the browser's cache, not counted
await page.locator('.paper-editor', { hasText: lastWords }).waitFor({ timeout: 30_000 });
const runs = await interleaved({
  load: async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      await page.goto(url);
      await page.locator('.paper-editor', { hasText: lastWords }).waitFor({ timeout: 30_000 });
      times.push(Date.now() - started);
    }
    return times;
  },
});
await browser.close();
await server.stop();
await database.drop();
const all = runs.load!.flat();
report('editor-ready', { characters: chars, runsMs: runs.load, spreadOfMedians: spread(runs.load!.map((r) => spread(r).median)), allLoads: spread(all), targetMs: 1000 });
process.exit(0);

/**
 * `npm run bench:editor-ready`: a 100,000-character paper opened in Chromium — the time from the
 * navigation to the paper's page until the editor shows the paper's last sentence, 5 times.
 * Needs the production build and Debian's Chromium. Results in bench/results/editor-ready.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import { chromium } from '@playwright/test';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import * as Y from 'yjs';
import { openDatabase } from '../db/client.ts';
import { positionPapers, users } from '../db/schema.ts';
import { appendUpdate, compactDocument } from '../domain/collaboration/document-store.ts';
import { paperDocumentName } from '../domain/papers.ts';
import { withDatabaseName } from '../tests/setup/database-names.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseUrl = withDatabaseName(serverUrl, 'idm_bench_editor');
const admin = postgres(withDatabaseName(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_editor WITH (FORCE)');
await admin.unsafe('CREATE DATABASE idm_bench_editor');

const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
  env: { ...process.env, NODE_ENV: 'production', DEMO_SEED: '1', PORT: '4801', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, APP_ORIGIN: 'http://127.0.0.1:4801' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => readline.createInterface({ input: server.stdout! }).on('line', (l) => l.includes('is ready') && resolve()));

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
const base = 'http://127.0.0.1:4801';
await page.goto(`${base}/login`);
await page.fill('input[name=email]', 'observer1@example.org');
await page.fill('input[name=password]', 'consult-demo');
await page.click('main button[type=submit]');
await page.waitForURL(`${base}/`);
const url = `${base}/rounds/${paper!.roundId}/papers/${paper!.id}`;
const times: number[] = [];
for (let i = 0; i < 6; i++) {
  const started = Date.now();
  await page.goto(url);
  await page.locator('.paper-editor', { hasText: lastWords }).waitFor({ timeout: 30_000 });
  if (i > 0) times.push(Date.now() - started); // the first load warms the browser's cache
}
await browser.close();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
await admin.unsafe('DROP DATABASE IF EXISTS idm_bench_editor WITH (FORCE)');
await admin.end();
times.sort((a, b) => a - b);
const results = { at: new Date().toISOString(), characters: chars, runsMs: times, medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1] };
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/editor-ready.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));

/**
 * `npm run bench:suggestions` (issue 14, ADR 027): a 100,000-character paper with 200 open
 * suggestions (100 insertions, 100 deletions, by two members) opened in Chromium by the
 * representative. Measured in the page:
 *  - typing latency, keypress → paint (the key event's timestamp to the frame after it), 150 keys
 *    at the end of the paper, in Editing and in Suggesting mode, interleaved, 3 rounds;
 *  - "Accept all" (200 suggestions decided in one change), click → paint, once per round on a
 *    fresh copy of the paper;
 *  - then typing again in the same paper, now without suggestions: the editor's own figure.
 * Needs the production build and Debian's Chromium; own database, free port. Results in
 * bench/results/suggestions.json.
 */
import { chromium, type Page } from '@playwright/test';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { openDatabase } from '../db/client.ts';
import { collaborativeDocuments, documentUpdates, positionPapers, users } from '../db/schema.ts';
import { appendUpdate, compactDocument } from '../domain/collaboration/document-store.ts';
import { paperDocumentName } from '../domain/papers.ts';
import { paperExtensions } from '../domain/papers/editor-schema.ts';
import { benchDatabase, ensureBuild, report, rounds, short, spread, startServer, stats } from './support.ts';

const SUGGESTIONS = 200;
const KEYS = short ? 30 : 150;

/** 100,000 characters in paragraphs, the first 200 carrying one suggested insertion or deletion each. */
function paperWithSuggestions() {
  const sentence = 'IOM and its NGO partners share the work of managing migration humanely and in an orderly way. ';
  const content: object[] = [];
  let chars = 0;
  let made = 0;
  let n = 0;
  while (chars < 100_000 || made < SUGGESTIONS) {
    const body = `${sentence.repeat(3)}(paragraph ${n})`;
    const texts: object[] = [{ type: 'text', text: body }];
    if (made < SUGGESTIONS) {
      const author = made % 2 === 0 ? 'taras' : 'mariia';
      const mark = {
        type: made % 4 < 2 ? 'suggestedInsertion' : 'suggestedDeletion',
        attrs: { suggestion: `s${made}`, authorId: author, authorName: author === 'taras' ? 'Taras Melnyk' : 'Mariia Bondar', color: author === 'taras' ? '#0b6e4f' : '#6a1b9a', at: '2026-12-01T04:00:00.000Z' },
      };
      texts.push({ type: 'text', text: ' Suggested words for this paragraph.', marks: [mark] }, { type: 'text', text: ' End.' });
      made++;
    }
    content.push({ type: 'paragraph', content: texts });
    chars += body.length + (texts.length > 1 ? 41 : 0);
    n++;
  }
  return { json: { type: 'doc', content }, chars, lastWords: `(paragraph ${n - 1})` };
}

ensureBuild();
const database = await benchDatabase('suggestions');
const server = await startServer({ env: { DATABASE_URL: database.url } });
const handle = await openDatabase({ databaseUrl: database.url });
const [olena] = await handle.db.select().from(users).where(eq(users.email, 'observer1@example.org'));
const [paper] = await handle.db.select().from(positionPapers).where(eq(positionPapers.organizationId, olena!.organizationId!));
const documentName = paperDocumentName(paper!.id);
const built = paperWithSuggestions();

/** The paper as built, stored afresh (nobody has it open: the server holds no copy). */
async function storeFreshPaper() {
  await handle.db.delete(documentUpdates).where(eq(documentUpdates.documentName, documentName));
  await handle.db.delete(collaborativeDocuments).where(eq(collaborativeDocuments.name, documentName));
  const doc = prosemirrorJSONToYDoc(getSchema(paperExtensions), built.json, 'default');
  await appendUpdate(handle.db, documentName, Y.encodeStateAsUpdate(doc));
  await compactDocument(handle.db, documentName);
}

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

async function openPaper(p: Page) {
  await p.goto(url);
  await p.locator('.paper-editor', { hasText: built.lastWords }).waitFor({ timeout: 60_000 });
  await p.getByText(`${SUGGESTIONS} open suggestions`).waitFor({ timeout: 30_000 });
}

/** Key event → the frame after it, for each key typed. */
async function typingLatency(p: Page, mode: 'Editing' | 'Suggesting') {
  await p.getByLabel(mode, { exact: true }).check();
  await p.locator('.paper-editor').click();
  await p.keyboard.press('Control+End');
  await p.evaluate(() => {
    const w = window as unknown as { latencies: number[]; listening?: boolean };
    w.latencies = [];
    if (w.listening) return;
    w.listening = true;
    document.querySelector('.paper-editor')!.addEventListener('keydown', (e) => {
      const start = e.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => w.latencies.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    });
  });
  const text = 'the partners agree '.repeat(20).slice(0, KEYS);
  await p.keyboard.type(text, { delay: 40 });
  await p.waitForTimeout(300);
  return p.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
}

/** "Accept all": click → the frame after the change. */
async function acceptAll(p: Page) {
  const ms = await p.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const button = [...document.querySelectorAll('.suggestions-panel button')].find((b) => b.textContent === 'Accept all') as HTMLButtonElement;
        const start = performance.now();
        button.click();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - start);
          channel.port2.postMessage(null);
        });
      }),
  );
  const left = await p.locator('.paper-editor ins.suggestion, .paper-editor del.suggestion').count();
  if (left !== 0) throw new Error(`accept all left ${left} suggestion runs`);
  return ms;
}

const typing: Record<'Editing' | 'Suggesting' | 'none', number[][]> = { Editing: [], Suggesting: [], none: [] };
const accepts: number[] = [];
for (let round = 0; round < rounds; round++) {
  console.error(`… round ${round + 1} of ${rounds}`);
  await storeFreshPaper();
  await openPaper(page);
  for (const mode of round % 2 === 0 ? (['Editing', 'Suggesting'] as const) : (['Suggesting', 'Editing'] as const)) {
    typing[mode].push(await typingLatency(page, mode));
  }
  accepts.push(await acceptAll(page));
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
  // The same paper with no suggestion left: the editor's own figure, for comparison.
  typing.none.push(await typingLatency(page, 'Editing'));
  // Leave the paper so that the server lets go of it before it is stored afresh.
  await page.goto(`${base}/`);
  await new Promise((r) => setTimeout(r, 3000));
}
await browser.close();
await server.stop();
await handle.close();
await database.drop();
report('suggestions', {
  characters: built.chars,
  suggestions: SUGGESTIONS,
  keysPerRound: KEYS,
  typingEditing: { all: stats(typing.Editing.flat()), p95OverRounds: spread(typing.Editing.map((r) => stats(r).p95)) },
  typingSuggesting: { all: stats(typing.Suggesting.flat()), p95OverRounds: spread(typing.Suggesting.map((r) => stats(r).p95)) },
  typingWithoutSuggestions: { all: stats(typing.none.flat()), p95OverRounds: spread(typing.none.map((r) => stats(r).p95)) },
  acceptAllMs: { runs: accepts.map((v) => Math.round(v)), spread: spread(accepts) },
  targets: { typingP95Ms: 50, acceptAllMs: 500 },
});
process.exit(0);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { appendUpdate, compactDocument, loadDocument, loggedUpdateCount } from './document-store.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.dispose());

/** Types into a Y.Doc and collects each update as a client would send it. */
function typist() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  return { doc, updates, type: (s: string) => text.insert(text.length, s) };
}

describe('the document store', () => {
  it('loads exactly what was appended, update by update', async () => {
    const a = typist();
    for (const word of ['Partnership ', 'with ', 'NGOs']) a.type(word);
    for (const u of a.updates) await appendUpdate(handle.db, 'paper.one', u);
    const { doc, logged } = await loadDocument(handle.db, 'paper.one');
    expect(logged).toBe(3);
    expect(doc.getText('t').toString()).toBe('Partnership with NGOs');
  });

  it('compacts the log into the state and loads the same text, then keeps logging after it', async () => {
    const a = typist();
    for (let i = 0; i < 50; i++) a.type(`${i} `);
    for (const u of a.updates) await appendUpdate(handle.db, 'paper.two', u);
    const before = (await loadDocument(handle.db, 'paper.two')).doc.getText('t').toString();
    expect(await compactDocument(handle.db, 'paper.two')).toMatchObject({ folded: 50 });
    expect(await loggedUpdateCount(handle.db, 'paper.two')).toBe(0);
    expect((await loadDocument(handle.db, 'paper.two')).doc.getText('t').toString()).toBe(before);

    a.updates.length = 0;
    a.type('after');
    await appendUpdate(handle.db, 'paper.two', a.updates[0]!);
    expect((await loadDocument(handle.db, 'paper.two')).doc.getText('t').toString()).toBe(`${before}after`);
    expect(await compactDocument(handle.db, 'paper.two')).toMatchObject({ folded: 1 });
    expect((await loadDocument(handle.db, 'paper.two')).doc.getText('t').toString()).toBe(`${before}after`);
  });

  it('merges concurrent editors, whatever order their updates arrive in', async () => {
    const a = typist();
    const b = typist();
    a.type('IOM ');
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    b.type('and NGOs');
    a.type('Council ');
    const all = [...b.updates, ...a.updates].reverse();
    for (const u of all) await appendUpdate(handle.db, 'paper.three', u);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    const { doc } = await loadDocument(handle.db, 'paper.three');
    expect(doc.getText('t').toString()).toBe(a.doc.getText('t').toString());
  });

  it('loses nothing when updates arrive during a compaction, or are stored twice', async () => {
    const a = typist();
    for (let i = 0; i < 20; i++) a.type(`w${i} `);
    for (const u of a.updates.slice(0, 10)) await appendUpdate(handle.db, 'paper.four', u);
    const compaction = compactDocument(handle.db, 'paper.four');
    const appends = a.updates.slice(10).map((u) => appendUpdate(handle.db, 'paper.four', u));
    await Promise.all([compaction, ...appends]);
    await appendUpdate(handle.db, 'paper.four', a.updates[3]!); // a duplicate is harmless
    const { doc } = await loadDocument(handle.db, 'paper.four');
    expect(doc.getText('t').toString()).toBe(a.doc.getText('t').toString());
    await compactDocument(handle.db, 'paper.four');
    expect((await loadDocument(handle.db, 'paper.four')).doc.getText('t').toString()).toBe(a.doc.getText('t').toString());
  });

  it('keeps documents apart', async () => {
    expect((await loadDocument(handle.db, 'paper.none')).doc.getText('t').toString()).toBe('');
  });
});

/**
 * "Saved" means stored, under faults: the database refuses writes for a moment while people
 * type. The flush is answered `stored` only once the updates are in the database, the editors
 * are told that storage fails, failed appends are retried, updates waiting together go in one
 * INSERT, and the log carries ids and error codes, never the paper's text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { documentUpdates } from '../../db/schema.ts';
import { createSession } from '../../domain/auth/sessions.ts';
import { loadDocument } from '../../domain/collaboration/document-store.ts';
import { paperDocumentName, startPaper } from '../../domain/papers.ts';
import { createRound } from '../../domain/rounds.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { openCoEditor, type CoEditor } from '../../tests/support/collab-client.ts';
import { allowWrites, refuseWrites } from '../../tests/support/faults.ts';
import { loadConfig } from '../config.ts';
import { createPlatform, type Platform } from '../platform.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let base: string;
const config = loadConfig({ NODE_ENV: 'test' });
const cookies: Record<string, string> = {};
const logged: string[] = [];
const editors: CoEditor[] = [];
let organizationId: string;
let olenaId: string;

async function start() {
  platform = await createPlatform({ config, web: 'none', database: handle, log: (m) => logged.push(m) });
  base = await platform.listen(0, '127.0.0.1');
}

function editor(who: string, documentName: string) {
  const e = openCoEditor({ base, cookie: cookies[who]!, documentName });
  editors.push(e);
  return e;
}

/** A fresh round and its paper, so that each test has a document of its own. */
async function freshDocument() {
  const round = await createRound(handle.db, { title: `Round ${Math.random().toString(36).slice(2)}`, framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: new Date(Date.now() + 86400_000), wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [organizationId] }, olenaId);
  const paper = await startPaper(handle.db, { roundId: round.id, organizationId, userId: olenaId, language: 'en' });
  return paperDocumentName(paper.id);
}

const storedText = async (name: string) => (await loadDocument(handle.db, name)).doc.getXmlFragment('default').toString();

const eventually = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** Sends a flush and reports whether `stored` came within `ms`. */
async function storedWithin(e: CoEditor, ms: number): Promise<{ answered: boolean; answer: Promise<void> }> {
  const answer = e.flush();
  let answered = false;
  void answer.then(() => (answered = true));
  await new Promise((r) => setTimeout(r, ms));
  return { answered, answer };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const org = await makeOrganization(handle.db);
  organizationId = org.id;
  const olena = await makeUser(handle.db, { organizationId: org.id, isRepresentative: true });
  const taras = await makeUser(handle.db, { organizationId: org.id });
  olenaId = olena.id;
  for (const [who, user] of Object.entries({ olena, taras })) {
    cookies[who] = `idm_session=${(await createSession(handle.db, user.id, config.sessionTimeouts)).token}`;
  }
  await start();
});

afterAll(async () => {
  editors.forEach((e) => e.close());
  await allowWrites(handle.db);
  await platform.close();
  await handle.dispose();
});

describe('when the database refuses writes for a moment', () => {
  it('does not answer "stored" until the updates are in the database, says storage fails, retries, and loses nothing', async () => {
    const name = await freshDocument();
    const olena = editor('olena', name);
    await olena.ready;
    olena.type('Stored before the fault.');
    await olena.flush();

    await refuseWrites(handle.db);
    olena.type('Typed while the database refuses writes.');
    const { answered, answer } = await storedWithin(olena, 1500);
    expect(answered).toBe(false);
    expect(olena.messages).toContainEqual({ type: 'storage', state: 'failing' });
    expect(await storedText(name)).not.toContain('Typed while the database refuses writes.');

    await allowWrites(handle.db);
    await answer; // the retry stored it, then the answer came
    expect(await storedText(name)).toContain('Typed while the database refuses writes.');
    expect(olena.messages).toContainEqual({ type: 'storage', state: 'ok' });
    // What the log says: the document and the code, never what was typed.
    const lines = logged.filter((l) => l.includes(name));
    expect(lines.some((l) => /could not append .* database unavailable \(25006\)/.test(l))).toBe(true);
    expect(logged.join('\n')).not.toMatch(/Typed while|refuses writes\.|params:/);
  });

  it('appends everything that waited in one INSERT once the database takes writes again', async () => {
    const name = await freshDocument();
    const olena = editor('olena', name);
    await olena.ready;
    olena.type('First.');
    await olena.flush();
    const rowsBefore = (await handle.db.select().from(documentUpdates).where(eq(documentUpdates.documentName, name))).length;

    await refuseWrites(handle.db);
    for (let i = 0; i < 50; i++) olena.type(`waiting ${i}`);
    await eventually(() => !olena.provider.hasUnsyncedChanges);
    await eventually(() => olena.messages.some((m) => m.type === 'storage' && m.state === 'failing'));
    await allowWrites(handle.db);
    await olena.flush();
    const rows = await handle.db.select().from(documentUpdates).where(eq(documentUpdates.documentName, name));
    expect(rows.length - rowsBefore).toBe(1);
    const text = await storedText(name);
    for (let i = 0; i < 50; i++) expect(text).toContain(`waiting ${i}`);
  });

  it('keeps what the database refused when everyone leaves, shows it to the next person, and stores it once it can', async () => {
    const name = await freshDocument();
    await refuseWrites(handle.db);
    const olena = editor('olena', name);
    await olena.ready;
    olena.type('Written, then the tab closed, during the fault.');
    await eventually(() => !olena.provider.hasUnsyncedChanges);
    olena.close();
    await eventually(() => !platform.collaboration.hocuspocus.documents.has(name));

    const taras = editor('taras', name);
    await taras.ready;
    expect(taras.text()).toContain('Written, then the tab closed, during the fault.');
    await allowWrites(handle.db);
    await taras.flush();
    expect(await storedText(name)).toContain('Written, then the tab closed, during the fault.');
  });

  it('answers a flush at once when nothing waits, and ignores flushes it cannot read', async () => {
    const name = await freshDocument();
    const olena = editor('olena', name);
    await olena.ready;
    olena.provider.sendStateless('not json');
    olena.provider.sendStateless(JSON.stringify({ type: 'flush', id: { nested: true } }));
    const began = performance.now();
    await olena.flush();
    expect(performance.now() - began).toBeLessThan(1000);
    expect(olena.messages.filter((m) => m.type === 'stored')).toHaveLength(1);
  });
});

describe('a shutdown while the database refuses writes', () => {
  it('ends within seconds and says how many updates were left unstored (ids only)', async () => {
    const name = await freshDocument();
    const olena = editor('olena', name);
    await olena.ready;
    await refuseWrites(handle.db);
    olena.type('Never stored: the editor keeps it.');
    await eventually(() => !olena.provider.hasUnsyncedChanges);
    const began = performance.now();
    await platform.close();
    expect(performance.now() - began).toBeLessThan(9000);
    expect(logged.some((l) => l.startsWith('1 update(s) of ' + name + ' were not stored'))).toBe(true);
    expect(logged.join('\n')).not.toContain('Never stored');
    await allowWrites(handle.db);
    // Not in the database: only the editor, told its changes are not saved, holds it now (and
    // sends it again when it reconnects: tests/integration/crash.test.ts).
    expect(await storedText(name)).not.toContain('Never stored');
    expect(olena.messages).toContainEqual({ type: 'storage', state: 'failing' });
    olena.close();
    await start();
  }, 30_000);
});

/**
 * The collaboration endpoint with real co-editors (@hocuspocus/provider over real sockets), a
 * real database and the real server: who may open a draft, read-only readers, durable storage,
 * bad messages, restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { consultationRounds, positionPapers } from '../../db/schema.ts';
import { createSession } from '../../domain/auth/sessions.ts';
import { appendUpdate, loadDocument } from '../../domain/collaboration/document-store.ts';
import { paperDocumentName, startPaper } from '../../domain/papers.ts';
import { createRound } from '../../domain/rounds.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { openCoEditor, type CoEditor } from '../../tests/support/collab-client.ts';
import { expectConsoleError } from '../../tests/setup/fail-on-console-error.ts';
import { loadConfig } from '../config.ts';
import { createPlatform, type Platform } from '../platform.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let base: string;
const config = loadConfig({ NODE_ENV: 'test' });
const cookies: Record<string, string> = {};
let documentName: string;
let paperId: string;
let closedRoundPaper: string;
let organizationA: string;
let facilitatorId: string;
const editors: CoEditor[] = [];

async function start() {
  platform = await createPlatform({ config, web: 'none', database: handle, log: () => {} });
  base = await platform.listen(0, '127.0.0.1');
}

function editor(who: string, name = documentName, readOnly = false) {
  const e = openCoEditor({ base, cookie: cookies[who]!, documentName: name, readOnly });
  editors.push(e);
  return e;
}

/** The update that appends a paragraph to the stored document, as an editor would send it. */
async function paragraphAppended(name: string, text: string) {
  const { doc } = await loadDocument(handle.db, name);
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const a = await makeOrganization(handle.db);
  const b = await makeOrganization(handle.db);
  const people = {
    olena: await makeUser(handle.db, { organizationId: a.id, isRepresentative: true }),
    taras: await makeUser(handle.db, { organizationId: a.id }),
    katharina: await makeUser(handle.db, { organizationId: b.id, isRepresentative: true }),
    daniel: await makeUser(handle.db, { role: 'facilitator' }),
  };
  for (const [who, user] of Object.entries(people)) {
    cookies[who] = `idm_session=${(await createSession(handle.db, user.id, config.sessionTimeouts)).token}`;
  }
  organizationA = a.id;
  facilitatorId = people.daniel.id;
  const deadline = new Date(Date.now() + 7 * 86400_000);
  const round = await createRound(handle.db, { title: 'Partnerships with NGOs', framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: deadline, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [a.id, b.id] }, people.daniel.id);
  const paper = await startPaper(handle.db, { roundId: round.id, organizationId: a.id, userId: people.olena.id, language: 'en' });
  paperId = paper.id;
  documentName = paperDocumentName(paper.id);
  const closed = await createRound(handle.db, { title: 'Earlier round', framing: '', areas: [], phase: 'sessions', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [a.id] }, people.daniel.id);
  closedRoundPaper = paperDocumentName((await startPaper(handle.db, { roundId: closed.id, organizationId: a.id, userId: people.olena.id, language: 'en' })).id);
  await start();
});

afterAll(async () => {
  editors.forEach((e) => e.close());
  await platform.close();
  await handle.dispose();
});

const eventually = async (check: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('who may open a draft', () => {
  it('lets two members of the organization write together and see each other', async () => {
    const olena = editor('olena');
    const taras = editor('taras');
    await Promise.all([olena.ready, taras.ready]);
    olena.type('IOM and NGOs share the work.');
    await eventually(() => taras.text().includes('IOM and NGOs share the work.'));
    taras.type('Counter-trafficking needs shelters.');
    await eventually(() => olena.text().includes('Counter-trafficking needs shelters.'));
  });

  it('refuses a member of another organization, and IOM staff, with a reason', async () => {
    await expect(editor('katharina').ready).rejects.toThrow('forbidden');
    await expect(editor('daniel').ready).rejects.toThrow('forbidden');
  });

  it('refuses a document that is not a paper', async () => {
    await expect(editor('olena', 'paper.not-a-uuid').ready).rejects.toThrow('unknown-document');
    await expect(editor('olena', 'paper.00000000-0000-4000-8000-000000000000').ready).rejects.toThrow('unknown-document');
  });

  it('refuses the upgrade without a session or from a foreign Origin', async () => {
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${base.replace('http', 'ws')}/collab`, { headers });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
        ws.on('error', () => {});
      });
    expect(await status({ origin: base })).toBe(401);
    expect(await status({ origin: 'https://evil.example', cookie: cookies.olena! })).toBe(403);
  });
});

describe('readers', () => {
  it('open the draft read-only once the round no longer takes positions: their changes go nowhere', async () => {
    const reader = editor('olena', closedRoundPaper, true);
    await reader.ready;
    reader.type('attempt to change a closed paper');
    await new Promise((r) => setTimeout(r, 500));
    const other = editor('taras', closedRoundPaper, true);
    await other.ready;
    expect(other.text()).toBe('');
    const { doc } = await loadDocument(handle.db, closedRoundPaper);
    expect(doc.getXmlFragment('default').length).toBe(0);
  });

  it('are closed if they broadcast presence', async () => {
    expectConsoleError(/read-only connections may not broadcast presence/);
    const reader = editor('olena', closedRoundPaper);
    const closed = new Promise((resolve) => reader.provider.on('close', resolve));
    await reader.ready.catch(() => {});
    await closed;
  });
});

describe('storage', () => {
  it('answers a flush only when the updates are in the database', async () => {
    const olena = editor('olena');
    await olena.ready;
    olena.type('Stored before the answer.');
    await olena.flush();
    const { doc } = await loadDocument(handle.db, documentName);
    expect(doc.getXmlFragment('default').toString()).toContain('Stored before the answer.');
  });

  it('keeps the text through a server restart, and derives the paper text again when it loads', async () => {
    const olena = editor('olena');
    await olena.ready;
    olena.type('Survives the restart.');
    await olena.flush();
    // Closed with editors still connected: the shutdown must not wait for them.
    const closing = performance.now();
    await platform.close();
    expect(performance.now() - closing).toBeLessThan(3000);
    editors.forEach((e) => e.close());
    // The last store ran before the shutdown finished (not 2 s later, against a closed database).
    const [stored] = await handle.db.select().from(positionPapers).where(eq(positionPapers.id, paperId));
    expect(stored!.text).toContain('Survives the restart.');
    // As after a crash before the debounced store: an update is in the log, the derived text is not.
    await appendUpdate(handle.db, documentName, await paragraphAppended(documentName, 'Logged before the crash.'));
    await start();
    const again = editor('taras');
    await again.ready;
    expect(again.text()).toContain('Survives the restart.');
    expect(again.text()).toContain('IOM and NGOs share the work.');
    const [paper] = await handle.db.select().from(positionPapers).where(eq(positionPapers.id, paperId));
    expect(paper!.text).toContain('Survives the restart.');
    expect(paper!.text).toContain('Logged before the crash.');
    expect(paper!.wordCount).toBeGreaterThan(5);
  });
});

describe('a deadline passing while the paper is open', () => {
  it('turns the writing connection read-only at once, tells the editor why, and stores nothing typed after it', async () => {
    const round = await createRound(handle.db, { title: 'Closing soon', framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: new Date(Date.now() + 86400_000), wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [organizationA] }, facilitatorId);
    const name = paperDocumentName((await startPaper(handle.db, { roundId: round.id, organizationId: organizationA, userId: facilitatorId, language: 'en' })).id);
    const olena = editor('olena', name);
    await olena.ready;
    olena.type('Written before the deadline.');
    await olena.flush();
    const told = new Promise((resolve) =>
      olena.provider.on('stateless', ({ payload }: { payload: string }) => {
        const message = JSON.parse(payload) as { type: string };
        if (message.type === 'read-only') resolve(message);
      }),
    );
    await handle.db.update(consultationRounds).set({ submissionDeadline: new Date(Date.now() - 1000) }).where(eq(consultationRounds.id, round.id));
    await new Promise((r) => setTimeout(r, 2100)); // the round's facts are trusted for 2 s
    olena.type('Written after the deadline.');
    expect(await told).toEqual({ type: 'read-only', reason: 'edit-closed' });
    await new Promise((r) => setTimeout(r, 300));
    await platform.services.documents.drain();
    const { doc } = await loadDocument(handle.db, name);
    const stored = doc.getXmlFragment('default').toString();
    expect(stored).toContain('Written before the deadline.');
    expect(stored).not.toContain('Written after the deadline.');
    // Her editor, still sending its presence until it reopens as a reader, is not thrown out.
    expect(olena.provider.isAuthenticated).toBe(true);
  });
});

describe('the notes of a live session', () => {
  it('are written by IOM staff, refused to observers, and read-only once the session closes', async () => {
    const { scheduleSession, sessionSchema, openSession, closeSession } = await import('../../domain/sessions/sessions.ts');
    const { sessionNotesDocumentName } = await import('../../domain/collaboration/documents.ts');
    const round = await createRound(handle.db, { title: 'With a session', framing: '', areas: [], phase: 'sessions', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [organizationA] }, facilitatorId);
    const facilitator = { id: facilitatorId, role: 'facilitator' as const, organizationId: null, isRepresentative: false };
    const session = await scheduleSession(handle.db, facilitator, round.id, sessionSchema.parse({ title: 'Session', startsAt: '2026-12-01T09:00:00Z', agenda: 'One' }));
    const name = sessionNotesDocumentName(session.id);
    await expect(editor('olena', name).ready).rejects.toThrow('forbidden');
    const daniel = editor('daniel', name);
    await daniel.ready;
    daniel.type('Olena opened with the hotline.');
    await daniel.flush();
    await openSession(handle.db, facilitator, session.id);
    await closeSession(handle.db, facilitator, session.id);
    await new Promise((r) => setTimeout(r, 2100)); // the session's facts are trusted for 2 s
    const told = new Promise((resolve) => daniel.provider.on('stateless', ({ payload }: { payload: string }) => resolve(JSON.parse(payload))));
    daniel.type('After the close.');
    expect(await told).toEqual({ type: 'read-only', reason: 'edit-closed' });
    await platform.services.documents.drain();
    const stored = (await loadDocument(handle.db, name)).doc.getXmlFragment('default').toString();
    expect(stored).toContain('Olena opened with the hotline.');
    expect(stored).not.toContain('After the close.');
  });
});

describe('bad messages', () => {
  it('closes a connection that sends an oversized message, and the document is unharmed', async () => {
    const olena = editor('olena');
    await olena.ready;
    const before = olena.text();
    const closed = new Promise<number>((resolve) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/collab`, { headers: { cookie: cookies.olena!, origin: base } });
      ws.on('open', () => ws.send(Buffer.alloc(3 * 1024 * 1024, 1)));
      ws.on('close', (code) => resolve(code));
      ws.on('error', () => {});
    });
    expect(await closed).toBe(1009);
    const reader = editor('taras');
    await reader.ready;
    expect(reader.text()).toBe(before);
  });

  it('closes a socket that opens no document within a few seconds', async () => {
    const code = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/collab`, { headers: { cookie: cookies.olena!, origin: base } });
      ws.on('close', (c) => resolve(c));
      ws.on('error', () => {});
    });
    expect(code).toBe(4408);
  }, 10_000);

  it('survives garbage bytes on an open connection', async () => {
    expectConsoleError(/RangeError|Error/);
    const ws = new WebSocket(`${base.replace('http', 'ws')}/collab`, { headers: { cookie: cookies.olena!, origin: base } });
    await new Promise((r) => ws.on('open', r));
    ws.send(Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37]));
    await new Promise((r) => setTimeout(r, 300));
    ws.close();
    const reader = editor('taras');
    await reader.ready;
    expect(reader.text()).toContain('Survives the restart.');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

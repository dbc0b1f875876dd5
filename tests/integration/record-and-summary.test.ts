/**
 * The participation record and the summary over HTTP, on the production build: who is refused,
 * the downloads, the CSV import through the real form, publication once and by the secretariat
 * only, and the published summary read by a participant. Needs `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { unzipSync, strFromU8 } from 'fflate';
import * as Y from 'yjs';
import { consultationRounds, externalAttendances, externalMeetings, summaryVersions } from '../../db/schema.ts';
import { appendUpdate } from '../../domain/collaboration/document-store.ts';
import { paperExtensions } from '../../domain/papers/editor-schema.ts';
import { submittedPositions, summaryDocumentName, citationAttrs } from '../../domain/summary/summaries.ts';
import { loadConfig } from '../../server/config.ts';
import { createPlatform, type Platform } from '../../server/platform.ts';
import { openTestDatabase } from '../setup/database.ts';
import { makeOrganization, makeUser } from '../factories.ts';

if (!fs.existsSync('build/server/index.js')) {
  throw new Error('The production build is missing: run `npm run build` before these tests (npm test does).');
}

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let base: string;
let roundId: string;
const cookies: Record<string, string> = {};

async function request(path: string, options: { as?: string; form?: Record<string, string> | FormData } = {}) {
  const headers: Record<string, string> = { origin: base };
  if (options.as) headers.cookie = cookies[options.as]!;
  let body: string | FormData | undefined;
  if (options.form instanceof FormData) body = options.form;
  else if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  return fetch(`${base}${path}`, { method: body ? 'POST' : 'GET', headers, body, redirect: 'manual' });
}

beforeAll(async () => {
  handle = await openTestDatabase();
  platform = await createPlatform({ config: loadConfig({ NODE_ENV: 'test' }), web: 'build', database: handle, log: () => {} });
  base = await platform.listen(0, '127.0.0.1');
  for (const who of ['admin', 'facilitator', 'secretariat', 'observer1', 'observer3']) {
    const response = await fetch(`${base}/login`, { method: 'POST', headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: `${who}@example.org`, password: 'consult-demo' }), redirect: 'manual' });
    cookies[who] = response.headers.get('set-cookie')!.split(';')[0]!;
  }
  const [round] = await handle.db.select().from(consultationRounds).limit(1);
  roundId = round!.id;
});

afterAll(async () => {
  await platform.close();
  await handle.dispose();
});

describe('a submitted version, where citations lead', () => {
  it('is shown with an anchor per paragraph to those who may read it, and refused to others', async () => {
    const { positionPapers, organizations } = await import('../../db/schema.ts');
    const [caritas] = await handle.db.select({ id: positionPapers.id }).from(positionPapers).innerJoin(organizations, eq(organizations.id, positionPapers.organizationId)).where(eq(organizations.name, 'Caritas Österreich'));
    const path = `/rounds/${roundId}/papers/${caritas!.id}/versions/1`;
    const page = await request(path, { as: 'secretariat' });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('id="paragraph-1"');
    expect(html).toContain('Caritas Österreich counsels migrants on return');
    expect((await request(path, { as: 'observer3' })).status).toBe(200);
    // Another organization's position before the deadline: not hers to read.
    expect((await request(path, { as: 'observer1' })).status).toBe(403);
    expect((await request(`/rounds/${roundId}/papers/${caritas!.id}/versions/9`, { as: 'secretariat' })).status).toBe(404);
    expect((await request(`/rounds/${roundId}/papers/${caritas!.id}/versions/one`, { as: 'secretariat' })).status).toBe(404);
  });
});

describe('the participation record', () => {
  it('is read by IOM staff and refused to observers', async () => {
    expect((await request(`/rounds/${roundId}/participation`, { as: 'facilitator' })).status).toBe(200);
    const page = await request(`/rounds/${roundId}/participation`, { as: 'secretariat' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Caritas Österreich');
    expect((await request(`/rounds/${roundId}/participation`, { as: 'observer1' })).status).toBe(403);
    expect((await request(`/rounds/${roundId}/participation.csv`, { as: 'observer1' })).status).toBe(403);
    expect((await request(`/rounds/${roundId}/participation.xlsx`, { as: 'observer3' })).status).toBe(403);
  });

  it('downloads as CSV and XLSX, filtered as the page is', async () => {
    const csv = await request(`/rounds/${roundId}/participation.csv?country=AT`, { as: 'secretariat' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('"organization"');
    expect(text).toContain('"Caritas Österreich"');
    expect(text).not.toContain('La Strada Ukraine');
    const xlsx = await request(`/rounds/${roundId}/participation.xlsx`, { as: 'secretariat' });
    expect(xlsx.status).toBe(200);
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toContain('Caritas Österreich');
  });

  it('is kept by the secretariat only: a facilitator or an observer is refused, bad input gets a message', async () => {
    const correction = { intent: 'correct', organizationId: '00000000-0000-4000-8000-000000000000', figure: 'comments', value: '2', note: 'x' };
    expect((await request(`/rounds/${roundId}/participation`, { as: 'facilitator', form: correction })).status).toBe(403);
    expect((await request(`/rounds/${roundId}/participation`, { as: 'observer1', form: correction })).status).toBe(403);
    const noNote = await request(`/rounds/${roundId}/participation`, { as: 'secretariat', form: { ...correction, note: '' } });
    expect(noNote.status).toBe(400);
    expect(await noNote.text()).toContain('a correction or annotation needs a note');
    const badDate = await request(`/rounds/${roundId}/participation`, { as: 'secretariat', form: { intent: 'meeting', title: 'IDM workshop', kind: 'idm-workshop', heldOn: 'yesterday' } });
    expect(badDate.status).toBe(400);
    expect((await request(`/rounds/${roundId}/participation`, { as: 'secretariat', form: { intent: 'nonsense' } })).status).toBe(400);
  });

  it('imports a CSV of attendees through the form, reporting bad rows and importing nothing half-way', async () => {
    const recorded = await request(`/rounds/${roundId}/participation`, { as: 'secretariat', form: { intent: 'meeting', title: 'IDM workshop', kind: 'idm-workshop', heldOn: '2026-10-12' } });
    expect(recorded.status).toBe(302);
    const [meeting] = await handle.db.select().from(externalMeetings).where(eq(externalMeetings.title, 'IDM workshop'));
    const upload = (text: string, importMatching: boolean) => {
      const form = new FormData();
      form.set('intent', 'import');
      form.set('meetingId', meeting!.id);
      form.set('file', new Blob([text], { type: 'text/csv' }), 'attendees.csv');
      if (importMatching) form.set('importMatching', 'on');
      return request(`/rounds/${roundId}/participation`, { as: 'secretariat', form });
    };
    const file = 'organization,name\nCaritas Österreich,Katharina Huber\nNobody Known,Jane Doe\n';
    const refused = await upload(file, false);
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain('Line 3');
    expect(page).toContain('is not an organization of the directory');
    expect(await handle.db.select().from(externalAttendances).where(eq(externalAttendances.meetingId, meeting!.id))).toHaveLength(0);
    const partly = await upload(file, true);
    expect(partly.status).toBe(200);
    expect(await handle.db.select().from(externalAttendances).where(eq(externalAttendances.meetingId, meeting!.id))).toHaveLength(1);
  });
});

describe("an organization's record across rounds", () => {
  it('is on its page for IOM staff and its own members, not for other observers', async () => {
    const { users } = await import('../../db/schema.ts');
    const [katharina] = await handle.db.select().from(users).where(eq(users.email, 'observer3@example.org'));
    const page = `/organizations/${katharina!.organizationId}`;
    // The section's heading (the words alone are in every page's dictionary).
    const section = '<h2 id="across-rounds">';
    for (const who of ['observer3', 'secretariat']) expect(await (await request(page, { as: who })).text(), who).toContain(section);
    const other = await request(page, { as: 'observer1' });
    expect(other.status).toBe(200);
    expect(await other.text()).not.toContain(section);
  });
});

describe('the summary', () => {
  it('is closed to observers before publication, open to IOM staff, and only the secretariat generates into it', async () => {
    expect((await request(`/rounds/${roundId}/summary`, { as: 'observer3' })).status).toBe(403);
    expect((await request(`/rounds/${roundId}/summary.docx`, { as: 'observer3' })).status).toBe(403);
    expect((await request(`/rounds/${roundId}/summary`, { as: 'facilitator' })).status).toBe(200);
    expect((await request(`/rounds/${roundId}/summary`, { as: 'facilitator', form: { intent: 'first-draft' } })).status).toBe(403);
    // What the page's fetcher asks (Remix's single-fetch endpoint): the outline, with the citations.
    const draft = await request(`/rounds/${roundId}/summary.data`, { as: 'secretariat', form: { intent: 'first-draft' } });
    expect(draft.status).toBe(200);
    const body = await draft.text();
    expect(body).toContain('first-draft');
    expect(body).toContain('Caritas Österreich');
    expect(body).toContain('citation');
  });

  it('is published once, by the secretariat only, and then read by the round’s participants', async () => {
    expect((await request(`/rounds/${roundId}/summary`, { as: 'secretariat', form: { intent: 'publish' } })).status).toBe(400); // empty
    const [caritas] = (await submittedPositions(handle.db, roundId)).filter((p) => p.organizationName === 'Caritas Österreich');
    const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Return counselling must stay independent. ' }, { type: 'citation', attrs: citationAttrs(caritas!, 1) }] }] };
    await appendUpdate(handle.db, summaryDocumentName(roundId), Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(getSchema(paperExtensions), content, 'default')));
    expect((await request(`/rounds/${roundId}/summary`, { as: 'facilitator', form: { intent: 'publish' } })).status).toBe(403);
    expect((await request(`/rounds/${roundId}/summary`, { as: 'observer3', form: { intent: 'publish' } })).status).toBe(403);
    expect((await request(`/rounds/${roundId}/summary`, { as: 'secretariat', form: { intent: 'publish' } })).status).toBe(302);
    const again = await request(`/rounds/${roundId}/summary`, { as: 'secretariat', form: { intent: 'publish' } });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already published');
    expect(await handle.db.select().from(summaryVersions).where(eq(summaryVersions.roundId, roundId))).toHaveLength(1);

    const read = await request(`/rounds/${roundId}/summary`, { as: 'observer3' });
    expect(read.status).toBe(200);
    const page = await read.text();
    expect(page).toContain('Return counselling must stay independent.');
    expect(page).toContain('Counselling must stay independent of the decision on residence');
    const docx = await request(`/rounds/${roundId}/summary.docx`, { as: 'observer3' });
    expect(docx.status).toBe(200);
    const files = unzipSync(new Uint8Array(await docx.arrayBuffer()));
    expect(strFromU8(files['word/footnotes.xml']!)).toContain('Caritas Österreich');
    const html = await (await request(`/rounds/${roundId}/summary.html`, { as: 'observer1' })).text();
    expect(html).toContain('Return counselling must stay independent.');
    // La Strada's member may not read Caritas's version before the deadline: the reference stays, the passage does not.
    expect(html).toContain('Caritas Österreich');
    expect(html).not.toContain('decision on residence');
  });
});

describe("a session record's CSV", () => {
  it('downloads for those who may attend, refuses the others, and says which parts exist', async () => {
    const { users } = await import('../../db/schema.ts');
    const { scheduleSession, join, closeSession, openSession } = await import('../../domain/sessions/sessions.ts');
    const people = await handle.db.select().from(users);
    const who = (email: string) => people.find((p) => p.email === email)!;
    const daniel = who('facilitator@example.org');
    const session = await scheduleSession(handle.db, daniel, roundId, { title: 'Recorded session', startsAt: new Date(), attendees: 'members', speakingMinutes: 3, agenda: ['Opening'] });
    await openSession(handle.db, daniel, session.id);
    await join(handle.db, who('observer3@example.org'), session.id);
    await closeSession(handle.db, daniel, session.id);
    const path = `/rounds/${roundId}/sessions/${session.id}/record.csv`;
    const attendance = await request(`${path}?part=attendance`, { as: 'secretariat' });
    expect(attendance.status).toBe(200);
    expect(attendance.headers.get('content-type')).toContain('text/csv');
    expect(await attendance.text()).toContain('"Caritas Österreich"');
    // Attendance person by person is IOM's record; participants download the interventions.
    expect((await request(`${path}?part=attendance`, { as: 'observer1' })).status).toBe(403);
    expect((await request(`${path}?part=interventions`, { as: 'observer1' })).status).toBe(200);
    expect((await request(`${path}?part=interventions`, { as: 'facilitator' })).status).toBe(200);
    const unknown = await request(`${path}?part=everything`, { as: 'facilitator' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('part=attendance or part=interventions');
    expect((await request(`/rounds/${roundId}/sessions/00000000-0000-4000-8000-000000000000/record.csv?part=attendance`, { as: 'facilitator' })).status).toBe(404);
    // Someone of an organization the round does not invite.
    const outsider = await makeUser(handle.db, { organizationId: (await makeOrganization(handle.db)).id, password: 'outsider-password' });
    const signedIn = await fetch(`${base}/login`, { method: 'POST', headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: outsider.email, password: 'outsider-password' }), redirect: 'manual' });
    cookies.outsider = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    expect((await request(`${path}?part=attendance`, { as: 'outsider' })).status).toBe(403);
  });
});

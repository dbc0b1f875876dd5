/**
 * Importing the attendees of a meeting held elsewhere from a CSV file: matched rows, and every
 * kind of bad row reported by its line, with nothing imported half-way unless asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { externalAttendances } from '../../db/schema.ts';
import { createRound } from '../rounds.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { importAttendees, recordMeeting } from './meetings.ts';
import { readCsv } from './csv.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let roundId: string;
let secretariatId: string;
const encode = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  handle = await openTestDatabase();
  const strada = await makeOrganization(handle.db, { name: 'La Strada Ukraine' });
  const caritas = await makeOrganization(handle.db, { name: 'Caritas Österreich', acronym: 'CÖ' });
  await makeOrganization(handle.db, { name: 'Not In This Round' });
  await makeUser(handle.db, { email: 'taras@lastrada.example', organizationId: strada.id });
  secretariatId = (await makeUser(handle.db, { role: 'secretariat' })).id;
  roundId = (await createRound(handle.db, { title: 'R', framing: '', areas: [], phase: 'synthesis', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [strada.id, caritas.id] }, secretariatId)).id;
});

afterAll(() => handle.dispose());

const meeting = async () => (await recordMeeting(handle.db, roundId, { title: 'IDM workshop', kind: 'idm-workshop', heldOn: '2026-10-12' }, secretariatId)).id;
const attendees = async (meetingId: string) => (await handle.db.select().from(externalAttendances).where(eq(externalAttendances.meetingId, meetingId))).map((a) => a.personName).sort();

const bad = [
  'Organization,Name,Email',
  'La Strada Ukraine,Olena Kovalenko,', // 2: fine
  'cö,Katharina Huber,', // 3: fine, by acronym, any case
  ',Taras Melnyk,taras@lastrada.example', // 4: fine, by the email of a registered person
  'Unknown Helpers,Jane Doe,', // 5: unknown organization
  'Not In This Round,John Doe,', // 6: not invited
  'La Strada Ukraine,,', // 7: no name
  'la strada ukraine,OLENA KOVALENKO,', // 8: duplicate of line 2
  ',Nobody,', // 9: no organization
].join('\r\n');

describe('importing the attendees of a meeting held elsewhere', () => {
  it('reports every problem row by its line and imports nothing unless asked', async () => {
    const id = await meeting();
    const report = await importAttendees(handle.db, roundId, id, encode(bad), { importMatching: false, actorId: secretariatId });
    expect(report.fileError).toBeNull();
    expect(report.matched).toBe(3);
    expect(report.imported).toBe(0);
    expect(report.problems).toEqual([
      { line: 5, problem: 'unknown-organization', value: 'Unknown Helpers' },
      { line: 6, problem: 'not-invited', value: 'Not In This Round' },
      { line: 7, problem: 'missing-name', value: 'La Strada Ukraine' },
      { line: 8, problem: 'duplicate', value: 'OLENA KOVALENKO', duplicateOf: 2 },
      { line: 9, problem: 'missing-organization', value: 'Nobody' },
    ]);
    expect(await attendees(id)).toEqual([]);
  });

  it('imports the rows that match when asked, and reports the rest', async () => {
    const id = await meeting();
    const report = await importAttendees(handle.db, roundId, id, encode(bad), { importMatching: true, actorId: secretariatId });
    expect(report.imported).toBe(3);
    expect(report.problems).toHaveLength(5);
    expect(await attendees(id)).toEqual(['Katharina Huber', 'Olena Kovalenko', 'Taras Melnyk']);
    // The same file again: every row is already there.
    const again = await importAttendees(handle.db, roundId, id, encode(bad), { importMatching: false, actorId: secretariatId });
    expect(again.problems.filter((p) => p.problem === 'already-recorded').map((p) => p.line)).toEqual([2, 3, 4]);
  });

  it('imports a clean file at once, with a BOM, semicolons and quoted fields', async () => {
    const id = await meeting();
    const file = '\ufeffNom;Organisation\r\n"Huber; Katharina";"Caritas Österreich"\r\n"Olena ""Lena"" Kovalenko";La Strada Ukraine\r\n\r\n';
    const report = await importAttendees(handle.db, roundId, id, encode(file), { importMatching: false, actorId: secretariatId });
    expect(report).toMatchObject({ imported: 2, problems: [], fileError: null });
    expect(await attendees(id)).toEqual(['Huber; Katharina', 'Olena "Lena" Kovalenko']);
  });

  it('reports the rows of a file saved in another encoding than UTF-8', async () => {
    const id = await meeting();
    // "Caritas Österreich" in Latin-1: Ö is the single byte 0xD6.
    const latin1 = Uint8Array.from([...encode('organization,name\nLa Strada Ukraine,Olena\nCaritas '), 0xd6, ...encode('sterreich,Katharina\n')]);
    const report = await importAttendees(handle.db, roundId, id, latin1, { importMatching: false, actorId: secretariatId });
    expect(report.problems).toEqual([{ line: 3, problem: 'not-utf8', value: '' }]);
    expect(report.imported).toBe(0);
  });

  it('says what is wrong with a file that has no usable header or no rows', async () => {
    const id = await meeting();
    const ask = (text: string) => importAttendees(handle.db, roundId, id, encode(text), { importMatching: true, actorId: secretariatId });
    expect((await ask('')).fileError).toBe('participation.import.empty');
    expect((await ask('who,where\nOlena,Kyiv\n')).fileError).toBe('participation.import.noColumns');
    expect((await ask('organization,name\n')).fileError).toBe('participation.import.noRows');
  });
});

describe('reading CSV', () => {
  it('keeps line numbers through quoted line breaks', () => {
    const lines = readCsv(encode('a,b\n"one\ntwo",3\nx,y'));
    expect(lines).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['one\ntwo', '3'] },
      { line: 4, fields: ['x', 'y'] },
    ]);
  });
});

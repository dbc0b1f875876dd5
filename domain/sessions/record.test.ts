import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { sessionAttendance } from '../../db/schema.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import type { Actor } from '../permissions.ts';
import { createRound } from '../rounds.ts';
import { recordCsv, sessionRecord } from './record.ts';
import { closeSession, getSession, giveFloor, join, leave, openSession, requestFloor, scheduleSession, sessionSchema } from './sessions.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
afterAll(() => handle.dispose());
beforeAll(async () => {
  handle = await openTestDatabase();
});

const actor = (u: { id: string; role: Actor['role']; organizationId: string | null; isRepresentative: boolean }): Actor => ({ id: u.id, role: u.role, organizationId: u.organizationId, isRepresentative: u.isRepresentative });

describe('the record of a session', () => {
  it('is derived from the stored joins, leaves and interventions, and exports as CSV safe for spreadsheets', async () => {
    const strada = await makeOrganization(handle.db, { name: 'La Strada Ukraine' });
    const olena = actor(await makeUser(handle.db, { name: '=Olena', organizationId: strada.id, isRepresentative: true }));
    const daniel = actor(await makeUser(handle.db, { name: 'Daniel', role: 'facilitator' }));
    const round = await createRound(handle.db, { title: 'R', framing: '', areas: [], phase: 'sessions', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [strada.id] }, daniel.id);
    const { id } = await scheduleSession(handle.db, daniel, round.id, sessionSchema.parse({ title: 'Session', startsAt: '2026-12-01T09:00:00Z', agenda: 'Returns, "voluntary"' }));
    await join(handle.db, olena, id);
    await join(handle.db, daniel, id);
    // Olena was present for 90 s, left, came back for 30 s.
    await handle.db.update(sessionAttendance).set({ joinedAt: new Date(Date.now() - 90_000) }).where(eq(sessionAttendance.userId, olena.id));
    await leave(handle.db, olena.id, id);
    await join(handle.db, olena, id);
    await handle.db.update(sessionAttendance).set({ joinedAt: new Date(Date.now() - 30_000) }).where(and(eq(sessionAttendance.userId, olena.id), isNull(sessionAttendance.leftAt)));
    await openSession(handle.db, daniel, id);
    await requestFloor(handle.db, olena, id, 'intervention');
    await giveFloor(handle.db, daniel, id);
    await closeSession(handle.db, daniel, id);
    const { session } = await getSession(handle.db, id);
    const record = await sessionRecord(handle.db, session);
    const mine = record.attendance.find((a) => a.name === '=Olena')!;
    expect(mine.joins).toBe(2);
    expect(mine.seconds).toBeGreaterThanOrEqual(119);
    expect(mine.seconds).toBeLessThan(130);
    expect(record.byOrganization).toEqual([expect.objectContaining({ organizationName: 'La Strada Ukraine', count: 1, kinds: { intervention: 1, reply: 0, 'point-of-order': 0 } })]);
    expect(record.byItem).toEqual([expect.objectContaining({ title: 'Returns, "voluntary"', count: 1 })]);
    const csv = recordCsv(record, 'interventions');
    expect(csv.split('\r\n')[0]).toBe('\ufeff"speaker","organization","agenda_item","kind","started_at","ended_at","seconds","statement"');
    expect(csv).toContain(`"'=Olena","La Strada Ukraine","Returns, ""voluntary""","intervention"`);
  });
});

/**
 * The SQL conditions of permissions-sql.ts select exactly what `can` allows: rounds in every
 * phase, with every visibility and deadline, inviting one organization or another; papers of
 * each; sessions open to members or to representatives only; pending invitations of staff and
 * of organizations. For every kind of person, the rows each condition selects are compared
 * with the rows `can` allows, one by one, on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { consultationRounds, consultationSessions, invitations, positionPapers } from '../db/schema.ts';
import { openTestDatabase } from '../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../tests/factories.ts';
import { can, type Actor, type RoundFacts } from './permissions.ts';
import { invitationVisibleTo, roundVisibleTo, sessionAttendableBy, submittedPaperReadableBy } from './permissions-sql.ts';
import { createRound, getRound, roundPhases, positionVisibilities } from './rounds.ts';
import { listRoundsFor } from './rounds.ts';
import { startPaper } from './papers.ts';
import { generateToken, hashToken } from './auth/tokens.ts';
import { roles } from './vocabulary.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
const actors: Record<string, Actor> = {};
const facts = new Map<string, RoundFacts>();

beforeAll(async () => {
  handle = await openTestDatabase();
  const a = await makeOrganization(handle.db);
  const b = await makeOrganization(handle.db);
  const staff = await makeUser(handle.db, { role: 'facilitator' });
  actors.admin = { id: 'admin', role: 'admin', organizationId: null, isRepresentative: false };
  actors.facilitator = { id: staff.id, role: 'facilitator', organizationId: null, isRepresentative: false };
  actors.secretariat = { id: 'secretariat', role: 'secretariat', organizationId: null, isRepresentative: false };
  actors.repA = { id: 'repA', role: 'observer', organizationId: a.id, isRepresentative: true };
  actors.memberA = { id: 'memberA', role: 'observer', organizationId: a.id, isRepresentative: false };
  actors.memberB = { id: 'memberB', role: 'observer', organizationId: b.id, isRepresentative: false };
  actors.noOrganization = { id: 'lost', role: 'observer', organizationId: null, isRepresentative: true };

  const deadlines = [null, new Date(Date.now() - 86400_000), new Date(Date.now() + 86400_000)];
  const invitedSets = [[a.id], [b.id], [a.id, b.id], []];
  let n = 0;
  for (const phase of roundPhases) {
    for (const positionVisibility of positionVisibilities) {
      for (const submissionDeadline of deadlines) {
        const invitedOrganizationIds = invitedSets[n++ % invitedSets.length]!;
        const round = await createRound(handle.db, { title: `Round ${n}`, framing: '', areas: [], phase, phaseDates: {}, submissionDeadline, wordLimit: null, positionVisibility, invitedOrganizationIds }, staff.id);
        facts.set(round.id, (await getRound(handle.db, round.id)).facts);
        for (const org of [a, b]) await startPaper(handle.db, { roundId: round.id, organizationId: org.id, userId: staff.id, language: 'en' });
        for (const attendees of ['members', 'representatives'] as const) {
          await handle.db.insert(consultationSessions).values({ roundId: round.id, title: `Session ${n}`, startsAt: new Date(), speakingSeconds: 180, attendees, createdById: staff.id });
        }
      }
    }
  }
  for (const role of roles) {
    for (const organizationId of role === 'observer' ? [a.id, b.id] : [null]) {
      await handle.db.insert(invitations).values({ tokenHash: hashToken(generateToken()), email: `${role}-${organizationId ?? 'staff'}@example.org`, role, organizationId, invitedById: staff.id, expiresAt: new Date(Date.now() + 86400_000) });
    }
  }
});

afterAll(() => handle.dispose());

const sorted = (ids: string[]) => [...ids].sort();

describe('the SQL conditions agree with can()', () => {
  it('rounds a person may view', async () => {
    const rounds = await handle.db.select({ id: consultationRounds.id }).from(consultationRounds);
    for (const [who, actor] of Object.entries(actors)) {
      const selected = await handle.db.select({ id: consultationRounds.id }).from(consultationRounds).where(roundVisibleTo(actor, consultationRounds));
      const allowed = rounds.filter((r) => can(actor, 'view', { type: 'round', round: facts.get(r.id)! }));
      expect(sorted(selected.map((r) => r.id)), who).toEqual(sorted(allowed.map((r) => r.id)));
      // The rounds list is that condition.
      expect(sorted((await listRoundsFor(handle.db, actor)).map((r) => r.id)), `${who}: /rounds`).toEqual(sorted(allowed.map((r) => r.id)));
    }
  });

  it('papers whose submitted versions a person may read', async () => {
    const papers = await handle.db.select({ id: positionPapers.id, roundId: positionPapers.roundId, organizationId: positionPapers.organizationId }).from(positionPapers);
    for (const [who, actor] of Object.entries(actors)) {
      const selected = await handle.db
        .select({ id: positionPapers.id })
        .from(positionPapers)
        .innerJoin(consultationRounds, eq(consultationRounds.id, positionPapers.roundId))
        .where(submittedPaperReadableBy(actor, positionPapers, consultationRounds));
      const allowed = papers.filter((p) => can(actor, 'read-submitted', { type: 'paper', organizationId: p.organizationId, round: facts.get(p.roundId)! }));
      expect(sorted(selected.map((p) => p.id)), who).toEqual(sorted(allowed.map((p) => p.id)));
      // Not trivially all or nothing, except for staff (all) and an observer without an organization (nothing).
      if (actor.role === 'observer' && actor.organizationId) expect(allowed.length > 0 && allowed.length < papers.length, who).toBe(true);
    }
  });

  it('sessions a person may attend', async () => {
    const sessions = await handle.db.select({ id: consultationSessions.id, roundId: consultationSessions.roundId, attendees: consultationSessions.attendees, status: consultationSessions.status }).from(consultationSessions);
    for (const [who, actor] of Object.entries(actors)) {
      const selected = await handle.db
        .select({ id: consultationSessions.id })
        .from(consultationSessions)
        .innerJoin(consultationRounds, eq(consultationRounds.id, consultationSessions.roundId))
        .where(sessionAttendableBy(actor, consultationSessions, consultationRounds));
      const allowed = sessions.filter((s) => can(actor, 'attend', { type: 'session', round: facts.get(s.roundId)!, status: s.status, attendees: s.attendees }));
      expect(sorted(selected.map((s) => s.id)), who).toEqual(sorted(allowed.map((s) => s.id)));
    }
  });

  it('pending invitations a person may see', async () => {
    const all = await handle.db.select().from(invitations);
    for (const [who, actor] of Object.entries(actors)) {
      const selected = await handle.db.select({ id: invitations.id }).from(invitations).where(invitationVisibleTo(actor, invitations));
      const allowed = all.filter((i) => can(actor, 'view', { type: 'invitation', organizationId: i.organizationId, role: i.role }));
      expect(sorted(selected.map((i) => i.id)), who).toEqual(sorted(allowed.map((i) => i.id)));
    }
  });

  it('covers every kind of round, so a rule about one cannot hide', async () => {
    const [row] = await handle.db.select({ n: sql<number>`count(distinct (phase, position_visibility))::int` }).from(consultationRounds);
    expect(row!.n).toBe(roundPhases.length * positionVisibilities.length);
  });
});

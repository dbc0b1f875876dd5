import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { consultationSessions, organizations, sessionPresence, users } from '../schema.ts';
import { sessionRecord } from '../../domain/sessions/record.ts';
import { heldSessionTitle, upcomingSessionTitle } from './sessions.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { signIn } from '../../domain/accounts.ts';
import { areas, levels, relationships } from '../../domain/vocabulary.ts';
import { demoAccounts, demoPassword, isEmpty, seedDemo } from './demo.ts';
import { seedOrganizations } from './organizations.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.dispose());

describe('the demo data', () => {
  it('takes at least 40 organizations from the annex, in the platform vocabulary, some observers', () => {
    expect(seedOrganizations.length).toBeGreaterThanOrEqual(40);
    expect(new Set(seedOrganizations.map((o) => o.name.toLowerCase())).size).toBe(seedOrganizations.length);
    for (const org of seedOrganizations) {
      expect(levels).toContain(org.level);
      org.areas.forEach((a) => expect(areas).toContain(a));
      org.relationships.forEach((r) => expect(relationships).toContain(r));
      org.countries.forEach((c) => expect(c).toMatch(/^[A-Z]{2}$/));
    }
    const observers = seedOrganizations.filter((o) => o.observerSince);
    expect(observers.length).toBeGreaterThan(0);
    expect(observers.length).toBeLessThan(seedOrganizations.length);
    expect(seedOrganizations.find((o) => o.name === 'La Strada Ukraine')).toMatchObject({ countries: ['UA'] });
    expect(seedOrganizations.find((o) => o.name === 'Caritas Österreich')).toMatchObject({ countries: ['AT'] });
  });

  it('seeds an empty database once, with the demo accounts where the issue places them', async () => {
    expect(await isEmpty(handle.db)).toBe(true);
    const first = await seedDemo(handle.db, { accounts: true });
    expect(first).toEqual({ organizationsAdded: seedOrganizations.length, accountsAdded: demoAccounts.length, roundAdded: true, sessionsAdded: 2 });
    expect(await seedDemo(handle.db, { accounts: true })).toEqual({ organizationsAdded: 0, accountsAdded: 0, roundAdded: false, sessionsAdded: 0 });

    const member = async (email: string) => {
      const [row] = await handle.db
        .select({ role: users.role, isRepresentative: users.isRepresentative, organization: organizations.name })
        .from(users)
        .leftJoin(organizations, eq(organizations.id, users.organizationId))
        .where(eq(users.email, email));
      return row;
    };
    expect(await member('observer1@example.org')).toEqual({ role: 'observer', isRepresentative: true, organization: 'La Strada Ukraine' });
    expect(await member('observer2@example.org')).toEqual({ role: 'observer', isRepresentative: false, organization: 'La Strada Ukraine' });
    expect(await member('observer3@example.org')).toMatchObject({ role: 'observer', organization: 'Caritas Österreich' });
    for (const role of ['admin', 'facilitator', 'secretariat'] as const) {
      expect(await member(`${role}@example.org`)).toEqual({ role, isRepresentative: false, organization: null });
    }
    // The demo round: La Strada Ukraine drafting, Caritas Österreich submitted.
    const { consultationRounds, positionPapers, paperVersions } = await import('../schema.ts');
    const [round] = await handle.db.select().from(consultationRounds);
    expect(round).toMatchObject({ title: 'Partnerships with NGOs in managing migration', phase: 'open' });
    const papers = await handle.db
      .select({ organization: organizations.name, words: positionPapers.wordCount, id: positionPapers.id })
      .from(positionPapers)
      .innerJoin(organizations, eq(organizations.id, positionPapers.organizationId));
    expect(papers.map((p) => p.organization).sort()).toEqual(['Caritas Österreich', 'La Strada Ukraine']);
    expect(papers.every((p) => p.words > 20)).toBe(true);
    const versions = await handle.db.select().from(paperVersions);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.paperId).toBe(papers.find((p) => p.organization === 'Caritas Österreich')!.id);
    expect(versions[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
    for (const account of demoAccounts) {
      expect((await signIn(handle.db, { email: account.email, password: demoPassword })).email).toBe(account.email);
    }
  });

  it('creates organizations but no accounts when accounts are not allowed', async () => {
    const other = await openTestDatabase();
    await seedDemo(other.db, { accounts: false });
    const [row] = await other.db.select({ n: count() }).from(users);
    expect(Number(row!.n)).toBe(0);
    await other.dispose();
  });

  it('adds whatever of the demo is missing to a database that already has data', async () => {
    const other = await openTestDatabase();
    // A production start: the organizations, no accounts.
    await seedDemo(other.db, { accounts: false });
    expect(await isEmpty(other.db)).toBe(false);
    // Asked for later (DEMO_SEED=1): the accounts, the round and its sessions arrive.
    const later = await seedDemo(other.db, { accounts: true });
    expect(later).toEqual({ organizationsAdded: 0, accountsAdded: demoAccounts.length, roundAdded: true, sessionsAdded: 2 });
    // One account and one session deleted by hand come back, nothing else is added twice.
    await other.db.delete(users).where(eq(users.email, 'observer2@example.org'));
    await other.db.delete(consultationSessions).where(eq(consultationSessions.title, upcomingSessionTitle));
    expect(await seedDemo(other.db, { accounts: true })).toEqual({ organizationsAdded: 0, accountsAdded: 1, roundAdded: false, sessionsAdded: 1 });
    await other.dispose();
  });

  it('has an upcoming session and a closed one with its record', async () => {
    const sessions = await handle.db.select().from(consultationSessions).orderBy(consultationSessions.startsAt);
    expect(sessions.map((s) => [s.title, s.status])).toEqual([
      [heldSessionTitle, 'closed'],
      [upcomingSessionTitle, 'scheduled'],
    ]);
    expect(sessions[1]!.startsAt.getTime()).toBeGreaterThan(Date.now());
    const held = sessions[0]!;
    const record = await sessionRecord(handle.db, held);
    expect(record.attendance.map((a) => a.organizationName)).toEqual(expect.arrayContaining(['Caritas Österreich', 'La Strada Ukraine']));
    expect(record.attendance.find((a) => a.name === 'Katharina Huber')).toMatchObject({ joins: 2 });
    expect(record.interventions.map((i) => i.kind).sort()).toEqual(['intervention', 'intervention', 'intervention', 'point-of-order', 'reply']);
    expect(record.interventions.every((i) => i.seconds > 0)).toBe(true);
    expect(record.interventions.some((i) => i.statement)).toBe(true);
    // The presence figures of the participation record were stored as at closing.
    const stored = await handle.db.select().from(sessionPresence).where(eq(sessionPresence.sessionId, held.id));
    expect(stored.length).toBe(2);
  });
});

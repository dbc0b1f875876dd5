/**
 * The demo data: the NGOs of the reference paper's annex, one account per role, a round with
 * papers, a discussion and two sessions. Added at every start of a demo (the embedded database,
 * development, or DEMO_SEED=1) and by `npm run db:seed`: whatever is missing is added, what
 * exists is kept, so running it twice adds nothing (see README, "Demo data").
 */
import { count, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { organizations, users } from '../schema.ts';
import { hashPassword } from '../../domain/auth/passwords.ts';
import { seedOrganizations } from './organizations.ts';
import { seedDemoRound } from './round.ts';
import { seedDemoSessions } from './sessions.ts';

export const demoPassword = 'consult-demo';

export const demoAccounts = [
  { email: 'admin@example.org', name: 'Inès Moreau', role: 'admin', organization: null, isRepresentative: false },
  { email: 'facilitator@example.org', name: 'Daniel Okafor', role: 'facilitator', organization: null, isRepresentative: false },
  { email: 'secretariat@example.org', name: 'Sofía Ramírez', role: 'secretariat', organization: null, isRepresentative: false },
  { email: 'observer1@example.org', name: 'Olena Kovalenko', role: 'observer', organization: 'La Strada Ukraine', isRepresentative: true },
  { email: 'observer2@example.org', name: 'Taras Melnyk', role: 'observer', organization: 'La Strada Ukraine', isRepresentative: false },
  { email: 'observer3@example.org', name: 'Katharina Huber', role: 'observer', organization: 'Caritas Österreich', isRepresentative: true },
] as const;

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return Number(row?.n ?? 0) === 0;
}

export interface SeedResult {
  organizationsAdded: number;
  accountsAdded: number;
  roundAdded: boolean;
  sessionsAdded: number;
}

/**
 * Inserts whatever of the demo data is missing and answers what it added: the organizations
 * always; with `accounts`, the demo accounts, the demo round with its papers and discussion,
 * and its two sessions (one upcoming, one held, with its record). Safe to run at every start:
 * what exists is left as it is.
 */
export async function seedDemo(db: Database, options: { accounts: boolean }): Promise<SeedResult> {
  // One statement for all of them: at every start of a demo this is the common case.
  const insertedOrganizations = await db
    .insert(organizations)
    .values(
      seedOrganizations.map((org) => ({
        name: org.name,
        acronym: org.acronym,
        countries: org.countries,
        level: org.level,
        areas: org.areas,
        relationships: org.relationships,
        hasObserverStatus: org.observerSince !== null,
        observerSince: org.observerSince,
        description: org.description,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: organizations.id });
  const result: SeedResult = { organizationsAdded: insertedOrganizations.length, accountsAdded: 0, roundAdded: false, sessionsAdded: 0 };
  if (!options.accounts) return result;

  const existing = await db.select({ email: users.email }).from(users).where(inArray(users.email, demoAccounts.map((a) => a.email)));
  const missing = demoAccounts.filter((a) => !existing.some((e) => e.email === a.email));
  // Hashing is the slow part (Argon2): done only when an account is missing.
  const passwordHash = missing.length ? await hashPassword(demoPassword) : '';
  for (const account of missing) {
    let organizationId: string | null = null;
    if (account.organization) {
      const [org] = await db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(sql`lower(${organizations.name})`, account.organization.toLowerCase()))
        .limit(1);
      organizationId = org?.id ?? null;
    }
    const inserted = await db
      .insert(users)
      .values({
        email: account.email,
        name: account.name,
        passwordHash,
        role: account.role,
        organizationId,
        isRepresentative: account.isRepresentative,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    result.accountsAdded += inserted.length;
  }
  const round = await seedDemoRound(db);
  result.roundAdded = round.added;
  if (round.id) result.sessionsAdded = await seedDemoSessions(db, round.id);
  return result;
}

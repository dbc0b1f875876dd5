/**
 * The demo data: the NGOs of the reference paper's annex and one account per role. Runs on the
 * first start of an empty database and with `npm run db:seed`; running it twice adds nothing.
 */
import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { organizations, users } from '../schema.ts';
import { hashPassword } from '../../domain/auth/passwords.ts';
import { seedOrganizations } from './organizations.ts';
import { seedDemoRound } from './round.ts';

export const demoPassword = 'consult-demo';

export const demoAccounts = [
  { email: 'admin@example.org', name: 'Inès Moreau', role: 'admin', organization: null, isRepresentative: false },
  { email: 'facilitator@example.org', name: 'Daniel Okafor', role: 'facilitator', organization: null, isRepresentative: false },
  { email: 'secretariat@example.org', name: 'Sofía Ramírez', role: 'secretariat', organization: null, isRepresentative: false },
  { email: 'observer1@example.org', name: 'Olena Kovalenko', role: 'observer', organization: 'La Strada Ukraine', isRepresentative: true },
  { email: 'observer2@example.org', name: 'Taras Melnyk', role: 'observer', organization: 'La Strada Ukraine', isRepresentative: false },
  { email: 'observer3@example.org', name: 'Katharina Huber', role: 'observer', organization: 'Caritas Österreich', isRepresentative: true },
] as const;

/** Whether demo accounts may be created: never in production unless DEMO_SEED=1 asks for them. */
export function demoAccountsAllowed(env: { NODE_ENV?: string; DEMO_SEED?: string }): boolean {
  return env.NODE_ENV !== 'production' || env.DEMO_SEED === '1';
}

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return Number(row?.n ?? 0) === 0;
}

/** Inserts what is missing of the demo data; answers what it added. */
export async function seedDemo(db: Database, options: { accounts: boolean }) {
  let organizationsAdded = 0;
  for (const org of seedOrganizations) {
    const inserted = await db
      .insert(organizations)
      .values({
        name: org.name,
        acronym: org.acronym,
        countries: org.countries,
        level: org.level,
        areas: org.areas,
        relationships: org.relationships,
        hasObserverStatus: org.observerSince !== null,
        observerSince: org.observerSince,
        description: org.description,
      })
      .onConflictDoNothing()
      .returning({ id: organizations.id });
    organizationsAdded += inserted.length;
  }
  let accountsAdded = 0;
  if (options.accounts) {
    const passwordHash = await hashPassword(demoPassword);
    for (const account of demoAccounts) {
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
      accountsAdded += inserted.length;
    }
  }
  const roundAdded = options.accounts ? await seedDemoRound(db) : false;
  return { organizationsAdded, accountsAdded, roundAdded };
}

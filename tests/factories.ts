/** Makes the people and organizations tests need, in a real database. */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { organizations, users, type Organization, type User } from '../db/schema.ts';
import { hashPassword } from '../domain/auth/passwords.ts';
import type { Area, Level, Role } from '../domain/vocabulary.ts';

export const testPassword = 'correct-horse-battery';
let cachedHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

export async function makeOrganization(
  db: Database,
  overrides: Partial<{ name: string; level: Level; areas: Area[]; countries: string[]; hasObserverStatus: boolean; observerSince: string | null; acronym: string | null }> = {},
): Promise<Organization> {
  const [org] = await db
    .insert(organizations)
    .values({
      name: overrides.name ?? `Organization ${unique()}`,
      acronym: overrides.acronym ?? null,
      level: overrides.level ?? 'national',
      areas: overrides.areas ?? ['migrants-rights'],
      countries: overrides.countries ?? ['FR'],
      hasObserverStatus: overrides.hasObserverStatus ?? false,
      observerSince: overrides.observerSince ?? null,
    })
    .returning();
  return org!;
}

export async function makeUser(
  db: Database,
  overrides: Partial<{ email: string; name: string; role: Role; organizationId: string | null; isRepresentative: boolean; password: string }> = {},
): Promise<User> {
  const passwordHash = overrides.password ? await hashPassword(overrides.password) : await (cachedHash ??= hashPassword(testPassword));
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `person-${unique()}@example.org`,
      name: overrides.name ?? `Person ${unique()}`,
      passwordHash,
      role: overrides.role ?? 'observer',
      organizationId: overrides.organizationId ?? null,
      isRepresentative: overrides.isRepresentative ?? false,
    })
    .returning();
  return user!;
}

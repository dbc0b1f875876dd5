/** Accounts as admins manage them: the list of people and their roles. */
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { organizations, users } from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { containsPattern } from './text-search.ts';
import { invalidateUserSessions } from './auth/sessions.ts';
import { InvalidInput, NotFound } from './errors.ts';
import type { Role } from './vocabulary.ts';

export async function listUsers(db: Database, filter: { q?: string } = {}) {
  const pattern = containsPattern(filter.q);
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      isRepresentative: users.isRepresentative,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined)
    .orderBy(asc(users.name))
    .limit(500);
}

export async function getUser(db: Database, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user) throw new NotFound('user');
  return user;
}

/**
 * Changes a person's role. Observers belong to an organization and staff to none, so a staff
 * member cannot become an observer here (invite them to an organization instead), and an
 * observer who becomes staff leaves their organization. Signs the person out so that every
 * open page picks up the new role.
 */
export async function changeRole(
  db: Database,
  input: { userId: string; role: Role; actorId: string; ip?: string | null },
) {
  const user = await getUser(db, input.userId);
  if (user.role === input.role) return user;
  if (input.role === 'observer') throw new InvalidInput({ role: 'errors.role.observerNeedsOrganization' });
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ role: input.role, organizationId: null, isRepresentative: false })
      .where(and(eq(users.id, input.userId)))
      .returning();
    await invalidateUserSessions(tx, input.userId);
    await recordAudit(tx, {
      action: 'role-changed',
      actorId: input.actorId,
      subject: `user:${input.userId}`,
      ip: input.ip,
      details: { from: user.role, to: input.role, organizationId: user.organizationId },
    });
    return updated!;
  });
}

/** Organizations (NGOs): the directory, one organization's page, and their members. */
import { and, asc, count, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDate } from './dates.ts';
import type { Database } from '../db/client.ts';
import { organizations, users, type Organization } from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { containsPattern } from './text-search.ts';
import { invalidateUserSessions } from './auth/sessions.ts';
import { InvalidInput, NotFound } from './errors.ts';
import { areas, levels, relationships } from './vocabulary.ts';

export const directoryFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  area: z.enum(areas).optional().catch(undefined),
  level: z.enum(levels).optional().catch(undefined),
  country: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  observer: z.enum(['yes', 'no']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
});
export type DirectoryFilter = z.infer<typeof directoryFilterSchema>;

export const directoryPageSize = 25;

/** One page of the directory, filtered, with the member count of each organization. */
export async function searchOrganizations(db: Database, filter: DirectoryFilter) {
  const page = filter.page ?? 1;
  const pattern = containsPattern(filter.q);
  const where = and(
    pattern ? or(ilike(organizations.name, pattern), ilike(organizations.acronym, pattern)) : undefined,
    filter.area ? sql`${organizations.areas} @> array[${filter.area}]::text[]` : undefined,
    filter.level ? eq(organizations.level, filter.level) : undefined,
    filter.country ? sql`${organizations.countries} @> array[${filter.country}]::text[]` : undefined,
    filter.observer ? eq(organizations.hasObserverStatus, filter.observer === 'yes') : undefined,
  );
  const memberCount = db
    .select({ organizationId: users.organizationId, members: count().as('members') })
    .from(users)
    .where(isNull(users.disabledAt))
    .groupBy(users.organizationId)
    .as('member_count');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: organizations.id,
        name: organizations.name,
        acronym: organizations.acronym,
        countries: organizations.countries,
        level: organizations.level,
        areas: organizations.areas,
        hasObserverStatus: organizations.hasObserverStatus,
        observerSince: organizations.observerSince,
        members: sql<number>`coalesce(${memberCount.members}, 0)::int`,
      })
      .from(organizations)
      .leftJoin(memberCount, eq(memberCount.organizationId, organizations.id))
      .where(where)
      .orderBy(asc(organizations.name))
      .limit(directoryPageSize)
      .offset((page - 1) * directoryPageSize),
    db.select({ total: count() }).from(organizations).where(where),
  ]);
  return { organizations: rows, total: Number(total?.total ?? 0), page, pageSize: directoryPageSize };
}

/** The countries that occur in the directory, for its filter. */
export async function directoryCountries(db: Database): Promise<string[]> {
  const result = await db
    .selectDistinct({ country: sql<string>`unnest(${organizations.countries})` })
    .from(organizations);
  return result.map((r) => r.country).sort();
}

/** One organization with its members, representatives first. */
export async function getOrganization(db: Database, id: string) {
  if (!z.uuid().safeParse(id).success) throw new NotFound('organization');
  const [organization] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  if (!organization) throw new NotFound('organization');
  const members = await db
    .select({ id: users.id, name: users.name, email: users.email, isRepresentative: users.isRepresentative })
    .from(users)
    .where(and(eq(users.organizationId, id), isNull(users.disabledAt)))
    .orderBy(sql`${users.isRepresentative} desc`, asc(users.name));
  return { organization, members };
}

export const organizationSchema = z.object({
  name: z.string({ error: 'errors.name.required' }).trim().min(2, 'errors.name.required').max(200, 'errors.name.tooLong'),
  acronym: z.string().trim().max(30, 'errors.acronym.tooLong').transform((v) => v || null).nullable().default(null),
  countries: z.array(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'errors.country.invalid')).max(60).default([]),
  level: z.enum(levels, { error: 'errors.level.invalid' }),
  areas: z.array(z.enum(areas, { error: 'errors.area.invalid' })).default([]),
  relationships: z.array(z.enum(relationships, { error: 'errors.relationship.invalid' })).default([]),
  hasObserverStatus: z.boolean().default(false),
  observerSince: calendarDate('errors.date.invalid').nullable().default(null),
  description: z.string().trim().max(2000, 'errors.description.tooLong').default(''),
});
export type OrganizationInput = z.infer<typeof organizationSchema>;

export async function createOrganization(db: Database, input: OrganizationInput, actorId: string): Promise<Organization> {
  const values = normalize(input);
  await assertNameFree(db, values.name);
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(organizations).values(values).returning();
    await recordAudit(tx, { action: 'organization-created', actorId, subject: `organization:${created!.id}` });
    return created!;
  });
}

export async function updateOrganization(
  db: Database,
  id: string,
  input: OrganizationInput,
  actorId: string,
): Promise<Organization> {
  const values = normalize(input);
  await assertNameFree(db, values.name, id);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(organizations)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(organizations.id, id))
      .returning();
    if (!updated) throw new NotFound('organization');
    await recordAudit(tx, { action: 'organization-updated', actorId, subject: `organization:${id}` });
    return updated;
  });
}

/**
 * Whether any member of the organization (not only its representative) may accept or reject
 * suggested changes in its papers (ADR 027).
 */
export async function setMembersDecideSuggestions(db: Database, input: { organizationId: string; allowed: boolean; actorId: string }) {
  if (!z.uuid().safeParse(input.organizationId).success) throw new NotFound('organization');
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(organizations)
      .set({ membersDecideSuggestions: input.allowed, updatedAt: new Date() })
      .where(eq(organizations.id, input.organizationId))
      .returning({ id: organizations.id });
    if (!updated) throw new NotFound('organization');
    await recordAudit(tx, { action: 'organization-updated', actorId: input.actorId, subject: `organization:${input.organizationId}`, details: { membersDecideSuggestions: input.allowed } });
  });
}

function normalize(input: OrganizationInput) {
  return {
    ...input,
    countries: [...new Set(input.countries)],
    areas: [...new Set(input.areas)],
    relationships: [...new Set(input.relationships)],
    // A date without status would be a contradiction: the status decides.
    observerSince: input.hasObserverStatus ? input.observerSince : null,
  };
}

async function assertNameFree(db: Database, name: string, exceptId?: string) {
  const [clash] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(sql`lower(${organizations.name}) = lower(${name})`)
    .limit(1);
  if (clash && clash.id !== exceptId) throw new InvalidInput({ name: 'errors.organization.nameTaken' });
}

/** A member of an organization, checked to belong to it. */
export async function getMember(db: Database, organizationId: string, userId: string) {
  if (!z.uuid().safeParse(organizationId).success || !z.uuid().safeParse(userId).success) throw new NotFound('member');
  const [member] = await db
    .select({ id: users.id, name: users.name, organizationId: users.organizationId, isRepresentative: users.isRepresentative })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId), isNull(users.disabledAt)))
    .limit(1);
  if (!member) throw new NotFound('member');
  return member;
}

export async function setRepresentative(
  db: Database,
  input: { organizationId: string; userId: string; isRepresentative: boolean; actorId: string; ip?: string | null },
) {
  await getMember(db, input.organizationId, input.userId);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ isRepresentative: input.isRepresentative })
      .where(and(eq(users.id, input.userId), eq(users.organizationId, input.organizationId)));
    await recordAudit(tx, {
      action: 'representative-changed',
      actorId: input.actorId,
      subject: `user:${input.userId}`,
      ip: input.ip,
      details: { organizationId: input.organizationId, isRepresentative: input.isRepresentative },
    });
  });
}

/**
 * Removes a member from an organization. The account stays (its history belongs to the
 * record) but is disabled and signed out: an observer without an organization has no place.
 */
export async function removeMember(
  db: Database,
  input: { organizationId: string; userId: string; actorId: string; ip?: string | null },
) {
  await getMember(db, input.organizationId, input.userId);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ disabledAt: new Date(), isRepresentative: false })
      .where(and(eq(users.id, input.userId), eq(users.organizationId, input.organizationId)));
    await invalidateUserSessions(tx, input.userId);
    await recordAudit(tx, {
      action: 'member-removed',
      actorId: input.actorId,
      subject: `user:${input.userId}`,
      ip: input.ip,
      details: { organizationId: input.organizationId },
    });
  });
}

/** Every organization's id and name, for pickers (bounded: the directory has a few hundred). */
export async function listOrganizationNames(db: Database) {
  return db.select({ id: organizations.id, name: organizations.name }).from(organizations).orderBy(asc(organizations.name)).limit(listBound);
}

/** The most rows a list without pages shows: lists that grow are paged, or bounded by this. */
export const listBound = 2000;

/** Every organization with what the round form's picker filters by: areas, countries, observer status. */
export async function listOrganizationChoices(db: Database) {
  return db
    .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym, areas: organizations.areas, countries: organizations.countries, observer: organizations.hasObserverStatus })
    .from(organizations)
    .orderBy(asc(organizations.name))
    .limit(listBound);
}


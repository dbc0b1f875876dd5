/**
 * Invitations: how people join. An admin, a facilitator or an organization's representative
 * invites an email with a role (and, for observers, an organization); the one-time link is
 * shown to the inviter and mailed. Accepting it creates the account.
 */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { invitations, organizations, users, type User } from '../db/schema.ts';
import { translate } from '../locales/index.ts';
import { emailSchema, newPasswordSchema } from './accounts.ts';
import { recordAudit } from './audit.ts';
import { InvalidInput, NotFound } from './errors.ts';
import type { Mailer } from './mail.ts';
import type { Actor } from './permissions.ts';
import { invitationVisibleTo } from './permissions-sql.ts';
import { hashPassword } from './auth/passwords.ts';
import { generateToken, hashToken } from './auth/tokens.ts';
import { roles, type Locale } from './vocabulary.ts';

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export const invitationSchema = z
  .object({
    email: emailSchema,
    role: z.enum(roles, { error: 'errors.role.invalid' }),
    organizationId: z.uuid({ error: 'errors.organization.required' }).nullable(),
    isRepresentative: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (value.role === 'observer' && !value.organizationId) {
      ctx.addIssue({ code: 'custom', path: ['organizationId'], message: 'errors.organization.required' });
    }
    if (value.role !== 'observer' && value.organizationId) {
      ctx.addIssue({ code: 'custom', path: ['organizationId'], message: 'errors.organization.staffHasNone' });
    }
  });
export type InvitationInput = z.infer<typeof invitationSchema>;

export const acceptInvitationSchema = z.object({
  name: z.string({ error: 'errors.name.required' }).trim().min(1, 'errors.name.required').max(120, 'errors.name.tooLong'),
  password: newPasswordSchema,
});

/** Creates an invitation, mails its link and answers the link so the inviter can pass it on. */
export async function createInvitation(
  db: Database,
  mailer: Mailer,
  input: InvitationInput & { invitedBy: Pick<User, 'id' | 'name'>; appOrigin: string; locale: Locale; ip?: string | null },
): Promise<{ id: string; link: string; delivered: boolean }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existing) throw new InvalidInput({ email: 'errors.invitation.accountExists' });
  let organizationName: string | null = null;
  if (input.organizationId) {
    const [org] = await db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId))
      .limit(1);
    if (!org) throw new InvalidInput({ organizationId: 'errors.organization.unknown' });
    organizationName = org.name;
  }
  const token = generateToken();
  const link = `${input.appOrigin}/join/${token}`;
  const roleName = translate(input.locale, `roles.${input.role}`);
  // The invitation, its mail and its audit entry: one transaction; the mail leaves after it.
  const { id, mailId } = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({
        tokenHash: hashToken(token),
        email: input.email,
        role: input.role,
        organizationId: input.organizationId,
        isRepresentative: input.role === 'observer' && input.isRepresentative,
        invitedById: input.invitedBy.id,
        expiresAt: new Date(Date.now() + invitationLifetimeMs),
      })
      .returning({ id: invitations.id });
    const mailId = await mailer.enqueue(tx, {
      to: input.email,
      subject: translate(input.locale, 'mail.invitation.subject'),
      body: translate(input.locale, 'mail.invitation.body', {
        inviter: input.invitedBy.name,
        role: organizationName ? `${roleName} (${organizationName})` : roleName,
        link,
      }),
    });
    await recordAudit(tx, {
      action: 'invitation-created',
      actorId: input.invitedBy.id,
      subject: input.email,
      ip: input.ip,
      details: { role: input.role, organizationId: input.organizationId, isRepresentative: input.isRepresentative },
    });
    return { id: row!.id, mailId };
  });
  return { id, link, delivered: await mailer.deliver(mailId) };
}

export type InvitationState = 'valid' | 'expired' | 'used' | 'revoked' | 'unknown';

/** What an invitation link leads to, and whether it can still be used. */
export async function findInvitation(db: Database, token: string, now = new Date()) {
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .leftJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return { state: 'unknown' as const, invitation: null, organizationName: null };
  const { invitation } = row;
  const state: InvitationState = invitation.acceptedAt
    ? 'used'
    : invitation.revokedAt
      ? 'revoked'
      : invitation.expiresAt <= now
        ? 'expired'
        : 'valid';
  return { state, invitation, organizationName: row.organizationName };
}

/** Creates the account an invitation offers and uses the invitation up (once only). */
export async function acceptInvitation(
  db: Database,
  input: { token: string; name: string; password: string; locale: Locale; ip?: string | null },
  now = new Date(),
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(
        and(
          eq(invitations.tokenHash, hashToken(input.token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .returning();
    if (!invitation) throw new InvalidInput({ form: 'errors.invitation.unusable' });
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).limit(1);
    if (taken) throw new InvalidInput({ form: 'errors.invitation.accountExists' });
    const [user] = await tx
      .insert(users)
      .values({
        email: invitation.email,
        name: input.name,
        passwordHash,
        role: invitation.role,
        organizationId: invitation.organizationId,
        isRepresentative: invitation.isRepresentative,
        locale: input.locale,
      })
      .returning();
    await recordAudit(tx as unknown as Database, {
      action: 'invitation-accepted',
      actorId: user!.id,
      subject: invitation.email,
      ip: input.ip,
      details: { invitationId: invitation.id },
    });
    return user!;
  });
}

/**
 * Invitations not yet accepted, revoked or expired, that `viewer` may see (`can(viewer, 'view',
 * invitation)`, in SQL); for one organization or all.
 */
export async function listPendingInvitations(
  db: Database,
  viewer: Actor,
  filter: { organizationId?: string } = {},
  now = new Date(),
) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      isRepresentative: invitations.isRepresentative,
      organizationId: invitations.organizationId,
      organizationName: organizations.name,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedByName: users.name,
    })
    .from(invitations)
    .leftJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(
      and(
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
        invitationVisibleTo(viewer, invitations),
        filter.organizationId ? eq(invitations.organizationId, filter.organizationId) : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt))
    .limit(200);
}

export async function getInvitation(db: Database, id: string) {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, id)).limit(1);
  if (!row) throw new NotFound('invitation');
  return row;
}

export async function revokeInvitation(db: Database, id: string, actorId: string, ip?: string | null) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!row) throw new NotFound('invitation');
    await recordAudit(tx, { action: 'invitation-revoked', actorId, subject: row.email, ip });
  });
}

/**
 * Accounts: signing in, passwords, one-time reset links. Free of HTTP: routes call these and
 * turn the errors (domain/errors.ts) into messages.
 */
import { and, count, eq, gt, gte, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { passwordResets, users, type User } from '../db/schema.ts';
import { translate } from '../locales/index.ts';
import { isTimeZone } from './time-zones.ts';
import { countAuditSince, recordAudit } from './audit.ts';
import { InvalidInput, Throttled } from './errors.ts';
import type { Mailer } from './mail.ts';
import { hashPassword, passwordRules, verifyAgainstNothing, verifyPassword } from './auth/passwords.ts';
import { invalidateSession, invalidateUserSessions } from './auth/sessions.ts';
import { generateToken, hashToken } from './auth/tokens.ts';
import type { Locale } from './vocabulary.ts';

export const emailSchema = z
  .string({ error: 'errors.email.required' })
  .trim()
  .toLowerCase()
  .min(1, 'errors.email.required')
  .max(254, 'errors.email.invalid')
  .pipe(z.email({ error: 'errors.email.invalid' }));

export const newPasswordSchema = z
  .string({ error: 'errors.password.required' })
  .min(passwordRules.minLength, 'errors.password.tooShort')
  .max(passwordRules.maxLength, 'errors.password.tooLong');

/** Sign-in failures allowed per account per window before it is throttled. */
export const signInThrottle = { failures: 5, windowMs: 60_000 };
/** A reset link works once, for 30 minutes, and only the latest one asked for works. */
export const passwordResetLifetimeMs = 30 * 60 * 1000;
/** At most this many reset mails per account per window: beyond, the same answer and no mail. */
export const resetMailThrottle = { mails: 3, windowMs: 60 * 60 * 1000 };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password. Throws Throttled after 5 failures in a minute for that
 * account (whether or not it exists), InvalidInput with one message that never tells whether
 * the account exists.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; ip?: string | null },
  now = new Date(),
): Promise<User> {
  const email = normalizeEmail(input.email);
  const since = new Date(now.getTime() - signInThrottle.windowMs);
  const failures = await countAuditSince(db, 'sign-in-failed', email, since);
  if (failures.count >= signInThrottle.failures) {
    const retryAt = (failures.oldest?.getTime() ?? now.getTime()) + signInThrottle.windowMs;
    throw new Throttled(Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)));
  }
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const ok = user && !user.disabledAt
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstNothing(input.password);
  if (!ok || !user) {
    await recordAudit(db, { action: 'sign-in-failed', subject: email, ip: input.ip, actorId: user?.id });
    throw new InvalidInput({ form: 'errors.signIn.incorrect' });
  }
  await recordAudit(db, { action: 'sign-in', actorId: user.id, subject: `user:${user.id}`, ip: input.ip });
  return user;
}

/** Changes a password after checking the current one; signs out the person's other sessions. */
export async function changePassword(
  db: Database,
  input: { userId: string; currentPassword: string; newPassword: string; keepSessionId: string; ip?: string | null },
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new InvalidInput({ currentPassword: 'errors.password.currentWrong' });
  }
  const parsed = newPasswordSchema.safeParse(input.newPassword);
  if (!parsed.success) throw new InvalidInput({ newPassword: parsed.error.issues[0]!.message });
  const passwordHash = await hashPassword(parsed.data);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await invalidateUserSessions(tx, user.id, input.keepSessionId);
    await recordAudit(tx, { action: 'password-changed', actorId: user.id, subject: `user:${user.id}`, ip: input.ip });
  });
}

/**
 * Mails a one-time reset link when the account exists; says nothing either way (the caller
 * shows the same confirmation, and runs this after answering, so the answer takes the same time
 * too), so the form cannot be used to probe for accounts. At most three mails an hour per
 * account; a new link supersedes the earlier ones. The request, the link and its mail are
 * written in one transaction; the mail is handed to SMTP after it commits.
 */
export async function requestPasswordReset(
  db: Database,
  mailer: Mailer,
  input: { email: string; appOrigin: string; locale: Locale; ip?: string | null },
  now = new Date(),
): Promise<void> {
  const email = normalizeEmail(input.email);
  const mailId = await db.transaction(async (tx) => {
    // The account's row is locked: requests for one account take their turn, so the count of
    // recent links below is exact even when many arrive at once.
    const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1).for('update');
    await recordAudit(tx, { action: 'password-reset-requested', subject: email, ip: input.ip, actorId: user?.id });
    if (!user || user.disabledAt) return null;
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, user.id), gte(passwordResets.createdAt, new Date(now.getTime() - resetMailThrottle.windowMs))));
    if (Number(recent?.n ?? 0) >= resetMailThrottle.mails) {
      await recordAudit(tx, { action: 'password-reset-throttled', subject: `user:${user.id}`, ip: input.ip, actorId: user.id });
      return null;
    }
    // Only the latest link works: the earlier ones expire now.
    await tx
      .update(passwordResets)
      .set({ expiresAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
    const token = generateToken();
    await tx.insert(passwordResets).values({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + passwordResetLifetimeMs),
    });
    const locale = user.locale ?? input.locale;
    const link = `${input.appOrigin}/reset-password/${token}`;
    return mailer.enqueue(tx, {
      to: user.email,
      subject: translate(locale, 'mail.reset.subject'),
      body: translate(locale, 'mail.reset.body', { name: user.name, link }),
    });
  });
  if (mailId) await mailer.deliver(mailId);
}

export type ResetLinkState = 'valid' | 'expired' | 'used' | 'unknown';

/** Whether a reset link can still be used, so its page can say why not. */
export async function checkResetToken(db: Database, token: string, now = new Date()): Promise<ResetLinkState> {
  const [row] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, hashToken(token))).limit(1);
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  if (row.expiresAt <= now) return 'expired';
  return 'valid';
}

/** Sets a new password from a reset link, uses the link up and signs out every session. */
export async function resetPassword(
  db: Database,
  input: { token: string; newPassword: string; ip?: string | null },
  now = new Date(),
): Promise<User> {
  const parsed = newPasswordSchema.safeParse(input.newPassword);
  if (!parsed.success) throw new InvalidInput({ password: parsed.error.issues[0]!.message });
  const passwordHash = await hashPassword(parsed.data);
  return db.transaction(async (tx) => {
    // Marking the link used in the same statement that checks it makes a double submit harmless.
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, hashToken(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId });
    if (!used) throw new InvalidInput({ form: 'errors.reset.linkInvalid' });
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, used.userId)).returning();
    await invalidateUserSessions(tx, used.userId);
    await recordAudit(tx, { action: 'password-reset', actorId: used.userId, subject: `user:${used.userId}`, ip: input.ip });
    return user!;
  });
}

/** Ends one session (signing out), with its audit entry. */
export async function signOut(db: Database, input: { userId: string; sessionId: string; ip?: string | null }): Promise<void> {
  await db.transaction(async (tx) => {
    await invalidateSession(tx, input.sessionId);
    await recordAudit(tx, { action: 'sign-out', actorId: input.userId, subject: `user:${input.userId}`, ip: input.ip });
  });
}

/** Ends every session of a person (signing out everywhere), with its audit entry. */
export async function signOutEverywhere(db: Database, input: { userId: string; ip?: string | null }): Promise<void> {
  await db.transaction(async (tx) => {
    await invalidateUserSessions(tx, input.userId);
    await recordAudit(tx, { action: 'sign-out-everywhere', actorId: input.userId, subject: `user:${input.userId}`, ip: input.ip });
  });
}

export async function setLocale(db: Database, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** The zone a person reads times in (null: the browser's); an unknown zone is refused. */
/** Turns the person's automatic reminders (deadlines, sessions) on or off. */
export async function setReceivesReminders(db: Database, userId: string, on: boolean): Promise<void> {
  await db.update(users).set({ receivesReminders: on }).where(eq(users.id, userId));
}

export async function setTimeZone(db: Database, userId: string, timeZone: string | null): Promise<void> {
  if (timeZone !== null && !isTimeZone(timeZone)) throw new InvalidInput({ timeZone: 'errors.timeZone.invalid' });
  await db.update(users).set({ timeZone }).where(eq(users.id, userId));
}

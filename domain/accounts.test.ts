import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, mailOutbox, passwordResets } from '../db/schema.ts';
import { openTestDatabase } from '../tests/setup/database.ts';
import { makeUser, testPassword } from '../tests/factories.ts';
import { changePassword, checkResetToken, requestPasswordReset, resetPassword, signIn, signInThrottle } from './accounts.ts';
import { createSession, validateSessionToken } from './auth/sessions.ts';
import { InvalidInput, Throttled } from './errors.ts';
import { createMailer } from './mail.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
const timeouts = { idleMs: 3600_000, absoluteMs: 7200_000 };
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.dispose());

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('signIn', () => {
  it('accepts the right password, whatever the case of the email, and records it', async () => {
    const user = await makeUser(handle.db, { email: 'ana@example.org' });
    const signed = await signIn(handle.db, { email: '  ANA@example.org ', password: testPassword, ip: '10.0.0.1' });
    expect(signed.id).toBe(user.id);
    const entries = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'sign-in'), eq(auditLog.actorId, user.id)));
    expect(entries[0]?.ip).toBe('10.0.0.1');
  });

  it('says the same thing for a wrong password and an unknown account', async () => {
    await makeUser(handle.db, { email: 'ben@example.org' });
    const wrong = await errorOf(signIn(handle.db, { email: 'ben@example.org', password: 'nope-nope-nope' }));
    const unknown = await errorOf(signIn(handle.db, { email: 'nobody@example.org', password: 'nope-nope-nope' }));
    expect(wrong).toBeInstanceOf(InvalidInput);
    expect((wrong as InvalidInput).fields).toEqual({ form: 'errors.signIn.incorrect' });
    expect((unknown as InvalidInput).fields).toEqual((wrong as InvalidInput).fields);
  });

  it('throttles an account after 5 failures in a minute, even with the right password, and says when to retry', async () => {
    await makeUser(handle.db, { email: 'cleo@example.org' });
    const now = new Date();
    for (let i = 0; i < signInThrottle.failures; i++) {
      await errorOf(signIn(handle.db, { email: 'cleo@example.org', password: 'wrong-password' }, now));
    }
    const throttled = await errorOf(signIn(handle.db, { email: 'cleo@example.org', password: testPassword }, new Date(now.getTime() + 1000)));
    expect(throttled).toBeInstanceOf(Throttled);
    expect((throttled as Throttled).retryAfterSeconds).toBeGreaterThan(0);
    expect((throttled as Throttled).retryAfterSeconds).toBeLessThanOrEqual(60);
    // A minute later the account may try again.
    const later = await signIn(handle.db, { email: 'cleo@example.org', password: testPassword }, new Date(now.getTime() + 61_000));
    expect(later.email).toBe('cleo@example.org');
  });

  it('refuses a disabled account with the same message', async () => {
    const user = await makeUser(handle.db, { email: 'dora@example.org' });
    const { users } = await import('../db/schema.ts');
    await handle.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    const error = await errorOf(signIn(handle.db, { email: 'dora@example.org', password: testPassword }));
    expect((error as InvalidInput).fields).toEqual({ form: 'errors.signIn.incorrect' });
  });
});

describe('changePassword', () => {
  it('needs the current password, checks the new one, and signs out the other sessions', async () => {
    const user = await makeUser(handle.db);
    const here = await createSession(handle.db, user.id, timeouts);
    const elsewhere = await createSession(handle.db, user.id, timeouts);
    const hereId = (await validateSessionToken(handle.db, here.token, timeouts))!.sessionId;
    const wrong = await errorOf(changePassword(handle.db, { userId: user.id, currentPassword: 'bad', newPassword: 'a-new-password', keepSessionId: hereId }));
    expect((wrong as InvalidInput).fields).toEqual({ currentPassword: 'errors.password.currentWrong' });
    const short = await errorOf(changePassword(handle.db, { userId: user.id, currentPassword: testPassword, newPassword: 'short', keepSessionId: hereId }));
    expect((short as InvalidInput).fields).toEqual({ newPassword: 'errors.password.tooShort' });
    await changePassword(handle.db, { userId: user.id, currentPassword: testPassword, newPassword: 'a-new-password', keepSessionId: hereId });
    expect(await validateSessionToken(handle.db, here.token, timeouts)).not.toBeNull();
    expect(await validateSessionToken(handle.db, elsewhere.token, timeouts)).toBeNull();
    expect((await signIn(handle.db, { email: user.email, password: 'a-new-password' })).id).toBe(user.id);
  });
});

describe('password reset by one-time link', () => {
  it('mails a link that works once, then reports it used', async () => {
    const mailer = await createMailer(handle.db, { from: 'test@example.org' });
    const user = await makeUser(handle.db, { email: 'eve@example.org' });
    const session = await createSession(handle.db, user.id, timeouts);
    await requestPasswordReset(handle.db, mailer, { email: 'eve@example.org', appOrigin: 'http://consult.test', locale: 'fr', ip: null });
    const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'eve@example.org'));
    expect(mail!.subject).toMatch(/mot de passe/i);
    const token = /\/reset-password\/([\w-]+)/.exec(mail!.body)![1]!;
    expect(await checkResetToken(handle.db, token)).toBe('valid');
    await resetPassword(handle.db, { token, newPassword: 'brand-new-password' });
    expect(await checkResetToken(handle.db, token)).toBe('used');
    expect(await validateSessionToken(handle.db, session.token, timeouts)).toBeNull();
    const again = await errorOf(resetPassword(handle.db, { token, newPassword: 'another-password' }));
    expect((again as InvalidInput).fields).toEqual({ form: 'errors.reset.linkInvalid' });
    expect((await signIn(handle.db, { email: 'eve@example.org', password: 'brand-new-password' })).id).toBe(user.id);
  });

  it('reports an expired link and an unknown one, and refuses them', async () => {
    const mailer = await createMailer(handle.db, { from: 'test@example.org' });
    const user = await makeUser(handle.db, { email: 'fay@example.org' });
    await requestPasswordReset(handle.db, mailer, { email: 'fay@example.org', appOrigin: 'http://consult.test', locale: 'en' });
    const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'fay@example.org'));
    const token = /\/reset-password\/([\w-]+)/.exec(mail!.body)![1]!;
    await handle.db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.userId, user.id));
    expect(await checkResetToken(handle.db, token)).toBe('expired');
    expect(await checkResetToken(handle.db, 'not-a-token')).toBe('unknown');
    await expect(resetPassword(handle.db, { token, newPassword: 'brand-new-password' })).rejects.toBeInstanceOf(InvalidInput);
  });

  it('sends nothing for an unknown email, and says nothing either', async () => {
    const mailer = await createMailer(handle.db, { from: 'test@example.org' });
    await expect(requestPasswordReset(handle.db, mailer, { email: 'ghost@example.org', appOrigin: 'http://x', locale: 'en' })).resolves.toBeUndefined();
    expect(await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'ghost@example.org'))).toHaveLength(0);
  });
});

describe('reset links are few, short-lived and only the latest works', () => {
  it('mails at most three an hour per account, each superseding the last', async () => {
    const mailer = await createMailer(handle.db, { from: 'test@example.org' });
    const user = await makeUser(handle.db, { email: 'gil@example.org' });
    for (let i = 0; i < 5; i++) await requestPasswordReset(handle.db, mailer, { email: 'gil@example.org', appOrigin: 'http://consult.test', locale: 'en' });
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'gil@example.org'));
    expect(mails).toHaveLength(3);
    const tokens = mails.map((m) => /\/reset-password\/([\w-]+)/.exec(m.body)![1]!);
    const states = await Promise.all(tokens.map((t) => checkResetToken(handle.db, t)));
    expect(states.filter((s) => s === 'valid')).toHaveLength(1);
    expect(states.filter((s) => s === 'expired')).toHaveLength(2);
    const resets = await handle.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(resets.every((r) => r.expiresAt.getTime() - r.createdAt.getTime() <= 30 * 60_000)).toBe(true);
    const throttled = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'password-reset-throttled'), eq(auditLog.actorId, user.id)));
    expect(throttled).toHaveLength(2);
  });
});


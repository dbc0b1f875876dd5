import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeUser } from '../../tests/factories.ts';
import { createSession, invalidateUserSessions, validateSessionToken, countUserSessions } from './sessions.ts';
import { hashToken } from './tokens.ts';

const hour = 3600_000;
const timeouts = { idleMs: 24 * hour, absoluteMs: 72 * hour };
let handle: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.dispose());

describe('sessions', () => {
  it('stores only the SHA-256 of the token', async () => {
    const user = await makeUser(handle.db);
    const { token } = await createSession(handle.db, user.id, timeouts);
    const rows = await handle.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(hashToken(token));
    expect(rows[0]!.id).not.toContain(token);
    expect(token.length).toBeGreaterThanOrEqual(43);
  });

  it('validates a fresh token and refuses an unknown one', async () => {
    const user = await makeUser(handle.db);
    const { token } = await createSession(handle.db, user.id, timeouts);
    expect((await validateSessionToken(handle.db, token, timeouts))?.user.id).toBe(user.id);
    expect(await validateSessionToken(handle.db, `${token}x`, timeouts)).toBeNull();
    expect(await validateSessionToken(handle.db, '', timeouts)).toBeNull();
  });

  it('slides the idle expiry forward once half of it has passed, not before', async () => {
    const user = await makeUser(handle.db);
    const start = new Date('2026-01-01T00:00:00Z');
    const { token, expiresAt } = await createSession(handle.db, user.id, timeouts, null, start);
    const early = await validateSessionToken(handle.db, token, timeouts, new Date(start.getTime() + 2 * hour));
    expect(early!.expiresAt.getTime()).toBe(expiresAt.getTime());
    const later = new Date(start.getTime() + 13 * hour);
    const slid = await validateSessionToken(handle.db, token, timeouts, later);
    expect(slid!.expiresAt.getTime()).toBe(later.getTime() + timeouts.idleMs);
  });

  it('expires after the idle timeout without use', async () => {
    const user = await makeUser(handle.db);
    const start = new Date('2026-01-01T00:00:00Z');
    const { token } = await createSession(handle.db, user.id, timeouts, null, start);
    expect(await validateSessionToken(handle.db, token, timeouts, new Date(start.getTime() + 25 * hour))).toBeNull();
    // An expired session is deleted, not only refused.
    expect(await handle.db.select().from(sessions).where(eq(sessions.id, hashToken(token)))).toHaveLength(0);
  });

  it('never outlives the absolute timeout, however often it is used', async () => {
    const user = await makeUser(handle.db);
    const start = new Date('2026-01-01T00:00:00Z');
    const { token } = await createSession(handle.db, user.id, timeouts, null, start);
    for (let h = 13; h < 72; h += 13) {
      const valid = await validateSessionToken(handle.db, token, timeouts, new Date(start.getTime() + h * hour));
      expect(valid).not.toBeNull();
      expect(valid!.expiresAt.getTime()).toBeLessThanOrEqual(start.getTime() + timeouts.absoluteMs);
    }
    expect(await validateSessionToken(handle.db, token, timeouts, new Date(start.getTime() + 72 * hour))).toBeNull();
  });

  it('signs a person out everywhere, or everywhere but here', async () => {
    const user = await makeUser(handle.db);
    const a = await createSession(handle.db, user.id, timeouts);
    const b = await createSession(handle.db, user.id, timeouts);
    await createSession(handle.db, user.id, timeouts);
    expect(await countUserSessions(handle.db, user.id)).toBe(3);
    expect(await invalidateUserSessions(handle.db, user.id, hashToken(a.token))).toBe(2);
    expect(await validateSessionToken(handle.db, a.token, timeouts)).not.toBeNull();
    expect(await validateSessionToken(handle.db, b.token, timeouts)).toBeNull();
    expect(await invalidateUserSessions(handle.db, user.id)).toBe(1);
    expect(await countUserSessions(handle.db, user.id)).toBe(0);
  });
});

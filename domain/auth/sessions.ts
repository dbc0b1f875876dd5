/**
 * Sessions, written from the Lucia guide: the browser holds a random token, the database only
 * its SHA-256. A session slides forward while it is used (idle timeout) but never past its
 * absolute timeout.
 */
import { and, count, eq, gt, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { sessions, users, type User } from '../../db/schema.ts';
import { generateToken, hashToken } from './tokens.ts';

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

export interface ValidSession {
  sessionId: string;
  expiresAt: Date;
  user: User;
}

/** Starts a session for a user and returns the token for the cookie. */
export async function createSession(
  db: Database,
  userId: string,
  timeouts: SessionTimeouts,
  userAgent?: string | null,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const absoluteExpiresAt = new Date(now.getTime() + timeouts.absoluteMs);
  const expiresAt = new Date(Math.min(now.getTime() + timeouts.idleMs, absoluteExpiresAt.getTime()));
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    expiresAt,
    absoluteExpiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
    createdAt: now,
  });
  return { token, expiresAt };
}

/**
 * The session and user behind a token, or null when it is unknown, expired or the account is
 * disabled. Extends the idle expiry once half of it has passed (one write per half period).
 */
export async function validateSessionToken(
  db: Database,
  token: string,
  timeouts: SessionTimeouts,
  now = new Date(),
): Promise<ValidSession | null> {
  if (!token || token.length > 100) return null;
  const sessionId = hashToken(token);
  const row = await sessionWithUser(db, sessionId);
  if (!row) return null;
  const { session, user } = row;
  if (!isLive(row, now)) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  let expiresAt = session.expiresAt;
  if (expiresAt.getTime() - now.getTime() < timeouts.idleMs / 2) {
    expiresAt = new Date(
      Math.min(now.getTime() + timeouts.idleMs, session.absoluteExpiresAt.getTime()),
    );
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
  }
  return { sessionId, expiresAt, user };
}

/**
 * The person behind a session, by its id (the token's hash), as they are now; null once the
 * session is signed out, expired or the account disabled. Live connections ask this when a
 * person's access changes; unlike `validateSessionToken` it never extends the session.
 */
export async function findSession(db: Database, sessionId: string, now = new Date()): Promise<{ sessionId: string; user: User } | null> {
  const row = await sessionWithUser(db, sessionId);
  return row && isLive(row, now) ? { sessionId, user: row.user } : null;
}

async function sessionWithUser(db: Database, sessionId: string) {
  const [row] = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, sessionId)).limit(1);
  return row;
}

/** Not expired (idle or absolute), and the account not disabled. */
function isLive(row: { session: typeof sessions.$inferSelect; user: User }, now: Date): boolean {
  return now < row.session.expiresAt && now < row.session.absoluteExpiresAt && !row.user.disabledAt;
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs a person out everywhere, or everywhere but the session they are using. */
export async function invalidateUserSessions(
  db: Database,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
        : eq(sessions.userId, userId),
    )
    .returning({ id: sessions.id });
  return removed.length;
}

export async function countUserSessions(db: Database, userId: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)));
  return Number(row?.n ?? 0);
}

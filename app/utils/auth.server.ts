/**
 * Who is asking: the session behind the cookie, and the cookie itself. Routes call
 * `requireUser` (or `getUser`); the rules live in domain/auth/sessions.ts.
 */
import { redirect, type AppLoadContext } from '@remix-run/node';
import type { User } from '../../db/schema.ts';
import { createSession, invalidateSession, validateSessionToken } from '../../domain/auth/sessions.ts';
import { parseCookies, serializeCookie, sessionCookieName } from '../../server/cookies.ts';

export interface CurrentUser {
  user: User;
  sessionId: string;
  /** Set-Cookie to send back when the session slid forward. */
  refreshedCookie: string | null;
}

// Keyed on the load context, which is made once per request and shared by all its loaders
// (each loader gets its own Request object, so the Request cannot be the key).
const cache = new WeakMap<AppLoadContext, Promise<CurrentUser | null>>();

/** The signed-in person, or null. Computed once per request. */
export function getCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  let found = cache.get(context);
  if (!found) {
    found = lookUp(request, context);
    cache.set(context, found);
  }
  return found;
}

async function lookUp(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  const token = parseCookies(request.headers.get('Cookie'))[sessionCookieName];
  if (!token) return null;
  const { db, config } = context.services;
  const session = await validateSessionToken(db, token, config.sessionTimeouts);
  if (!session) return null;
  return { user: session.user, sessionId: session.sessionId, refreshedCookie: sessionCookie(context, token, session.expiresAt) };
}

/** The signed-in person; a visitor is sent to /login and brought back afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const current = await getCurrentUser(request, context);
  if (!current) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return current;
}

/** Starts a session and answers the Set-Cookie header for it. */
export async function startSession(request: Request, context: AppLoadContext, userId: string): Promise<string> {
  const { db, config } = context.services;
  const { token, expiresAt } = await createSession(db, userId, config.sessionTimeouts, request.headers.get('User-Agent'));
  return sessionCookie(context, token, expiresAt);
}

export async function endSession(context: AppLoadContext, sessionId: string): Promise<string> {
  await invalidateSession(context.services.db, sessionId);
  return clearSessionCookie(context);
}

export function clearSessionCookie(context: AppLoadContext): string {
  return serializeCookie(sessionCookieName, '', { maxAgeSeconds: 0, secure: isSecure(context) });
}

function sessionCookie(context: AppLoadContext, token: string, expiresAt: Date): string {
  return serializeCookie(sessionCookieName, token, { expires: expiresAt, httpOnly: true, secure: isSecure(context) });
}

function isSecure(context: AppLoadContext): boolean {
  return context.services.config.nodeEnv === 'production';
}

/** Only same-site paths are followed after sign-in: never another host. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}

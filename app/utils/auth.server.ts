/**
 * Who is asking: the session behind the cookie, and the cookie itself. Routes call
 * `requireUser` (or `getUser`); the rules live in domain/auth/sessions.ts.
 */
import { redirect, type AppLoadContext } from '@remix-run/node';
import type { User } from '../../db/schema.ts';
import { createSession, validateSessionToken } from '../../domain/auth/sessions.ts';
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


export function clearSessionCookie(context: AppLoadContext): string {
  return serializeCookie(sessionCookieName, '', { maxAgeSeconds: 0, secure: isSecure(context) });
}

function sessionCookie(context: AppLoadContext, token: string, expiresAt: Date): string {
  return serializeCookie(sessionCookieName, token, { expires: expiresAt, httpOnly: true, secure: isSecure(context) });
}

function isSecure(context: AppLoadContext): boolean {
  return context.secure;
}

/**
 * Only paths of this site are followed after sign-in (and by the language switch, and when a
 * notification is opened): the path is resolved with `URL` against the app's own origin, as the
 * browser will resolve it, and refused unless it stays there. A tab or a line break (which the
 * URL parser drops: `/<TAB>/evil.example` is `//evil.example`), a backslash, or any other
 * control character is refused outright, so what goes into `Location` is always a clean path.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, origin: string, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.length > 2000 || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

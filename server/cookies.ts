/**
 * The platform's cookies, read and written with the `cookie` package (the one Remix and Express
 * already use), shared by Remix routes, the socket.io handshake and the collaboration upgrade.
 */
import { parse, serialize } from 'cookie';

export const sessionCookieName = 'idm_session';
export const localeCookieName = 'idm_lang';
export const toastCookieName = 'idm_toast';
/** The browser's time zone, written by the page itself (see app/components/time-zone-sync.tsx). */
export const timeZoneCookieName = 'idm_tz';

/** The cookies of a `Cookie` header; the first of two with one name wins, a malformed value is left out. */
export function parseCookies(header: string | null | undefined): Record<string, string> {
  if (!header) return {};
  const cookies: Record<string, string> = {};
  for (const [name, value] of Object.entries(parse(header))) {
    if (value !== undefined) cookies[name] = value;
  }
  return cookies;
}

export interface CookieOptions {
  maxAgeSeconds?: number;
  expires?: Date;
  httpOnly?: boolean;
  secure?: boolean;
}

/** A `Set-Cookie` value for the whole site, `SameSite=Lax`, HttpOnly unless said otherwise. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  return serialize(name, value, {
    path: '/',
    sameSite: 'lax',
    httpOnly: options.httpOnly !== false,
    secure: options.secure,
    maxAge: options.maxAgeSeconds === undefined ? undefined : Math.floor(options.maxAgeSeconds),
    expires: options.expires,
  });
}

/**
 * Toasts travel through a redirect in a short-lived cookie. The cookie carries only a message
 * key (and simple values); the page shows the translated text, so nothing foreign is rendered.
 */
import { redirect } from '@remix-run/node';
import { parseCookies, serializeCookie, toastCookieName } from '../../server/cookies.ts';

export interface Toast {
  kind: 'success' | 'error' | 'info';
  key: string;
  vars?: Record<string, string | number>;
}

export function redirectWithToast(to: string, toast: Toast, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append('Set-Cookie', serializeCookie(toastCookieName, JSON.stringify(toast), { maxAgeSeconds: 60 }));
  return redirect(to, { headers });
}

/** Reads (and clears) the toast a redirect left. */
export function takeToast(request: Request): { toast: Toast | null; clear: string | null } {
  const raw = parseCookies(request.headers.get('Cookie'))[toastCookieName];
  if (!raw) return { toast: null, clear: null };
  const clear = serializeCookie(toastCookieName, '', { maxAgeSeconds: 0 });
  try {
    const value = JSON.parse(raw) as Toast;
    if (typeof value?.key !== 'string' || !['success', 'error', 'info'].includes(value.kind)) return { toast: null, clear };
    return { toast: value, clear };
  } catch {
    return { toast: null, clear };
  }
}

import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { setLocale } from '../../domain/accounts.ts';
import { isLocale } from '../../domain/vocabulary.ts';
import { getCurrentUser, safeRedirect } from '../utils/auth.server.ts';
import { localeCookieName, serializeCookie } from '../../server/cookies.ts';

export async function loader() {
  return redirect('/');
}

/** Keeps the language chosen: on the account when signed in, in a cookie for everyone. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get('locale');
  const back = safeRedirect(form.get('redirectTo'), context.origin);
  if (!isLocale(locale)) throw new Response('Unknown language', { status: 400 });
  const current = await getCurrentUser(request, context);
  if (current) await setLocale(context.services.db, current.user.id, locale);
  return redirect(back, {
    headers: { 'Set-Cookie': serializeCookie(localeCookieName, locale, { maxAgeSeconds: 365 * 24 * 3600, httpOnly: false }) },
  });
}

import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { signOut } from '../../domain/accounts.ts';
import { clearSessionCookie, getCurrentUser } from '../utils/auth.server.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export async function loader() {
  // Signing out changes state, so it is a POST; a GET (a typed address) just goes home.
  return redirect('/');
}

export async function action({ request, context }: ActionFunctionArgs) {
  const current = await getCurrentUser(request, context);
  if (!current) return redirect('/login', { headers: { 'Set-Cookie': clearSessionCookie(context) } });
  await signOut(context.services.db, { userId: current.user.id, sessionId: current.sessionId, ip: context.clientIp });
  // This browser's live connections (socket.io, the editors) close now, not at their next reconnection.
  await context.services.access.changed({ userId: current.user.id, sessionId: current.sessionId, reason: 'signed-out' });
  return redirectWithToast('/login', { kind: 'info', key: 'toast.signedOut' }, { headers: { 'Set-Cookie': clearSessionCookie(context) } });
}

import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { recordAudit } from '../../domain/audit.ts';
import { clearSessionCookie, endSession, getCurrentUser } from '../utils/auth.server.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export async function loader() {
  // Signing out changes state, so it is a POST; a GET (a typed address) just goes home.
  return redirect('/');
}

export async function action({ request, context }: ActionFunctionArgs) {
  const current = await getCurrentUser(request, context);
  if (!current) return redirect('/login', { headers: { 'Set-Cookie': clearSessionCookie(context) } });
  const cookie = await endSession(context, current.sessionId);
  await recordAudit(context.services.db, { action: 'sign-out', actorId: current.user.id, subject: `user:${current.user.id}`, ip: context.clientIp });
  context.services.realtime.disconnectUser(current.user.id, current.sessionId);
  return redirectWithToast('/login', { kind: 'info', key: 'toast.signedOut' }, { headers: { 'Set-Cookie': cookie } });
}

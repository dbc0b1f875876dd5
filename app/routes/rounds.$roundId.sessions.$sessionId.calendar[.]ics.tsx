/** "Add to calendar": one session as an .ics file, for those who may attend it. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { sessionCalendar } from '../../domain/calendar/feed.ts';
import { getSession, sessionResource } from '../../domain/sessions/sessions.ts';
import { requireUser } from '../utils/auth.server.ts';
import { downloadHeaders } from '../utils/download.server.ts';
import { domainErrorResponse } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { session, round, facts } = await getSession(context.services.db, params.sessionId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (session.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  await requirePermission(context, user, 'attend', sessionResource(session, facts));
  const body = sessionCalendar(session, round, user.locale ?? 'en', context.origin);
  return new Response(body, { headers: downloadHeaders('text/calendar; charset=utf-8', `session-${session.id}.ics`) });
}

/** The record of a session for whoever may attend it: the page and its CSV exports share this. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { getSession, sessionResource } from '../../domain/sessions/sessions.ts';
import { sessionRecord } from '../../domain/sessions/record.ts';
import { requireUser } from './auth.server.ts';
import { domainErrorResponse } from './forms.server.ts';
import { requirePermission } from './permissions.server.ts';

export async function loadSessionRecord({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { session, round, facts } = await getSession(context.services.db, params.sessionId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (session.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  await requirePermission(context, user, 'attend', sessionResource(session, facts));
  return { session, round, record: await sessionRecord(context.services.db, session) };
}

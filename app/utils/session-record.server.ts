/**
 * The record of a session for whoever may attend it: the page and its CSV exports share this.
 * Attendance person by person (who, how long) is IOM's record (`read-attendance`): participants
 * get the organizations that attended, and the interventions, which were public in the room.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { getSession, sessionResource } from '../../domain/sessions/sessions.ts';
import { sessionRecord } from '../../domain/sessions/record.ts';
import { requireUser } from './auth.server.ts';
import { domainErrorResponse } from './forms.server.ts';
import { requirePermission } from './permissions.server.ts';
import { can } from '../../domain/permissions.ts';

export async function loadSessionRecord({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { session, round, facts } = await getSession(context.services.db, params.sessionId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (session.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  const resource = sessionResource(session, facts);
  await requirePermission(context, user, 'attend', resource);
  const record = await sessionRecord(context.services.db, session);
  const personByPerson = can(user, 'read-attendance', resource);
  return {
    user,
    resource,
    session,
    round,
    personByPerson,
    record: personByPerson ? record : { ...record, attendance: [] },
    organizationsAttending: [...new Set(record.attendance.map((a) => a.organizationName))],
  };
}

/** CSV exports of a session's record: `?part=attendance` or `?part=interventions`. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { recordCsv } from '../../domain/sessions/record.ts';
import { downloadHeaders } from '../utils/download.server.ts';
import { loadSessionRecord } from '../utils/session-record.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';

export async function loader(args: LoaderFunctionArgs) {
  const part = new URL(args.request.url).searchParams.get('part');
  if (part !== 'attendance' && part !== 'interventions') throw new Response('Unknown export: ask for part=attendance or part=interventions.', { status: 400 });
  const { session, record, user, resource } = await loadSessionRecord(args);
  // Attendance person by person is IOM's record.
  if (part === 'attendance') await requirePermission(args.context, user, 'read-attendance', resource);
  return new Response(recordCsv(record, part), { headers: downloadHeaders('text/csv; charset=utf-8', `session-${session.id}-${part}.csv`) });
}

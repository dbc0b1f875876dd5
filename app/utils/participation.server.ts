/** The record of a round for those who may read it: the page and its CSV and XLSX exports share this. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { participationRecord } from '../../domain/participation/record.ts';
import { filterRows, readRecordQuery, sortRows } from '../../domain/participation/view.ts';
import { getRound } from '../../domain/rounds.ts';
import { requireUser } from './auth.server.ts';
import { domainErrorResponse } from './forms.server.ts';
import { requirePermission } from './permissions.server.ts';

export async function loadRoundRecord({ request, params, context }: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
  const { user } = await requireUser(request, context);
  const { round, invited, facts } = await getRound(context.services.db, params.roundId ?? '').catch((e) => domainErrorResponse(e) as never);
  await requirePermission(context, user, 'read', { type: 'participation', round: facts });
  const rows = await participationRecord(context.services.db, { roundId: round.id });
  const query = readRecordQuery(new URL(request.url).searchParams);
  return { user, round, invited, facts, rows, query, shownRows: sortRows(filterRows(rows, query), query.sort, query.dir) };
}

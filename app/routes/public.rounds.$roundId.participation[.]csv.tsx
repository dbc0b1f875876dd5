/** Open data: the participation figures of a public round as CSV (one row per invited organization). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { participationCsv } from '../../domain/public-record/open-data.ts';
import { openDataHeaders, requirePublicRound } from '../utils/public-record.server.ts';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const round = await requirePublicRound(context, params.roundId ?? '');
  return new Response(participationCsv(round.participation), { headers: openDataHeaders('text/csv; charset=utf-8', `participation-${round.id}.csv`) });
}

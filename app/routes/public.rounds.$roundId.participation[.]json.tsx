/** Open data: the participation figures of a public round as JSON (the same rows as the CSV). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { participationJson } from '../../domain/public-record/open-data.ts';
import { publicPaths } from '../../domain/public-record/paths.ts';
import { openDataHeaders, requirePublicRound } from '../utils/public-record.server.ts';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const round = await requirePublicRound(context, params.roundId ?? '');
  const body = participationJson({ id: round.id, title: round.title, url: `${context.origin}${publicPaths.round(round.id)}` }, round.participation);
  return new Response(body, { headers: openDataHeaders('application/json; charset=utf-8', `participation-${round.id}.json`) });
}

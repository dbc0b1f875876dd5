import type { LoaderFunctionArgs } from '@remix-run/node';
import { getPaper, listVersions, paperResource } from '../../domain/papers.ts';
import { can } from '../../domain/permissions.ts';
import { requireUser } from './auth.server.ts';
import { domainErrorResponse } from './forms.server.ts';
import { requirePermission } from './permissions.server.ts';

/**
 * A paper's submitted versions, for the pages that show them (a version, a comparison): read by
 * the organization's members, and by whoever may read its submitted positions; 404 for a paper
 * of another round, 403 (recorded) for anyone else.
 */
export async function readableVersions({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const found = await getPaper(context.services.db, params.paperId ?? '').catch((e) => domainErrorResponse(e) as never);
  if (found.paper.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  const resource = paperResource(found);
  if (!can(user, 'read-draft', resource)) await requirePermission(context, user, 'read-submitted', resource);
  return { ...found, versions: await listVersions(context.services.db, found.paper.id) };
}

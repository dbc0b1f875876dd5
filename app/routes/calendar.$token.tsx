/**
 * A person's private calendar feed, `/calendar/<token>.ics`: the token is the only key (a calendar
 * application sends no cookie). An unknown or revoked token is 404, the same as any missing page.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { feedOwner, personalCalendar } from '../../domain/calendar/feed.ts';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = (params.token ?? '').replace(/\.ics$/, '');
  const owner = await feedOwner(context.services.db, token);
  if (!owner) throw new Response('Not found', { status: 404 });
  const body = await personalCalendar(context.services.db, owner, { origin: context.origin });
  // Private: never in a shared cache; calendar applications fetch it again on their own schedule.
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' } });
}

/** The Atom feed of the public record (/public/feed): rounds made public and their summaries. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { atomFeed } from '../../domain/public-record/atom.ts';
import { listPublicRounds } from '../../domain/public-record/public-records.ts';
import { resolveLocale, translatorFor } from '../utils/i18n.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = resolveLocale(request, null);
  const t = translatorFor(locale);
  const rounds = await listPublicRounds(context.services.db);
  const xml = atomFeed(rounds, context.origin, { title: t('public.feed.title'), subtitle: t('public.list.description'), roundEntry: (round) => t('public.feed.roundEntry', { round }), summaryEntry: (round) => t('public.feed.summaryEntry', { round }) }, locale);
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

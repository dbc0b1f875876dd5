/** The public record (/public): every round made public, for anyone, signed in or not. */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { listPublicRounds } from '../../domain/public-record/public-records.ts';
import { publicPaths } from '../../domain/public-record/paths.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { messagesFrom } from '../utils/i18n.tsx';
import { describe } from '../utils/public-record.server.ts';

export const links: LinksFunction = () => [{ rel: 'alternate', type: 'application/atom+xml', href: publicPaths.feed }];

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const root = matches.find((m) => m?.id === 'root')?.data as { messages?: string } | undefined;
  return [...pageTitle(matches, 'public.list.title'), { name: 'description', content: messagesFrom(root?.messages)['public.list.description'] ?? '' }];
};

export async function loader({ context }: LoaderFunctionArgs) {
  const rounds = await listPublicRounds(context.services.db);
  return { rounds: rounds.map((r) => ({ id: r.id, title: r.title, publicAt: r.publicAt, summaryPublishedAt: r.summary?.publishedAt ?? null, excerpt: describe(r.summary?.text ?? '', 240) })) };
}

export default function PublicRounds() {
  const t = useT();
  const format = useFormat();
  const { rounds } = useLoaderData<typeof loader>();
  return (
    <div className="stack public-record">
      <header className="page-header">
        <div>
          <h1>{t('public.list.title')}</h1>
          <p className="lead">{t('public.list.description')}</p>
        </div>
      </header>
      <p>
        <a href={publicPaths.feed}>{t('public.list.feed')}</a>
      </p>
      {rounds.length === 0 ? (
        <p className="muted">{t('public.list.empty')}</p>
      ) : (
        <ul className="plain-list stack">
          {rounds.map((r) => (
            <li key={r.id} className="card">
              <h2>
                <Link to={publicPaths.round(r.id)}>{r.title}</Link>
              </h2>
              <p className="muted small">{t('public.round.madePublic', { date: format.date(r.publicAt) })}</p>
              {r.excerpt && <p>{r.excerpt}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

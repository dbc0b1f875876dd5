import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { jointName } from '../utils/joint-name.ts';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { listOrganizationNames } from '../../domain/organizations.ts';
import { listRoundsFor } from '../../domain/rounds.ts';
import { searchPositions, searchQuerySchema } from '../../domain/search.ts';
import { matchEnd, matchStart } from '../../domain/search-markers.ts';
import { areas } from '../../domain/vocabulary.ts';
import { SelectField } from '../components/select-field.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'search.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const query = searchQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { db } = context.services;
  const [hits, rounds, organizations] = await Promise.all([searchPositions(db, user, query), listRoundsFor(db, user), listOrganizationNames(db)]);
  return { query, hits, rounds: rounds.map((r) => ({ id: r.id, title: r.title })), organizations };
}

/** A snippet with its matches marked, rendered as text: no HTML string from a paper is used. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${matchStart}[^${matchEnd}]*${matchEnd})`));
  return (
    <p className="snippet">
      {parts.map((part, i) => (part.startsWith(matchStart) ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>))}
    </p>
  );
}

export default function SearchPage() {
  const t = useT();
  const format = useFormat();
  const { query, hits, rounds, organizations } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/search';
  return (
    <div className="stack">
      <PageHeader title={t('search.title')} intro={t('search.intro')} />
      <Form method="get" role="search" className="filters card" aria-label={t('search.title')}>
        <div className="field">
          <label htmlFor="q">{t('search.words')}</label>
          <input id="q" name="q" type="search" defaultValue={query.q} />
        </div>
        <SelectField label={t('search.round')} name="round" defaultValue={query.round} empty={t('organizations.any')} options={rounds.map((r) => ({ value: r.id, label: r.title }))} />
        <SelectField label={t('organization.areas')} name="area" defaultValue={query.area} empty={t('organizations.any')} options={areas.map((a) => ({ value: a, label: t(`areas.${a}`) }))} />
        <SelectField label={t('invitations.organization')} name="organization" defaultValue={query.organization} empty={t('organizations.any')} options={organizations.map((o) => ({ value: o.id, label: o.name }))} />
        <div className="filter-actions">
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </div>
      </Form>
      <p role="status" aria-live="polite" className="result-count">
        {searching ? t('shell.loading') : query.q ? t('search.count', { count: hits.length }) : ''}
      </p>
      {!query.q ? (
        <EmptyState title={t('search.empty.title')} body={t('search.empty.body')} />
      ) : hits.length === 0 ? (
        <EmptyState title={t('search.none.title')} body={t('search.none.body')} />
      ) : (
        <ol className="plain-list search-results">
          {hits.map((hit) => (
            <li key={hit.versionId}>
              <Link to={`/rounds/${hit.roundId}/papers/${hit.paperId}`}>
                <strong>{jointName(t, hit.organizationName, hit.coSignedBy)}</strong>
              </Link>{' '}
              · {hit.roundTitle} · {t('paper.versionLabel', { number: hit.number })} · {format.dateTime(hit.submittedAt)}
              <Snippet text={hit.snippet} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

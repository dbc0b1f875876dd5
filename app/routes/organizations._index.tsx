import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSearchParams, useSubmit } from '@remix-run/react';
import { directoryCountries, directoryFilterSchema, searchOrganizations } from '../../domain/organizations.ts';
import { can } from '../../domain/permissions.ts';
import { areas, levels } from '../../domain/vocabulary.ts';
import { PageHeader } from '../components/page-header.tsx';
import { SelectField } from '../components/select-field.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'organizations.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'list', { type: 'organizations' });
  const filter = directoryFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [result, countries] = await Promise.all([searchOrganizations(context.services.db, filter), directoryCountries(context.services.db)]);
  return { ...result, countries, filter, canCreate: can(user, 'create', { type: 'organizations' }) };
}

/** The filter's fields that have a value, so the address stays short and shareable. */
function filledFields(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === 'string' && value) params.set(key, value);
  return params;
}

export default function OrganizationsPage() {
  const t = useT();
  const format = useFormat();
  const { organizations, total, page, pageSize, countries, filter, canCreate } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/organizations';
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return `?${next}`;
  };
  return (
    <div className="stack">
      <PageHeader title={t('organizations.title')} intro={t('organizations.intro')} action={canCreate ? { to: '/organizations/new', label: t('organizations.new') } : undefined} />
      <Form method="get" className="filters card" role="search" aria-label={t('organizations.filters')} onChange={(e) => submit(filledFields(e.currentTarget), { replace: true, preventScrollReset: true })}>
        <div className="field">
          <label htmlFor="q">{t('organizations.search')}</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} placeholder={t('organizations.searchPlaceholder')} />
        </div>
        <SelectField label={t('organization.areas')} name="area" defaultValue={filter.area} empty={t('organizations.any')} options={areas.map((a) => ({ value: a, label: t(`areas.${a}`) }))} />
        <SelectField label={t('organization.level')} name="level" defaultValue={filter.level} empty={t('organizations.any')} options={levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))} />
        <div className="field">
          <label htmlFor="country">{t('organization.country')}</label>
          <select id="country" name="country" defaultValue={filter.country ?? ''}>
            <option value="">{t('organizations.any')}</option>
            {countries
              .map((c) => ({ c, name: format.country(c) }))
              .sort((a, b) => a.name.localeCompare(b.name))
              .map(({ c, name }) => (
                <option key={c} value={c}>
                  {name}
                </option>
              ))}
          </select>
        </div>
        <SelectField label={t('organization.observerStatus')} name="observer" defaultValue={filter.observer} empty={t('organizations.any')} options={[{ value: 'yes', label: t('organizations.observerYes') }, { value: 'no', label: t('organizations.observerNo') }]} />
        <div className="filter-actions">
          <button type="submit" className="button">
            {t('organizations.apply')}
          </button>
          <Link to="/organizations">{t('organizations.clear')}</Link>
        </div>
      </Form>
      <p role="status" aria-live="polite" className="result-count">
        {searching ? t('shell.loading') : t('organizations.count', { count: total })}
      </p>
      {organizations.length === 0 ? (
        <EmptyState title={t('organizations.empty.title')} body={t('organizations.empty.body')} action={{ to: '/organizations', label: t('organizations.clear') }} />
      ) : (
        <ul className="org-list" aria-busy={searching}>
          {organizations.map((org) => (
            <li key={org.id} className="card org-card">
              <h2 className="card-title">
                <Link to={`/organizations/${org.id}`}>{org.name}</Link>
                {org.acronym && <span className="muted"> ({org.acronym})</span>}
              </h2>
              <p className="meta-line">
                {t(`levels.${org.level}`)}
                {org.countries.length > 0 && ` · ${org.countries.map(format.country).join(', ')}`}
                {` · ${t('organizations.memberCount', { count: org.members })}`}
              </p>
              {org.hasObserverStatus && <span className="badge">{t('organization.observerBadge')}</span>}
              <ul className="tags" aria-label={t('organization.areas')}>
                {org.areas.map((a) => (
                  <li key={a}>{t(`areas.${a}`)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label={t('pagination.label')} className="pagination">
          {page > 1 && <Link to={pageLink(page - 1)}>{t('pagination.previous')}</Link>}
          <span>{t('pagination.pageOf', { page, pages })}</span>
          {page < pages && <Link to={pageLink(page + 1)}>{t('pagination.next')}</Link>}
        </nav>
      )}
    </div>
  );
}

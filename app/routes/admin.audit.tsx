import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { listAudit } from '../../domain/audit.ts';
import { auditActions } from '../../domain/audit-actions.ts';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audit.title');

const auditQuery = z.object({
  action: z.enum(auditActions as [string, ...string[]]).optional().catch(undefined),
  // The log's ids are 32-bit integers: anything beyond is not a page of it (and Postgres would refuse it).
  before: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'read', { type: 'audit-log' });
  const query = auditQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listAudit(context.services.db, { action: query.action as never, before: query.before });
  return { ...page, action: query.action ?? '' };
}

export default function AuditPage() {
  const t = useT();
  const format = useFormat();
  const { entries, nextBefore, action } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const next = new URLSearchParams(params);
  if (nextBefore) next.set('before', String(nextBefore));
  return (
    <div className="stack">
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <Form method="get" className="inline-search">
        <label htmlFor="action">{t('audit.action')}</label>
        <select id="action" name="action" defaultValue={action}>
          <option value="">{t('organizations.any')}</option>
          {auditActions.map((a) => (
            <option key={a} value={a}>
              {t(`audit.actions.${a}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary">
          {t('organizations.apply')}
        </button>
      </Form>
      {entries.length === 0 ? (
        <EmptyState title={t('audit.empty.title')} body={t('audit.empty.body')} />
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.address')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{format.dateTime(e.at)}</td>
                  <td>{t(`audit.actions.${e.action}`)}</td>
                  <td>{e.actorName ? `${e.actorName} (${e.actorEmail})` : '—'}</td>
                  <td>
                    <code>{e.subject ?? ''}</code>
                    {Object.keys(e.details ?? {}).length > 0 && <div className="muted small">{JSON.stringify(e.details)}</div>}
                  </td>
                  <td>{e.ip ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore && (
        <nav aria-label={t('pagination.label')} className="pagination">
          <Link to={`?${next}`}>{t('pagination.older')}</Link>
        </nav>
      )}
    </div>
  );
}

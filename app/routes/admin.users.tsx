import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { InvalidInput } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import { changeRole, listUsers } from '../../domain/users.ts';
import { roles } from '../../domain/vocabulary.ts';
import { PageHeader } from '../components/page-header.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, parseWith } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'users.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'list', { type: 'users' });
  const q = new URL(request.url).searchParams.get('q')?.slice(0, 100) ?? '';
  const people = await listUsers(context.services.db, { q: q || undefined });
  return { q, people: people.map((p) => ({ ...p, canChangeRole: can(user, 'change-role', { type: 'user', id: p.id }) })) };
}

const roleChange = z.object({ userId: z.uuid(), role: z.enum(roles, { error: 'errors.role.invalid' }) });

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const parsed = parseWith(roleChange, Object.fromEntries(await request.formData()));
  if (!parsed.ok) throw new Response('Bad request', { status: 400 });
  await requirePermission(context, user, 'change-role', { type: 'user', id: parsed.value.userId });
  try {
    await changeRole(context.services.db, { ...parsed.value, actorId: user.id, ip: context.clientIp });
  } catch (error) {
    if (error instanceof InvalidInput) return redirectWithToast('/admin/users', { kind: 'error', key: error.fields.role ?? 'errors.field.invalid' });
    return domainErrorResponse(error);
  }
  // Their open pages and editors are judged on the new role now (and, signed out, closed).
  await context.services.access.changed({ userId: parsed.value.userId, reason: 'role-changed' });
  return redirectWithToast('/admin/users', { kind: 'success', key: 'toast.roleChanged' });
}

export default function UsersPage() {
  const t = useT();
  const { q, people } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <div className="stack">
      <PageHeader title={t('users.title')} intro={t('users.intro')} action={{ to: '/invitations/new', label: t('invitations.new') }} />
      <Form method="get" role="search" className="inline-search">
        <label htmlFor="q">{t('users.search')}</label>
        <input id="q" name="q" type="search" defaultValue={q} />
        <button type="submit" className="button button-secondary">
          {t('organizations.apply')}
        </button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('fields.email')}</th>
              <th scope="col">{t('invitations.organization')}</th>
              <th scope="col">{t('invitations.role')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.name}
                  {p.disabledAt && <span className="badge badge-muted">{t('users.disabled')}</span>}
                </td>
                <td>{p.email}</td>
                <td>{p.organizationId ? <Link to={`/organizations/${p.organizationId}`}>{p.organizationName}</Link> : '—'}</td>
                <td>
                  {p.canChangeRole ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="userId" value={p.id} />
                      <label className="visually-hidden" htmlFor={`role-${p.id}`}>
                        {t('users.roleOf', { name: p.name })}
                      </label>
                      <select id={`role-${p.id}`} name="role" defaultValue={p.role}>
                        {roles
                          .filter((r) => r !== 'observer' || p.role === 'observer')
                          .map((r) => (
                            <option key={r} value={r}>
                              {t(`roles.${r}`)}
                            </option>
                          ))}
                      </select>
                      <button type="submit" className="button button-small button-secondary" disabled={navigation.state === 'submitting'}>
                        {t('users.changeRole')}
                        <span className="visually-hidden"> ({p.name})</span>
                      </button>
                    </Form>
                  ) : (
                    <>
                      {t(`roles.${p.role}`)}
                      {p.isRepresentative && ` · ${t('organization.representative')}`}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import type { User } from '../../db/schema.ts';
import { getInvitation, listPendingInvitations, revokeInvitation } from '../../domain/invitations.ts';
import { can } from '../../domain/permissions.ts';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, parseWith } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'invitations.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'create', { type: 'invitation', role: 'observer', organizationId: user.organizationId ?? '' });
  const pending = await listPendingInvitations(context.services.db, user);
  return {
    invitations: pending.map((i) => ({ ...i, canRevoke: can(user, 'revoke', { type: 'invitation', role: i.role, organizationId: i.organizationId }) })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const parsed = parseWith(z.object({ invitationId: z.uuid() }), Object.fromEntries(await request.formData()));
  if (!parsed.ok) throw new Response('Bad request', { status: 400 });
  try {
    const invitation = await getInvitation(context.services.db, parsed.value.invitationId);
    await requirePermission(context, user, 'revoke', { type: 'invitation', role: invitation.role, organizationId: invitation.organizationId });
    await revokeInvitation(context.services.db, invitation.id, user.id, context.clientIp);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainErrorResponse(error);
  }
  return redirectWithToast('/invitations', { kind: 'success', key: 'toast.invitationRevoked' });
}

export default function InvitationsPage() {
  const t = useT();
  const format = useFormat();
  const { invitations } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <div className="stack">
      <PageHeader title={t('invitations.title')} intro={t('invitations.intro')} action={{ to: '/invitations/new', label: t('invitations.new') }} />
      {invitations.length === 0 ? (
        <EmptyState title={t('invitations.empty.title')} body={t('invitations.empty.body')} action={{ to: '/invitations/new', label: t('invitations.new') }} />
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('invitations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('invitations.role')}</th>
                <th scope="col">{t('invitations.organization')}</th>
                <th scope="col">{t('invitations.invitedBy')}</th>
                <th scope="col">{t('invitations.expires')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('invitations.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td>
                    {t(`roles.${i.role}`)}
                    {i.isRepresentative && ` · ${t('organization.representative')}`}
                  </td>
                  <td>{i.organizationId ? <Link to={`/organizations/${i.organizationId}`}>{i.organizationName}</Link> : '—'}</td>
                  <td>{i.invitedByName ?? '—'}</td>
                  <td>{format.date(i.expiresAt)}</td>
                  <td>
                    {i.canRevoke && (
                      <Form method="post">
                        <input type="hidden" name="invitationId" value={i.id} />
                        <button type="submit" className="button button-small button-secondary" disabled={navigation.state === 'submitting'}>
                          {t('invitations.revoke')}
                          <span className="visually-hidden"> ({i.email})</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

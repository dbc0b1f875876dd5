import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { getMember, getOrganization, removeMember, setMembersDecideSuggestions, setRepresentative } from '../../domain/organizations.ts';
import { can } from '../../domain/permissions.ts';
import { listPendingInvitations } from '../../domain/invitations.ts';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, parseWith } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { redirectWithToast } from '../utils/toast.server.ts';
import { connectSocket } from '../utils/socket.client.ts';
import { EmptyState } from '../components/empty-state.tsx';
import { RoundsRecord } from '../components/participation/rounds-record.tsx';
import { participationRecord } from '../../domain/participation/record.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organization.name ?? ''} · IDM Consult` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const id = params.id ?? '';
  await requirePermission(context, user, 'view', { type: 'organization', id });
  const { organization, members } = await getOrganization(context.services.db, id).catch((e) => domainErrorResponse(e) as never);
  const canManage = can(user, 'manage-members', { type: 'organization', id });
  return {
    organization,
    members: members.map((m) => ({
      ...m,
      email: can(user, 'read-email', { type: 'member', userId: m.id, organizationId: id }) ? m.email : null,
      canRemove: can(user, 'remove', { type: 'member', userId: m.id, organizationId: id }),
      canSetRepresentative: can(user, 'set-representative', { type: 'member', userId: m.id, organizationId: id }),
    })),
    pendingInvitations: await listPendingInvitations(context.services.db, user, { organizationId: id }),
    canEdit: can(user, 'edit', { type: 'organization', id }),
    canInvite: can(user, 'create', { type: 'invitation', organizationId: id, role: 'observer' }),
    canManage,
    rounds: can(user, 'read-participation', { type: 'organization', id })
      ? (await participationRecord(context.services.db, { organizationId: id })).map(({ roundId, roundTitle, derived, corrections }) => ({ roundId, roundTitle, derived, corrections: corrections.map(({ figure, value }) => ({ figure, value })) }))
      : null,
  };
}

const memberAction = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('set-representative'), userId: z.uuid(), isRepresentative: z.enum(['true', 'false']) }),
  z.object({ intent: z.literal('remove'), userId: z.uuid() }),
  // Suggested changes (ADR 027): may any member accept or reject them, or only the representative?
  z.object({ intent: z.literal('suggestion-rights'), membersDecideSuggestions: z.enum(['true', 'false']) }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const organizationId = params.id ?? '';
  const parsed = parseWith(memberAction, Object.fromEntries(await request.formData()));
  if (!parsed.ok) throw new Response('Bad request', { status: 400 });
  const input = parsed.value;
  const { db, realtime, access } = context.services;
  if (input.intent === 'suggestion-rights') {
    await requirePermission(context, user, 'manage-members', { type: 'organization', id: organizationId });
    try {
      await setMembersDecideSuggestions(db, { organizationId, allowed: input.membersDecideSuggestions === 'true', actorId: user.id });
    } catch (error) {
      return domainErrorResponse(error);
    }
    realtime.organizationChanged(organizationId);
    return redirectWithToast(`/organizations/${organizationId}`, { kind: 'success', key: 'toast.suggestionRightsChanged' });
  }
  try {
    await getMember(db, organizationId, input.userId);
    const resource = { type: 'member', userId: input.userId, organizationId } as const;
    if (input.intent === 'remove') {
      await requirePermission(context, user, 'remove', resource);
      await removeMember(db, { organizationId, userId: input.userId, actorId: user.id, ip: context.clientIp });
      // Their open pages and editors close now: a removed member cannot type one more keystroke.
      await access.changed({ userId: input.userId, reason: 'member-removed' });
    } else {
      await requirePermission(context, user, 'set-representative', resource);
      await setRepresentative(db, { organizationId, userId: input.userId, isRepresentative: input.isRepresentative === 'true', actorId: user.id, ip: context.clientIp });
      // Live connections carry who the person was at connection: they learn who they are now.
      await access.changed({ userId: input.userId, reason: 'representative-changed' });
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainErrorResponse(error);
  }
  realtime.organizationChanged(organizationId);
  return redirectWithToast(`/organizations/${organizationId}`, { kind: 'success', key: input.intent === 'remove' ? 'toast.memberRemoved' : 'toast.representativeChanged' });
}

export default function OrganizationPage() {
  const t = useT();
  const format = useFormat();
  const { organization: org, members, pendingInvitations, canEdit, canInvite, canManage, rounds } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const busy = navigation.state === 'submitting';

  // Members added or changed by someone else show up without a reload.
  const [live, setLive] = useState<'connecting' | 'on' | 'off'>('connecting');
  useEffect(() => {
    const socket = connectSocket();
    const watch = () =>
      socket.emit('organization:watch', { organizationId: org.id }, (ack: { ok: boolean }) => setLive(ack?.ok ? 'on' : 'off'));
    const lost = () => setLive('connecting');
    const refused = () => setLive('off');
    socket.on('connect', watch);
    socket.on('disconnect', lost);
    socket.on('connect_error', refused);
    socket.on('organization:changed', () => revalidator.revalidate());
    if (socket.connected) watch();
    return () => {
      socket.emit('organization:unwatch', { organizationId: org.id }, () => {});
      socket.off('connect', watch);
      socket.off('disconnect', lost);
      socket.off('connect_error', refused);
      socket.off('organization:changed');
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [org.id]);

  return (
    <div className="stack">
      <div className="breadcrumb-row">
        <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
          <Link to="/organizations">{t('organizations.title')}</Link>
        </nav>
        <p className={`live-status live-${live}`} data-live={live}>
          {t(`live.${live}`)}
        </p>
      </div>
      <header className="page-header with-actions">
        <div>
          <h1>
            {org.name} {org.acronym && <span className="muted">({org.acronym})</span>}
          </h1>
          <p className="lead">
            {t(`levels.${org.level}`)}
            {org.countries.length > 0 && ` · ${org.countries.map(format.country).join(', ')}`}
          </p>
        </div>
        <div className="actions">
          {canEdit && (
            <Link to={`/organizations/${org.id}/edit`} className="button button-secondary">
              {t('organization.edit')}
            </Link>
          )}
          {canInvite && (
            <Link to={`/invitations/new?organizationId=${org.id}`} className="button">
              {t('organization.inviteMember')}
            </Link>
          )}
        </div>
      </header>
      {org.description && <p>{org.description}</p>}
      <div className="grid-2">
        <section className="card" aria-labelledby="status">
          <h2 id="status">{t('organization.observerStatus')}</h2>
          <p>
            {org.hasObserverStatus
              ? org.observerSince
                ? t('organization.observerSince', { date: format.date(org.observerSince) })
                : t('organization.observerStatus.yes')
              : t('organization.observerStatus.no')}
          </p>
          <h2>{t('organization.areas')}</h2>
          {org.areas.length ? (
            <ul className="tags">
              {org.areas.map((a) => (
                <li key={a}>{t(`areas.${a}`)}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('organization.noAreas')}</p>
          )}
          <h2>{t('organization.relationships')}</h2>
          {org.relationships.length ? (
            <ul className="plain-list">
              {org.relationships.map((r) => (
                <li key={r}>{t(`relationships.${r}`)}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('organization.noRelationships')}</p>
          )}
        </section>
        <section className="card" aria-labelledby="members">
          <h2 id="members">{t('organization.members')}</h2>
          {members.length === 0 ? (
            <EmptyState
              title={t('organization.noMembers.title')}
              body={t(canInvite ? 'organization.noMembers.bodyInvite' : 'organization.noMembers.body')}
              action={canInvite ? { to: `/invitations/new?organizationId=${org.id}&representative=1`, label: t('organization.inviteMember') } : undefined}
            />
          ) : (
            <ul className="member-list">
              {members.map((m) => (
                <li key={m.id}>
                  <div>
                    <strong>{m.name}</strong>
                    {m.isRepresentative && <span className="badge">{t('organization.representative')}</span>}
                    {m.email && <div className="muted">{m.email}</div>}
                  </div>
                  <div className="member-actions">
                    {m.canSetRepresentative && (
                      <Form method="post">
                        <input type="hidden" name="intent" value="set-representative" />
                        <input type="hidden" name="userId" value={m.id} />
                        <input type="hidden" name="isRepresentative" value={String(!m.isRepresentative)} />
                        <button type="submit" className="button button-small button-secondary" disabled={busy}>
                          {m.isRepresentative ? t('organization.unmakeRepresentative') : t('organization.makeRepresentative')}
                          <span className="visually-hidden"> ({m.name})</span>
                        </button>
                      </Form>
                    )}
                    {m.canRemove && (
                      <Form method="post" onSubmit={(e) => !confirm(t('organization.removeConfirm', { name: m.name })) && e.preventDefault()}>
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={m.id} />
                        <button type="submit" className="button button-small button-danger" disabled={busy}>
                          {t('organization.remove')}
                          <span className="visually-hidden"> ({m.name})</span>
                        </button>
                      </Form>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {pendingInvitations.length > 0 && (
            <>
              <h3>{t('organization.pendingInvitations')}</h3>
              <ul className="plain-list">
                {pendingInvitations.map((i) => (
                  <li key={i.id}>
                    {i.email} · {t('dashboard.expires', { date: format.date(i.expiresAt) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        {canManage && (
          <section className="card" aria-labelledby="suggestion-rights">
            <h2 id="suggestion-rights">{t('suggestions.rights.title')}</h2>
            <p>{org.membersDecideSuggestions ? t('suggestions.rights.members') : t('suggestions.rights.representative')}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="suggestion-rights" />
              <input type="hidden" name="membersDecideSuggestions" value={String(!org.membersDecideSuggestions)} />
              <button type="submit" className="button button-small button-secondary" disabled={busy}>
                {org.membersDecideSuggestions ? t('suggestions.rights.onlyRepresentative') : t('suggestions.rights.allowMembers')}
              </button>
            </Form>
          </section>
        )}
      </div>
      {rounds && <RoundsRecord rows={rounds} />}
    </div>
  );
}

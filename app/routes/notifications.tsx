/** The inbox: what concerns me, newest first, with what I want to hear about and how. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { deliveries, findNotification, getPreferences, listNotifications, markRead, notificationKinds, preferencesSchema, setPreferences, unreadCount } from '../../domain/notifications.ts';
import { EmptyState } from '../components/empty-state.tsx';
import { FormError } from '../components/form-field.tsx';
import { requireUser, safeRedirect } from '../utils/auth.server.ts';
import { parseWith, type FormErrors } from '../utils/forms.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = () => [{ title: 'Notifications · IDM Consult' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const before = new URL(request.url).searchParams.get('before');
  const page = await listNotifications(context.services.db, user.id, { before });
  return data(
    {
      notifications: page.notifications.map((n) => ({ id: n.id, kind: n.kind, payload: n.payload, link: n.link, createdAt: n.createdAt, read: !!n.readAt })),
      next: page.next,
      unread: await unreadCount(context.services.db, user.id),
      preferences: await getPreferences(context.services.db, user.id),
      paged: !!before,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const form = await request.formData();
  const intent = form.get('intent');
  const { db, realtime } = context.services;
  if (intent === 'open') {
    const id = z.uuid().safeParse(form.get('id'));
    if (!id.success) return data<FormErrors>({ errors: { form: 'errors.notifications.unknown' } }, { status: 400 });
    const found = await findNotification(db, user.id, id.data);
    if (!found) return data<FormErrors>({ errors: { form: 'errors.notifications.unknown' } }, { status: 404 });
    await markRead(db, user.id, [found.id]);
    realtime.notificationsChanged([user.id]);
    // Only paths inside the app: a stored link never sends anyone elsewhere.
    return redirect(safeRedirect(found.link, context.origin));
  }
  if (intent === 'read-all') {
    await markRead(db, user.id, 'all');
    realtime.notificationsChanged([user.id]);
    return redirectWithToast('/notifications', { kind: 'success', key: 'toast.notificationsRead' });
  }
  if (intent === 'preferences') {
    const parsed = parseWith(preferencesSchema, Object.fromEntries(notificationKinds.map((k) => [k, form.get(`pref-${k}`)])));
    if (!parsed.ok) return data<FormErrors>({ errors: { form: 'errors.notifications.deliveryInvalid' } }, { status: 400 });
    await setPreferences(db, user.id, parsed.value);
    return redirectWithToast('/notifications', { kind: 'success', key: 'toast.preferencesSaved' });
  }
  return data<FormErrors>({ errors: { form: 'errors.field.invalid' } }, { status: 400 });
}

export default function NotificationsPage() {
  const t = useT();
  const format = useFormat();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  return (
    <div className="stack narrow-wide">
      <header className="page-header with-actions">
        <div>
          <h1>{t('notifications.title')}</h1>
          <p className="lead">{loaded.unread ? t('notifications.unread', { count: loaded.unread }) : t('notifications.allRead')}</p>
        </div>
        {loaded.unread > 0 && (
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className="button button-secondary" disabled={busy}>
              {t('notifications.markAllRead')}
            </button>
          </Form>
        )}
      </header>
      <FormError error={result?.errors?.form} />
      <section className="card" aria-labelledby="inbox-title">
        <h2 id="inbox-title" className="visually-hidden">
          {t('notifications.title')}
        </h2>
        {loaded.notifications.length === 0 ? (
          <EmptyState title={t('notifications.empty.title')} body={t('notifications.empty.body')} />
        ) : (
          <ul className="notification-list">
            {loaded.notifications.map((n) => (
              <li key={n.id} className={n.read ? 'notification' : 'notification unread'}>
                <Form method="post" className="notification-open">
                  <input type="hidden" name="intent" value="open" />
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="link-button">
                    {!n.read && <span className="visually-hidden">{t('notifications.unreadMark')} </span>}
                    {t(`notifications.kind.${n.kind}`, n.payload)}
                  </button>
                </Form>
                <span className="muted small">{format.dateTime(n.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
        {(loaded.next || loaded.paged) && (
          <p className="pager">
            {loaded.paged && <Link to="/notifications">{t('notifications.newest')}</Link>}{' '}
            {loaded.next && <Link to={`/notifications?before=${encodeURIComponent(loaded.next)}`}>{t('notifications.older')}</Link>}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="preferences-title">
        <h2 id="preferences-title">{t('notifications.preferences')}</h2>
        <p className="muted">{t('notifications.preferencesIntro')}</p>
        <Form method="post" className="preferences-form">
          <input type="hidden" name="intent" value="preferences" />
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('notifications.about')}</th>
                {deliveries.map((d) => (
                  <th scope="col" key={d}>
                    {t(`notifications.delivery.${d}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {notificationKinds.map((kind) => (
                <tr key={kind}>
                  <th scope="row">{t(`notifications.kindName.${kind}`)}</th>
                  {deliveries.map((d) => (
                    <td key={d}>
                      <input type="radio" name={`pref-${kind}`} value={d} defaultChecked={loaded.preferences[kind] === d} aria-label={`${t(`notifications.kindName.${kind}`)}: ${t(`notifications.delivery.${d}`)}`} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="button" disabled={busy}>
            {navigation.formData?.get('intent') === 'preferences' ? t('forms.sending') : t('forms.save')}
          </button>
        </Form>
      </section>
    </div>
  );
}

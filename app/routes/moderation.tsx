/** The moderation queue: reported comments to hide or keep, hidden ones to restore. */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { dismissReports, hideComment, moderationQueue, restoreComment } from '../../domain/comments/moderation.ts';
import { notify } from '../../domain/notifications.ts';
import { EmptyState } from '../components/empty-state.tsx';
import { FormError } from '../components/form-field.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, type FormErrors } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = () => [{ title: 'Moderation · IDM Consult' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'review', { type: 'moderation' });
  return data(await moderationQueue(context.services.db, user), { headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'review', { type: 'moderation' });
  const form = await request.formData();
  const commentId = z.uuid().safeParse(form.get('commentId'));
  if (!commentId.success) return data<FormErrors>({ errors: { form: 'errors.live.notFound' } }, { status: 400 });
  const { db, realtime } = context.services;
  const values = { commentId: commentId.data, reason: form.get('reason') };
  try {
    switch (form.get('intent')) {
      case 'hide': {
        const outcome = await hideComment(db, user, { commentId: commentId.data, reason: form.get('reason') });
        realtime.commentsChanged({ place: outcome.place, thread: outcome.thread, comment: outcome.comment });
        realtime.notificationsChanged(outcome.notified);
        return redirectWithToast('/moderation', { kind: 'success', key: 'toast.commentHidden' });
      }
      case 'restore': {
        const outcome = await restoreComment(db, user, { commentId: commentId.data });
        realtime.commentsChanged({ place: outcome.place, thread: outcome.thread, comment: outcome.comment });
        return redirectWithToast('/moderation', { kind: 'success', key: 'toast.commentRestored' });
      }
      case 'dismiss':
        await dismissReports(db, user, { commentId: commentId.data });
        return redirectWithToast('/moderation', { kind: 'success', key: 'toast.reportsDismissed' });
      default:
        return data<FormErrors>({ errors: { form: 'errors.field.invalid' } }, { status: 400 });
    }
  } catch (error) {
    return domainErrorResponse(error, values);
  }
}

type Item = Awaited<ReturnType<typeof moderationQueue>>['reported'][number];

export default function ModerationPage() {
  const t = useT();
  const { reported, hidden } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack narrow-wide">
      <header className="page-header">
        <h1>{t('moderation.title')}</h1>
        <p className="lead">{t('moderation.intro')}</p>
      </header>
      <FormError error={result?.errors?.form} />
      <section className="card" aria-labelledby="reported-title">
        <h2 id="reported-title">{t('moderation.reported', { count: reported.length })}</h2>
        {reported.length === 0 ? (
          <EmptyState title={t('moderation.empty.title')} body={t('moderation.empty.body')} />
        ) : (
          <ul className="plain-list moderation-list">
            {reported.map((item) => (
              <QueueItem key={item.commentId} item={item} errors={result?.values?.commentId === item.commentId ? result.errors : undefined} />
            ))}
          </ul>
        )}
      </section>
      {hidden.length > 0 && (
        <section className="card" aria-labelledby="hidden-title">
          <h2 id="hidden-title">{t('moderation.hidden')}</h2>
          <ul className="plain-list moderation-list">
            {hidden.map((item) => (
              <QueueItem key={item.commentId} item={item} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function QueueItem({ item, errors }: { item: Item; errors?: Record<string, string> }) {
  const t = useT();
  const format = useFormat();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formData?.get('commentId') === item.commentId;
  return (
    <li className="moderation-item" data-comment-id={item.commentId}>
      <p className="comment-meta">
        <strong>{item.authorName}</strong>
        {item.organizationName && <span className="muted"> · {item.organizationName}</span>}
        <span className="muted"> · {format.dateTime(item.createdAt)} · {item.roundTitle} · {t(`moderation.scope.${item.scope}`)}</span>
      </p>
      <blockquote className="reported-text">{item.body ?? t('comments.deleted', { date: '' })}</blockquote>
      {item.link && <Link to={item.link}>{t('moderation.openThread')}</Link>}
      {item.reports.length > 0 && (
        <ul className="reports">
          {item.reports.map((r, i) => (
            <li key={i}>
              {t('moderation.reportBy', { name: r.reporterName, date: format.dateTime(r.at) })} <q>{r.reason}</q>
            </li>
          ))}
        </ul>
      )}
      {item.hidden ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="commentId" value={item.commentId} />
          <p>{t('comments.hiddenByModerator', { reason: item.hidden.reason })}</p>
          <button type="submit" name="intent" value="restore" className="button button-secondary" disabled={busy}>
            {t('moderation.restore')}
          </button>
        </Form>
      ) : (
        <Form method="post" className="moderation-actions">
          <input type="hidden" name="commentId" value={item.commentId} />
          <label className="field">
            <span>{t('moderation.reason')}</span>
            <input name="reason" maxLength={500} aria-invalid={errors?.reason ? true : undefined} aria-describedby={errors?.reason ? `reason-${item.commentId}` : undefined} />
          </label>
          {errors?.reason && (
            <p id={`reason-${item.commentId}`} className="field-error">
              {t(errors.reason)}
            </p>
          )}
          <div className="composer-actions">
            <button type="submit" name="intent" value="hide" className="button button-danger" disabled={busy}>
              {t('moderation.hide')}
            </button>
            <button type="submit" name="intent" value="dismiss" className="button button-secondary" disabled={busy}>
              {t('moderation.dismiss')}
            </button>
          </div>
        </Form>
      )}
    </li>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { outboxForAdmins } from '../../domain/mail.ts';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outbox.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'read', { type: 'mail-outbox' });
  return { messages: await outboxForAdmins(context.services.db), transport: context.services.mailer.transport };
}

export default function OutboxPage() {
  const t = useT();
  const format = useFormat();
  const { messages, transport } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader title={t('outbox.title')} intro={t(transport === 'smtp' ? 'outbox.introSmtp' : 'outbox.introOutbox')} />
      {messages.length === 0 ? (
        <EmptyState title={t('outbox.empty.title')} body={t('outbox.empty.body')} />
      ) : (
        <ul className="mail-list">
          {messages.map((m) => (
            <li key={m.id} className="card">
              <h2 className="card-title">{m.subject}</h2>
              <p className="meta-line">
                {t('outbox.to', { to: m.to })} · {format.dateTime(m.createdAt)} ·{' '}
                {m.sentAt ? t('outbox.sent') : m.error ? t('outbox.failed', { error: m.error }) : t('outbox.notSent')}
              </p>
              <pre className="mail-body">{m.body}</pre>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A round's discussion: topics on the round's questions for all its participants, live. */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useEffect, useMemo, useState } from 'react';
import { listThreads } from '../../domain/comments/threads.ts';
import { can } from '../../domain/permissions.ts';
import { getRound } from '../../domain/rounds.ts';
import { CommentsPanel } from '../components/comments/comments-panel.tsx';
import { Composer } from '../components/comments/composer.tsx';
import { useThreads, type ThreadView } from '../components/comments/use-threads.ts';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useT } from '../utils/i18n.tsx';
import { ask } from '../utils/socket.client.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.title ?? ''} · IDM Consult` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { round, facts } = await getRound(context.services.db, params.roundId ?? '').catch((e) => domainErrorResponse(e) as never);
  const threadFacts = { scope: 'round', organizationId: null, round: facts } as const;
  await requirePermission(context, user, 'read', { type: 'thread', thread: { ...threadFacts, createdById: null } });
  const first = await listThreads(context.services.db, user, { scope: 'round', roundId: round.id });
  return data(
    {
      round: { id: round.id, title: round.title },
      facts: threadFacts,
      me: { id: user.id, role: user.role, organizationId: user.organizationId, isRepresentative: user.isRepresentative },
      threads: first.threads,
      next: first.next,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export default function DiscussionPage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const place = useMemo(() => ({ scope: 'round' as const, roundId: loaded.round.id }), [loaded.round.id]);
  const threads = useThreads(place, loaded.me.id, { threads: loaded.threads as ThreadView[], next: loaded.next });
  const [title, setTitle] = useState('');
  const [titleProblem, setTitleProblem] = useState(false);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const canStart = can(loaded.me, 'comment', { type: 'thread', thread: { ...loaded.facts, createdById: loaded.me.id } });
  return (
    <div className="stack">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link> › <Link to={`/rounds/${loaded.round.id}`}>{loaded.round.title}</Link>
      </nav>
      <header className="page-header">
        <h1>{t('discussion.title', { round: loaded.round.title })}</h1>
        <p className="lead">{t('discussion.intro')}</p>
      </header>
      <CommentsPanel title={t('discussion.topics')} place={place} me={loaded.me} facts={loaded.facts} state={threads}>
        {canStart && mounted && (
          <details className="new-thread">
            <summary className="button button-secondary">{t('discussion.newTopic')}</summary>
            <label className="field">
              <span>{t('discussion.topicTitle')}</span>
              <input name="title" value={title} maxLength={200} onChange={(e) => (setTitle(e.target.value), setTitleProblem(false))} aria-invalid={titleProblem || undefined} aria-describedby={titleProblem ? 'topic-title-problem' : undefined} />
            </label>
            {titleProblem && (
              <p id="topic-title-problem" className="field-error" role="alert">
                {t('errors.comment.titleRequired')}
              </p>
            )}
            <Composer
              place={place}
              label={t('discussion.topicBody')}
              submitLabel={t('comments.post')}
              onSend={async (body) => {
                if (title.trim().length < 3) {
                  setTitleProblem(true);
                  return { ok: false, error: 'invalid-payload', fields: { title: 'errors.comment.titleRequired' } };
                }
                const ack = await ask<{ thread: ThreadView }>('thread:start', { scope: 'round', roundId: loaded.round.id, title, body });
                if (ack.ok) {
                  setTitle('');
                  threads.openThread(ack.thread.id);
                }
                return ack;
              }}
            />
          </details>
        )}
      </CommentsPanel>
    </div>
  );
}

/**
 * A list of comment threads with everything one does in them: open a thread and its replies
 * (a page at a time), reply, edit or delete one's own comment, report someone else's, resolve
 * and reopen. Buttons follow `can`; the server asks it again.
 */
import { useState } from 'react';
import { can, type Actor, type ThreadFacts } from '../../../domain/permissions.ts';
import { useFormat, useT } from '../../utils/i18n.tsx';
import { ackProblem, ask } from '../../utils/socket.client.ts';
import { CommentText } from './comment-text.tsx';
import { Composer } from './composer.tsx';
import type { CommentView, Place, ThreadView, useThreads } from './use-threads.ts';

type Threads = ReturnType<typeof useThreads>;

export interface ThreadListProps {
  place: Place;
  me: Actor;
  /** The facts `can` needs, without the thread's author. */
  facts: Omit<ThreadFacts, 'createdById'>;
  state: Threads;
  /** Draft threads whose passage is gone. */
  detached?: ReadonlySet<string>;
  onShowInText?: (thread: ThreadView) => void;
  /** Threads shown: open ones by default. */
  filter: 'open' | 'resolved' | 'all';
}

export function ThreadList({ place, me, facts, state, detached, onShowInText, filter }: ThreadListProps) {
  const t = useT();
  const shown = state.threads.filter((th) => filter === 'all' || (filter === 'open' ? !th.resolved : !!th.resolved));
  if (shown.length === 0) return <p className="muted empty-threads">{t(filter === 'resolved' ? 'comments.noneResolved' : 'comments.none')}</p>;
  return (
    <ol className="thread-list">
      {shown.map((thread) => (
        <li key={thread.id}>
          <ThreadCard place={place} me={me} facts={{ ...facts, createdById: thread.createdById }} thread={thread} state={state} detached={detached?.has(thread.id) ?? false} onShowInText={onShowInText} />
        </li>
      ))}
    </ol>
  );
}

function ThreadCard({ place, me, facts, thread, state, detached, onShowInText }: {
  place: Place; me: Actor; facts: ThreadFacts; thread: ThreadView; state: Threads; detached: boolean; onShowInText?: (thread: ThreadView) => void;
}) {
  const t = useT();
  const format = useFormat();
  const open = state.open === thread.id;
  const replies = state.replies[thread.id];
  const [problem, setProblem] = useState<{ key: string; vars?: Record<string, string | number> } | null>(null);
  const canComment = can(me, 'comment', { type: 'thread', thread: facts });
  const canResolve = can(me, 'resolve', { type: 'thread', thread: facts });
  const all = [thread.first, ...(replies?.comments ?? [])];
  const answerable = [...all].reverse().find((c) => !c.deletedAt && !c.hidden);
  const titleId = `thread-${thread.id}-title`;

  const resolve = async () => {
    const ack = await ask('thread:resolve', { threadId: thread.id, resolved: !thread.resolved });
    setProblem(ack.ok ? null : ackProblem(ack));
  };

  return (
    <article id={`thread-${thread.id}`} className={`thread${open ? ' open' : ''}${thread.resolved ? ' resolved' : ''}${detached ? ' detached' : ''}`} aria-labelledby={titleId} data-thread-id={thread.id}>
      <header className="thread-header">
        <h3 id={titleId} className="thread-title">
          {thread.title ?? (thread.quote ? <q>{thread.quote}</q> : t('comments.onVersion'))}
        </h3>
        <p className="thread-badges">
          {thread.unread && <span className="badge badge-new">{t('comments.new')}</span>}
          {detached && <span className="badge badge-detached">{t('comments.detached')}</span>}
          {thread.resolved && <span className="badge badge-resolved">{t('comments.resolvedBy', { name: thread.resolved.byName, date: format.dateTime(thread.resolved.at) })}</span>}
        </p>
      </header>
      {detached && <p className="muted small">{t('comments.detachedHelp')}</p>}
      <CommentItem comment={thread.first} me={me} facts={facts} place={place} />
      {open && (
        <div className="replies">
          {replies?.comments.map((c) => <CommentItem key={c.id} comment={c} me={me} facts={facts} place={place} />)}
          {replies?.next && (
            <button type="button" className="link-button" onClick={() => state.loadReplies(thread.id)} disabled={replies.loading}>
              {replies.loading ? t('forms.loading') : t('comments.moreReplies')}
            </button>
          )}
          {replies?.loading && !replies.comments.length && <p className="muted">{t('forms.loading')}</p>}
          {canComment &&
            (answerable ? (
              <Composer place={place} label={t('comments.replyLabel')} submitLabel={t('comments.reply')} onSend={(body) => ask('comment:reply', { threadId: thread.id, replyToId: answerable.id, body })} />
            ) : (
              <p className="muted">{t('comments.nothingToAnswer')}</p>
            ))}
        </div>
      )}
      <div className="thread-actions">
        <button type="button" className="link-button" aria-expanded={open} onClick={() => state.openThread(open ? null : thread.id)}>
          {open ? t('comments.close') : thread.replyCount ? t('comments.replies', { count: thread.replyCount }) : t('comments.reply')}
        </button>
        {onShowInText && !detached && (
          <button type="button" className="link-button" onClick={() => onShowInText(thread)}>
            {t('comments.showInText')}
          </button>
        )}
        {canResolve && (
          <button type="button" className="link-button" onClick={resolve}>
            {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        )}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {t(problem.key, problem.vars)}
        </p>
      )}
    </article>
  );
}

function CommentItem({ comment, me, facts, place }: { comment: CommentView; me: Actor; facts: ThreadFacts; place: Place }) {
  const t = useT();
  const format = useFormat();
  const [mode, setMode] = useState<'read' | 'edit' | 'report'>('read');
  const [problem, setProblem] = useState<{ key: string; vars?: Record<string, string | number> } | null>(null);
  const [reported, setReported] = useState(false);
  const resource = { type: 'comment', authorId: comment.authorId, thread: facts } as const;
  const removed = !!comment.deletedAt || !!comment.hidden;

  if (comment.deletedAt) {
    return <div className="comment tombstone">{t('comments.deleted', { date: format.dateTime(comment.deletedAt) })}</div>;
  }
  const remove = async () => {
    if (!confirm(t('comments.deleteConfirm'))) return;
    const ack = await ask('comment:delete', { commentId: comment.id });
    setProblem(ack.ok ? null : ackProblem(ack));
  };
  return (
    <div className="comment" id={`comment-${comment.id}`}>
      <p className="comment-meta">
        <strong>{comment.authorName}</strong>
        {comment.authorOrganization && <span className="muted"> · {comment.authorOrganization}</span>}
        <span className="muted"> · {format.dateTime(comment.createdAt)}</span>
        {comment.editedAt && <span className="muted"> · {t('comments.edited')}</span>}
      </p>
      {comment.hidden ? (
        <p className="comment-hidden">{t('comments.hiddenByModerator', { reason: comment.hidden.reason })}</p>
      ) : mode === 'edit' ? (
        <Composer
          place={place}
          label={t('comments.editLabel')}
          submitLabel={t('forms.save')}
          initial={comment.body ?? ''}
          autoFocus
          onCancel={() => setMode('read')}
          onSend={async (body) => {
            const ack = await ask('comment:edit', { commentId: comment.id, body });
            if (ack.ok) setMode('read');
            return ack;
          }}
        />
      ) : (
        <CommentText body={comment.body ?? ''} />
      )}
      {mode === 'report' && (
        <ReportForm
          onCancel={() => setMode('read')}
          onSend={async (reason) => {
            const ack = await ask('comment:report', { commentId: comment.id, reason });
            if (ack.ok) {
              setMode('read');
              setReported(true);
            }
            return ack;
          }}
        />
      )}
      {mode === 'read' && !removed && (
        <div className="comment-actions">
          {can(me, 'edit', resource) && (
            <button type="button" className="link-button" onClick={() => setMode('edit')}>
              {t('comments.edit')}
            </button>
          )}
          {can(me, 'delete', resource) && (
            <button type="button" className="link-button danger" onClick={remove}>
              {t('comments.delete')}
            </button>
          )}
          {can(me, 'report', resource) &&
            (reported ? (
              <span className="muted small" role="status">
                {t('comments.reported')}
              </span>
            ) : (
              <button type="button" className="link-button" onClick={() => setMode('report')}>
                {t('comments.report')}
              </button>
            ))}
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {t(problem.key, problem.vars)}
        </p>
      )}
    </div>
  );
}

function ReportForm({ onSend, onCancel }: { onSend: (reason: string) => Promise<{ ok: boolean; error?: string }>; onCancel: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ key: string; vars?: Record<string, string | number> } | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="report-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const ack = await onSend(reason);
        setPending(false);
        setProblem(ack.ok ? null : ackProblem(ack as Parameters<typeof ackProblem>[0]));
      }}
    >
      <label className="field">
        <span>{t('comments.reportReason')}</span>
        <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required aria-invalid={problem ? true : undefined} />
      </label>
      {problem && (
        <p className="field-error" role="alert">
          {t(problem.key, problem.vars)}
        </p>
      )}
      <div className="composer-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('forms.sending') : t('comments.sendReport')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('forms.cancel')}
        </button>
      </div>
    </form>
  );
}

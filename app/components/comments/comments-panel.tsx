/**
 * The comments beside a paper or under a round: a header with the live state and the
 * open/resolved filter, an optional way to start a thread, the threads, and "show more" for
 * long discussions. A link with ?thread=<id> (from a notification) opens that thread.
 */
import { useEffect, useRef, useState } from 'react';
import type { Actor, ThreadFacts } from '../../../domain/permissions.ts';
import { useT } from '../../utils/i18n.tsx';
import { ThreadList } from './thread-list.tsx';
import type { Place, ThreadView, useThreads } from './use-threads.ts';

export function CommentsPanel({ title, place, me, facts, state, detached, onShowInText, children }: {
  title: string;
  place: Place;
  me: Actor;
  facts: Omit<ThreadFacts, 'createdById'>;
  state: ReturnType<typeof useThreads>;
  detached?: ReadonlySet<string>;
  onShowInText?: (thread: ThreadView) => void;
  /** How to start a thread here, above the list. */
  children?: React.ReactNode;
}) {
  const t = useT();
  const [filter, setFilter] = useState<'open' | 'resolved'>('open');
  const [loadingMore, setLoadingMore] = useState(false);
  const linked = useRef<string | null>(null);
  const openCount = state.threads.filter((th) => !th.resolved).length;
  const unread = state.threads.filter((th) => th.unread).length;

  useEffect(() => {
    linked.current = new URLSearchParams(location.search).get('thread');
  }, []);
  useEffect(() => {
    const id = linked.current;
    const thread = id ? state.threads.find((th) => th.id === id) : undefined;
    if (!thread) return;
    linked.current = null;
    if (thread.resolved) setFilter('resolved');
    state.openThread(thread.id);
    requestAnimationFrame(() => document.getElementById(`thread-${thread.id}`)?.scrollIntoView({ block: 'center' }));
  }, [state]);

  return (
    <section className="comments-panel card" aria-labelledby={`${place.scope}-comments-title`}>
      <header className="comments-header">
        <h2 id={`${place.scope}-comments-title`}>
          {title} {unread > 0 && <span className="badge badge-new">{t('comments.unreadCount', { count: unread })}</span>}
        </h2>
        <p className={`live-state live-${state.live}`} role="status">
          {t(`comments.live.${state.live}`)}
        </p>
      </header>
      {children}
      <div className="segmented" role="group" aria-label={t('comments.filter')}>
        <button type="button" aria-pressed={filter === 'open'} onClick={() => setFilter('open')}>
          {t('comments.filterOpen', { count: openCount })}
        </button>
        <button type="button" aria-pressed={filter === 'resolved'} onClick={() => setFilter('resolved')}>
          {t('comments.filterResolved', { count: state.threads.length - openCount })}
        </button>
      </div>
      <ThreadList place={place} me={me} facts={facts} state={state} detached={detached} onShowInText={onShowInText} filter={filter} />
      {state.next && (
        <button
          type="button"
          className="button button-secondary"
          disabled={loadingMore}
          onClick={async () => {
            setLoadingMore(true);
            await state.loadMoreThreads();
            setLoadingMore(false);
          }}
        >
          {loadingMore ? t('forms.loading') : t('comments.moreThreads')}
        </button>
      )}
    </section>
  );
}

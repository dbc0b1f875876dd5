/**
 * A submitted version and the comments on it. Selecting text in the version quotes it in the
 * next comment: a version never changes, so the quote is all the anchor it needs.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { can, type Actor, type ThreadFacts } from '../../../domain/permissions.ts';
import { useT } from '../../utils/i18n.tsx';
import { ask } from '../../utils/socket.client.ts';
import { CommentsPanel } from './comments-panel.tsx';
import { Composer } from './composer.tsx';
import { useThreads, type ThreadView } from './use-threads.ts';

export function VersionComments({ versionId, number, html, me, facts }: {
  versionId: string;
  number: number;
  /** The version's sanitized HTML, shown beside its comments; omitted where the editor shows the paper. */
  html?: string;
  me: Actor;
  facts: Omit<ThreadFacts, 'createdById'>;
}) {
  const t = useT();
  const place = useMemo(() => ({ scope: 'version' as const, versionId }), [versionId]);
  const threads = useThreads(place, me.id);
  const [quote, setQuote] = useState('');
  const article = useRef<HTMLElement>(null);
  const canComment = can(me, 'comment', { type: 'thread', thread: { ...facts, createdById: me.id } });

  useEffect(() => {
    const keep = () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || !article.current?.contains(selection.anchorNode)) return;
      setQuote(selection.toString().trim().slice(0, 2000));
    };
    document.addEventListener('selectionchange', keep);
    return () => document.removeEventListener('selectionchange', keep);
  }, []);

  const panel = (
    <CommentsPanel title={t('comments.versionTitle', { number })} place={place} me={me} facts={facts} state={threads}>
      {canComment && (
        <div className="new-thread">
          {quote ? (
            <p className="small">
              {t('comments.newOn')} <q>{quote}</q>{' '}
              <button type="button" className="link-button" onClick={() => setQuote('')}>
                {t('comments.dropQuote')}
              </button>
            </p>
          ) : (
            html && <p className="muted small">{t('comments.selectToQuote')}</p>
          )}
          <Composer
            place={place}
            label={t('comments.newLabel')}
            submitLabel={t('comments.post')}
            onSend={async (body) => {
              const ack = await ask<{ thread: ThreadView }>('thread:start', { scope: 'version', versionId, quote: quote || undefined, body });
              if (ack.ok) {
                setQuote('');
                threads.openThread(ack.thread.id);
              }
              return ack;
            }}
          />
        </div>
      )}
    </CommentsPanel>
  );
  if (!html) return panel;
  return (
    <div className="paper-layout">
      <article ref={article} className="card paper-content" aria-label={t('paper.versionLabel', { number })} dangerouslySetInnerHTML={{ __html: html }} />
      {panel}
    </div>
  );
}

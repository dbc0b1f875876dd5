/**
 * The threads of one place, live: the page's first list, then the socket's. Every change
 * anyone makes arrives as `comments:changed` and is merged here; a thread gets its unread mark
 * when someone else writes in it while it is closed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommentView, Place, ThreadView } from '../../../domain/comments/threads.ts';
import { ask, connectSocket } from '../../utils/socket.client.ts';

export type { CommentView, Place, ThreadView };
export type LiveState = 'connecting' | 'live' | 'offline' | 'refused';
interface Replies {
  comments: CommentView[];
  next: string | null;
  loading: boolean;
}

const samePlace = (a: Place, b: Place) => JSON.stringify(a) === JSON.stringify(b);

export function useThreads(place: Place, me: string, initial?: { threads: ThreadView[]; next: string | null }, enabled = true) {
  const [threads, setThreads] = useState<ThreadView[]>(initial?.threads ?? []);
  const [next, setNext] = useState<string | null>(initial?.next ?? null);
  const [live, setLive] = useState<LiveState>('connecting');
  const [replies, setReplies] = useState<Record<string, Replies>>({});
  const [open, setOpen] = useState<string | null>(null);
  const openRef = useRef<string | null>(null);
  openRef.current = open;
  const placeKey = JSON.stringify(place);

  useEffect(() => {
    if (!enabled) return;
    const socket = connectSocket();
    const watch = () =>
      ask<{ threads: ThreadView[]; next: string | null }>('comments:watch', place).then((ack) => {
        if (!ack.ok) return setLive(ack.error === 'unavailable' ? 'offline' : 'refused');
        setLive('live');
        setThreads((known) => mergeFirstPage(known, ack.threads, place.scope === 'round'));
        if (place.scope === 'round') setNext((n) => n ?? ack.next);
      });
    const changed = (change: { place: Place; thread: ThreadView; comment?: CommentView }) => {
      if (!samePlace(change.place, place)) return;
      const fromSomeoneElse = !!change.comment && change.comment.authorId !== me;
      setThreads((known) => {
        const before = known.find((t) => t.id === change.thread.id);
        const unread = fromSomeoneElse && openRef.current !== change.thread.id ? true : (before?.unread ?? false);
        const merged = { ...change.thread, unread };
        if (!before) return place.scope === 'round' ? [merged, ...known] : [...known, merged];
        return known.map((t) => (t.id === merged.id ? merged : t));
      });
      if (change.comment && change.comment.id !== change.thread.first.id) {
        const comment = change.comment;
        setReplies((all) => {
          const list = all[comment.threadId];
          if (!list) return all;
          const has = list.comments.some((c) => c.id === comment.id);
          // A new reply joins the list when the list is complete; otherwise "show more" brings it.
          const comments = has ? list.comments.map((c) => (c.id === comment.id ? comment : c)) : list.next ? list.comments : [...list.comments, comment];
          return { ...all, [comment.threadId]: { ...list, comments } };
        });
      }
      if (openRef.current === change.thread.id && fromSomeoneElse) void ask('thread:read', { threadId: change.thread.id });
    };
    const lost = () => setLive('offline');
    const refused = (message: { place: Place }) => {
      if (!samePlace(message.place, place)) return;
      setLive('refused');
      setThreads([]);
      setReplies({});
    };
    socket.on('comments:refused', refused);
    socket.on('connect', watch);
    socket.on('disconnect', lost);
    socket.on('comments:changed', changed);
    if (socket.connected) watch();
    return () => {
      void ask('comments:unwatch', place);
      socket.off('connect', watch);
      socket.off('disconnect', lost);
      socket.off('comments:changed', changed);
      socket.off('comments:refused', refused);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [placeKey, me, enabled]);

  const loadReplies = useCallback(async (threadId: string) => {
    const after = replies[threadId]?.next ?? null;
    setReplies((all) => ({ ...all, [threadId]: { comments: all[threadId]?.comments ?? [], next: all[threadId]?.next ?? null, loading: true } }));
    const ack = await ask<{ comments: CommentView[]; next: string | null }>('thread:replies', { threadId, after });
    setReplies((all) => {
      const known = all[threadId]?.comments ?? [];
      if (!ack.ok) return { ...all, [threadId]: { comments: known, next: all[threadId]?.next ?? null, loading: false } };
      const fresh = ack.comments.filter((c) => !known.some((k) => k.id === c.id));
      return { ...all, [threadId]: { comments: [...known, ...fresh], next: ack.next, loading: false } };
    });
    return ack;
  }, [replies]);

  const openThread = useCallback(
    (threadId: string | null) => {
      setOpen(threadId);
      if (!threadId) return;
      setThreads((known) => known.map((t) => (t.id === threadId ? { ...t, unread: false } : t)));
      void ask('thread:read', { threadId });
      if (!replies[threadId]) void loadReplies(threadId);
    },
    [replies, loadReplies],
  );

  const loadMoreThreads = useCallback(async () => {
    if (!next || place.scope !== 'round') return;
    const ack = await ask<{ threads: ThreadView[]; next: string | null }>('comments:threads', { place, before: next });
    if (!ack.ok) return ack;
    setThreads((known) => [...known, ...ack.threads.filter((t) => !known.some((k) => k.id === t.id))]);
    setNext(ack.next);
    return ack;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [next, placeKey]);

  return { threads, next, live, replies, open, openThread, loadReplies, loadMoreThreads };
}

/** The first page from the server wins for the threads it holds; older pages already shown stay. */
function mergeFirstPage(known: ThreadView[], fresh: ThreadView[], paged: boolean): ThreadView[] {
  if (!paged) return fresh;
  const ids = new Set(fresh.map((t) => t.id));
  return [...fresh, ...known.filter((t) => !ids.has(t.id))];
}

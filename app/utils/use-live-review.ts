/**
 * Keeps a page showing a round's review of attributions true while it is open: an answer or a
 * response anywhere reloads the page's data (the loader applies the rules again). Watching
 * starts again after a reconnection, and what was missed meanwhile is caught up then.
 */
import { useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { connectSocket } from './socket.client.ts';

export function useLiveReview(roundId: string | null) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!roundId) return;
    const socket = connectSocket();
    let first = true;
    const watch = () => {
      socket.emit('review:watch', { roundId }, () => {});
      if (!first) revalidator.revalidate();
      first = false;
    };
    const changed = (message: { roundId?: string }) => {
      if (message?.roundId === roundId) revalidator.revalidate();
    };
    socket.on('connect', watch);
    socket.on('review:changed', changed);
    if (socket.connected) watch();
    return () => {
      socket.emit('review:unwatch', { roundId }, () => {});
      socket.off('connect', watch);
      socket.off('review:changed', changed);
    };
    // The revalidator changes identity with every navigation state; the effect is per round.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roundId]);
}

/**
 * Keeps a paper's page true while it is open: when anyone submits a version (a colleague in
 * another tab or browser), the page's data is loaded again, so the list of versions, the
 * receipt and "Submit a new version" appear without a reload. Watching starts again after a
 * reconnection, and a version submitted while the socket was away is caught up then.
 */
import { useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { connectSocket } from './socket.client.ts';

export function useLivePaper(paperId: string | null) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!paperId) return;
    const socket = connectSocket();
    let first = true;
    const watch = () => {
      socket.emit('paper:watch', { paperId }, () => {});
      // After a reconnection something may have been missed: load the data again.
      if (!first) revalidator.revalidate();
      first = false;
    };
    const changed = (message: { paperId?: string }) => {
      if (message?.paperId === paperId) revalidator.revalidate();
    };
    socket.on('connect', watch);
    socket.on('paper:changed', changed);
    if (socket.connected) watch();
    return () => {
      socket.emit('paper:unwatch', { paperId }, () => {});
      socket.off('connect', watch);
      socket.off('paper:changed', changed);
    };
    // The revalidator changes identity with every navigation state; the effect is per paper.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paperId]);
}

/**
 * "Reconnecting…": shown on every page that follows something live, while its updates may be
 * late (the socket lost its server and reconnects to another node, or that node cannot reach
 * the others for now). Hidden otherwise; announced politely to screen readers.
 */
import { useSyncExternalStore } from 'react';
import { getLiveState, onLiveState } from '../utils/socket.client.ts';
import { useT } from '../utils/i18n.tsx';

export function LiveStatus() {
  const t = useT();
  const state = useSyncExternalStore(onLiveState, getLiveState, () => 'ok' as const);
  return (
    <div className="live-status-region" role="status" aria-live="polite">
      {state === 'reconnecting' && <p className="live-status">{t('live.reconnecting')}</p>}
    </div>
  );
}

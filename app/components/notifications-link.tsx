/** The inbox link in the header, with the unread count kept live through the socket. */
import { Link, useLocation } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useT } from '../utils/i18n.tsx';
import { ask, connectSocket } from '../utils/socket.client.ts';

export function NotificationsLink({ initial }: { initial: number }) {
  const t = useT();
  const [unread, setUnread] = useState(initial);
  const location = useLocation();
  // A page load brings the count too (after reading on /notifications, for one).
  useEffect(() => setUnread(initial), [initial, location.key]);
  useEffect(() => {
    const socket = connectSocket();
    const refresh = () =>
      ask<{ unread: number }>('notifications:count', {}).then((ack) => {
        if (ack.ok) setUnread(ack.unread);
      });
    socket.on('notifications:changed', refresh);
    socket.on('connect', refresh);
    return () => {
      socket.off('notifications:changed', refresh);
      socket.off('connect', refresh);
    };
  }, []);
  const label = unread ? t('notifications.linkUnread', { count: unread }) : t('notifications.link');
  return (
    <Link to="/notifications" className="notifications-link" aria-label={label} title={label}>
      <span aria-hidden="true">{t('notifications.short')}</span>
      {unread > 0 && (
        <span className="unread-count" aria-hidden="true" data-testid="unread-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}

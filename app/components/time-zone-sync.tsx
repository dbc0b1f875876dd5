/**
 * Tells the server the browser's time zone. The page was rendered, and hydrates, in the zone
 * the server knew (see time-zone.server.ts); once hydrated, if the person has no zone of their
 * own and the browser's differs (a first visit, or a laptop that travelled), the zone goes into
 * a cookie and the page's data is loaded again, so every time shown moves to the right zone
 * without a mismatch between what the server wrote and what React hydrated.
 */
import { useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { timeZoneCookieName } from '../../server/cookies.ts';
import { useTimeZone } from '../utils/i18n.tsx';
import { canonicalZone } from '../../domain/time-zones.ts';

export function TimeZoneSync() {
  const { zone, source } = useTimeZone();
  const revalidator = useRevalidator();
  useEffect(() => {
    // Hydrated: scripts, tests and styles that must wait for React can tell from here.
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  useEffect(() => {
    if (source === 'account') return;
    let browser: string | undefined;
    try {
      browser = canonicalZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    } catch {
      return;
    }
    if (!browser || browser === zone) return;
    document.cookie = `${timeZoneCookieName}=${encodeURIComponent(browser)}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
    revalidator.revalidate();
    // Once per zone the server reports: after the reload it reports the browser's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zone, source]);
  return null;
}

import type { User } from '../../db/schema.ts';
import { canonicalZone, isTimeZone } from '../../domain/time-zones.ts';
import { parseCookies, timeZoneCookieName } from '../../server/cookies.ts';
import type { ViewerTimeZone } from './i18n.tsx';

/**
 * The zone to show times in: the person's setting, else the browser's (a cookie the page writes
 * after its first load), else UTC until the page has told it. The server renders in this zone
 * and the browser hydrates with the same one, so the text is the same on both sides.
 */
export function resolveTimeZone(request: Request, user?: Pick<User, 'timeZone'> | null): ViewerTimeZone {
  if (user?.timeZone && isTimeZone(user.timeZone)) return { zone: canonicalZone(user.timeZone), source: 'account' };
  const fromCookie = parseCookies(request.headers.get('Cookie'))[timeZoneCookieName];
  if (fromCookie && isTimeZone(canonicalZone(fromCookie))) return { zone: canonicalZone(fromCookie), source: 'browser' };
  return { zone: 'UTC', source: 'none' };
}

import type { User } from '../../db/schema.ts';
import { preferredTimeZone } from '../../server/viewer-preferences.ts';
import type { ViewerTimeZone } from './i18n.tsx';

/**
 * The zone to show times in: the person's setting, else the browser's (a cookie the page writes
 * after its first load), else UTC until the page has told it. The server renders in this zone
 * and the browser hydrates with the same one, so the text is the same on both sides.
 */
export function resolveTimeZone(request: Request, user?: Pick<User, 'timeZone'> | null): ViewerTimeZone {
  return preferredTimeZone(request.headers, user?.timeZone);
}

/**
 * The daily digest: once a day at most, each person with notifications not yet mailed (and
 * chosen for the digest) gets one mail listing them, in their language. Mail goes through the
 * mailer, so without SMTP it lands in the outbox.
 */
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { notifications, notificationSettings, users } from '../db/schema.ts';
import { translate } from '../locales/index.ts';
import type { Mailer } from './mail.ts';
import { readablePayload } from './notifications.ts';

const dayMs = 24 * 3600_000;

/** Sends the digests that are due at `now`; answers how many mails went out. */
export async function sendDailyDigests(db: Database, mailer: Mailer, options: { origin: string; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const pending = await db
    .select({ notification: notifications, email: users.email, locale: users.locale, lastDigestAt: notificationSettings.lastDigestAt })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(notificationSettings, eq(notificationSettings.userId, notifications.userId))
    .where(
      and(
        isNull(notifications.mailedAt),
        isNull(users.disabledAt),
        or(isNull(notificationSettings.lastDigestAt), lte(notificationSettings.lastDigestAt, new Date(now.getTime() - dayMs))),
      ),
    )
    .orderBy(asc(notifications.createdAt));
  const byPerson = new Map<string, typeof pending>();
  for (const row of pending) byPerson.set(row.notification.userId, [...(byPerson.get(row.notification.userId) ?? []), row]);
  let sent = 0;
  for (const [userId, rows] of byPerson) {
    const locale = rows[0]!.locale ?? 'en';
    const unread = rows.filter((r) => !r.notification.readAt);
    if (unread.length) {
      const lines = unread.map(({ notification: n }) => `• ${translate(locale, `notifications.kind.${n.kind}`, readablePayload(n.payload as Record<string, string>))}\n  ${options.origin}${n.link}`);
      await mailer.send({
        to: rows[0]!.email,
        subject: translate(locale, 'mail.digest.subject', { count: unread.length }),
        body: translate(locale, 'mail.digest.body', { list: lines.join('\n\n'), link: `${options.origin}/notifications` }),
      });
      sent += 1;
    }
    // Read ones are not mailed, but they are done with all the same.
    await db.update(notifications).set({ mailedAt: now }).where(inArray(notifications.id, rows.map((r) => r.notification.id)));
    if (unread.length) {
      await db
        .insert(notificationSettings)
        .values({ userId, lastDigestAt: now })
        .onConflictDoUpdate({ target: notificationSettings.userId, set: { lastDigestAt: now } });
    }
  }
  return sent;
}

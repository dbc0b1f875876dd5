/**
 * The inbox: what happened that concerns a person (a mention, a reply, a comment on their
 * organization's paper, a round changing phase or inviting their organization, a comment of
 * theirs hidden), kept until read. Each person chooses, per kind, to hear of it in the app and
 * in the daily digest, in the app only, or not at all.
 */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { plainCommentText } from './comments/body.ts';
import { notifications, notificationSettings } from '../db/schema.ts';
import { beyond, decodeCursor } from './cursor.ts';

export const notificationKinds = ['mention', 'reply', 'paper-comment', 'phase-change', 'invitation', 'comment-hidden', 'summary-published', 'co-signing'] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const deliveries = ['app-and-digest', 'app', 'off'] as const;
export type Delivery = (typeof deliveries)[number];
export type Preferences = Record<NotificationKind, Delivery>;

export const defaultPreferences: Preferences = Object.fromEntries(notificationKinds.map((k) => [k, 'app-and-digest'])) as Preferences;

export const preferencesSchema = z.object(
  Object.fromEntries(notificationKinds.map((k) => [k, z.enum(deliveries, { error: 'errors.notifications.deliveryInvalid' })])) as Record<NotificationKind, z.ZodEnum<{ [K in Delivery]: K }>>,
);

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  /** Words the message needs: actor, round, organization, excerpt, phase, reason. */
  payload: Record<string, string>;
  link: string;
}

export async function getPreferences(db: Database, userId: string): Promise<Preferences> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId)).limit(1);
  return { ...defaultPreferences, ...(row?.preferences as Partial<Preferences> | undefined) };
}

export async function setPreferences(db: Database, userId: string, preferences: Preferences) {
  await db
    .insert(notificationSettings)
    .values({ userId, preferences })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: { preferences } });
}

/**
 * Files notifications, one per person (the first given for a person wins, so callers list the
 * most specific first: a mention before a reply), as each person's preferences say. Answers
 * the people notified, for the live unread count.
 */
export async function notify(db: Database, items: NewNotification[]): Promise<string[]> {
  const once = new Map<string, NewNotification>();
  for (const item of items) if (!once.has(item.userId)) once.set(item.userId, item);
  if (once.size === 0) return [];
  const settings = await db.select().from(notificationSettings).where(inArray(notificationSettings.userId, [...once.keys()]));
  const chosen = new Map(settings.map((s) => [s.userId, { ...defaultPreferences, ...(s.preferences as Partial<Preferences>) }]));
  const now = new Date();
  const rows = [...once.values()]
    .map((item) => ({ item, delivery: (chosen.get(item.userId) ?? defaultPreferences)[item.kind] }))
    .filter(({ delivery }) => delivery !== 'off')
    // Not for the digest: counted as mailed from the start.
    .map(({ item, delivery }) => ({ ...item, mailedAt: delivery === 'app' ? now : null }));
  if (rows.length) await db.insert(notifications).values(rows);
  return rows.map((r) => r.userId);
}

export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** A page of the inbox, newest first; `before` is the cursor the previous page returned. */
export async function listNotifications(db: Database, userId: string, options: { before?: string | null; limit?: number } = {}) {
  const limit = options.limit ?? 30;
  const cursor = decodeCursor(options.before);
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        cursor ? beyond(notifications, notifications.createdAt, notifications.id, cursor, 'before') : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((n) => ({ ...n, payload: readablePayload(n.payload as Record<string, string>) }));
  const last = page[page.length - 1];
  return { notifications: page, next: rows.length > limit && last ? last.id : null };
}

/**
 * The words of a notification as people read them: a comment's excerpt with its mentions as
 * "@Olena Kovalenko" (notifications filed before excerpts were written so carry the markup).
 */
export function readablePayload(payload: Record<string, string>): Record<string, string> {
  return payload.excerpt ? { ...payload, excerpt: plainCommentText(payload.excerpt) } : payload;
}

/** Marks some (or all) of a person's notifications read; others' ids are ignored. */
export async function markRead(db: Database, userId: string, ids: string[] | 'all') {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])));
}

/** One of a person's notifications; undefined when it is not theirs. */
export async function findNotification(db: Database, userId: string, id: string) {
  const [row] = await db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.id, id))).limit(1);
  return row;
}

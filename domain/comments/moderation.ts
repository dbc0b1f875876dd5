/**
 * Moderation: anyone who reads a comment may report it with a reason; facilitators see the
 * reports in a queue, hide a comment with a reason (its author is told, the thread shows
 * "hidden by a moderator"), restore it, or dismiss the reports. Every step is in the audit log.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { commentReports, comments, organizations, users } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { Forbidden, InvalidInput } from '../errors.ts';
import { can, describeResource, type Actor } from '../permissions.ts';
import { notify, type NewNotification } from '../notifications.ts';
import { reasonSchema } from './body.ts';
import { excerpt, forgetExcerpts, getComment, getCommentView, threadLink, threadViewForBroadcast, type Outcome } from './threads.ts';

function parseReason(reason: unknown): string {
  const parsed = reasonSchema.safeParse(reason);
  if (!parsed.success) throw new InvalidInput({ reason: parsed.error.issues[0]!.message });
  return parsed.data;
}

async function demandOn(db: Database, actor: Actor, action: 'report' | 'hide', commentId: string) {
  const found = await getComment(db, commentId);
  const resource = { type: 'comment', authorId: found.comment.authorId, thread: found.facts } as const;
  if (!can(actor, action, resource)) throw new Forbidden(action, describeResource(resource));
  return found;
}

export async function reportComment(db: Database, actor: Actor, input: { commentId: string; reason: unknown }) {
  const { comment } = await demandOn(db, actor, 'report', input.commentId);
  const reason = parseReason(input.reason);
  if (comment.deletedAt) throw new InvalidInput({ reason: 'errors.comment.replyToDeleted' });
  if (comment.hiddenAt) throw new InvalidInput({ reason: 'errors.comment.alreadyHidden' });
  // The report and its audit entry are one write: all or nothing.
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(commentReports).values({ commentId: comment.id, reporterId: actor.id, reason }).onConflictDoNothing().returning();
    if (!row) throw new InvalidInput({ reason: 'errors.comment.alreadyReported' });
    await recordAudit(tx, { action: 'comment-reported', actorId: actor.id, subject: `comment:${comment.id}`, details: { reason } });
  });
}

/** Hides a comment; its author is notified with the reason. */
export async function hideComment(db: Database, actor: Actor, input: { commentId: string; reason: unknown }): Promise<Outcome> {
  const { comment, where, thread } = await demandOn(db, actor, 'hide', input.commentId);
  const reason = parseReason(input.reason);
  const now = new Date();
  const notifications: NewNotification[] = comment.authorId
    ? [{ userId: comment.authorId, kind: 'comment-hidden', payload: { reason, round: where.roundTitle, excerpt: excerpt(comment.body) }, link: threadLink(where, thread.id) }]
    : [];
  // Hiding, closing the reports, wiping the excerpts, the audit entry and the author's
  // notification: one transaction.
  const notified = await db.transaction(async (tx) => {
    await tx.update(comments).set({ hiddenAt: now, hiddenById: actor.id, hiddenReason: reason }).where(eq(comments.id, comment.id));
    await tx.update(commentReports).set({ closedAt: now, closedById: actor.id, outcome: 'hidden' }).where(and(eq(commentReports.commentId, comment.id), isNull(commentReports.closedAt)));
    await forgetExcerpts(tx, comment.id);
    await recordAudit(tx, { action: 'comment-hidden', actorId: actor.id, subject: `comment:${comment.id}`, details: { reason } });
    return notify(tx, notifications);
  });
  return { place: where.place, thread: await threadViewForBroadcast(db, actor, thread.id), comment: await getCommentView(db, comment.id), notified };
}

export async function restoreComment(db: Database, actor: Actor, input: { commentId: string }): Promise<Outcome> {
  const { comment, where, thread } = await demandOn(db, actor, 'hide', input.commentId);
  await db.transaction(async (tx) => {
    await tx.update(comments).set({ hiddenAt: null, hiddenById: null, hiddenReason: null }).where(eq(comments.id, comment.id));
    await recordAudit(tx, { action: 'comment-restored', actorId: actor.id, subject: `comment:${comment.id}` });
  });
  return { place: where.place, thread: await threadViewForBroadcast(db, actor, thread.id), comment: await getCommentView(db, comment.id), notified: [] };
}

export async function dismissReports(db: Database, actor: Actor, input: { commentId: string }) {
  const { comment } = await demandOn(db, actor, 'hide', input.commentId);
  await db.transaction(async (tx) => {
    await tx
      .update(commentReports)
      .set({ closedAt: new Date(), closedById: actor.id, outcome: 'dismissed' })
      .where(and(eq(commentReports.commentId, comment.id), isNull(commentReports.closedAt)));
    await recordAudit(tx, { action: 'reports-dismissed', actorId: actor.id, subject: `comment:${comment.id}` });
  });
}

/**
 * The moderation queue: comments with open reports (oldest report first), and the comments
 * hidden lately, to restore. Draft comments show their text only, never the draft.
 */
export async function moderationQueue(db: Database, actor: Actor) {
  if (!can(actor, 'review', { type: 'moderation' })) throw new Forbidden('review', 'moderation');
  const open = await db
    .select({ report: commentReports, reporterName: users.name })
    .from(commentReports)
    .leftJoin(users, eq(users.id, commentReports.reporterId))
    .where(isNull(commentReports.closedAt))
    .orderBy(asc(commentReports.createdAt))
    .limit(500);
  const hidden = await db.select({ id: comments.id }).from(comments).where(isNotNull(comments.hiddenAt)).orderBy(desc(comments.hiddenAt)).limit(50);
  const ids = [...new Set([...open.map((o) => o.report.commentId), ...hidden.map((h) => h.id)])];
  const rows = ids.length
    ? await db
        .select({ comment: comments, authorName: users.name, organizationName: organizations.name })
        .from(comments)
        .leftJoin(users, eq(users.id, comments.authorId))
        .leftJoin(organizations, eq(organizations.id, users.organizationId))
        .where(inArray(comments.id, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.comment.id, r]));
  const items = await Promise.all(
    ids.map(async (id) => {
      const row = byId.get(id)!;
      const { where, thread } = await getComment(db, id);
      return {
        commentId: id,
        body: row.comment.deletedAt ? null : row.comment.body,
        authorName: row.authorName ?? '',
        organizationName: row.organizationName,
        createdAt: row.comment.createdAt.toISOString(),
        hidden: row.comment.hiddenAt ? { reason: row.comment.hiddenReason ?? '', at: row.comment.hiddenAt.toISOString() } : null,
        scope: where.place.scope,
        roundTitle: where.roundTitle,
        // Staff may not open a draft: no link to it.
        link: where.place.scope === 'draft' ? null : threadLink(where, thread.id),
        reports: open.filter((o) => o.report.commentId === id).map((o) => ({ reason: o.report.reason, reporterName: o.reporterName ?? '', at: o.report.createdAt.toISOString() })),
      };
    }),
  );
  return { reported: items.filter((i) => i.reports.length > 0), hidden: items.filter((i) => i.reports.length === 0 && i.hidden) };
}

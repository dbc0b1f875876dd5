/**
 * Comment threads and their comments, in the three places they live: a passage of a draft
 * (anchored by Yjs relative positions, so the anchor follows later edits), a submitted version
 * (optionally quoting a passage of it: a version never changes), and a round's discussion.
 *
 * Every function takes the acting person and asks `can`; what it answers (ThreadView,
 * CommentView) is the same for every reader, so it can be broadcast as is: a deleted or hidden
 * comment carries no text.
 */
import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { commentMentions, comments, commentThreads, notifications, organizations, paperVersions, positionPapers, threadReads, users, type CommentThread } from '../../db/schema.ts';
import { Forbidden, InvalidInput, NotFound } from '../errors.ts';
import { can, describeResource, type Actor, type ThreadFacts } from '../permissions.ts';
import { getRound } from '../rounds.ts';
import { coSignerFacts } from '../papers/co-signers.ts';
import { notify, type NewNotification } from '../notifications.ts';
import { beyond, decodeCursor } from '../cursor.ts';
import { commentBodySchema, mentionedNames, plainCommentText } from './body.ts';

/** Where threads live. */
export type Place = { scope: 'draft'; paperId: string } | { scope: 'version'; versionId: string } | { scope: 'round'; roundId: string };

export const placeSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('draft'), paperId: z.uuid() }),
  z.object({ scope: z.literal('version'), versionId: z.uuid() }),
  z.object({ scope: z.literal('round'), roundId: z.uuid() }),
]);

export interface PlaceFacts {
  place: Place;
  roundId: string;
  roundTitle: string;
  paperId: string | null;
  versionId: string | null;
  organizationId: string | null;
  organizationName: string | null;
  facts: Omit<ThreadFacts, 'createdById'>;
}

export interface CommentView {
  id: string;
  threadId: string;
  authorId: string | null;
  authorName: string;
  authorOrganization: string | null;
  /** Null once deleted or hidden. */
  body: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  hidden: { reason: string; at: string } | null;
}

export interface ThreadView {
  id: string;
  scope: Place['scope'];
  title: string | null;
  quote: string | null;
  /** Base64 Yjs relative positions (draft threads). */
  anchor: { start: string; end: string } | null;
  createdById: string | null;
  createdAt: string;
  lastActivityAt: string;
  resolved: { byName: string; at: string } | null;
  first: CommentView;
  replyCount: number;
  /** For the person who asked: activity since they last read it. */
  unread: boolean;
}

const pageSize = 20;

/** The round, paper and organization a place belongs to, with the facts `can` needs. */
export async function placeFacts(db: Database, place: Place): Promise<PlaceFacts> {
  let roundId: string;
  let paperId: string | null = null;
  let versionId: string | null = null;
  if (place.scope === 'round') roundId = place.roundId;
  else {
    const [row] =
      place.scope === 'draft'
        ? await db.select({ paperId: positionPapers.id, roundId: positionPapers.roundId }).from(positionPapers).where(eq(positionPapers.id, place.paperId)).limit(1)
        : await db
            .select({ paperId: positionPapers.id, roundId: positionPapers.roundId })
            .from(paperVersions)
            .innerJoin(positionPapers, eq(positionPapers.id, paperVersions.paperId))
            .where(eq(paperVersions.id, place.versionId))
            .limit(1);
    if (!row) throw new NotFound(place.scope === 'draft' ? 'paper' : 'version');
    roundId = row.roundId;
    paperId = row.paperId;
    versionId = place.scope === 'version' ? place.versionId : null;
  }
  const { round, facts } = await getRound(db, roundId);
  let organizationId: string | null = null;
  let organizationName: string | null = null;
  if (paperId) {
    const [org] = await db
      .select({ id: organizations.id, name: organizations.name })
      .from(positionPapers)
      .innerJoin(organizations, eq(organizations.id, positionPapers.organizationId))
      .where(eq(positionPapers.id, paperId))
      .limit(1);
    organizationId = org!.id;
    organizationName = org!.name;
  }
  // A joint paper's co-signers read and comment on its threads (and resolve them where they may edit).
  const coSignerIds = paperId ? (await coSignerFacts(db, paperId)).accepted : [];
  return { place, roundId, roundTitle: round.title, paperId, versionId, organizationId, organizationName, facts: { scope: place.scope, organizationId, round: facts, coSignerIds } };
}

function threadFacts(where: PlaceFacts, thread: Pick<CommentThread, 'createdById'>): ThreadFacts {
  return { ...where.facts, createdById: thread.createdById };
}

function placeOf(thread: CommentThread): Place {
  if (thread.scope === 'draft') return { scope: 'draft', paperId: thread.paperId! };
  if (thread.scope === 'version') return { scope: 'version', versionId: thread.versionId! };
  return { scope: 'round', roundId: thread.roundId };
}

function demand(actor: Actor, action: 'read' | 'comment' | 'resolve', facts: ThreadFacts) {
  const resource = { type: 'thread', thread: facts } as const;
  if (!can(actor, action, resource)) throw new Forbidden(action, describeResource(resource));
}

/** A thread with where it lives; NotFound for an unknown id. */
export async function getThread(db: Database, threadId: string) {
  if (!z.uuid().safeParse(threadId).success) throw new NotFound('thread');
  const [thread] = await db.select().from(commentThreads).where(eq(commentThreads.id, threadId)).limit(1);
  if (!thread) throw new NotFound('thread');
  const where = await placeFacts(db, placeOf(thread));
  return { thread, where, facts: threadFacts(where, thread) };
}

/** Where a thread or comment points in the app. */
export function threadLink(where: Pick<PlaceFacts, 'roundId' | 'paperId'> & { place: Pick<Place, 'scope'> }, threadId: string): string {
  if (where.place.scope === 'round') return `/rounds/${where.roundId}/discussion?thread=${threadId}`;
  return `/rounds/${where.roundId}/papers/${where.paperId}?thread=${threadId}`;
}

// ---- Reading -------------------------------------------------------------------------------

/**
 * A comment with its author's name and the organization it was written for: the one stored on
 * the comment when it was written, not the author's organization today (they may have moved).
 */
const commentColumns = {
  comment: comments,
  authorName: users.name,
  authorOrganization: organizations.name,
};

function commentQuery(db: Database) {
  return db.select(commentColumns).from(comments).leftJoin(users, eq(users.id, comments.authorId)).leftJoin(organizations, eq(organizations.id, comments.organizationId));
}

type CommentRow = { comment: typeof comments.$inferSelect; authorName: string | null; authorOrganization: string | null };

function commentView({ comment: c, authorName, authorOrganization }: CommentRow): CommentView {
  return {
    id: c.id,
    threadId: c.threadId,
    authorId: c.authorId,
    authorName: authorName ?? '',
    authorOrganization,
    body: c.deletedAt || c.hiddenAt ? null : c.body,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
    deletedAt: c.deletedAt?.toISOString() ?? null,
    hidden: c.hiddenAt && !c.deletedAt ? { reason: c.hiddenReason ?? '', at: c.hiddenAt.toISOString() } : null,
  };
}

const toBase64 = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString('base64') : null);

async function threadViews(db: Database, actor: Actor, threads: CommentThread[]): Promise<ThreadView[]> {
  if (!threads.length) return [];
  const ids = threads.map((t) => t.id);
  const [firsts, counts, reads, resolvers] = await Promise.all([
    db
      .selectDistinctOn([comments.threadId], commentColumns)
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .leftJoin(organizations, eq(organizations.id, comments.organizationId))
      .where(inArray(comments.threadId, ids))
      .orderBy(comments.threadId, asc(comments.createdAt), asc(comments.id)),
    db.select({ threadId: comments.threadId, n: count() }).from(comments).where(inArray(comments.threadId, ids)).groupBy(comments.threadId),
    db.select().from(threadReads).where(and(eq(threadReads.userId, actor.id), inArray(threadReads.threadId, ids))),
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(threads.map((t) => t.resolvedById).filter((x): x is string => !!x))].concat(['00000000-0000-0000-0000-000000000000']))),
  ]);
  const firstOf = new Map(firsts.map((row) => [row.comment.threadId, commentView(row)]));
  const countOf = new Map(counts.map((c) => [c.threadId, c.n]));
  const readOf = new Map(reads.map((r) => [r.threadId, r.readAt]));
  const nameOf = new Map(resolvers.map((r) => [r.id, r.name]));
  return threads.map((t) => {
    const readAt = readOf.get(t.id);
    return {
      id: t.id,
      scope: t.scope,
      title: t.title,
      quote: t.quote,
      anchor: t.anchorStart && t.anchorEnd ? { start: toBase64(t.anchorStart)!, end: toBase64(t.anchorEnd)! } : null,
      createdById: t.createdById,
      createdAt: t.createdAt.toISOString(),
      lastActivityAt: t.lastActivityAt.toISOString(),
      resolved: t.resolvedAt ? { byName: nameOf.get(t.resolvedById ?? '') ?? '', at: t.resolvedAt.toISOString() } : null,
      first: firstOf.get(t.id)!,
      replyCount: Math.max(0, (countOf.get(t.id) ?? 1) - 1),
      unread: !readAt || readAt < t.lastActivityAt,
    };
  });
}

/**
 * The threads of a place. Passages of a draft and of a version come all at once (the page
 * highlights every one of them); a round's discussion comes a page at a time, most recently
 * active first, `before` being the cursor the previous page answered.
 */
export async function listThreads(db: Database, actor: Actor, place: Place, options: { before?: string | null } = {}) {
  const where = await placeFacts(db, place);
  demand(actor, 'read', threadFacts(where, { createdById: null }));
  const placeFilter =
    place.scope === 'draft'
      ? and(eq(commentThreads.paperId, place.paperId), eq(commentThreads.scope, 'draft'))
      : place.scope === 'version'
        ? eq(commentThreads.versionId, place.versionId)
        : and(eq(commentThreads.roundId, place.roundId), eq(commentThreads.scope, 'round'));
  if (place.scope !== 'round') {
    const threads = await db.select().from(commentThreads).where(placeFilter).orderBy(asc(commentThreads.createdAt));
    return { where, threads: await threadViews(db, actor, threads), next: null };
  }
  const cursor = decodeCursor(options.before);
  const threads = await db
    .select()
    .from(commentThreads)
    .where(
      and(
        placeFilter,
        cursor ? beyond(commentThreads, commentThreads.lastActivityAt, commentThreads.id, cursor, 'before') : undefined,
      ),
    )
    .orderBy(desc(commentThreads.lastActivityAt), desc(commentThreads.id))
    .limit(pageSize + 1);
  const page = threads.slice(0, pageSize);
  const last = page[page.length - 1];
  return { where, threads: await threadViews(db, actor, page), next: threads.length > pageSize && last ? last.id : null };
}

/** One thread as a reader sees it in a list. */
export async function threadView(db: Database, actor: Actor, threadId: string): Promise<ThreadView> {
  const { thread, facts } = await getThread(db, threadId);
  demand(actor, 'read', facts);
  return (await threadViews(db, actor, [thread]))[0]!;
}

/**
 * A thread's view for broadcasting after a moderator's decision: moderators act on reported
 * comments of drafts they may not read, and what is broadcast goes only to the thread's readers.
 */
export async function threadViewForBroadcast(db: Database, actor: Actor, threadId: string): Promise<ThreadView> {
  const { thread } = await getThread(db, threadId);
  return (await threadViews(db, actor, [thread]))[0]!;
}

/** The replies of a thread, oldest first, a page at a time after the cursor `after`. */
export async function listReplies(db: Database, actor: Actor, threadId: string, options: { after?: string | null } = {}) {
  const { thread, facts } = await getThread(db, threadId);
  demand(actor, 'read', facts);
  const [first] = await db.select({ id: comments.id }).from(comments).where(eq(comments.threadId, thread.id)).orderBy(asc(comments.createdAt), asc(comments.id)).limit(1);
  const cursor = decodeCursor(options.after);
  const rows = await commentQuery(db)
    .where(
      and(
        eq(comments.threadId, thread.id),
        ne(comments.id, first?.id ?? thread.id),
        cursor ? beyond(comments, comments.createdAt, comments.id, cursor, 'after') : undefined,
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize).map(commentView);
  const last = rows[Math.min(rows.length, pageSize) - 1];
  return { comments: page, next: rows.length > pageSize && last ? last.comment.id : null };
}

/** Marks a thread read for a person, now. */
export async function markThreadRead(db: Database, actor: Actor, threadId: string) {
  const { facts } = await getThread(db, threadId);
  demand(actor, 'read', facts);
  await db
    .insert(threadReads)
    .values({ threadId, userId: actor.id, readAt: sql`now()` })
    .onConflictDoUpdate({ target: [threadReads.userId, threadReads.threadId], set: { readAt: sql`now()` } });
}

/** The people who could be mentioned in a place: those who may read its threads. */
export async function mentionablePeople(db: Database, actor: Actor, place: Place) {
  const where = await placeFacts(db, place);
  const facts = threadFacts(where, { createdById: null });
  demand(actor, 'read', facts);
  const invited = where.facts.round.invitedOrganizationIds;
  const rows = await db
    .select({ id: users.id, name: users.name, role: users.role, organizationId: users.organizationId, isRepresentative: users.isRepresentative, organizationName: organizations.name })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(isNull(users.disabledAt), or(ne(users.role, 'observer'), invited.length ? inArray(users.organizationId, [...invited]) : sql`false`)))
    .orderBy(asc(users.name));
  return rows.filter((person) => can(person, 'read', { type: 'thread', thread: facts })).map(({ id, name, organizationName }) => ({ id, name, organizationName }));
}

// ---- Writing -------------------------------------------------------------------------------

export const anchorSchema = z.object({
  start: z.base64().max(2000),
  end: z.base64().max(2000),
  quote: z.string().trim().min(1, 'errors.comment.quoteRequired').max(2000),
});

export const newThreadSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('draft'), paperId: z.uuid(), anchor: anchorSchema, body: z.unknown() }),
  z.object({ scope: z.literal('version'), versionId: z.uuid(), quote: z.string().trim().max(2000).optional(), body: z.unknown() }),
  z.object({ scope: z.literal('round'), roundId: z.uuid(), title: z.string().trim().min(3, 'errors.comment.titleRequired').max(200, 'errors.name.tooLong'), body: z.unknown() }),
]);
export type NewThread = z.infer<typeof newThreadSchema>;

/**
 * What a change produces: the views to broadcast, and the people whose inbox it changed (their
 * notifications are filed in the same transaction as the change: all or nothing).
 */
export interface Outcome {
  place: Place;
  thread: ThreadView;
  comment?: CommentView;
  notified: string[];
}

function parseBody(body: unknown): string {
  const parsed = commentBodySchema.safeParse(body);
  if (!parsed.success) throw new InvalidInput({ body: parsed.error.issues[0]!.message });
  return parsed.data;
}

/** The people a comment mentions, each of whom must be able to read the thread. */
async function resolveMentions(db: Database, body: string, facts: ThreadFacts): Promise<string[]> {
  const names = mentionedNames(body);
  if (!names.length) return [];
  const found = await db
    .select({ id: users.id, name: users.name, role: users.role, organizationId: users.organizationId, isRepresentative: users.isRepresentative })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(sql`lower(${users.name})`, names.map((n) => n.toLowerCase()))));
  const ids: string[] = [];
  for (const name of names) {
    const readers = found.filter((p) => p.name.toLowerCase() === name.toLowerCase() && can(p, 'read', { type: 'thread', thread: facts }));
    if (readers.length === 0) throw new InvalidInput({ body: 'errors.comment.mentionCannotSee' }, `@[${name}] cannot see this thread`);
    ids.push(...readers.map((r) => r.id));
  }
  return [...new Set(ids)];
}

/** Decodes a relative position sent by an editor; anything else is refused. */
function relativePosition(base64: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  let valid = false;
  try {
    const decoded = Y.decodeRelativePosition(bytes);
    // A position names a character or a type, and reads back to exactly the bytes sent.
    valid = (decoded.item !== null || decoded.type !== null || decoded.tname !== null) && Buffer.from(Y.encodeRelativePosition(decoded)).equals(Buffer.from(bytes));
  } catch {
    valid = false;
  }
  if (!valid) throw new InvalidInput({ anchor: 'errors.comment.anchorInvalid' });
  return bytes;
}

/** Opens a thread with its first comment. */
export async function startThread(db: Database, actor: Actor & { name: string }, input: NewThread): Promise<Outcome> {
  const place: Place = input.scope === 'draft' ? { scope: 'draft', paperId: input.paperId } : input.scope === 'version' ? { scope: 'version', versionId: input.versionId } : { scope: 'round', roundId: input.roundId };
  const where = await placeFacts(db, place);
  const facts = threadFacts(where, { createdById: actor.id });
  demand(actor, 'comment', facts);
  const body = parseBody(input.body);
  const mentioned = await resolveMentions(db, body, facts);
  const anchor = input.scope === 'draft' ? { anchorStart: relativePosition(input.anchor.start), anchorEnd: relativePosition(input.anchor.end), quote: input.anchor.quote } : {};
  const { threadId, notified } = await db.transaction(async (tx) => {
    const [thread] = await tx
      .insert(commentThreads)
      .values({
        scope: place.scope,
        roundId: where.roundId,
        paperId: where.paperId,
        versionId: where.versionId,
        title: input.scope === 'round' ? input.title : null,
        quote: input.scope === 'version' ? input.quote || null : null,
        ...anchor,
        createdById: actor.id,
      })
      .returning();
    const [comment] = await tx.insert(comments).values({ threadId: thread!.id, authorId: actor.id, organizationId: actor.organizationId, body }).returning();
    if (mentioned.length) await tx.insert(commentMentions).values(mentioned.map((userId) => ({ commentId: comment!.id, userId })));
    await tx.insert(threadReads).values({ threadId: thread!.id, userId: actor.id, readAt: thread!.lastActivityAt });
    const notified = await notify(tx, await notificationsFor(tx, actor, where, thread!.id, comment!.id, body, mentioned));
    return { threadId: thread!.id, notified };
  });
  const thread = await threadView(db, actor, threadId);
  return { place, thread, comment: thread.first, notified };
}

/** Adds a reply to a thread, answering `replyToId`, which must still be there to answer. */
export async function reply(db: Database, actor: Actor & { name: string }, input: { threadId: string; replyToId: string; body: unknown }): Promise<Outcome> {
  const { thread, where, facts } = await getThread(db, input.threadId);
  demand(actor, 'comment', facts);
  const [answered] = await db.select().from(comments).where(and(eq(comments.id, input.replyToId), eq(comments.threadId, thread.id))).limit(1);
  if (!answered) throw new NotFound('comment');
  if (answered.deletedAt || answered.hiddenAt) throw new InvalidInput({ body: answered.deletedAt ? 'errors.comment.replyToDeleted' : 'errors.comment.replyToHidden' });
  const body = parseBody(input.body);
  const mentioned = await resolveMentions(db, body, facts);
  const { commentId, notified } = await db.transaction(async (tx) => {
    const [comment] = await tx.insert(comments).values({ threadId: thread.id, authorId: actor.id, organizationId: actor.organizationId, body }).returning();
    if (mentioned.length) await tx.insert(commentMentions).values(mentioned.map((userId) => ({ commentId: comment!.id, userId })));
    await tx.update(commentThreads).set({ lastActivityAt: sql`greatest(${commentThreads.lastActivityAt}, ${comment!.createdAt.toISOString()}::timestamptz)` }).where(eq(commentThreads.id, thread.id));
    // The author has read what they answered.
    await tx
      .insert(threadReads)
      .values({ threadId: thread.id, userId: actor.id, readAt: comment!.createdAt })
      .onConflictDoUpdate({ target: [threadReads.userId, threadReads.threadId], set: { readAt: comment!.createdAt } });
    const notified = await notify(tx, await notificationsFor(tx, actor, where, thread.id, comment!.id, body, mentioned));
    return { commentId: comment!.id, notified };
  });
  return {
    place: where.place,
    thread: await threadView(db, actor, thread.id),
    comment: await getCommentView(db, commentId),
    notified,
  };
}

export async function getCommentView(db: Database, commentId: string): Promise<CommentView> {
  const [row] = await commentQuery(db).where(eq(comments.id, commentId)).limit(1);
  if (!row) throw new NotFound('comment');
  return commentView(row);
}

/** A comment with its thread, for edits and moderation. */
export async function getComment(db: Database, commentId: string) {
  if (!z.uuid().safeParse(commentId).success) throw new NotFound('comment');
  const [comment] = await db.select().from(comments).where(eq(comments.id, commentId)).limit(1);
  if (!comment) throw new NotFound('comment');
  const found = await getThread(db, comment.threadId);
  return { comment, ...found };
}

function demandOnComment(actor: Actor, action: 'edit' | 'delete' | 'report' | 'hide', comment: { authorId: string | null }, facts: ThreadFacts) {
  const resource = { type: 'comment', authorId: comment.authorId, thread: facts } as const;
  if (!can(actor, action, resource)) throw new Forbidden(action, describeResource(resource));
}

/** The author edits their comment; it is marked "edited". */
export async function editComment(db: Database, actor: Actor, input: { commentId: string; body: unknown }): Promise<Outcome> {
  const { comment, where, facts, thread } = await getComment(db, input.commentId);
  demandOnComment(actor, 'edit', comment, facts);
  if (comment.deletedAt || comment.hiddenAt) throw new InvalidInput({ body: comment.deletedAt ? 'errors.comment.replyToDeleted' : 'errors.comment.replyToHidden' });
  const body = parseBody(input.body);
  const mentioned = await resolveMentions(db, body, facts);
  await db.transaction(async (tx) => {
    await tx.update(comments).set({ body, editedAt: new Date() }).where(eq(comments.id, comment.id));
    await tx.delete(commentMentions).where(eq(commentMentions.commentId, comment.id));
    if (mentioned.length) await tx.insert(commentMentions).values(mentioned.map((userId) => ({ commentId: comment.id, userId })));
  });
  return { place: where.place, thread: await threadView(db, actor, thread.id), comment: await getCommentView(db, comment.id), notified: [] };
}

/** The author deletes their comment: its text goes, a tombstone keeps its place. */
export async function deleteComment(db: Database, actor: Actor, input: { commentId: string }): Promise<Outcome> {
  const { comment, where, facts, thread } = await getComment(db, input.commentId);
  demandOnComment(actor, 'delete', comment, facts);
  if (!comment.deletedAt) {
    await db.transaction(async (tx) => {
      await tx.update(comments).set({ deletedAt: new Date(), body: '' }).where(eq(comments.id, comment.id));
      await forgetExcerpts(tx, comment.id);
    });
  }
  return { place: where.place, thread: await threadView(db, actor, thread.id), comment: await getCommentView(db, comment.id), notified: [] };
}

/** Resolves or reopens a thread, recording who and when. */
export async function setResolved(db: Database, actor: Actor, input: { threadId: string; resolved: boolean }): Promise<Outcome> {
  const { thread, where, facts } = await getThread(db, input.threadId);
  demand(actor, 'resolve', facts);
  await db
    .update(commentThreads)
    .set(input.resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null })
    .where(eq(commentThreads.id, thread.id));
  return { place: where.place, thread: await threadView(db, actor, thread.id), notified: [] };
}

/**
 * Who hears of a new comment: the people it mentions, then those who wrote in the thread
 * before, then the members of the organization whose paper it is on; never its author, and
 * only people who may still read the thread.
 */
async function notificationsFor(db: Database, actor: Actor & { name: string }, where: PlaceFacts, threadId: string, commentId: string, body: string, mentioned: string[]): Promise<NewNotification[]> {
  const earlier = await db.selectDistinct({ id: comments.authorId }).from(comments).where(and(eq(comments.threadId, threadId), ne(comments.authorId, actor.id)));
  const members = where.organizationId ? await db.select({ id: users.id }).from(users).where(eq(users.organizationId, where.organizationId)) : [];
  const wanted = [
    ...mentioned.map((id) => ({ id, kind: 'mention' as const })),
    ...earlier.filter((e) => e.id).map((e) => ({ id: e.id!, kind: 'reply' as const })),
    ...members.map((m) => ({ id: m.id, kind: 'paper-comment' as const })),
  ].filter((w) => w.id !== actor.id);
  if (!wanted.length) return [];
  const people = await db
    .select({ id: users.id, role: users.role, organizationId: users.organizationId, isRepresentative: users.isRepresentative })
    .from(users)
    .where(and(inArray(users.id, [...new Set(wanted.map((w) => w.id))]), isNull(users.disabledAt)));
  const readers = new Set(people.filter((p) => can(p, 'read', { type: 'thread', thread: { ...where.facts, createdById: null } })).map((p) => p.id));
  // The comment's id lets its excerpt be wiped if it is deleted or hidden later.
  const payload = { actor: actor.name, round: where.roundTitle, organization: where.organizationName ?? '', excerpt: excerpt(body), commentId };
  const once = new Map<string, NewNotification>();
  for (const w of wanted) if (readers.has(w.id) && !once.has(w.id)) once.set(w.id, { userId: w.id, kind: w.kind, payload, link: threadLink(where, threadId) });
  return [...once.values()];
}

/** Wipes a comment's words from the notifications that quoted it (it was deleted or hidden). */
export async function forgetExcerpts(db: Database, commentId: string) {
  await db
    .update(notifications)
    .set({ payload: sql`${notifications.payload} || '{"excerpt": "…"}'::jsonb` })
    .where(and(sql`${notifications.payload}->>'commentId' = ${commentId}`, inArray(notifications.kind, ['mention', 'reply', 'paper-comment'])));
}

export function excerpt(text: string, length = 140) {
  const flat = plainCommentText(text).replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

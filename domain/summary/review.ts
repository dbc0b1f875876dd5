/**
 * The review of attributions before publication. The secretariat puts the summary "in review"
 * with a deadline; every passage citing an organization is kept as it stood then; each cited
 * organization's representative agrees with it or proposes a correction with a reason, until the
 * deadline; the secretariat accepts a correction (and edits the text) or keeps its wording with
 * a reply. Publication fixes "reviewed by N of M" and the exchange stays in the record.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { organizations, paperVersions, summaryReviewAnswers, summaryReviewPassages, summaryReviews, summaryVersions, users } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { InvalidInput, NotFound } from '../errors.ts';
import type { Actor } from '../permissions.ts';
import { isStorableMoment, startsWithStorableDay } from '../dates.ts';
import { instantFromWallTime } from '../time-zones.ts';
import { passagesOf } from './passages.ts';
import { passagesToReview, reviewOutcome } from './review-passages.ts';

export { passagesToReview, reviewOutcome } from './review-passages.ts';

export const reviewLimits = { proposedText: 5000, reason: 2000, reply: 2000 };

/** The review deadline as a `datetime-local` field gives it, read in the round's own zone (like its submission deadline). */
export function reviewDeadlineFrom(wall: unknown, zone: string): Date | null {
  if (typeof wall !== 'string' || !startsWithStorableDay(wall)) return null;
  const at = instantFromWallTime(wall, zone);
  return at && isStorableMoment(at) ? at : null;
}

/** Zod issues → field name → message key (the review's own messages kept, anything else "invalid"). */
export function reviewErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message.startsWith('review.errors.') ? issue.message : 'errors.field.invalid';
  return errors;
}

export const answerSchema = z.discriminatedUnion('answer', [
  z.object({ answer: z.literal('agree'), passageId: z.uuid() }),
  z.object({
    answer: z.literal('correction'),
    passageId: z.uuid(),
    proposedText: z.string().trim().min(1, 'review.errors.proposedText').max(reviewLimits.proposedText, 'review.errors.tooLong'),
    reason: z.string().trim().min(1, 'review.errors.reason').max(reviewLimits.reason, 'review.errors.tooLong'),
  }),
]);

export const responseSchema = z.discriminatedUnion('response', [
  z.object({ response: z.literal('accepted'), passageId: z.uuid(), reply: z.string().trim().max(reviewLimits.reply, 'review.errors.tooLong').optional() }),
  z.object({ response: z.literal('kept'), passageId: z.uuid(), reply: z.string().trim().min(1, 'review.errors.reply').max(reviewLimits.reply, 'review.errors.tooLong') }),
]);

/** An answer that comes after the review's deadline: refused with the deadline in the message. */
export class ReviewClosed extends InvalidInput {
  constructor(readonly deadline: Date) {
    super({ form: 'review.errors.afterDeadline' }, 'The review deadline has passed');
  }
}

async function isPublished(db: Database, roundId: string) {
  const [row] = await db.select({ id: summaryVersions.id }).from(summaryVersions).where(eq(summaryVersions.roundId, roundId)).limit(1);
  return !!row;
}

export async function getReview(db: Database, roundId: string) {
  if (!z.uuid().safeParse(roundId).success) return null;
  const [review] = await db.select().from(summaryReviews).where(eq(summaryReviews.roundId, roundId)).limit(1);
  return review ?? null;
}

/**
 * Puts the summary in review until `deadline` (or moves the deadline of a review under way): the
 * passages citing each organization are taken from the summary as it stands. A passage already
 * under review keeps its answer; its text is the one now in the summary.
 */
export async function startReview(db: Database, actor: Actor, roundId: string, summary: unknown, deadline: Date, now = new Date()) {
  if (deadline <= now) throw new InvalidInput({ reviewDeadline: 'review.errors.deadlinePast' });
  if (await isPublished(db, roundId)) throw new InvalidInput({ form: 'summary.errors.alreadyPublished' });
  const passages = passagesToReview(summary);
  if (passages.length === 0) throw new InvalidInput({ form: 'review.errors.noCitations' });
  const known = await db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, [...new Set(passages.map((p) => p.organizationId))]));
  const rows = passages.filter((p) => known.some((k) => k.id === p.organizationId));
  await db.transaction(async (tx) => {
    await tx
      .insert(summaryReviews)
      .values({ roundId, deadline, startedById: actor.id })
      .onConflictDoUpdate({ target: summaryReviews.roundId, set: { deadline } });
    for (const p of rows) {
      await tx
        .insert(summaryReviewPassages)
        .values({ roundId, organizationId: p.organizationId, passage: p.passage, text: p.text, cites: p.cites })
        .onConflictDoUpdate({ target: [summaryReviewPassages.roundId, summaryReviewPassages.organizationId, summaryReviewPassages.passage], set: { text: p.text, cites: p.cites } });
    }
    await recordAudit(tx, { actorId: actor.id, action: 'summary-review-started', subject: `round:${roundId}`, details: { deadline: deadline.toISOString(), passages: rows.length } });
  });
  return { passages: rows.length };
}

export interface ReviewItem {
  id: string;
  organizationId: string;
  organizationName: string;
  passage: number;
  text: string;
  /** The cited paragraphs of the organization's submitted versions, with their words. */
  cited: { versionNumber: number; paragraph: number; text: string | null }[];
  answer: {
    kind: 'agree' | 'correction';
    proposedText: string | null;
    reason: string | null;
    by: string | null;
    at: Date;
    response: 'accepted' | 'kept' | null;
    reply: string | null;
    respondedBy: string | null;
    respondedAt: Date | null;
  } | null;
}

/** The passages under review (of one organization, or all), with their answers, in the summary's order. */
export async function reviewItems(db: Database, roundId: string, organizationId?: string | null): Promise<ReviewItem[]> {
  const responder = db.select({ id: users.id, name: users.name }).from(users).as('responder');
  const rows = await db
    .select({ p: summaryReviewPassages, organizationName: organizations.name, a: summaryReviewAnswers, by: users.name, respondedBy: responder.name })
    .from(summaryReviewPassages)
    .innerJoin(organizations, eq(organizations.id, summaryReviewPassages.organizationId))
    .leftJoin(summaryReviewAnswers, eq(summaryReviewAnswers.passageId, summaryReviewPassages.id))
    .leftJoin(users, eq(users.id, summaryReviewAnswers.answeredById))
    .leftJoin(responder, eq(responder.id, summaryReviewAnswers.respondedById))
    .where(and(eq(summaryReviewPassages.roundId, roundId), organizationId ? eq(summaryReviewPassages.organizationId, organizationId) : undefined))
    .orderBy(asc(summaryReviewPassages.passage), asc(organizations.name));
  // The cited paragraphs' words, each version read once.
  const versionIds = [...new Set(rows.flatMap((r) => r.p.cites.map((c) => c.versionId)))].filter((v) => z.uuid().safeParse(v).success);
  const versions = versionIds.length ? await db.select({ id: paperVersions.id, content: paperVersions.content }).from(paperVersions).where(inArray(paperVersions.id, versionIds)) : [];
  const passages = new Map(versions.map((v) => [v.id, passagesOf(v.content)]));
  return rows.map((r) => ({
    id: r.p.id,
    organizationId: r.p.organizationId,
    organizationName: r.organizationName,
    passage: r.p.passage,
    text: r.p.text,
    cited: r.p.cites.map((c) => ({ versionNumber: c.versionNumber, paragraph: c.paragraph, text: passages.get(c.versionId)?.find((x) => x.paragraph === c.paragraph)?.text ?? null })),
    answer: r.a
      ? { kind: r.a.answer, proposedText: r.a.proposedText, reason: r.a.reason, by: r.by, at: r.a.answeredAt, response: r.a.response, reply: r.a.reply, respondedBy: r.respondedBy, respondedAt: r.a.respondedAt }
      : null,
  }));
}

/** The organization a passage under review cites, and its round: what `can` is asked about. */
export async function passageFacts(db: Database, passageId: string) {
  if (!z.uuid().safeParse(passageId).success) throw new NotFound('review passage');
  const [row] = await db.select({ roundId: summaryReviewPassages.roundId, organizationId: summaryReviewPassages.organizationId }).from(summaryReviewPassages).where(eq(summaryReviewPassages.id, passageId)).limit(1);
  if (!row) throw new NotFound('review passage');
  return row;
}

/**
 * An organization's answer on a passage: agreement, or a correction with its reason. Until the
 * deadline it may be changed, unless the secretariat has responded to it already.
 */
export async function answerReview(db: Database, actor: Actor, input: z.infer<typeof answerSchema>, now = new Date()) {
  const { roundId } = await passageFacts(db, input.passageId);
  return db.transaction(async (tx) => {
    const [review] = await tx.select().from(summaryReviews).where(eq(summaryReviews.roundId, roundId)).for('update');
    if (!review) throw new NotFound('review');
    if (await isPublished(tx as unknown as Database, roundId)) throw new InvalidInput({ form: 'review.errors.published' });
    if (now > review.deadline) throw new ReviewClosed(review.deadline);
    const [existing] = await tx.select({ response: summaryReviewAnswers.response }).from(summaryReviewAnswers).where(eq(summaryReviewAnswers.passageId, input.passageId)).limit(1);
    if (existing?.response) throw new InvalidInput({ form: 'review.errors.alreadyResponded' });
    const values = {
      answer: input.answer,
      proposedText: input.answer === 'correction' ? input.proposedText : null,
      reason: input.answer === 'correction' ? input.reason : null,
      answeredById: actor.id,
      answeredAt: now,
    };
    await tx.insert(summaryReviewAnswers).values({ passageId: input.passageId, ...values }).onConflictDoUpdate({ target: summaryReviewAnswers.passageId, set: values });
    return { roundId };
  });
}

/** The secretariat's response to a correction: accepted (the text is edited in the summary), or the wording kept with a reply. */
export async function respondToReview(db: Database, actor: Actor, input: z.infer<typeof responseSchema>, now = new Date()) {
  const { roundId } = await passageFacts(db, input.passageId);
  if (await isPublished(db, roundId)) throw new InvalidInput({ form: 'review.errors.published' });
  const [answer] = await db.select({ answer: summaryReviewAnswers.answer }).from(summaryReviewAnswers).where(eq(summaryReviewAnswers.passageId, input.passageId)).limit(1);
  if (!answer || answer.answer !== 'correction') throw new InvalidInput({ form: 'review.errors.nothingToRespond' });
  await db
    .update(summaryReviewAnswers)
    .set({ response: input.response, reply: input.reply || null, respondedById: actor.id, respondedAt: now })
    .where(eq(summaryReviewAnswers.passageId, input.passageId));
  return { roundId };
}

/** "Reviewed by N of M cited organizations" and who did not answer, from the passages under review. */
export async function reviewSummary(db: Database, roundId: string) {
  const review = await getReview(db, roundId);
  if (!review) return null;
  const items = await reviewItems(db, roundId);
  return { deadline: review.deadline, ...reviewOutcome(items.map((i) => ({ organizationId: i.organizationId, organizationName: i.organizationName, answered: i.answer !== null }))) };
}

/** The deadline of a review under way that asks this organization about passages citing it; null otherwise. */
export async function reviewAskedOf(db: Database, roundId: string, organizationId: string): Promise<{ deadline: Date } | null> {
  const [row] = await db
    .select({ deadline: summaryReviews.deadline })
    .from(summaryReviews)
    .innerJoin(summaryReviewPassages, and(eq(summaryReviewPassages.roundId, summaryReviews.roundId), eq(summaryReviewPassages.organizationId, organizationId)))
    .where(eq(summaryReviews.roundId, roundId))
    .limit(1);
  if (!row || row.deadline <= new Date() || (await isPublished(db, roundId))) return null;
  return row;
}

/**
 * The summary's page and exports, server side: who reads what (the draft for IOM staff, the
 * published version for every participant), the generated content, and publication.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { InvalidInput } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import { participationRecord } from '../../domain/participation/record.ts';
import { getRound } from '../../domain/rounds.ts';
import { compileFirstDraft, participationTable } from '../../domain/summary/first-draft.ts';
import { AlreadyPublished, byArea, DraftLeftovers, citationSources, citationsIn, currentSummary, publishedSummary, publishSummary, submittedPositions, summaryDocumentName } from '../../domain/summary/summaries.ts';
import { requireUser } from './auth.server.ts';
import { colourFor } from './colour.ts';
import { domainErrorResponse, type FormErrors } from './forms.server.ts';
import { resolveLocale, translatorFor } from './i18n.server.ts';
import { requirePermission } from './permissions.server.ts';
import { redirectWithToast } from './toast.server.ts';
import { makeRoundPublic, publicSince } from '../../domain/public-record/public-records.ts';
import { answerSchema, getReview, respondToReview, responseSchema, reviewDeadlineFrom, reviewErrors, reviewItems, reviewSummary, startReview } from '../../domain/summary/review.ts';
import type { User } from '../../db/schema.ts';
import type { RoundFacts } from '../../domain/permissions.ts';

type Args = Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>;

/** The person, the round, its published summary if any, and what `can` is asked about the summary. */
async function summaryOf({ request, params, context }: Args) {
  const { user } = await requireUser(request, context);
  const { round, facts } = await getRound(context.services.db, params.roundId ?? '').catch((e) => domainErrorResponse(e) as never);
  const published = await publishedSummary(context.services.db, round.id);
  return { user, round, published, resource: { type: 'summary' as const, round: facts, published: published !== null } };
}

/** The same, refused unless the person may read the draft or the published version. */
export async function summaryAccess(args: Args) {
  const { user, round, published, resource } = await summaryOf(args);
  const { context } = args;
  if (published) await requirePermission(context, user, can(user, 'read-draft', resource) ? 'read-draft' : 'read-published', resource);
  else await requirePermission(context, user, 'read-draft', resource);
  return { user, round, published, resource };
}

export async function loadSummary(args: LoaderFunctionArgs) {
  const { user, round, published, resource } = await summaryAccess(args);
  const { db } = args.context.services;
  if (published) {
    const content = published.version.content;
    return {
      round: { id: round.id, title: round.title, timeZone: round.timeZone },
      published: { content, publishedAt: published.version.publishedAt, publishedBy: published.publishedBy, sources: await citationSources(db, user, citationsIn(content)), reviewedBy: published.version.reviewedBy, citedOrganizations: published.version.citedOrganizations },
      draft: null,
      review: await reviewFor(db, user, resource.round, true),
      public: { since: await publicSince(db, round.id), canMakePublic: can(user, 'make-public', { type: 'round', round: resource.round }) },
    };
  }
  const positions = await submittedPositions(db, round.id);
  const current = await currentSummary(db, round.id);
  return {
    round: { id: round.id, title: round.title, timeZone: round.timeZone },
    published: null,
    draft: {
      documentName: summaryDocumentName(round.id),
      editable: can(user, 'edit', resource),
      me: { name: user.name, color: colourFor(user.id) },
      groups: byArea(positions, round.areas),
      positionCount: positions.length,
      // Citations already in the text may point to older versions than those listed.
      sources: await citationSources(db, user, citationsIn(current)),
    },
    review: await reviewFor(db, user, resource.round, false),
    public: null,
  };
}

/**
 * The review of attributions as this person may see it: IOM staff every passage, a cited
 * organization's members its own; with "reviewed by N of M" and who has not answered.
 */
async function reviewFor(db: AppDb, user: User, round: RoundFacts, published: boolean) {
  const review = await getReview(db, round.id);
  const all = { type: 'summary-review' as const, round, organizationId: null, published };
  const mine = { ...all, organizationId: user.organizationId };
  const canStart = can(user, 'start', all);
  if (!review) return canStart ? { deadline: null, items: [], outcome: null, canStart, canRespond: false, closed: false } : null;
  const seesAll = can(user, 'read', all);
  if (!seesAll && !can(user, 'read', mine)) return null;
  const items = await reviewItems(db, round.id, seesAll ? null : user.organizationId);
  return {
    deadline: review.deadline,
    items,
    outcome: seesAll ? await reviewSummary(db, round.id) : null,
    canStart,
    canRespond: can(user, 'respond', all),
    closed: review.deadline <= new Date(),
  };
}

type AppDb = Parameters<typeof getReview>[0];

export async function summaryAction(args: ActionFunctionArgs) {
  const { request, context } = args;
  const { user, round, published, resource } = await summaryOf(args);
  const { db, realtime } = context.services;
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === 'publish') {
    if (published) return data<FormErrors>({ errors: { form: 'summary.errors.alreadyPublished' } }, { status: 409 });
    await requirePermission(context, user, 'publish', resource);
    // What the editors typed last (an accepted correction put in a moment ago) is stored before the version is fixed.
    const unstored = await context.services.documents.drain({ documentName: summaryDocumentName(round.id), deadlineMs: 5000 });
    if (unstored > 0) return data<FormErrors>({ errors: { form: 'errors.paper.notStoredYet' } }, { status: 503, headers: { 'Retry-After': '10' } });
    try {
      const { notified } = await publishSummary(db, user, round.id, { despitePlaceholders: form.get('despitePlaceholders') === '1' });
      await realtime.roundChanged(round.id);
      realtime.notificationsChanged(notified);
    } catch (error) {
      // The text still holds the first draft's placeholder sentences: say which, and let the
      // secretary rewrite them or publish anyway (400).
      if (error instanceof DraftLeftovers) return data({ errors: error.fields, leftovers: error.sentences }, { status: 400 });
      // Another secretary published first (409), or the summary is empty (400).
      if (error instanceof InvalidInput) return data<FormErrors>({ errors: error.fields }, { status: error instanceof AlreadyPublished ? 409 : 400 });
      throw error;
    }
    return redirectWithToast(`/rounds/${round.id}/summary`, { kind: 'success', key: 'summary.toast.published' });
  }
  if (intent === 'make-public') {
    await requirePermission(context, user, 'make-public', { type: 'round', round: resource.round });
    try {
      const { first } = await makeRoundPublic(db, user, round.id);
      return redirectWithToast(`/rounds/${round.id}/summary`, { kind: 'success', key: first ? 'public.toast.madePublic' : 'public.toast.figuresAgain' });
    } catch (error) {
      return domainErrorResponse(error);
    }
  }
  if (intent === 'start-review' || intent === 'respond') return reviewAction(args, { user, round, facts: resource.round, published: !!published, intent, form });
  await requirePermission(context, user, 'edit', resource);
  const t = translatorFor(resolveLocale(request, user));
  if (intent === 'first-draft') {
    const positions = await submittedPositions(db, round.id);
    const organizations = new Set(positions.map((p) => p.organizationId)).size;
    const content = compileFirstDraft(positions, round.areas, {
      title: t('summary.draft.title', { round: round.title }),
      intro: t('summary.draft.intro', { count: positions.length, organizations }),
      areaName: (area) => (area === 'other' ? t('summary.otherArea') : t(`areas.${area}` as never)),
      noText: t('summary.draft.noText'),
    });
    return data({ errors: {}, insert: { kind: 'first-draft' as const, content } });
  }
  if (intent === 'participation-table') {
    const rows = await participationRecord(db, { roundId: round.id });
    const content = participationTable(rows, {
      organization: t('participation.column.organization'),
      sessions: t('participation.figure.sessionsAttended'),
      interventions: t('participation.figure.interventions'),
      position: t('participation.column.submittedAt'),
      submitted: t('summary.table.submitted'),
      notSubmitted: t('participation.notSubmitted'),
    });
    return data({ errors: {}, insert: { kind: 'participation-table' as const, content } });
  }
  return data<FormErrors>({ errors: { form: 'participation.errors.unknownIntent' } }, { status: 400 });
}

/** The secretariat's side of the review: putting the summary in review, and responding to a correction. */
async function reviewAction(args: ActionFunctionArgs, r: { user: User; round: { id: string; timeZone: string }; facts: RoundFacts; published: boolean; intent: 'start-review' | 'respond'; form: FormData }) {
  const { context } = args;
  const { db, realtime, documents } = context.services;
  const resource = { type: 'summary-review' as const, round: r.facts, organizationId: null, published: r.published };
  try {
    if (r.intent === 'start-review') {
      await requirePermission(context, r.user, 'start', resource);
      const deadline = reviewDeadlineFrom(r.form.get('reviewDeadline'), r.round.timeZone);
      if (!deadline) return data<FormErrors>({ errors: { reviewDeadline: 'review.errors.deadline' } }, { status: 400 });
      // The passages are taken from the text as everyone typed it: what the editors sent is stored first.
      const unstored = await documents.drain({ documentName: summaryDocumentName(r.round.id), deadlineMs: 5000 });
      if (unstored > 0) return data<FormErrors>({ errors: { form: 'errors.paper.notStoredYet' } }, { status: 503, headers: { 'Retry-After': '10' } });
      await startReview(db, r.user, r.round.id, await currentSummary(db, r.round.id), deadline);
      realtime.reviewChanged(r.round.id);
      return redirectWithToast(`/rounds/${r.round.id}/summary`, { kind: 'success', key: 'review.toast.started' });
    }
    await requirePermission(context, r.user, 'respond', resource);
    const parsed = responseSchema.safeParse(Object.fromEntries(r.form));
    if (!parsed.success) return data<FormErrors>({ errors: reviewErrors(parsed.error) }, { status: 400 });
    await respondToReview(db, r.user, parsed.data);
    realtime.reviewChanged(r.round.id);
    return data({ errors: {} as Record<string, string>, responded: parsed.data.passageId });
  } catch (error) {
    return domainErrorResponse(error);
  }
}

export { answerSchema };

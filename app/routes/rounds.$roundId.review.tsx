/**
 * How the summary cites an organization (/rounds/:roundId/review): while the summary is in
 * review, each passage citing the organization beside the cited paragraph of its position; its
 * representative agrees or proposes a correction with a reason, until the deadline; its members
 * read. IOM staff see every organization's passages. Answers and responses arrive live.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useFetcher, useLoaderData } from '@remix-run/react';
import { can } from '../../domain/permissions.ts';
import { getRound } from '../../domain/rounds.ts';
import { answerReview, answerSchema, getReview, passageFacts, reviewErrors, reviewItems } from '../../domain/summary/review.ts';
import { publishedSummary } from '../../domain/summary/summaries.ts';
import { FormError } from '../components/form-field.tsx';
import { ReviewItems, type ReviewItemData } from '../components/summary/review-items.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, type FormErrors } from '../utils/forms.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { requirePermission } from '../utils/permissions.server.ts';
import { useLiveReview } from '../utils/use-live-review.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.title ?? ''} · IDM Consult` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { db } = context.services;
  const { round, facts } = await getRound(db, params.roundId ?? '').catch((e) => domainErrorResponse(e) as never);
  const published = (await publishedSummary(db, round.id)) !== null;
  const all = { type: 'summary-review' as const, round: facts, organizationId: null, published };
  const mine = { ...all, organizationId: user.organizationId };
  const seesAll = can(user, 'read', all);
  await requirePermission(context, user, 'read', seesAll ? all : mine);
  const review = await getReview(db, round.id);
  const items = review ? await reviewItems(db, round.id, seesAll ? null : user.organizationId) : [];
  return {
    round: { id: round.id, title: round.title, timeZone: round.timeZone },
    review: review && { deadline: review.deadline, closed: review.deadline <= new Date() },
    items,
    seesAll,
    canAnswer: can(user, 'answer', mine) && !!review && review.deadline > new Date(),
    published,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { db, realtime } = context.services;
  const form = Object.fromEntries(await request.formData());
  const parsed = answerSchema.safeParse(form);
  if (!parsed.success) return data<FormErrors & { passageId?: string }>({ errors: reviewErrors(parsed.error), passageId: String(form.passageId ?? '') }, { status: 400 });
  const passage = await passageFacts(db, parsed.data.passageId).catch((e) => domainErrorResponse(e) as never);
  if (passage.roundId !== params.roundId) throw new Response('Not found', { status: 404 });
  const { facts } = await getRound(db, passage.roundId);
  const published = (await publishedSummary(db, passage.roundId)) !== null;
  await requirePermission(context, user, 'answer', { type: 'summary-review', round: facts, organizationId: passage.organizationId, published });
  try {
    await answerReview(db, user, parsed.data);
  } catch (error) {
    const answer = domainErrorResponse(error);
    return data({ ...answer.data, passageId: parsed.data.passageId }, { status: answer.init?.status ?? 400 });
  }
  realtime.reviewChanged(passage.roundId);
  return data({ errors: {} as Record<string, string>, passageId: parsed.data.passageId, saved: true });
}

export default function ReviewPage() {
  const t = useT();
  const format = useFormat();
  const loaded = useLoaderData<typeof loader>();
  useLiveReview(loaded.round.id);
  const items = loaded.items as unknown as ReviewItemData[];
  return (
    <div className="stack">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link> › <Link to={`/rounds/${loaded.round.id}`}>{loaded.round.title}</Link>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t('review.title', { round: loaded.round.title })}</h1>
          <p className="lead">{t('review.lead')}</p>
        </div>
      </header>
      {!loaded.review ? (
        <p className="notice">{t('review.notInReview')}</p>
      ) : (
        <>
          <p className={loaded.review.closed ? 'notice notice-warning' : 'notice'}>
            {loaded.review.closed ? t('review.closedSince', { date: format.zoned(loaded.review.deadline, loaded.round.timeZone) }) : t('review.deadline', { date: format.zoned(loaded.review.deadline, loaded.round.timeZone) })}
          </p>
          {!loaded.seesAll && !loaded.canAnswer && !loaded.review.closed && <p className="muted">{t('review.membersRead')}</p>}
          {items.length === 0 ? (
            <p className="muted">{t('review.nothingForYou')}</p>
          ) : (
            <ReviewItems items={items} headingLevel={2} showOrganization={loaded.seesAll} actions={(item) => (loaded.canAnswer && !item.answer?.response ? <AnswerForm item={item} /> : null)} />
          )}
        </>
      )}
    </div>
  );
}

function AnswerForm({ item }: { item: ReviewItemData }) {
  const t = useT();
  const fetcher = useFetcher<FormErrors & { passageId?: string; saved?: boolean }>();
  const errors = fetcher.data?.passageId === item.id ? fetcher.data.errors : {};
  const id = `answer-${item.id}`;
  return (
    <fetcher.Form method="post" className="stack review-answer-form">
      <input type="hidden" name="passageId" value={item.id} />
      <fieldset>
        <legend>{t('review.answerLegend', { number: item.passage })}</legend>
        <div className="field checkbox">
          <input type="radio" id={`${id}-agree`} name="answer" value="agree" defaultChecked={item.answer?.kind !== 'correction'} />
          <label htmlFor={`${id}-agree`}>{t('review.agree')}</label>
        </div>
        <div className="field checkbox">
          <input type="radio" id={`${id}-correction`} name="answer" value="correction" defaultChecked={item.answer?.kind === 'correction'} />
          <label htmlFor={`${id}-correction`}>{t('review.propose')}</label>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('review.proposedText')}</label>
        <textarea id={`${id}-text`} name="proposedText" rows={3} defaultValue={item.answer?.proposedText ?? item.text} aria-invalid={errors.proposedText ? true : undefined} aria-describedby={errors.proposedText ? `${id}-text-error` : undefined} />
        {errors.proposedText && (
          <p className="field-error" id={`${id}-text-error`}>
            {t(errors.proposedText)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('review.reason')}</label>
        <textarea id={`${id}-reason`} name="reason" rows={2} defaultValue={item.answer?.reason ?? ''} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? `${id}-reason-error` : undefined} />
        {errors.reason && (
          <p className="field-error" id={`${id}-reason-error`}>
            {t(errors.reason)}
          </p>
        )}
      </div>
      <FormError error={errors.form} />
      {fetcher.data?.saved && fetcher.data.passageId === item.id && fetcher.state === 'idle' && (
        <p className="notice" role="status">
          {t('review.toast.answered')}
        </p>
      )}
      <p>
        <button type="submit" className="button" disabled={fetcher.state !== 'idle'}>
          {t('review.send')}
        </button>
      </p>
    </fetcher.Form>
  );
}

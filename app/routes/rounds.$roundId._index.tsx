import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { jointName } from '../utils/joint-name.ts';
import { Form, Link, redirect, useLoaderData, useNavigation } from '@remix-run/react';
import { startPaper } from '../../domain/papers.ts';
import { mayReadSummary } from '../../domain/summary/summaries.ts';
import { reviewAskedOf } from '../../domain/summary/review.ts';
import { can } from '../../domain/permissions.ts';
import { getRound, listRoundPapers } from '../../domain/rounds.ts';
import { listSessions } from '../../domain/sessions/sessions.ts';
import { sanitizePaperHtml } from '../../domain/papers/sanitize.ts';
import { EmptyState } from '../components/empty-state.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse } from '../utils/forms.server.ts';
import { resolveLocale } from '../utils/i18n.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useFormat, useT } from '../utils/i18n.tsx';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.title ?? ''} · IDM Consult` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { round, invited, facts } = await getRound(context.services.db, params.roundId ?? '').catch((e) => domainErrorResponse(e) as never);
  await requirePermission(context, user, 'view', { type: 'round', round: facts });
  const papers = await listRoundPapers(context.services.db, round.id);
  const own = user.organizationId ? papers.find((p) => p.organizationId === user.organizationId) ?? null : null;
  const ownResource = user.organizationId ? ({ type: 'paper', organizationId: user.organizationId, round: facts } as const) : null;
  const paperOf = (p: (typeof papers)[number]) => ({ type: 'paper', organizationId: p.organizationId, round: facts, coSigners: p.coSigners }) as const;
  return {
    // Stored sanitized; sanitized again on the way out, as every piece of rich text is.
    round: { ...round, framing: sanitizePaperHtml(round.framing) },
    invited,
    // Each paper as `can` says: how far it is (IOM staff; its own members, who see it above),
    // and, once submitted, a link for whoever may read its submitted versions (as the round's
    // visibility allows, for the other invited organizations).
    papers: papers
      .filter((p) => p.organizationId !== user.organizationId)
      // A joint paper's co-signers open its draft from here too.
      .map((p) => ({ ...p, readable: (p.versions > 0 && can(user, 'read-submitted', paperOf(p))) || can(user, 'read-draft', paperOf(p)) }))
      .filter((p) => p.readable || can(user, 'read-progress', paperOf(p))),
    own,
    canStart: !own && ownResource !== null && can(user, 'start', ownResource),
    canEdit: can(user, 'edit', { type: 'round', round: facts }),
    canRemind: can(user, 'remind', { type: 'round', round: facts }),
    sessions: (await listSessions(context.services.db, round.id)).map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt, status: s.status })),
    canSchedule: can(user, 'schedule', { type: 'session', round: facts, status: 'scheduled' }),
    canReadRecord: can(user, 'read', { type: 'participation', round: facts }),
    canReadSummary: await mayReadSummary(context.services.db, user, facts),
    // A summary in review that cites the person's organization: where to check how it is quoted.
    reviewAsked: user.organizationId && can(user, 'read', { type: 'summary-review', round: facts, organizationId: user.organizationId, published: false }) ? await reviewAskedOf(context.services.db, round.id, user.organizationId) : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const { round, facts } = await getRound(context.services.db, params.roundId ?? '').catch((e) => domainErrorResponse(e) as never);
  const form = await request.formData();
  if (form.get('intent') !== 'start-paper') throw new Response('Bad request', { status: 400 });
  // Someone of no organization has no paper to start: refused (and audited) like anyone else.
  const organizationId = user.organizationId ?? '';
  await requirePermission(context, user, 'start', { type: 'paper', organizationId, round: facts });
  const paper = await startPaper(context.services.db, { roundId: round.id, organizationId, userId: user.id, language: resolveLocale(request, user) });
  return redirect(`/rounds/${round.id}/papers/${paper.id}`);
}

export default function RoundPage() {
  const t = useT();
  const format = useFormat();
  const { round, invited, papers, own, canStart, canEdit, canRemind, sessions, canSchedule, canReadRecord, canReadSummary, reviewAsked } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <div className="stack">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link>
      </nav>
      <header className="page-header with-actions">
        <div>
          <h1>{round.title}</h1>
          <p className="lead">
            <span className="badge badge-phase">{t(`phases.${round.phase}`)}</span>{' '}
            {round.submissionDeadline ? t('rounds.deadline', { date: format.zoned(round.submissionDeadline, round.timeZone) }) : t('rounds.noDeadline')}
            {round.wordLimit ? ` · ${t('round.wordLimitValue', { count: round.wordLimit })}` : ''}
          </p>
        </div>
        <div className="actions">
          <Link to={`/rounds/${round.id}/discussion`} className="button button-secondary">
            {t('discussion.open')}
          </Link>
          {canReadSummary && (
            <Link to={`/rounds/${round.id}/summary`} className="button button-secondary">
              {t('summary.link')}
            </Link>
          )}
          {canReadRecord && (
            <Link to={`/rounds/${round.id}/participation`} className="button button-secondary">
              {t('participation.link')}
            </Link>
          )}
          {canRemind && (
            <Link to={`/rounds/${round.id}/reminders`} className="button button-secondary">
              {t('reminders.link')}
            </Link>
          )}
          {canEdit && (
            <Link to={`/rounds/${round.id}/edit`} className="button button-secondary">
              {t('organization.edit')}
            </Link>
          )}
        </div>
      </header>
      {reviewAsked && (
        <p className="notice">
          {t('review.roundNotice', { date: format.zoned(reviewAsked.deadline, round.timeZone) })} <Link to={`/rounds/${round.id}/review`}>{t('review.open')}</Link>
        </p>
      )}
      {round.framing && (
        <section className="card framing" aria-labelledby="framing-title">
          <h2 id="framing-title">{t('round.framing')}</h2>
          <div className="paper-content" dangerouslySetInnerHTML={{ __html: round.framing }} />
        </section>
      )}
      {(own || canStart) && (
        <section className="card" aria-labelledby="own-paper">
          <h2 id="own-paper">{t('round.yourPaper')}</h2>
          {own ? (
            <>
              <p>{own.versions > 0 ? t('round.paperSubmitted', { count: own.versions, date: format.dateTime(own.lastSubmittedAt) }) : t('round.paperDraft', { count: own.wordCount })}</p>
              <Link to={`/rounds/${round.id}/papers/${own.id}`} className="button">
                {t('round.openPaper')}
              </Link>
            </>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="start-paper" />
              <p>{t('round.noPaperYet')}</p>
              <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
                {t('round.startPaper')}
              </button>
            </Form>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('sessions.title')}</h2>
        {sessions.length === 0 ? (
          <p className="muted">{t(canSchedule ? 'sessions.noneStaff' : 'sessions.none')}</p>
        ) : (
          <ul className="plain-list">
            {sessions.map((s) => (
              <li key={s.id}>
                <Link to={`/rounds/${round.id}/sessions/${s.id}`}>{s.title}</Link> · {format.zoned(s.startsAt, round.timeZone)} · <span className="badge badge-muted">{t(`sessions.status.${s.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
        {canSchedule && (
          <Link to={`/rounds/${round.id}/sessions/new`} className="button button-secondary">
            {t('sessions.new')}
          </Link>
        )}
      </section>
      <div className="grid-2">
        {papers.length > 0 || invited.length > 0 ? (
          <section className="card" aria-labelledby="papers-title">
            <h2 id="papers-title">{t('round.papers')}</h2>
            {papers.length === 0 ? (
              <p className="muted">{t('round.noPapers')}</p>
            ) : (
              <ul className="plain-list">
                {papers.map((p) => (
                  <li key={p.id}>
                    {p.readable ? <Link to={`/rounds/${round.id}/papers/${p.id}`}>{jointName(t, p.organizationName, p.coSignerNames)}</Link> : jointName(t, p.organizationName, p.coSignerNames)} ·{' '}
                    {p.versions > 0 ? t('round.paperSubmitted', { count: p.versions, date: format.dateTime(p.lastSubmittedAt) }) : t('round.paperInProgress')}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}
        <section className="card" aria-labelledby="invited-title">
          <h2 id="invited-title">{t('round.invited', { count: invited.length })}</h2>
          {invited.length === 0 ? (
            <EmptyState title={t('round.noInvited.title')} body={t('round.noInvited.body')} />
          ) : (
            <ul className="plain-list scroll-box">
              {invited.map((o) => (
                <li key={o.id}>
                  <Link to={`/organizations/${o.id}`}>{o.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

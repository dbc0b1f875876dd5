/**
 * A public round (/public/rounds/:roundId), for anyone, signed in or not: the framing, the
 * published summary (citations link to the cited paragraph only where the position is
 * published), the positions their organizations agreed to publish, and the participation
 * figures as published, with their open-data downloads. 404 unless the round is public.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { publicPaths } from '../../domain/public-record/paths.ts';
import { totalsOf } from '../../domain/public-record/open-data.ts';
import { passagesOf } from '../../domain/summary/passages.ts';
import { Figures } from '../components/page-header.tsx';
import { SummaryView } from '../components/summary/summary-view.tsx';
import { useFormat, useT } from '../utils/i18n.tsx';
import { describe, requirePublicRound } from '../utils/public-record.server.ts';

export const links: LinksFunction = () => [{ rel: 'alternate', type: 'application/atom+xml', href: publicPaths.feed }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.round.title} · IDM Consult` },
        { name: 'description', content: data.description },
        { tagName: 'link', rel: 'canonical', href: publicPaths.round(data.round.id) },
      ]
    : [{ title: 'IDM Consult' }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const round = await requirePublicRound(context, params.roundId ?? '');
  const summaryText = passagesOf(round.summary.content).map((p) => p.text).join(' ');
  return {
    round,
    totals: totalsOf(round.participation),
    description: describe(summaryText || round.title),
  };
}

export default function PublicRoundPage() {
  const t = useT();
  const format = useFormat();
  const { round, totals } = useLoaderData<typeof loader>();
  const { summary } = round;
  return (
    <div className="stack public-record">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to={publicPaths.list}>{t('public.list.title')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <h1>{round.title}</h1>
          <p className="lead">{t('public.round.madePublic', { date: format.date(round.publicAt) })}</p>
        </div>
      </header>
      {round.framing && (
        <section className="card framing" aria-labelledby="framing-title">
          <h2 id="framing-title">{t('round.framing')}</h2>
          <div className="paper-content" dangerouslySetInnerHTML={{ __html: round.framing }} />
        </section>
      )}
      <section className="card" id="summary" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('public.round.summary')}</h2>
        <p className="muted">
          {t('summary.publishedSubtitle', { date: format.date(summary.publishedAt) })}
          {summary.citedOrganizations ? ` · ${t('review.reviewedBy', { count: summary.reviewedBy ?? 0, total: summary.citedOrganizations })}` : ''}
        </p>
        <SummaryView document={summary.content as never} sources={summary.sources} />
      </section>
      <section className="card" aria-labelledby="positions-title">
        <h2 id="positions-title">{t('public.round.positions')}</h2>
        <p className="muted">{t('public.round.positionsLead', { count: round.positions.length, submitted: totals.submitted })}</p>
        {round.positions.length > 0 && (
          <ul className="plain-list">
            {round.positions.map((p) => (
              <li key={p.paperId}>
                <Link to={publicPaths.position(round.id, p.paperId)}>{p.organizationName}</Link>{' '}
                <span className="muted small">
                  {t('paper.versionLabel', { number: p.versionNumber })} · {format.date(p.submittedAt)} · {t('paper.words', { count: p.wordCount })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card stack" aria-labelledby="participation-title">
        <h2 id="participation-title">{t('public.round.participation')}</h2>
        <Figures
          items={[
            { label: t('public.figures.invited'), value: totals.invited },
            { label: t('public.figures.tookPart'), value: totals.tookPart },
            { label: t('public.figures.submitted'), value: totals.submitted },
            { label: t('public.figures.interventions'), value: totals.interventions },
            { label: t('public.figures.meetingsElsewhere'), value: totals.meetingsElsewhere },
          ]}
        />
        <p className="muted small">{t('public.round.figuresTaken', { date: format.date(round.participation.takenAt) })}</p>
        <div className="table-wrap">
          <table className="record-table">
            <caption className="visually-hidden">{t('public.round.participation')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participation.column.organization')}</th>
                <th scope="col">{t('participation.figure.sessionsAttended')}</th>
                <th scope="col">{t('participation.figure.interventions')}</th>
                <th scope="col">{t('participation.figure.versions')}</th>
                <th scope="col">{t('participation.figure.comments')}</th>
                <th scope="col">{t('participation.figure.meetingsElsewhere')}</th>
              </tr>
            </thead>
            <tbody>
              {round.participation.rows.map((r) => (
                <tr key={r.organization}>
                  <th scope="row">{r.organization}</th>
                  <td>{r.sessionsAttended}</td>
                  <td>{r.interventions}</td>
                  <td>{r.versionsSubmitted}</td>
                  <td>{r.comments}</td>
                  <td>{r.meetingsElsewhere}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="actions">
          <a className="button button-secondary" href={publicPaths.csv(round.id)} download>
            {t('public.download.csv')}
          </a>
          <a className="button button-secondary" href={publicPaths.json(round.id)} download>
            {t('public.download.json')}
          </a>
        </p>
      </section>
    </div>
  );
}

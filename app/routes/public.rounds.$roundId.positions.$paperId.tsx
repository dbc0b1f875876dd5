/**
 * A published position of a public round (/public/rounds/:roundId/positions/:paperId): the
 * latest submitted version, when its organization agreed to publish it; its paragraphs carry
 * the anchors the summary's citations link to. 404 otherwise.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { publicPosition } from '../../domain/public-record/public-records.ts';
import { publicPaths } from '../../domain/public-record/paths.ts';
import { can } from '../../domain/permissions.ts';
import { passagesOf } from '../../domain/summary/passages.ts';
import { SummaryView } from '../components/summary/summary-view.tsx';
import { useFormat, useT } from '../utils/i18n.tsx';
import { describe, notFound } from '../utils/public-record.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.position.organizationName} · ${data.position.roundTitle} · IDM Consult` },
        { name: 'description', content: data.description },
        { tagName: 'link', rel: 'canonical', href: publicPaths.position(data.roundId, data.paperId) },
      ]
    : [{ title: 'IDM Consult' }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const position = await publicPosition(context.services.db, params.roundId ?? '', params.paperId ?? '');
  if (!can(null, 'read', { type: 'public-record', isPublic: position !== null })) throw notFound();
  const text = passagesOf(position!.content).map((p) => p.text).join(' ');
  return { roundId: params.roundId!, paperId: params.paperId!, position: position!, description: describe(text) };
}

export default function PublicPositionPage() {
  const t = useT();
  const format = useFormat();
  const { roundId, position } = useLoaderData<typeof loader>();
  return (
    <div className="stack public-record">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to={publicPaths.list}>{t('public.list.title')}</Link> › <Link to={publicPaths.round(roundId)}>{position.roundTitle}</Link>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t('paper.title', { organization: position.organizationName })}</h1>
          <p className="lead">
            {t('paper.versionLabel', { number: position.versionNumber })} · {format.date(position.submittedAt)}
          </p>
        </div>
      </header>
      <article className="card paper-content" lang={position.language}>
        <SummaryView document={position.content as never} sources={{}} anchors />
      </article>
    </div>
  );
}

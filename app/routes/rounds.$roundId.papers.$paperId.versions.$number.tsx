/**
 * One submitted version of a paper, as it was fixed, each citable paragraph with its anchor
 * (`#paragraph-N`): where a citation of the published summary leads. Read by the organization's
 * members and by whoever may read its submitted positions.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import type { PaperNodeJson } from '../../domain/papers/sanitize.ts';
import { SummaryView } from '../components/summary/summary-view.tsx';
import { useFormat, useT } from '../utils/i18n.tsx';
import { readableVersions } from '../utils/paper-versions.server.ts';
import { signatoriesOf, signaturesOf } from '../../domain/papers/co-signers.ts';
import { Signatories } from '../components/papers/joint-panel.tsx';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.organizationName} · v${data.number}` : ''} · IDM Consult` }];

export async function loader(args: LoaderFunctionArgs) {
  const { versions, ...found } = await readableVersions(args);
  const number = z.coerce.number().int().min(1).safeParse(args.params.number);
  const version = number.success ? versions.find((v) => v.number === number.data) : undefined;
  if (!version) throw new Response('Not found', { status: 404 });
  return {
    roundId: found.round.id,
    roundTitle: found.round.title,
    paperId: found.paper.id,
    organizationName: found.organizationName,
    number: version.number,
    submittedAt: version.submittedAt,
    digest: version.digest,
    content: version.content as PaperNodeJson,
    // Every signatory of this very version: the paper's organization, then the co-signers who signed it.
    signatories: signatoriesOf(found.organizationName, (await signaturesOf(args.context.services.db, [version.id])).get(version.id)),
  };
}

export default function PaperVersionPage() {
  const t = useT();
  const format = useFormat();
  const v = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link> › <Link to={`/rounds/${v.roundId}`}>{v.roundTitle}</Link> › <Link to={`/rounds/${v.roundId}/papers/${v.paperId}`}>{t('paper.title', { organization: v.organizationName })}</Link> ›{' '}
        <span aria-current="page">{t('paper.versionLabel', { number: v.number })}</span>
      </nav>
      <header className="page-header">
        <h1>
          {t('paper.title', { organization: v.organizationName })} · {t('paper.versionLabel', { number: v.number })}
        </h1>
        <p className="lead">{format.dateTime(v.submittedAt)}</p>
        <p className="muted small">
          {t('paper.receipt')} <code className="digest">{v.digest}</code>
        </p>
        <Signatories names={v.signatories} />
      </header>
      <article className="card paper-content version-text" aria-label={t('paper.versionLabel', { number: v.number })}>
        <SummaryView document={v.content} sources={{}} anchors />
      </article>
    </div>
  );
}

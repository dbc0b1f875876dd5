import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { diffVersions } from '../../domain/papers/diff.ts';
import { useFormat, useT } from '../utils/i18n.tsx';
import { readableVersions } from '../utils/paper-versions.server.ts';
import { pageTitle } from '../utils/meta.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'paper.diff.title');

const versionPair = z.object({ from: z.coerce.number().int().min(1).max(1_000_000), to: z.coerce.number().int().min(1).max(1_000_000) });

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args;
  const { versions, ...found } = await readableVersions(args);
  const numbers = versions.map((v) => v.number);
  const asked = versionPair.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const pair = asked.success ? asked.data : { from: Math.max(1, (numbers[0] ?? 1) - 1), to: numbers[0] ?? 1 };
  const from = versions.find((v) => v.number === pair.from);
  const to = versions.find((v) => v.number === pair.to);
  const base = { roundId: found.round.id, paperId: found.paper.id, organizationName: found.organizationName, numbers, from: pair.from, to: pair.to };
  if (!from || !to) return data({ ...base, diff: null, fromAt: null, toAt: null }, { status: versions.length ? 400 : 200 });
  // Bounded (domain/papers/diff.ts): versions that differ too much come back whole, side by side.
  return { ...base, diff: diffVersions(from.text, to.text), fromAt: from.submittedAt, toAt: to.submittedAt };
}

export default function VersionDiffPage() {
  const t = useT();
  const format = useFormat();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to={`/rounds/${d.roundId}/papers/${d.paperId}`}>{t('paper.title', { organization: d.organizationName })}</Link>
      </nav>
      <h1>{t('paper.diff.title')}</h1>
      {d.numbers.length < 2 ? (
        <p className="notice">{t('paper.diff.needTwo')}</p>
      ) : (
        <Form method="get" className="inline-search">
          <label htmlFor="from">{t('paper.diff.from')}</label>
          <select id="from" name="from" defaultValue={d.from}>
            {d.numbers.map((n) => (
              <option key={n} value={n}>
                {t('paper.versionLabel', { number: n })}
              </option>
            ))}
          </select>
          <label htmlFor="to">{t('paper.diff.to')}</label>
          <select id="to" name="to" defaultValue={d.to}>
            {d.numbers.map((n) => (
              <option key={n} value={n}>
                {t('paper.versionLabel', { number: n })}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-secondary">
            {t('paper.diff.compare')}
          </button>
        </Form>
      )}
      {d.diff === null ? (
        d.numbers.length >= 2 && <p className="form-error" role="alert">{t('paper.diff.unknownVersion')}</p>
      ) : d.diff.kind === 'side-by-side' ? (
        <section className="card" aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            {t('paper.diff.between', { from: d.from, to: d.to, fromDate: format.dateTime(d.fromAt), toDate: format.dateTime(d.toAt) })}
          </h2>
          <p className="notice" role="status">
            {t('paper.diff.tooDifferent')}
          </p>
          <div className="diff-side-by-side">
            <div>
              <h3 id="diff-before">{t('paper.versionLabel', { number: d.from })}</h3>
              <div className="diff-text" role="region" tabIndex={0} aria-labelledby="diff-before">{d.diff.before}</div>
            </div>
            <div>
              <h3 id="diff-after">{t('paper.versionLabel', { number: d.to })}</h3>
              <div className="diff-text" role="region" tabIndex={0} aria-labelledby="diff-after">{d.diff.after}</div>
            </div>
          </div>
        </section>
      ) : (
        <section className="card" aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            {t('paper.diff.between', { from: d.from, to: d.to, fromDate: format.dateTime(d.fromAt), toDate: format.dateTime(d.toAt) })}
          </h2>
          <p className="muted small">{t('paper.diff.legend')}</p>
          <div className="diff">
            {d.diff.segments.map((s, i) =>
              s.kind === 'same' ? (
                <span key={i}>{s.text}</span>
              ) : s.kind === 'added' ? (
                <ins key={i}>
                  <span className="visually-hidden">[{t('paper.diff.added')}] </span>
                  {s.text}
                </ins>
              ) : (
                <del key={i}>
                  <span className="visually-hidden">[{t('paper.diff.removed')}] </span>
                  {s.text}
                </del>
              ),
            )}
          </div>
        </section>
      )}
    </div>
  );
}

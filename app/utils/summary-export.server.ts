/** The summary as the exports see it, for this reader: the published version, or the draft for IOM staff. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { toSummaryExport } from '../../domain/summary/export/from-json.ts';
import { citationSources, citationsIn, currentSummary } from '../../domain/summary/summaries.ts';
import { resolveLocale, translatorFor } from './i18n.server.ts';
import { summaryAccess } from './summary.server.ts';
import { jointName } from './joint-name.ts';

export async function summaryForExport(args: LoaderFunctionArgs) {
  const { user, round, published } = await summaryAccess(args);
  const { db } = args.context.services;
  const json = published ? published.version.content : await currentSummary(db, round.id);
  const sources = await citationSources(db, user, citationsIn(json));
  const language = resolveLocale(args.request, user);
  const t = translatorFor(language);
  // A document of the round: its dates are the round's own (Geneva's unless it says otherwise).
  const date = (d: Date) => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: round.timeZone }).format(d);
  const summary = toSummaryExport(json, {
    title: t('summary.title', { round: round.title }),
    subtitle: published ? t('summary.publishedSubtitle', { date: date(published.version.publishedAt) }) : t('summary.draftSubtitle', { date: date(new Date()) }),
    language,
    sourcesHeading: t('summary.sources'),
    source: (versionId, paragraph) => {
      const s = sources[`${versionId}:${paragraph}`];
      if (!s) return { reference: '', passage: null };
      return { reference: t('summary.reference', { organization: jointName(t, s.organizationName, s.coSignedBy), version: s.versionNumber, date: date(s.submittedAt), paragraph }), passage: s.passage };
    },
  });
  // A file name without the round's title: titles may hold any character.
  return { summary, fileName: `summary-${round.id}${published ? '' : '-draft'}` };
}

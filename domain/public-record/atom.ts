/**
 * The Atom feed (RFC 4287) of the public record: one entry when a round is made public, one for
 * its published summary. Written by hand: a dozen elements, every text escaped.
 */
import { publicPaths, type PublicRoundSummary } from './public-records.ts';

export interface FeedText {
  title: string;
  subtitle: string;
  roundEntry: (round: string) => string;
  summaryEntry: (round: string) => string;
}

const escapeXml = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** The feed of the public rounds (as `listPublicRounds` gives them), links on `origin`. */
export function atomFeed(rounds: PublicRoundSummary[], origin: string, text: FeedText, language: string): string {
  const entries = rounds.flatMap((r) => {
    const url = `${origin}${publicPaths.round(r.id)}`;
    const list = [{ id: `urn:uuid:${r.id}`, title: text.roundEntry(r.title), link: url, updated: r.updatedAt, published: r.publicAt, summary: r.summary?.text.slice(0, 500) ?? '' }];
    if (r.summary) list.push({ id: `urn:uuid:${r.summary.id}`, title: text.summaryEntry(r.title), link: `${url}#summary`, updated: r.summary.publishedAt, published: r.summary.publishedAt, summary: r.summary.text.slice(0, 500) });
    return list;
  });
  const updated = entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(language)}">`,
    `<id>${escapeXml(`${origin}${publicPaths.feed}`)}</id>`,
    `<title>${escapeXml(text.title)}</title>`,
    `<subtitle>${escapeXml(text.subtitle)}</subtitle>`,
    `<updated>${updated.toISOString()}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}${publicPaths.feed}`)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(`${origin}${publicPaths.list}`)}"/>`,
    '<author><name>IOM</name></author>',
    ...entries.map((e) =>
      [
        '<entry>',
        `<id>${escapeXml(e.id)}</id>`,
        `<title>${escapeXml(e.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
        `<published>${e.published.toISOString()}</published>`,
        `<updated>${e.updated.toISOString()}</updated>`,
        `<summary>${escapeXml(e.summary)}</summary>`,
        '</entry>',
      ].join(''),
    ),
    '</feed>',
    '',
  ].join('\n');
}

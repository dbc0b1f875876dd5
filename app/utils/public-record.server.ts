/**
 * The public pages' data, server side. Anyone may read a public round (`can(null, 'read',
 * public-record)`); anything else under /public is a 404 that says no more than "not found".
 * A public round's data is computed once per revision (publicRoundRevision: one small query)
 * and kept in memory: the 300-position page is then one query away from its answer. Each node
 * keeps its own copy, keyed by what the database says, so nodes never disagree for long.
 */
import type { AppLoadContext } from '@remix-run/node';
import { can } from '../../domain/permissions.ts';
import { publicRound, publicRoundRevision, type PublicRound } from '../../domain/public-record/public-records.ts';
import { sanitizePaperHtml } from '../../domain/papers/sanitize.ts';

const kept = new Map<string, { revision: string; round: PublicRound }>();
const keepAtMost = 64;

/** A public round's data, or a 404 response thrown when it is not public. */
export async function requirePublicRound(context: AppLoadContext, roundId: string): Promise<PublicRound> {
  const { db } = context.services;
  const revision = await publicRoundRevision(db, roundId);
  if (!can(null, 'read', { type: 'public-record', isPublic: revision !== null })) throw notFound();
  const cached = kept.get(roundId);
  if (cached && cached.revision === revision) return cached.round;
  const round = await publicRound(db, roundId);
  if (!round) throw notFound();
  const clean = { ...round, framing: sanitizePaperHtml(round.framing) };
  kept.delete(roundId);
  kept.set(roundId, { revision: revision!, round: clean });
  // The oldest entry goes first (a Map keeps insertion order).
  if (kept.size > keepAtMost) kept.delete(kept.keys().next().value!);
  return clean;
}

export function notFound() {
  return new Response('Not found', { status: 404 });
}

/** A short plain-text description for `<meta name="description">`, cut at a word. */
export function describe(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/** Headers of an open-data download: a file anyone may keep; revalidated through its ETag (server/public-pages.ts). */
export function openDataHeaders(contentType: string, fileName: string): HeadersInit {
  return { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${fileName}"`, 'Access-Control-Allow-Origin': '*' };
}

/**
 * The secretariat's summary of a round: a shared document (`summary.<roundId>`) written in the
 * papers' editor, beside the submitted positions it draws on; citations that point to a paper
 * version and paragraph; and publication, which fixes a dated version for every participant.
 */
import { coSignerFactsOf, signaturesOf } from '../papers/co-signers.ts';
import { firstDraftLeftovers } from './placeholders.ts';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { consultationRounds, organizations, paperVersions, positionPapers, summaryVersions, users } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { loadDocument } from '../collaboration/document-store.ts';
import { InvalidInput } from '../errors.ts';
import { notify } from '../notifications.ts';
import { yDocToPaper, paperJsonToHtml, type PaperNodeJson } from '../papers/sanitize.ts';
import { can, type Actor, type RoundFacts } from '../permissions.ts';
import { getRound, roundsFacts } from '../rounds.ts';
import { passagesOf, type Passage } from './passages.ts';
import { isLatestVersion } from '../papers/latest-version.ts';
import type { CitationRef } from './citations.ts';
import { reviewSummary } from './review.ts';

export { citationAttrs, citationsIn, coverage, type CitationRef } from './citations.ts';

export function summaryDocumentName(roundId: string) {
  return `summary.${roundId}`;
}

/** The latest submitted version of each paper of the round, with its organization and paragraphs. */
export interface Position {
  organizationId: string;
  organizationName: string;
  areas: string[];
  paperId: string;
  versionId: string;
  versionNumber: number;
  submittedAt: Date;
  passages: Passage[];
  /** The co-signers whose standing signature this version bears (a joint position). */
  coSignedBy: string[];
}

export async function submittedPositions(db: Database, roundId: string): Promise<Position[]> {
  const rows = await db
    .select({
      organizationId: organizations.id,
      organizationName: organizations.name,
      areas: organizations.areas,
      paperId: positionPapers.id,
      versionId: paperVersions.id,
      versionNumber: paperVersions.number,
      submittedAt: paperVersions.submittedAt,
      content: paperVersions.content,
    })
    .from(paperVersions)
    .innerJoin(positionPapers, eq(positionPapers.id, paperVersions.paperId))
    .innerJoin(organizations, eq(organizations.id, positionPapers.organizationId))
    .where(and(eq(positionPapers.roundId, roundId), isLatestVersion(paperVersions)));
  const signatures = await signaturesOf(db, rows.map((r) => r.versionId));
  return rows
    .map(({ content, ...r }) => ({ ...r, passages: passagesOf(content), coSignedBy: (signatures.get(r.versionId) ?? []).map((s) => s.organizationName) }))
    .sort((a, b) => a.organizationName.localeCompare(b.organizationName));
}

/**
 * The synthesis panel: positions by area. A position appears under each of the round's areas its
 * organization works in; a round without areas (or an organization outside them) falls back to
 * the organization's own areas; an organization with none is listed under "other".
 */
export function byArea(positions: Position[], roundAreas: string[]): { area: string; positions: Position[] }[] {
  const groups = new Map<string, Position[]>();
  for (const p of positions) {
    const inRound = p.areas.filter((a) => roundAreas.includes(a));
    const under = inRound.length ? inRound : p.areas.length ? p.areas : ['other'];
    for (const area of under) groups.set(area, [...(groups.get(area) ?? []), p]);
  }
  const order = (area: string) => (roundAreas.includes(area) ? roundAreas.indexOf(area) : area === 'other' ? 1e6 : 1e3);
  return [...groups.entries()].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b)).map(([area, list]) => ({ area, positions: list }));
}

/** The current text of the summary, as stored (every update is stored as it arrives). */
export async function currentSummary(db: Database, roundId: string): Promise<PaperNodeJson> {
  const { doc } = await loadDocument(db, summaryDocumentName(roundId));
  try {
    return yDocToPaper(doc).json;
  } finally {
    doc.destroy();
  }
}

export async function publishedSummary(db: Database, roundId: string) {
  const [version] = await db
    .select({ version: summaryVersions, publishedBy: users.name })
    .from(summaryVersions)
    .leftJoin(users, eq(users.id, summaryVersions.publishedById))
    .where(eq(summaryVersions.roundId, roundId))
    .orderBy(desc(summaryVersions.number))
    .limit(1);
  return version ?? null;
}

/** Whether the round's page offers its summary to this person: the draft to IOM staff, the published version to participants. */
export async function mayReadSummary(db: Database, actor: Actor, round: RoundFacts): Promise<boolean> {
  if (can(actor, 'read-draft', { type: 'summary', round, published: false })) return true;
  return can(actor, 'read-published', { type: 'summary', round, published: (await publishedSummary(db, round.id)) !== null });
}

export class AlreadyPublished extends InvalidInput {
  constructor() {
    super({ form: 'summary.errors.alreadyPublished' }, 'The summary of this round is already published');
  }
}

/** The summary still holds sentences of the generated first draft, meant to be rewritten. */
export class DraftLeftovers extends InvalidInput {
  constructor(readonly sentences: string[]) {
    super({ form: 'summary.errors.placeholders' }, 'The summary still holds placeholder sentences of the first draft');
  }
}

/**
 * Publishes the summary as it stands: a fixed, dated version; the round moves to "published";
 * everyone of the invited organizations is told. Publishing twice is refused; a text that still
 * holds the first draft's placeholder sentences is refused unless `despitePlaceholders`.
 */
export async function publishSummary(db: Database, actor: Actor, roundId: string, options: { despitePlaceholders?: boolean } = {}) {
  const { round, facts } = await getRound(db, roundId);
  const json = await currentSummary(db, roundId);
  const html = paperJsonToHtml(json);
  const text = passagesOf(json).map((p) => p.text).join('\n\n');
  if (text.trim() === '') throw new InvalidInput({ form: 'summary.errors.empty' });
  const leftovers = firstDraftLeftovers(text);
  // A summary that was in review says how many of the cited organizations reviewed it, fixed now.
  const review = await reviewSummary(db, roundId);
  return db.transaction(async (tx) => {
    // One publication per round; the row lock makes a double click or two secretaries wait and see it.
    await tx.select({ id: consultationRounds.id }).from(consultationRounds).where(eq(consultationRounds.id, roundId)).for('update');
    const [existing] = await tx.select({ id: summaryVersions.id }).from(summaryVersions).where(eq(summaryVersions.roundId, roundId)).limit(1);
    if (existing) throw new AlreadyPublished();
    if (leftovers.length && !options.despitePlaceholders) throw new DraftLeftovers(leftovers);
    const [inserted] = await tx.insert(summaryVersions).values({ roundId, number: 1, content: json, html, text, publishedById: actor.id, reviewedBy: review?.reviewed ?? null, citedOrganizations: review?.cited ?? null }).returning();
    await tx.update(consultationRounds).set({ phase: 'published', updatedAt: new Date() }).where(eq(consultationRounds.id, roundId));
    // The publication, its audit entry and everyone's notification: all or nothing.
    await recordAudit(tx, { actorId: actor.id, action: 'summary-published', subject: `round:${roundId}`, details: { versionId: inserted!.id } });
    const members = facts.invitedOrganizationIds.length
      ? await tx.select({ id: users.id }).from(users).where(and(inArray(users.organizationId, [...facts.invitedOrganizationIds]), isNull(users.disabledAt)))
      : [];
    const notified = await notify(tx, members.map((m) => ({ userId: m.id, kind: 'summary-published' as const, payload: { round: round.title }, link: `/rounds/${roundId}/summary` })));
    return { version: inserted!, notified };
  });
}

/** What a citation shows a reader: its organization, version and date always; its words and a link to them when the reader may read them. */
export interface CitationSource {
  organizationName: string;
  /** The co-signers whose standing signature the cited version bears (a joint position). */
  coSignedBy: string[];
  versionNumber: number;
  submittedAt: Date;
  paragraph: number;
  passage: string | null;
  theme: string | null;
  href: string | null;
}

/**
 * What a reader sees of each cited paragraph: the reference always, the passage and a link to
 * it only when the reader may read that paper version (else organization, version and date).
 */
export async function citationSources(db: Database, actor: Actor, citations: CitationRef[]) {
  const versionIds = [...new Set(citations.map((c) => c.versionId).filter((v): v is string => !!v && z.uuid().safeParse(v).success))];
  const versions = versionIds.length
    ? await db
        .select({ id: paperVersions.id, number: paperVersions.number, content: paperVersions.content, submittedAt: paperVersions.submittedAt, paperId: positionPapers.id, organizationId: positionPapers.organizationId, organizationName: organizations.name, roundId: positionPapers.roundId })
        .from(paperVersions)
        .innerJoin(positionPapers, eq(positionPapers.id, paperVersions.paperId))
        .innerJoin(organizations, eq(organizations.id, positionPapers.organizationId))
        .where(inArray(paperVersions.id, versionIds))
        .orderBy(asc(paperVersions.submittedAt))
    : [];
  // One query for the rounds' facts, and each version's passages cut once, however many citations.
  const facts = await roundsFacts(db, [...new Set(versions.map((v) => v.roundId))]);
  const byId = new Map(versions.map((v) => [v.id, v]));
  const passages = new Map<string, ReturnType<typeof passagesOf>>();
  const passagesOfVersion = (v: (typeof versions)[number]) => {
    if (!passages.has(v.id)) passages.set(v.id, passagesOf(v.content));
    return passages.get(v.id)!;
  };
  const [signatures, coSigners] = await Promise.all([signaturesOf(db, versions.map((v) => v.id)), coSignerFactsOf(db, [...new Set(versions.map((v) => v.paperId))])]);
  const sources: Record<string, CitationSource> = {};
  for (const c of citations) {
    const v = c.versionId ? byId.get(c.versionId) : undefined;
    if (!v || c.paragraph === null) continue;
    const readable = can(actor, 'read-submitted', { type: 'paper', organizationId: v.organizationId, round: facts.get(v.roundId)!, coSigners: coSigners.get(v.paperId) });
    const passage = readable ? passagesOfVersion(v).find((p) => p.paragraph === c.paragraph) : undefined;
    sources[`${v.id}:${c.paragraph}`] = {
      organizationName: v.organizationName,
      coSignedBy: (signatures.get(v.id) ?? []).map((s) => s.organizationName),
      versionNumber: v.number,
      submittedAt: v.submittedAt,
      paragraph: c.paragraph,
      passage: passage?.text ?? null,
      theme: passage?.theme ?? null,
      // The cited paragraph in the submitted version, for those who may read it.
      href: readable && passage ? `/rounds/${v.roundId}/papers/${v.paperId}/versions/${v.number}#paragraph-${c.paragraph}` : null,
    };
  }
  return sources;
}

/** Position papers: one per organization and round, written together, submitted as versions. */
import { createHash } from 'node:crypto';
import { and, desc, eq, getTableColumns, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { organizations, paperVersions, positionPapers, type PositionPaper } from '../db/schema.ts';
import { InvalidInput, NotFound } from './errors.ts';
import { getRound } from './rounds.ts';
import { loadDocument } from './collaboration/document-store.ts';
import { yDocToPaper } from './papers/sanitize.ts';
import type { Locale } from './vocabulary.ts';
import type { CoSignerFacts, RoundFacts } from './permissions.ts';
import { coSignerFacts } from './papers/co-signers.ts';

/** The collaboration document of a paper: `paper.<paperId>`. */
export function paperDocumentName(paperId: string): string {
  return `paper.${paperId}`;
}

/** The paper id in a document name, or null when the name is not a paper's. */
export function paperIdFromDocumentName(name: string): string | null {
  const match = /^paper\.([0-9a-f-]{36})$/.exec(name);
  return match && z.uuid().safeParse(match[1]).success ? match[1]! : null;
}

/** Starts the organization's paper in a round, or answers the one already started. */
export async function startPaper(db: Database, input: { roundId: string; organizationId: string; userId: string; language: Locale }): Promise<PositionPaper> {
  const [created] = await db
    .insert(positionPapers)
    .values({ roundId: input.roundId, organizationId: input.organizationId, startedById: input.userId, language: input.language })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(positionPapers)
    .where(and(eq(positionPapers.roundId, input.roundId), eq(positionPapers.organizationId, input.organizationId)))
    .limit(1);
  return existing!;
}

/** A paper with its round (and the round's facts for `can`) and its organization's name. */
export async function getPaper(db: Database, paperId: string) {
  if (!z.uuid().safeParse(paperId).success) throw new NotFound('paper');
  // Not the derived HTML and text: a long paper's would be read (and parsed) for nothing.
  const { html: _html, text: _text, ...paperColumns } = getTableColumns(positionPapers);
  const [row] = await db
    .select({ paper: paperColumns, organizationName: organizations.name, membersDecideSuggestions: organizations.membersDecideSuggestions })
    .from(positionPapers)
    .innerJoin(organizations, eq(organizations.id, positionPapers.organizationId))
    .where(eq(positionPapers.id, paperId))
    .limit(1);
  if (!row) throw new NotFound('paper');
  const [round, coSigners] = await Promise.all([getRound(db, row.paper.roundId), coSignerFacts(db, row.paper.id)]);
  return { paper: row.paper, organizationName: row.organizationName, membersDecideSuggestions: row.membersDecideSuggestions, coSigners, ...round };
}

/** What `can` is asked about a paper: its organization, its round, who decides suggestions and (a joint paper) its co-signers. */
export function paperResource(found: { paper: { organizationId: string }; facts: RoundFacts; coSigners: CoSignerFacts; membersDecideSuggestions?: boolean }) {
  return { type: 'paper', organizationId: found.paper.organizationId, round: found.facts, coSigners: found.coSigners, membersDecideSuggestions: found.membersDecideSuggestions } as const;
}

/**
 * Keeps the text, HTML and word count derived from the document, written only when they changed
 * (so updatedAt means an edit). The comparison is on digests, so a long paper's text is sent to
 * the database once, not three times.
 */
export async function saveDerivedContent(db: Database, paperId: string, derived: { html: string; text: string; wordCount: number }) {
  const md5 = (value: string) => createHash('md5').update(value).digest('hex');
  await db
    .update(positionPapers)
    .set({ ...derived, updatedAt: new Date() })
    .where(and(eq(positionPapers.id, paperId), or(sql`md5(${positionPapers.html}) <> ${md5(derived.html)}`, sql`md5(${positionPapers.text}) <> ${md5(derived.text)}`)));
}

export function contentDigest(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * Fixes the paper's current content as a new, immutable, numbered version, with the SHA-256 of
 * its content as the receipt. An empty paper cannot be submitted, nor the text of the latest
 * version again. Submissions of one paper are serialized on the paper's row: two at once (two
 * representatives' clicks, a double click) give one version, and the other is told the text is
 * already submitted, never a database error.
 */
export async function submitPaper(
  db: Database,
  input: { paperId: string; userId: string; content: object; html: string; text: string; wordCount: number; wordLimit: number | null; language?: Locale; publishPublicly?: boolean },
) {
  if (input.wordCount === 0) throw new InvalidInput({ form: 'errors.paper.empty' });
  if (input.wordLimit && input.wordCount > input.wordLimit) throw new InvalidInput({ form: 'errors.paper.overLimit' });
  const digest = contentDigest(input.content);
  return db.transaction(async (tx) => {
    const [paper] = await tx.select({ id: positionPapers.id }).from(positionPapers).where(eq(positionPapers.id, input.paperId)).for('update');
    if (!paper) throw new NotFound('paper');
    const [last] = await tx
      .select({ number: paperVersions.number, digest: paperVersions.digest })
      .from(paperVersions)
      .where(eq(paperVersions.paperId, input.paperId))
      .orderBy(desc(paperVersions.number))
      .limit(1);
    if (last && last.digest === digest) throw new InvalidInput({ form: 'errors.paper.alreadySubmitted' });
    const [version] = await tx
      .insert(paperVersions)
      .values({
        paperId: input.paperId,
        number: (last?.number ?? 0) + 1,
        content: input.content,
        html: input.html,
        text: input.text,
        wordCount: input.wordCount,
        digest,
        submittedById: input.userId,
        language: input.language ?? 'en',
        // The organization's choice for this version: published on the round's public page or not (not by default).
        publishPublicly: input.publishPublicly ?? false,
      })
      .returning();
    return version!;
  });
}

export async function listVersions(db: Database, paperId: string) {
  return db.select().from(paperVersions).where(eq(paperVersions.paperId, paperId)).orderBy(desc(paperVersions.number));
}

/** The paper's content as stored now: what a submission fixes. */
export async function currentPaperContent(db: Database, paperId: string) {
  const { doc } = await loadDocument(db, paperDocumentName(paperId));
  try {
    return yDocToPaper(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * A round's public record: once its summary is published, IOM may make the round public. Its
 * pages under /public show, to anyone and without signing in, the round's framing, the
 * published summary, the positions whose organizations agreed to publish them (a choice made
 * with each submitted version) and the participation figures as published (a snapshot taken when
 * the round is made public, taken again only when IOM publishes them again).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Database } from '../../db/client.ts';
import { consultationRounds, organizations, paperVersions, positionPapers, publicRecords, summaryVersions } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { InvalidInput } from '../errors.ts';
import { isLatestVersion } from '../papers/latest-version.ts';
import { participationRecord } from '../participation/record.ts';
import type { Actor } from '../permissions.ts';
import { getRound } from '../rounds.ts';
import { citationsIn } from '../summary/citations.ts';
import { publicParticipation, type PublicParticipation } from './open-data.ts';

export { publicPaths } from './paths.ts';
import { publicPaths } from './paths.ts';

export class SummaryNotPublished extends InvalidInput {
  constructor() {
    super({ form: 'public.errors.summaryNotPublished' }, 'A round is made public once its summary is published');
  }
}

/**
 * Makes the round public, or publishes its participation figures again if it is already: the
 * figures are taken from the record now. Refused while the summary is not published.
 */
export async function makeRoundPublic(db: Database, actor: Actor, roundId: string): Promise<{ first: boolean }> {
  const { round } = await getRound(db, roundId);
  const [summary] = await db.select({ id: summaryVersions.id }).from(summaryVersions).where(eq(summaryVersions.roundId, round.id)).limit(1);
  if (!summary) throw new SummaryNotPublished();
  const participation = publicParticipation(await participationRecord(db, { roundId: round.id }));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ roundId: publicRecords.roundId }).from(publicRecords).where(eq(publicRecords.roundId, round.id)).for('update');
    if (existing) await tx.update(publicRecords).set({ participation, updatedAt: new Date() }).where(eq(publicRecords.roundId, round.id));
    else await tx.insert(publicRecords).values({ roundId: round.id, participation, publishedById: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: 'round-made-public', subject: `round:${round.id}`, details: { again: !!existing } });
    return { first: !existing };
  });
}

/** Whether the round is public (its public record exists). */
export async function publicSince(db: Database, roundId: string): Promise<Date | null> {
  if (!z.uuid().safeParse(roundId).success) return null;
  const [row] = await db.select({ at: publicRecords.publishedAt }).from(publicRecords).where(eq(publicRecords.roundId, roundId)).limit(1);
  return row?.at ?? null;
}

/**
 * A fingerprint of everything a public round's pages show, read in one small query: the round
 * (title, framing: its `updated_at`), the public record (figures published again), the summary
 * version, the submitted versions and the organizations' names. Null when the round is not
 * public. Pages are revalidated against it (ETag) and their data cached under it.
 */
export async function publicRoundRevision(db: Database, roundId: string): Promise<string | null> {
  if (!z.uuid().safeParse(roundId).success) return null;
  const [row] = rowsOf<{ revision: string }>(
    await db.execute(sql`
      select concat_ws('|', r.updated_at, pr.updated_at,
        (select s.id from summary_versions s where s.round_id = r.id order by s.number desc limit 1),
        (select count(*) || ':' || coalesce(max(v.submitted_at)::text, '') from paper_versions v join position_papers p on p.id = v.paper_id where p.round_id = r.id),
        (select max(o.updated_at) from organizations o join position_papers p on p.organization_id = o.id where p.round_id = r.id)
      ) as revision
      from consultation_rounds r join public_records pr on pr.round_id = r.id
      where r.id = ${roundId}`),
  );
  return row?.revision ?? null;
}

/** The same for the list of public rounds and the feed. */
export async function publicListRevision(db: Database): Promise<string> {
  const [row] = rowsOf<{ revision: string }>(
    await db.execute(sql`
      select concat_ws('|', count(*), max(pr.updated_at), max(r.updated_at), (select max(s.published_at) from summary_versions s join public_records p2 on p2.round_id = s.round_id)) as revision
      from public_records pr join consultation_rounds r on r.id = pr.round_id`),
  );
  return row?.revision ?? '';
}

export interface PublicRoundSummary {
  id: string;
  title: string;
  areas: string[];
  publicAt: Date;
  updatedAt: Date;
  summary: { id: string; publishedAt: Date; text: string } | null;
}

/** Every public round, the latest made public first. */
export async function listPublicRounds(db: Database): Promise<PublicRoundSummary[]> {
  const rounds = await db
    .select({ id: consultationRounds.id, title: consultationRounds.title, areas: consultationRounds.areas, publicAt: publicRecords.publishedAt, updatedAt: publicRecords.updatedAt })
    .from(publicRecords)
    .innerJoin(consultationRounds, eq(consultationRounds.id, publicRecords.roundId))
    .orderBy(desc(publicRecords.publishedAt));
  const summaries = rounds.length
    ? await db
        .select({ id: summaryVersions.id, roundId: summaryVersions.roundId, publishedAt: summaryVersions.publishedAt, text: summaryVersions.text, number: summaryVersions.number })
        .from(summaryVersions)
        .where(inArray(summaryVersions.roundId, rounds.map((r) => r.id)))
        .orderBy(desc(summaryVersions.number))
    : [];
  return rounds.map((r) => {
    const s = summaries.find((x) => x.roundId === r.id);
    return { ...r, summary: s ? { id: s.id, publishedAt: s.publishedAt, text: s.text } : null };
  });
}

export interface PublicPosition {
  paperId: string;
  organizationName: string;
  versionId: string;
  versionNumber: number;
  submittedAt: Date;
  wordCount: number;
  language: string;
}

/** What a citation of the published summary shows the public: whose position, which version, and a link to the paragraph when the version is published. */
export interface PublicCitationSource {
  organizationName: string;
  versionNumber: number;
  submittedAt: Date;
  passage: string | null;
  href: string | null;
}

export interface PublicRound {
  id: string;
  title: string;
  framing: string;
  areas: string[];
  timeZone: string;
  publicAt: Date;
  summary: { content: unknown; publishedAt: Date; reviewedBy: number | null; citedOrganizations: number | null; sources: Record<string, PublicCitationSource> };
  positions: PublicPosition[];
  participation: PublicParticipation;
}

/** Everything a public round's page shows, or null when the round is not public. */
export async function publicRound(db: Database, roundId: string): Promise<PublicRound | null> {
  if (!z.uuid().safeParse(roundId).success) return null;
  const [found] = await db
    .select({ round: consultationRounds, publicAt: publicRecords.publishedAt, participation: publicRecords.participation })
    .from(publicRecords)
    .innerJoin(consultationRounds, eq(consultationRounds.id, publicRecords.roundId))
    .where(eq(publicRecords.roundId, roundId))
    .limit(1);
  if (!found) return null;
  const [summary] = await db.select().from(summaryVersions).where(eq(summaryVersions.roundId, roundId)).orderBy(desc(summaryVersions.number)).limit(1);
  if (!summary) return null;
  const positions = await publishedPositions(db, roundId);
  return {
    id: found.round.id,
    title: found.round.title,
    framing: found.round.framing,
    areas: found.round.areas,
    timeZone: found.round.timeZone,
    publicAt: found.publicAt,
    summary: {
      content: summary.content,
      publishedAt: summary.publishedAt,
      reviewedBy: summary.reviewedBy,
      citedOrganizations: summary.citedOrganizations,
      sources: await publicCitationSources(db, roundId, summary.content, positions),
    },
    positions,
    participation: found.participation as PublicParticipation,
  };
}

/** The latest submitted version of each paper of the round, where its organization agreed to publish it. */
async function publishedPositions(db: Database, roundId: string): Promise<PublicPosition[]> {
  const rows = await db
    .select({
      paperId: positionPapers.id,
      organizationName: organizations.name,
      versionId: paperVersions.id,
      versionNumber: paperVersions.number,
      submittedAt: paperVersions.submittedAt,
      wordCount: paperVersions.wordCount,
      language: paperVersions.language,
    })
    .from(paperVersions)
    .innerJoin(positionPapers, eq(positionPapers.id, paperVersions.paperId))
    .innerJoin(organizations, eq(organizations.id, positionPapers.organizationId))
    .where(and(eq(positionPapers.roundId, roundId), isLatestVersion(paperVersions), eq(paperVersions.publishPublicly, true)));
  return rows.sort((a, b) => a.organizationName.localeCompare(b.organizationName));
}

async function publicCitationSources(db: Database, roundId: string, content: unknown, positions: PublicPosition[]) {
  const citations = citationsIn(content);
  const versionIds = [...new Set(citations.map((c) => c.versionId).filter((v): v is string => !!v && z.uuid().safeParse(v).success))];
  if (!versionIds.length) return {};
  const published = new Map(positions.map((p) => [p.versionId, p]));
  const versions = await db
    .select({ id: paperVersions.id, number: paperVersions.number, submittedAt: paperVersions.submittedAt, organizationName: organizations.name, roundId: positionPapers.roundId })
    .from(paperVersions)
    .innerJoin(positionPapers, eq(positionPapers.id, paperVersions.paperId))
    .innerJoin(organizations, eq(organizations.id, positionPapers.organizationId))
    .where(inArray(paperVersions.id, versionIds));
  // The passage itself is one click away (its paragraph on the position's page), not repeated
  // in the summary: a summary citing 300 positions would otherwise carry every passage twice.
  const sources: Record<string, PublicCitationSource> = {};
  for (const c of citations) {
    const v = versions.find((x) => x.id === c.versionId && x.roundId === roundId);
    if (!v || c.paragraph === null) continue;
    const position = published.get(v.id);
    sources[`${v.id}:${c.paragraph}`] = {
      organizationName: v.organizationName,
      versionNumber: v.number,
      submittedAt: v.submittedAt,
      passage: null,
      href: position ? `${publicPaths.position(roundId, position.paperId)}#paragraph-${c.paragraph}` : null,
    };
  }
  return sources;
}

/** One published position of a public round, with its text; null unless the round is public and the organization agreed. */
export async function publicPosition(db: Database, roundId: string, paperId: string) {
  if (!z.uuid().safeParse(roundId).success || !z.uuid().safeParse(paperId).success) return null;
  if (!(await publicSince(db, roundId))) return null;
  const [row] = await db
    .select({
      roundTitle: consultationRounds.title,
      organizationName: organizations.name,
      versionNumber: paperVersions.number,
      submittedAt: paperVersions.submittedAt,
      language: paperVersions.language,
      content: paperVersions.content,
      publishPublicly: paperVersions.publishPublicly,
    })
    .from(paperVersions)
    .innerJoin(positionPapers, eq(positionPapers.id, paperVersions.paperId))
    .innerJoin(organizations, eq(organizations.id, positionPapers.organizationId))
    .innerJoin(consultationRounds, eq(consultationRounds.id, positionPapers.roundId))
    .where(and(eq(positionPapers.id, paperId), eq(positionPapers.roundId, roundId), isLatestVersion(paperVersions)))
    .limit(1);
  return row?.publishPublicly ? row : null;
}

/**
 * Who stands behind a joint paper, read from the database: its co-signing organizations (asked,
 * accepted) and the signatures each submitted version bears. The rules that change them are in
 * joint.ts; this module only reads, so `getPaper` and the pages that show signatories can use it.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organizations, paperCoSigners, paperSignatures, users } from '../../db/schema.ts';
import type { CoSignerFacts } from '../permissions.ts';

/** The co-signers `can` needs to know of: accepted, and asked without an answer yet. */
export async function coSignerFacts(db: Database, paperId: string): Promise<CoSignerFacts> {
  const rows = await db
    .select({ organizationId: paperCoSigners.organizationId, acceptedAt: paperCoSigners.acceptedAt })
    .from(paperCoSigners)
    .where(eq(paperCoSigners.paperId, paperId));
  return {
    accepted: rows.filter((r) => r.acceptedAt !== null).map((r) => r.organizationId),
    pending: rows.filter((r) => r.acceptedAt === null).map((r) => r.organizationId),
  };
}

/** The co-signers of several papers, by paper id, in one query (papers without any are absent). */
export async function coSignerFactsOf(db: Database, paperIds: readonly string[]): Promise<Map<string, CoSignerFacts>> {
  const byPaper = new Map<string, CoSignerFacts>();
  if (!paperIds.length) return byPaper;
  const rows = await db
    .select({ paperId: paperCoSigners.paperId, organizationId: paperCoSigners.organizationId, acceptedAt: paperCoSigners.acceptedAt })
    .from(paperCoSigners)
    .where(inArray(paperCoSigners.paperId, [...paperIds]));
  for (const row of rows) {
    const facts = byPaper.get(row.paperId) ?? { accepted: [], pending: [] };
    byPaper.set(row.paperId, row.acceptedAt ? { ...facts, accepted: [...facts.accepted, row.organizationId] } : { ...facts, pending: [...facts.pending, row.organizationId] });
  }
  return byPaper;
}

export interface CoSigner {
  organizationId: string;
  name: string;
  invitedAt: Date;
  acceptedAt: Date | null;
}

/** A paper's co-signing organizations with their names, in the order they were asked. */
export async function listCoSigners(db: Database, paperId: string): Promise<CoSigner[]> {
  return db
    .select({ organizationId: paperCoSigners.organizationId, name: organizations.name, invitedAt: paperCoSigners.invitedAt, acceptedAt: paperCoSigners.acceptedAt })
    .from(paperCoSigners)
    .innerJoin(organizations, eq(organizations.id, paperCoSigners.organizationId))
    .where(eq(paperCoSigners.paperId, paperId))
    .orderBy(asc(paperCoSigners.invitedAt), asc(organizations.name));
}

export interface Signature {
  versionId: string;
  organizationId: string;
  organizationName: string;
  digest: string;
  signedAt: Date;
  signedByName: string | null;
}

/**
 * The standing signatures (not withdrawn) of some versions, by version id, each version's in
 * the order they were given. One query whatever the number of versions.
 */
export async function signaturesOf(db: Database, versionIds: readonly string[]): Promise<Map<string, Signature[]>> {
  const byVersion = new Map<string, Signature[]>();
  if (!versionIds.length) return byVersion;
  const rows = await db
    .select({
      versionId: paperSignatures.versionId,
      organizationId: paperSignatures.organizationId,
      organizationName: organizations.name,
      digest: paperSignatures.digest,
      signedAt: paperSignatures.signedAt,
      signedByName: users.name,
    })
    .from(paperSignatures)
    .innerJoin(organizations, eq(organizations.id, paperSignatures.organizationId))
    .leftJoin(users, eq(users.id, paperSignatures.signedById))
    .where(and(inArray(paperSignatures.versionId, [...versionIds]), isNull(paperSignatures.withdrawnAt)))
    .orderBy(asc(paperSignatures.signedAt));
  for (const row of rows) byVersion.set(row.versionId, [...(byVersion.get(row.versionId) ?? []), row]);
  return byVersion;
}

/**
 * Every signatory of a version, as a reader sees them: the paper's own organization (its
 * submission is its signature) first, then each co-signer that signed this very version.
 */
export function signatoriesOf(organizationName: string, signatures: readonly Signature[] | undefined): string[] {
  return [organizationName, ...(signatures ?? []).map((s) => s.organizationName)];
}

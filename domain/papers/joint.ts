/**
 * Joint positions: a paper's organization asks other organizations invited to the round to
 * co-sign it; each one's representative accepts, then signs a submitted version, bound to that
 * version's SHA-256. A new version asks them again (a signature stays on the version it was
 * given to); a signature may be withdrawn until the round's deadline. Every step asks `can`.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organizations, paperCoSigners, paperSignatures, paperVersions, users } from '../../db/schema.ts';
import { Forbidden, InvalidInput, NotFound } from '../errors.ts';
import { notify } from '../notifications.ts';
import { getPaper, paperResource } from '../papers.ts';
import { can, describeResource, type Actor } from '../permissions.ts';

type FoundPaper = Awaited<ReturnType<typeof getPaper>>;

function demand(actor: Actor, action: 'invite-co-signer' | 'accept-co-signing' | 'sign', found: FoundPaper) {
  const resource = paperResource(found);
  if (!can(actor, action, resource)) throw new Forbidden(action, describeResource(resource));
}

/**
 * Asks an organization to co-sign the paper. It must be invited to the round and not be the
 * paper's own; asking again is harmless. Its representatives are notified. Answers the people
 * notified (for the live unread count).
 */
export async function inviteCoSigner(db: Database, actor: Actor, input: { paperId: string; organizationId: string }): Promise<{ notified: string[] }> {
  const found = await getPaper(db, input.paperId);
  demand(actor, 'invite-co-signer', found);
  if (input.organizationId === found.paper.organizationId) throw new InvalidInput({ organizationId: 'errors.joint.ownOrganization' });
  if (!found.facts.invitedOrganizationIds.includes(input.organizationId)) throw new InvalidInput({ organizationId: 'errors.joint.notInvitedToRound' });
  // The request and its notifications are one write: all or nothing (ADR 016's rule for writes).
  return db.transaction(async (tx) => {
    const [added] = await tx
      .insert(paperCoSigners)
      .values({ paperId: found.paper.id, organizationId: input.organizationId, invitedById: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!added) return { notified: [] };
    return { notified: await askRepresentatives(tx, found, [input.organizationId]) };
  });
}

/** The representative accepts, for their organization, to co-sign the paper. */
export async function acceptCoSigning(db: Database, actor: Actor, input: { paperId: string }): Promise<void> {
  const found = await getPaper(db, input.paperId);
  demand(actor, 'accept-co-signing', found);
  await db
    .update(paperCoSigners)
    .set({ acceptedAt: new Date(), acceptedById: actor.id })
    .where(and(eq(paperCoSigners.paperId, found.paper.id), eq(paperCoSigners.organizationId, actor.organizationId!), isNull(paperCoSigners.acceptedAt)));
}

/**
 * The representative signs, for their organization, the paper's latest submitted version. The
 * form carries the SHA-256 the person was shown: a signature is given to that text only, so a
 * version submitted meanwhile (another digest) is refused with a message, never signed unseen.
 * Signing twice keeps the first signature.
 */
export async function signVersion(db: Database, actor: Actor, input: { paperId: string; versionId: string; digest: string }) {
  const found = await getPaper(db, input.paperId);
  demand(actor, 'sign', found);
  const version = await latestVersion(db, found.paper.id);
  if (!version) throw new InvalidInput({ form: 'errors.joint.nothingSubmitted' });
  if (version.id !== input.versionId || version.digest !== input.digest) throw new InvalidInput({ form: 'errors.joint.notLatest' });
  const [signature] = await db
    .insert(paperSignatures)
    .values({ versionId: version.id, organizationId: actor.organizationId!, digest: version.digest, signedById: actor.id })
    .onConflictDoNothing()
    .returning();
  return { version, signed: signature !== undefined };
}

/** The representative withdraws their organization's signature of a version (until the deadline). */
export async function withdrawSignature(db: Database, actor: Actor, input: { paperId: string; versionId: string }): Promise<void> {
  const found = await getPaper(db, input.paperId);
  demand(actor, 'sign', found);
  const [version] = await db.select({ id: paperVersions.id }).from(paperVersions).where(and(eq(paperVersions.id, input.versionId), eq(paperVersions.paperId, found.paper.id))).limit(1);
  if (!version) throw new NotFound('version');
  await db
    .update(paperSignatures)
    .set({ withdrawnAt: new Date(), withdrawnById: actor.id })
    .where(and(eq(paperSignatures.versionId, version.id), eq(paperSignatures.organizationId, actor.organizationId!), isNull(paperSignatures.withdrawnAt)));
}

/**
 * After a new version: each accepted co-signer's representatives are asked to sign it (their
 * signatures of earlier versions stay where they were given). Answers the people notified.
 */
export async function askToSignNewVersion(db: Database, paperId: string): Promise<string[]> {
  const found = await getPaper(db, paperId);
  return found.coSigners.accepted.length ? askRepresentatives(db, found, [...found.coSigners.accepted]) : [];
}

async function latestVersion(db: Database, paperId: string) {
  const [version] = await db
    .select({ id: paperVersions.id, number: paperVersions.number, digest: paperVersions.digest })
    .from(paperVersions)
    .where(eq(paperVersions.paperId, paperId))
    .orderBy(desc(paperVersions.number))
    .limit(1);
  return version;
}

/** Notifies the representatives of some organizations that the paper asks for their signature. */
async function askRepresentatives(db: Database, found: FoundPaper, organizationIds: string[]): Promise<string[]> {
  const representatives = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(inArray(users.organizationId, organizationIds), eq(users.isRepresentative, true), eq(users.role, 'observer'), isNull(users.disabledAt)));
  return notify(
    db,
    representatives.map((r) => ({
      userId: r.id,
      kind: 'co-signing' as const,
      payload: { organization: found.organizationName, round: found.round.title },
      link: `/rounds/${found.round.id}/papers/${found.paper.id}`,
    })),
  );
}

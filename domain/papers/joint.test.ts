import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationRounds, notifications, paperSignatures } from '../../db/schema.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { Forbidden, InvalidInput } from '../errors.ts';
import { participationRecord } from '../participation/record.ts';
import { exportRows } from '../participation/view.ts';
import { getPaper, paperResource, startPaper, submitPaper } from '../papers.ts';
import { can, type Actor } from '../permissions.ts';
import { createRound } from '../rounds.ts';
import { searchPositions } from '../search.ts';
import { signaturesOf } from './co-signers.ts';
import { citationSources, submittedPositions } from '../summary/summaries.ts';
import { acceptCoSigning, askToSignNewVersion, inviteCoSigner, signVersion, withdrawSignature } from './joint.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
const people: Record<string, Actor> = {};
let orgs: Record<'strada' | 'caritas' | 'hayat' | 'icmc', string>;
let roundId: string;
let paperId: string;

const asActor = (u: { id: string; role: 'observer' | 'facilitator' | 'secretariat' | 'admin'; organizationId: string | null; isRepresentative: boolean }): Actor => ({ id: u.id, role: u.role, organizationId: u.organizationId, isRepresentative: u.isRepresentative });

async function submit(text: string) {
  const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
  return submitPaper(handle.db, { paperId, userId: people.stradaRep!.id, content, html: `<p>${text}</p>`, text, wordCount: text.split(' ').length, wordLimit: null });
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  const strada = await makeOrganization(db, { name: 'La Strada Ukraine' });
  const caritas = await makeOrganization(db, { name: 'Caritas Österreich' });
  const hayat = await makeOrganization(db, { name: 'HAYAT' });
  const icmc = await makeOrganization(db, { name: 'ICMC' });
  orgs = { strada: strada.id, caritas: caritas.id, hayat: hayat.id, icmc: icmc.id };
  const facilitator = await makeUser(db, { role: 'facilitator' });
  people.facilitator = asActor(facilitator);
  people.stradaRep = asActor(await makeUser(db, { organizationId: strada.id, isRepresentative: true }));
  people.stradaMember = asActor(await makeUser(db, { organizationId: strada.id }));
  people.caritasRep = asActor(await makeUser(db, { organizationId: caritas.id, isRepresentative: true }));
  people.caritasMember = asActor(await makeUser(db, { organizationId: caritas.id }));
  people.hayatRep = asActor(await makeUser(db, { organizationId: hayat.id, isRepresentative: true }));
  people.hayatMember = asActor(await makeUser(db, { organizationId: hayat.id }));
  const round = await createRound(
    db,
    { title: 'Return and reintegration', framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: new Date(Date.now() + 7 * 86400_000), wordLimit: null, positionVisibility: 'never', invitedOrganizationIds: [strada.id, caritas.id, hayat.id] },
    facilitator.id,
  );
  roundId = round.id;
  paperId = (await startPaper(db, { roundId, organizationId: strada.id, userId: people.stradaRep.id, language: 'en' })).id;
});
afterAll(() => handle.dispose());

const resource = async () => paperResource(await getPaper(handle.db, paperId));

describe('joint positions', () => {
  it('lets only the paper’s representative ask, and only organizations invited to the round', async () => {
    await expect(inviteCoSigner(handle.db, people.stradaMember!, { paperId, organizationId: orgs.caritas })).rejects.toBeInstanceOf(Forbidden);
    await expect(inviteCoSigner(handle.db, people.caritasRep!, { paperId, organizationId: orgs.caritas })).rejects.toBeInstanceOf(Forbidden);
    await expect(inviteCoSigner(handle.db, people.stradaRep!, { paperId, organizationId: orgs.icmc })).rejects.toBeInstanceOf(InvalidInput);
    await expect(inviteCoSigner(handle.db, people.stradaRep!, { paperId, organizationId: orgs.strada })).rejects.toBeInstanceOf(InvalidInput);
    const { notified } = await inviteCoSigner(handle.db, people.stradaRep!, { paperId, organizationId: orgs.caritas });
    expect(notified).toEqual([people.caritasRep!.id]);
    const [note] = await handle.db.select().from(notifications).where(eq(notifications.userId, people.caritasRep!.id));
    expect(note).toMatchObject({ kind: 'co-signing', link: `/rounds/${roundId}/papers/${paperId}` });
    // Asking again changes nothing and notifies no one twice.
    expect((await inviteCoSigner(handle.db, people.stradaRep!, { paperId, organizationId: orgs.caritas })).notified).toEqual([]);
    expect((await resource()).coSigners).toEqual({ accepted: [], pending: [orgs.caritas] });
  });

  it('gives a pending co-signer nothing until its representative accepts', async () => {
    expect(can(people.caritasMember!, 'read-draft', await resource())).toBe(false);
    await expect(acceptCoSigning(handle.db, people.caritasMember!, { paperId })).rejects.toBeInstanceOf(Forbidden);
    await expect(acceptCoSigning(handle.db, people.hayatRep!, { paperId })).rejects.toBeInstanceOf(Forbidden);
    await acceptCoSigning(handle.db, people.caritasRep!, { paperId });
    const accepted = await resource();
    expect(accepted.coSigners).toEqual({ accepted: [orgs.caritas], pending: [] });
    // The round says read and comment (the default): co-signers read the draft, do not edit it.
    expect(can(people.caritasMember!, 'read-draft', accepted)).toBe(true);
    expect(can(people.caritasMember!, 'edit-draft', accepted)).toBe(false);
    expect(can(people.caritasMember!, 'comment', { type: 'thread', thread: { scope: 'draft', organizationId: orgs.strada, round: accepted.round, createdById: null, coSignerIds: accepted.coSigners.accepted } })).toBe(true);
    // Someone of an organization invited to the round but not co-signing reads nothing of the draft.
    expect(can(people.hayatMember!, 'read-draft', accepted)).toBe(false);
    expect(can(people.hayatMember!, 'comment', { type: 'thread', thread: { scope: 'draft', organizationId: orgs.strada, round: accepted.round, createdById: null, coSignerIds: accepted.coSigners.accepted } })).toBe(false);
    // Submitting stays the paper's own representative's.
    expect(can(people.caritasRep!, 'submit', accepted)).toBe(false);
  });

  it('lets co-signers edit when the round says so', async () => {
    await handle.db.update(consultationRounds).set({ coSignerAccess: 'edit' }).where(eq(consultationRounds.id, roundId));
    expect(can(people.caritasMember!, 'edit-draft', await resource())).toBe(true);
    expect(can(people.hayatMember!, 'edit-draft', await resource())).toBe(false);
    await handle.db.update(consultationRounds).set({ coSignerAccess: 'read-and-comment' }).where(eq(consultationRounds.id, roundId));
  });

  it('binds a signature to the version’s SHA-256, and asks again after a new version', async () => {
    await expect(signVersion(handle.db, people.caritasRep!, { paperId, versionId: '00000000-0000-4000-8000-000000000000', digest: 'x' })).rejects.toBeInstanceOf(InvalidInput);
    const first = await submit('Return must be voluntary and informed.');
    // Not the representative, not a co-signer, or the paper's own organization: refused.
    await expect(signVersion(handle.db, people.caritasMember!, { paperId, versionId: first.id, digest: first.digest })).rejects.toBeInstanceOf(Forbidden);
    await expect(signVersion(handle.db, people.hayatRep!, { paperId, versionId: first.id, digest: first.digest })).rejects.toBeInstanceOf(Forbidden);
    await expect(signVersion(handle.db, people.stradaRep!, { paperId, versionId: first.id, digest: first.digest })).rejects.toBeInstanceOf(Forbidden);
    // A digest other than the version's is not signed.
    await expect(signVersion(handle.db, people.caritasRep!, { paperId, versionId: first.id, digest: 'f'.repeat(64) })).rejects.toBeInstanceOf(InvalidInput);
    expect((await signVersion(handle.db, people.caritasRep!, { paperId, versionId: first.id, digest: first.digest })).signed).toBe(true);
    expect((await signVersion(handle.db, people.caritasRep!, { paperId, versionId: first.id, digest: first.digest })).signed).toBe(false);
    const [signature] = (await signaturesOf(handle.db, [first.id])).get(first.id)!;
    expect(signature).toMatchObject({ organizationName: 'Caritas Österreich', digest: first.digest });

    const second = await submit('Return must be voluntary, informed and safe.');
    expect(second.digest).not.toBe(first.digest);
    expect(await askToSignNewVersion(handle.db, paperId)).toEqual([people.caritasRep!.id]);
    const signatures = await signaturesOf(handle.db, [first.id, second.id]);
    expect(signatures.get(first.id)).toHaveLength(1); // the old signature stays on the old version
    expect(signatures.get(second.id)).toBeUndefined(); // the new one is not signed until asked and answered
    // The first version can no longer be signed: it is not the latest.
    await withdrawSignature(handle.db, people.caritasRep!, { paperId, versionId: first.id });
    await expect(signVersion(handle.db, people.caritasRep!, { paperId, versionId: first.id, digest: first.digest })).rejects.toBeInstanceOf(InvalidInput);
    await signVersion(handle.db, people.caritasRep!, { paperId, versionId: second.id, digest: second.digest });
    expect((await signaturesOf(handle.db, [second.id])).get(second.id)!.map((s) => s.organizationName)).toEqual(['Caritas Österreich']);
  });

  it('counts the co-signature for the signing organization in the record, and shows signatories in search', async () => {
    const record = await participationRecord(handle.db, { roundId });
    const caritas = record.find((r) => r.organization.id === orgs.caritas)!;
    expect(caritas.derived.coSignatures).toBe(1);
    expect(caritas.coSigned).toEqual([{ organizationName: 'La Strada Ukraine', versionNumber: 2 }]);
    expect(record.find((r) => r.organization.id === orgs.strada)!.derived).toMatchObject({ versions: 2, coSignatures: 0 });
    expect(record.find((r) => r.organization.id === orgs.hayat)!.derived.coSignatures).toBe(0);
    // The CSV and XLSX downloads: the count, and which papers with the version signed.
    const [header, ...lines] = exportRows(record);
    const caritasLine = lines.find((l) => l[1] === 'Caritas Österreich')!;
    expect(caritasLine[header!.indexOf('co_signatures')]).toBe(1);
    expect(caritasLine[header!.indexOf('co_signed_papers')]).toBe('La Strada Ukraine v2');
    const [hit] = await searchPositions(handle.db, people.facilitator!, { q: 'safe' });
    expect(hit!.coSignedBy).toEqual(['Caritas Österreich']);
    // Co-signers read the submitted versions even where the round shows positions to IOM only.
    const [own] = await searchPositions(handle.db, people.caritasMember!, { q: 'safe' });
    expect(own?.paperId).toBe(paperId);
    expect(await searchPositions(handle.db, people.hayatMember!, { q: 'safe' })).toEqual([]);
  });

  it('names the co-signers of the version in the synthesis panel and in citations', async () => {
    const [position] = await submittedPositions(handle.db, roundId);
    expect(position).toMatchObject({ organizationName: 'La Strada Ukraine', versionNumber: 2, coSignedBy: ['Caritas Österreich'] });
    const ref = { organizationId: orgs.strada, organizationName: 'La Strada Ukraine', versionId: position!.versionId, versionNumber: 2, paragraph: 1 };
    const sources = await citationSources(handle.db, people.facilitator!, [ref]);
    expect(sources[`${position!.versionId}:1`]).toMatchObject({ organizationName: 'La Strada Ukraine', coSignedBy: ['Caritas Österreich'] });
    // A co-signer's member follows the citation to the version although the round shows positions to IOM only.
    expect((await citationSources(handle.db, people.caritasMember!, [ref]))[`${position!.versionId}:1`]!.href).not.toBeNull();
    expect((await citationSources(handle.db, people.hayatMember!, [ref]))[`${position!.versionId}:1`]!.href).toBeNull();
  });

  it('lets a signature be withdrawn until the deadline, and not after', async () => {
    const found = await getPaper(handle.db, paperId);
    const standing = (await handle.db.select().from(paperSignatures)).filter((s) => s.withdrawnAt === null);
    expect(standing).toHaveLength(1);
    await withdrawSignature(handle.db, people.caritasRep!, { paperId, versionId: standing[0]!.versionId });
    expect((await participationRecord(handle.db, { roundId })).find((r) => r.organization.id === orgs.caritas)!.derived.coSignatures).toBe(0);
    // Signed again, then the deadline passes: the signature stands and can no longer be withdrawn.
    const digest = (await handle.db.select().from(paperSignatures).where(eq(paperSignatures.versionId, standing[0]!.versionId)))[0]!.digest;
    await signVersion(handle.db, people.caritasRep!, { paperId, versionId: standing[0]!.versionId, digest });
    await handle.db.update(consultationRounds).set({ submissionDeadline: new Date(Date.now() - 60_000) }).where(eq(consultationRounds.id, found.round.id));
    await expect(withdrawSignature(handle.db, people.caritasRep!, { paperId, versionId: standing[0]!.versionId })).rejects.toBeInstanceOf(Forbidden);
    await expect(signVersion(handle.db, people.caritasRep!, { paperId, versionId: standing[0]!.versionId, digest })).rejects.toBeInstanceOf(Forbidden);
    expect((await participationRecord(handle.db, { roundId })).find((r) => r.organization.id === orgs.caritas)!.derived.coSignatures).toBe(1);
  });
});

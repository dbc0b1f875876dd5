/**
 * What a round's members hear when it changes: the members of an organization the round
 * invites are told once the round is visible to them (it leaves its draft phase, or their
 * organization is added later); everyone invited is told when the phase moves on.
 */
import { and, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { notify, type NewNotification } from './notifications.ts';
import type { RoundFacts } from './permissions.ts';
import { createRound, getRound, updateRound, type RoundInput } from './rounds.ts';

/** Creates a round and files what it announces, in one transaction; answers the round and who was notified. */
export async function createRoundAnnounced(db: Database, input: RoundInput, actorId: string) {
  return db.transaction(async (tx) => {
    const round = await createRound(tx, input, actorId);
    return { round, notified: await announceRoundChange(tx, null, round.id) };
  });
}

/** Changes a round and files what the change announces, in one transaction. */
export async function updateRoundAnnounced(db: Database, roundId: string, input: RoundInput, before: RoundFacts) {
  return db.transaction(async (tx) => {
    const round = await updateRound(tx, roundId, input);
    return { round, notified: await announceRoundChange(tx, before, roundId) };
  });
}

/** Files the notifications a change from `before` (null: a new round) calls for; answers who was notified. */
export async function announceRoundChange(db: Database, before: RoundFacts | null, roundId: string): Promise<string[]> {
  const { round, facts } = await getRound(db, roundId);
  if (facts.phase === 'draft') return [];
  const wasVisible = before !== null && before.phase !== 'draft';
  const newlyInvited = facts.invitedOrganizationIds.filter((id) => !wasVisible || !before!.invitedOrganizationIds.includes(id));
  const phaseMoved = wasVisible && before!.phase !== facts.phase;
  const told = phaseMoved ? facts.invitedOrganizationIds : newlyInvited;
  if (!told.length) return [];
  const members = await db
    .select({ id: users.id, organizationId: users.organizationId })
    .from(users)
    .where(and(inArray(users.organizationId, [...told]), isNull(users.disabledAt)));
  const link = `/rounds/${round.id}`;
  const items = members.map((m): NewNotification =>
    newlyInvited.includes(m.organizationId!)
      ? { userId: m.id, kind: 'invitation', payload: { round: round.title }, link }
      : { userId: m.id, kind: 'phase-change', payload: { round: round.title, phase: facts.phase }, link },
  );
  return notify(db, items);
}


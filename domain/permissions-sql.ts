/**
 * The rules of `permissions.ts` that lists apply, written as SQL conditions so the database
 * filters (a list is never fetched whole and then cut in JavaScript). Each is the same rule as a
 * `can` call, named beside it; `permissions-sql.test.ts` builds rounds, papers, sessions and
 * invitations of every kind and checks, for every kind of person, that each condition selects
 * exactly what `can` allows. A change to a rule in permissions.ts that is not made here fails it.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Actor } from './permissions.ts';

const iomStaff = (actor: Actor) => actor.role === 'admin' || actor.role === 'facilitator' || actor.role === 'secretariat';

/** Columns of a consultation round, as table columns or as `alias.column`. */
export interface RoundColumns {
  id: SQLWrapper;
  phase: SQLWrapper;
  positionVisibility: SQLWrapper;
  submissionDeadline: SQLWrapper;
}

/** The columns of `consultation_rounds` under an alias of a raw query. */
export function roundColumns(alias: string): RoundColumns {
  return {
    id: sql.raw(`${alias}.id`),
    phase: sql.raw(`${alias}.phase`),
    positionVisibility: sql.raw(`${alias}.position_visibility`),
    submissionDeadline: sql.raw(`${alias}.submission_deadline`),
  };
}

/** Whether the actor's organization is invited to the round. */
function invited(actor: Actor, round: RoundColumns): SQL {
  if (actor.role !== 'observer' || !actor.organizationId) return sql`false`;
  return sql`exists (select 1 from round_organizations ro_inv where ro_inv.round_id = ${round.id} and ro_inv.organization_id = ${actor.organizationId})`;
}

/** `can(actor, 'view', { type: 'round', round })`. */
export function roundVisibleTo(actor: Actor, round: RoundColumns): SQL {
  if (iomStaff(actor)) return sql`true`;
  return sql`(${round.phase} <> 'draft' and ${invited(actor, round)})`;
}

/** `can(actor, 'read-submitted', { type: 'paper', organizationId, round })`, for the paper's organization column. */
export function submittedPaperReadableBy(actor: Actor, paper: { id: SQLWrapper; organizationId: SQLWrapper }, round: RoundColumns): SQL {
  if (iomStaff(actor)) return sql`true`;
  // Its own organization's, and a joint paper's co-signers' (accepted invitations).
  const own =
    actor.role === 'observer' && actor.organizationId
      ? sql`(${paper.organizationId} = ${actor.organizationId} or exists (select 1 from paper_co_signers pcs where pcs.paper_id = ${paper.id} and pcs.organization_id = ${actor.organizationId} and pcs.accepted_at is not null))`
      : sql`false`;
  return sql`(${own} or (
    ${round.phase} <> 'draft'
    and ${invited(actor, round)}
    and (${round.positionVisibility} = 'on-submission'
      or (${round.positionVisibility} = 'after-deadline' and ${round.submissionDeadline} is not null and ${round.submissionDeadline} <= now()))
  ))`;
}

/** `can(actor, 'attend', session)`, for a session's `attendees` column and its round. */
export function sessionAttendableBy(actor: Actor, session: { attendees: SQLWrapper }, round: RoundColumns): SQL {
  if (iomStaff(actor)) return sql`true`;
  const admitted = actor.isRepresentative ? sql`true` : sql`${session.attendees} <> 'representatives'`;
  return sql`(${round.phase} <> 'draft' and ${invited(actor, round)} and ${admitted})`;
}

/** `can(actor, 'view', { type: 'invitation', organizationId, role })`, for an invitation's organization column. */
export function invitationVisibleTo(actor: Actor, invitation: { organizationId: SQLWrapper }): SQL {
  if (actor.role === 'admin' || actor.role === 'facilitator') return sql`true`;
  if (actor.role === 'observer' && actor.isRepresentative && actor.organizationId) return sql`${invitation.organizationId} = ${actor.organizationId}`;
  return sql`false`;
}

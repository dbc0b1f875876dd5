/**
 * Every rule of the policy, allowed and refused, for every kind of person. The expected table
 * is written out by hand: a change to a rule must change this table too.
 */
import { describe, expect, it } from 'vitest';
import { can, policyActions, type Actor, type CoSignerFacts, type Resource, type RoundFacts, type ThreadFacts } from './permissions.ts';

const orgA = '00000000-0000-4000-8000-00000000000a';
const orgB = '00000000-0000-4000-8000-00000000000b';

const actors: Record<string, Actor | null> = {
  visitor: null,
  admin: { id: 'admin', role: 'admin', organizationId: null, isRepresentative: false },
  facilitator: { id: 'facilitator', role: 'facilitator', organizationId: null, isRepresentative: false },
  secretariat: { id: 'secretariat', role: 'secretariat', organizationId: null, isRepresentative: false },
  repA: { id: 'repA', role: 'observer', organizationId: orgA, isRepresentative: true },
  memberA: { id: 'memberA', role: 'observer', organizationId: orgA, isRepresentative: false },
  repB: { id: 'repB', role: 'observer', organizationId: orgB, isRepresentative: true },
};

const now = new Date('2026-06-01T12:00:00Z');
const round = (facts: Partial<RoundFacts> = {}): RoundFacts => ({
  id: 'r1', phase: 'open', submissionDeadline: '2026-06-30T00:00:00Z', positionVisibility: 'after-deadline',
  invitedOrganizationIds: [orgA, orgB], at: now, ...facts,
});
const paperA = (facts: Partial<RoundFacts> = {}): Resource => ({ type: 'paper', organizationId: orgA, round: round(facts) });
/** A's paper, co-signed by B (accepted) unless said otherwise. */
const jointA = (facts: Partial<RoundFacts> = {}, coSigners: CoSignerFacts = { accepted: [orgB], pending: [] }): Resource => ({ type: 'paper', organizationId: orgA, round: round(facts), coSigners });
const thread = (scope: ThreadFacts['scope'], facts: Partial<RoundFacts> = {}, createdById: string | null = 'repB'): ThreadFacts => ({
  scope, organizationId: scope === 'round' ? null : orgA, round: round(facts), createdById,
});
const threadOn = (t: ThreadFacts): Resource => ({ type: 'thread', thread: t });
const commentBy = (authorId: string, t: ThreadFacts): Resource => ({ type: 'comment', authorId, thread: t });
const sessionOf = (status: 'scheduled' | 'open' | 'closed', facts: Partial<RoundFacts> = {}): Resource => ({ type: 'session', round: round(facts), status });
const afterDeadline = { at: new Date('2026-07-01T00:00:00Z') };
const staff = ['admin', 'facilitator', 'secretariat'] as const;

type Case = { action: string; resource: Resource; allowed: (keyof typeof actors)[] };

const cases: Record<string, Case> = {
  'list organizations': { action: 'list', resource: { type: 'organizations' }, allowed: ['admin', 'facilitator', 'secretariat', 'repA', 'memberA', 'repB'] },
  'create an organization': { action: 'create', resource: { type: 'organizations' }, allowed: ['admin', 'facilitator'] },
  'view organization A': { action: 'view', resource: { type: 'organization', id: orgA }, allowed: ['admin', 'facilitator', 'secretariat', 'repA', 'memberA', 'repB'] },
  'edit organization A': { action: 'edit', resource: { type: 'organization', id: orgA }, allowed: ['admin', 'facilitator'] },
  'manage members of A': { action: 'manage-members', resource: { type: 'organization', id: orgA }, allowed: ['admin', 'facilitator', 'repA'] },
  'make memberA representative': { action: 'set-representative', resource: { type: 'member', userId: 'memberA', organizationId: orgA }, allowed: ['admin', 'facilitator', 'repA'] },
  'remove memberA': { action: 'remove', resource: { type: 'member', userId: 'memberA', organizationId: orgA }, allowed: ['admin', 'facilitator', 'repA'] },
  'remove repA (themself for repA)': { action: 'remove', resource: { type: 'member', userId: 'repA', organizationId: orgA }, allowed: ['admin', 'facilitator'] },
  'remove a member of no organization': { action: 'remove', resource: { type: 'member', userId: 'x', organizationId: null }, allowed: [] },
  "read memberA's email": { action: 'read-email', resource: { type: 'member', userId: 'memberA', organizationId: orgA }, allowed: ['admin', 'facilitator', 'repA', 'memberA'] },
  'read the email of a member of no organization': { action: 'read-email', resource: { type: 'member', userId: 'x', organizationId: null }, allowed: [] },
  'invite an observer to A': { action: 'create', resource: { type: 'invitation', role: 'observer', organizationId: orgA }, allowed: ['admin', 'facilitator', 'repA'] },
  'invite an observer to no organization': { action: 'create', resource: { type: 'invitation', role: 'observer', organizationId: null }, allowed: ['admin'] },
  'invite a facilitator': { action: 'create', resource: { type: 'invitation', role: 'facilitator', organizationId: null }, allowed: ['admin'] },
  'invite an admin': { action: 'create', resource: { type: 'invitation', role: 'admin', organizationId: null }, allowed: ['admin'] },
  'invite secretariat': { action: 'create', resource: { type: 'invitation', role: 'secretariat', organizationId: null }, allowed: ['admin'] },
  'withdraw an invitation to A': { action: 'revoke', resource: { type: 'invitation', role: 'observer', organizationId: orgA }, allowed: ['admin', 'facilitator', 'repA'] },
  'withdraw a staff invitation': { action: 'revoke', resource: { type: 'invitation', role: 'facilitator', organizationId: null }, allowed: ['admin'] },
  'see a pending invitation to A': { action: 'view', resource: { type: 'invitation', role: 'observer', organizationId: orgA }, allowed: ['admin', 'facilitator', 'repA'] },
  'see a pending staff invitation': { action: 'view', resource: { type: 'invitation', role: 'secretariat', organizationId: null }, allowed: ['admin', 'facilitator'] },
  "change memberA's role": { action: 'change-role', resource: { type: 'user', id: 'memberA' }, allowed: ['admin'] },
  "change the admin's own role": { action: 'change-role', resource: { type: 'user', id: 'admin' }, allowed: [] },
  'list people': { action: 'list', resource: { type: 'users' }, allowed: ['admin'] },
  'read the audit log': { action: 'read', resource: { type: 'audit-log' }, allowed: ['admin'] },
  'read the mail outbox': { action: 'read', resource: { type: 'mail-outbox' }, allowed: ['admin'] },
  'list rounds': { action: 'list', resource: { type: 'rounds' }, allowed: ['admin', 'facilitator', 'secretariat', 'repA', 'memberA', 'repB'] },
  'create a round': { action: 'create', resource: { type: 'rounds' }, allowed: ['admin', 'facilitator'] },
  'view an open round inviting A and B': { action: 'view', resource: { type: 'round', round: round() }, allowed: [...staff, 'repA', 'memberA', 'repB'] },
  'view an open round inviting only A': { action: 'view', resource: { type: 'round', round: round({ invitedOrganizationIds: [orgA] }) }, allowed: [...staff, 'repA', 'memberA'] },
  'view a round still in draft': { action: 'view', resource: { type: 'round', round: round({ phase: 'draft' }) }, allowed: [...staff] },
  'edit a round': { action: 'edit', resource: { type: 'round', round: round() }, allowed: ['admin', 'facilitator'] },
  'remind the organizations of a round (reminders)': { action: 'remind', resource: { type: 'round', round: round() }, allowed: ['admin', 'facilitator'] },
  "start A's paper": { action: 'start', resource: paperA(), allowed: ['repA', 'memberA'] },
  "start A's paper after the deadline": { action: 'start', resource: paperA(afterDeadline), allowed: [] },
  "start A's paper in a round A is not invited to": { action: 'start', resource: paperA({ invitedOrganizationIds: [orgB] }), allowed: [] },
  "edit A's draft": { action: 'edit-draft', resource: paperA(), allowed: ['repA', 'memberA'] },
  "edit A's draft after the deadline": { action: 'edit-draft', resource: paperA(afterDeadline), allowed: [] },
  "edit A's draft once the round moved to sessions": { action: 'edit-draft', resource: paperA({ phase: 'sessions' }), allowed: [] },
  "read A's draft": { action: 'read-draft', resource: paperA(), allowed: ['repA', 'memberA'] },
  "submit A's paper": { action: 'submit', resource: paperA(), allowed: ['repA'] },
  // Suggested changes (ADR 027): the representative decides; any member when A allows it; only while the draft is editable.
  "decide suggestions in A's draft": { action: 'decide-suggestions', resource: paperA(), allowed: ['repA'] },
  "decide suggestions in A's draft when A lets members decide": { action: 'decide-suggestions', resource: { type: 'paper', organizationId: orgA, round: round({}), membersDecideSuggestions: true }, allowed: ['repA', 'memberA'] },
  "decide suggestions in A's draft after the deadline": { action: 'decide-suggestions', resource: { type: 'paper', organizationId: orgA, round: round(afterDeadline), membersDecideSuggestions: true }, allowed: [] },
  "submit A's paper after the deadline": { action: 'submit', resource: paperA(afterDeadline), allowed: [] },
  "read A's submitted paper before the deadline (visible after it)": { action: 'read-submitted', resource: paperA(), allowed: [...staff, 'repA', 'memberA'] },
  "read A's submitted paper after the deadline (visible after it)": { action: 'read-submitted', resource: paperA(afterDeadline), allowed: [...staff, 'repA', 'memberA', 'repB'] },
  "read A's submitted paper (visible on submission)": { action: 'read-submitted', resource: paperA({ positionVisibility: 'on-submission' }), allowed: [...staff, 'repA', 'memberA', 'repB'] },
  "read A's submitted paper (never visible to others)": { action: 'read-submitted', resource: paperA({ positionVisibility: 'never', ...afterDeadline }), allowed: [...staff, 'repA', 'memberA'] },
  "read A's submitted paper in a round B is not invited to": { action: 'read-submitted', resource: paperA({ positionVisibility: 'on-submission', invitedOrganizationIds: [orgA] }), allowed: [...staff, 'repA', 'memberA'] },
  "see how far A's paper is": { action: 'read-progress', resource: paperA({ positionVisibility: 'on-submission' }), allowed: [...staff, 'repA', 'memberA'] },
  // Joint papers: B co-signs A's paper (B accepted), or is asked and has not answered.
  "ask B to co-sign A's paper": { action: 'invite-co-signer', resource: paperA(), allowed: ['repA'] },
  "ask to co-sign A's paper after the deadline": { action: 'invite-co-signer', resource: paperA(afterDeadline), allowed: [] },
  "accept to co-sign A's paper (B asked)": { action: 'accept-co-signing', resource: jointA({}, { accepted: [], pending: [orgB] }), allowed: ['repB'] },
  "accept to co-sign A's paper (nobody asked)": { action: 'accept-co-signing', resource: paperA(), allowed: [] },
  "accept to co-sign A's paper after the deadline": { action: 'accept-co-signing', resource: jointA(afterDeadline, { accepted: [], pending: [orgB] }), allowed: [] },
  "sign A's joint paper (B co-signs)": { action: 'sign', resource: jointA(), allowed: ['repB'] },
  "sign A's joint paper while the round holds sessions": { action: 'sign', resource: jointA({ phase: 'sessions' }), allowed: ['repB'] },
  "sign A's joint paper (B asked, not accepted)": { action: 'sign', resource: jointA({}, { accepted: [], pending: [orgB] }), allowed: [] },
  "sign or withdraw on A's joint paper after the deadline": { action: 'sign', resource: jointA(afterDeadline), allowed: [] },
"read A's joint draft (B asked: its representative reads it to answer)": { action: 'read-draft', resource: jointA({}, { accepted: [], pending: [orgB] }), allowed: ['repA', 'memberA', 'repB'] },
  "edit A's joint draft (B asked)": { action: 'edit-draft', resource: jointA({ coSignerAccess: 'edit' }, { accepted: [], pending: [orgB] }), allowed: ['repA', 'memberA'] },
  "read A's joint draft (B co-signs)": { action: 'read-draft', resource: jointA(), allowed: ['repA', 'memberA', 'repB'] },
  "edit A's joint draft (co-signers read and comment)": { action: 'edit-draft', resource: jointA(), allowed: ['repA', 'memberA'] },
  "edit A's joint draft (co-signers edit)": { action: 'edit-draft', resource: jointA({ coSignerAccess: 'edit' }), allowed: ['repA', 'memberA', 'repB'] },
  "read A's joint submitted paper (never visible to others)": { action: 'read-submitted', resource: jointA({ positionVisibility: 'never' }), allowed: [...staff, 'repA', 'memberA', 'repB'] },
  "comment on A's joint draft": { action: 'comment', resource: threadOn({ ...thread('draft', {}, 'memberA'), coSignerIds: [orgB] }), allowed: ['repA', 'memberA', 'repB'] },
  "resolve a thread on A's joint draft (co-signers read and comment)": { action: 'resolve', resource: threadOn({ ...thread('draft', {}, 'memberA'), coSignerIds: [orgB] }), allowed: ['repA', 'memberA'] },
  "resolve a thread on A's joint draft (co-signers edit)": { action: 'resolve', resource: threadOn({ ...thread('draft', { coSignerAccess: 'edit' }, 'memberA'), coSignerIds: [orgB] }), allowed: ['repA', 'memberA', 'repB'] },
  "read threads on A's draft": { action: 'read', resource: threadOn(thread('draft', {}, 'memberA')), allowed: ['repA', 'memberA'] },
  "comment on A's draft": { action: 'comment', resource: threadOn(thread('draft', {}, 'memberA')), allowed: ['repA', 'memberA'] },
  "comment on A's draft once the round is closed": { action: 'comment', resource: threadOn(thread('draft', { phase: 'closed' }, 'memberA')), allowed: [] },
  "resolve a thread on A's draft": { action: 'resolve', resource: threadOn(thread('draft', {}, 'memberA')), allowed: ['repA', 'memberA'] },
  "read threads on A's submitted version before the deadline": { action: 'read', resource: threadOn(thread('version')), allowed: [...staff, 'repA', 'memberA'] },
  "comment on A's submitted version after the deadline": { action: 'comment', resource: threadOn(thread('version', afterDeadline)), allowed: [...staff, 'repA', 'memberA', 'repB'] },
  "resolve repB's thread on A's version": { action: 'resolve', resource: threadOn(thread('version', afterDeadline)), allowed: [...staff, 'repA', 'memberA', 'repB'] },
  "resolve a facilitator's thread on A's version (never visible to others)": { action: 'resolve', resource: threadOn(thread('version', { positionVisibility: 'never' }, 'facilitator')), allowed: [...staff, 'repA', 'memberA'] },
  'read a round discussion': { action: 'read', resource: threadOn(thread('round')), allowed: [...staff, 'repA', 'memberA', 'repB'] },
  'read a discussion of a round inviting only A': { action: 'read', resource: threadOn(thread('round', { invitedOrganizationIds: [orgA] })), allowed: [...staff, 'repA', 'memberA'] },
  'comment in a round discussion': { action: 'comment', resource: threadOn(thread('round')), allowed: [...staff, 'repA', 'memberA', 'repB'] },
  'comment in the discussion of a round still in draft': { action: 'comment', resource: threadOn(thread('round', { phase: 'draft' })), allowed: [...staff] },
  "resolve repB's round thread": { action: 'resolve', resource: threadOn(thread('round')), allowed: [...staff, 'repB'] },
  "edit memberA's comment on A's draft": { action: 'edit', resource: commentBy('memberA', thread('draft')), allowed: ['memberA'] },
  "edit memberA's comment once the round is closed": { action: 'edit', resource: commentBy('memberA', thread('draft', { phase: 'closed' })), allowed: [] },
  "delete memberA's comment once the round is closed": { action: 'delete', resource: commentBy('memberA', thread('draft', { phase: 'closed' })), allowed: ['memberA'] },
  "delete repB's round comment": { action: 'delete', resource: commentBy('repB', thread('round')), allowed: ['repB'] },
  "report memberA's comment on A's draft": { action: 'report', resource: commentBy('memberA', thread('draft')), allowed: ['repA'] },
  "report repB's round comment": { action: 'report', resource: commentBy('repB', thread('round')), allowed: [...staff, 'repA', 'memberA'] },
  "hide memberA's comment on A's draft": { action: 'hide', resource: commentBy('memberA', thread('draft')), allowed: ['admin', 'facilitator'] },
  'schedule a session': { action: 'schedule', resource: sessionOf('scheduled'), allowed: ['admin', 'facilitator'] },
  'attend a session of a round inviting A and B': { action: 'attend', resource: sessionOf('open'), allowed: [...staff, 'repA', 'memberA', 'repB'] },
  'attend a session of a round inviting only A': { action: 'attend', resource: sessionOf('open', { invitedOrganizationIds: [orgA] }), allowed: [...staff, 'repA', 'memberA'] },
  'attend a session open to representatives only': { action: 'attend', resource: { type: 'session', round: round(), status: 'open', attendees: 'representatives' }, allowed: [...staff, 'repA', 'repB'] },
  'request the floor in a session open to representatives only': { action: 'request-floor', resource: { type: 'session', round: round(), status: 'open', attendees: 'representatives' }, allowed: ['repA', 'repB'] },
  "attach a statement to A's intervention": { action: 'attach-statement', resource: { type: 'intervention', organizationId: orgA, round: round(), status: 'open' }, allowed: ['repA', 'memberA'] },
  "attach a statement to A's intervention once the session is closed": { action: 'attach-statement', resource: { type: 'intervention', organizationId: orgA, round: round(), status: 'closed' }, allowed: [] },
  'attach a statement to a staff intervention': { action: 'attach-statement', resource: { type: 'intervention', organizationId: null, round: round(), status: 'open' }, allowed: [] },
  'run an open session': { action: 'run', resource: sessionOf('open'), allowed: ['admin', 'facilitator'] },
  'run a closed session': { action: 'run', resource: sessionOf('closed'), allowed: [] },
  'request the floor in an open session': { action: 'request-floor', resource: sessionOf('open'), allowed: ['repA', 'memberA', 'repB'] },
  'request the floor before the session opens': { action: 'request-floor', resource: sessionOf('scheduled'), allowed: [] },
  'answer a roll call': { action: 'answer-roll-call', resource: sessionOf('open', { invitedOrganizationIds: [orgA] }), allowed: ['repA', 'memberA'] },
  'edit the notes of a session': { action: 'edit-notes', resource: sessionOf('open'), allowed: [...staff] },
  'edit the notes of a closed session': { action: 'edit-notes', resource: sessionOf('closed'), allowed: [] },
  'read the notes of a closed session': { action: 'read-notes', resource: sessionOf('closed'), allowed: [...staff] },
  'see who is present in a session, person by person': { action: 'read-attendance', resource: sessionOf('open'), allowed: [...staff] },
  'review the moderation queue': { action: 'review', resource: { type: 'moderation' }, allowed: ['admin', 'facilitator'] },
  "read organization A's participation across rounds": { action: 'read-participation', resource: { type: 'organization', id: orgA }, allowed: [...staff, 'repA', 'memberA'] },
  "read a round's participation record": { action: 'read', resource: { type: 'participation', round: round() }, allowed: [...staff] },
  "keep a round's participation record": { action: 'record', resource: { type: 'participation', round: round() }, allowed: ['secretariat'] },
  'read the draft of a summary': { action: 'read-draft', resource: { type: 'summary', round: round({ phase: 'synthesis' }), published: false }, allowed: [...staff] },
  'edit a summary': { action: 'edit', resource: { type: 'summary', round: round({ phase: 'synthesis' }), published: false }, allowed: ['secretariat'] },
  'edit a published summary': { action: 'edit', resource: { type: 'summary', round: round({ phase: 'published' }), published: true }, allowed: [] },
  'edit the summary of a closed round': { action: 'edit', resource: { type: 'summary', round: round({ phase: 'closed' }), published: false }, allowed: [] },
  'publish a summary': { action: 'publish', resource: { type: 'summary', round: round({ phase: 'synthesis' }), published: false }, allowed: ['secretariat'] },
  'publish a summary twice': { action: 'publish', resource: { type: 'summary', round: round({ phase: 'published' }), published: true }, allowed: [] },
  'read a published summary of a round inviting only A': { action: 'read-published', resource: { type: 'summary', round: round({ phase: 'published', invitedOrganizationIds: [orgA] }), published: true }, allowed: [...staff, 'repA', 'memberA'] },
  'read a summary not yet published': { action: 'read-published', resource: { type: 'summary', round: round({ phase: 'synthesis' }), published: false }, allowed: [] },
  // Review of attributions (issue 15).
  'put a summary in review': { action: 'start', resource: { type: 'summary-review', round: round({ phase: 'synthesis' }), organizationId: null, published: false }, allowed: ['secretariat'] },
  'put a published summary in review': { action: 'start', resource: { type: 'summary-review', round: round({ phase: 'published' }), organizationId: null, published: true }, allowed: [] },
  "read the passages citing A under review": { action: 'read', resource: { type: 'summary-review', round: round({ phase: 'synthesis' }), organizationId: orgA, published: false }, allowed: [...staff, 'repA', 'memberA'] },
  "read the passages citing A in a round not inviting A": { action: 'read', resource: { type: 'summary-review', round: round({ phase: 'synthesis', invitedOrganizationIds: [orgB] }), organizationId: orgA, published: false }, allowed: [...staff] },
  "answer on the passages citing A": { action: 'answer', resource: { type: 'summary-review', round: round({ phase: 'synthesis' }), organizationId: orgA, published: false }, allowed: ['repA'] },
  "answer on the passages citing A once published": { action: 'answer', resource: { type: 'summary-review', round: round({ phase: 'published' }), organizationId: orgA, published: true }, allowed: [] },
  "respond to A's answers": { action: 'respond', resource: { type: 'summary-review', round: round({ phase: 'synthesis' }), organizationId: orgA, published: false }, allowed: ['secretariat'] },
  "respond to A's answers once published": { action: 'respond', resource: { type: 'summary-review', round: round({ phase: 'published' }), organizationId: orgA, published: true }, allowed: [] },
  // A public record (issue 15).
  'make a round public': { action: 'make-public', resource: { type: 'round', round: round({ phase: 'published' }) }, allowed: [...staff] },
  "read a public round's record": { action: 'read', resource: { type: 'public-record', isPublic: true }, allowed: ['visitor', ...staff, 'repA', 'memberA', 'repB'] },
  "read the public record of a round not public": { action: 'read', resource: { type: 'public-record', isPublic: false }, allowed: [] },
};

describe('can(user, action, resource)', () => {
  for (const [name, { action, resource, allowed }] of Object.entries(cases)) {
    for (const [who, actor] of Object.entries(actors)) {
      const expected = allowed.includes(who);
      it(`${who} ${expected ? 'may' : 'may not'} ${name}`, () => {
        expect(can(actor, action as never, resource as never)).toBe(expected);
      });
    }
  }

  it('has a case above for every action of the policy', () => {
    const covered = new Set(Object.values(cases).map((c) => `${c.resource.type}:${c.action}`));
    const all = Object.entries(policyActions).flatMap(([type, actions]) => actions.map((a) => `${type}:${a}`));
    expect(all.filter((a) => !covered.has(a))).toEqual([]);
  });

  it('refuses an action the policy does not know, even to an admin', () => {
    expect(can(actors.admin, 'delete' as never, { type: 'organizations' })).toBe(false);
    expect(can(actors.admin, 'toString' as never, { type: 'organizations' })).toBe(false);
  });
});

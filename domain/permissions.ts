/**
 * The one place that says who may do what. Loaders, actions, socket handlers and (later) the
 * collaboration server all ask `can(user, action, resource)`; nothing else decides.
 */
import type { Role } from './vocabulary.ts';

/** What `can` needs to know of a person; `null` is a visitor who has not signed in. */
export interface Actor {
  id: string;
  role: Role;
  organizationId: string | null;
  isRepresentative: boolean;
}

export type Resource =
  | { type: 'organizations' }
  | { type: 'organization'; id: string }
  | { type: 'member'; userId: string; organizationId: string | null }
  | { type: 'invitation'; organizationId: string | null; role: Role }
  | { type: 'user'; id: string }
  | { type: 'users' }
  | { type: 'audit-log' }
  | { type: 'mail-outbox' }
  | { type: 'rounds' }
  | { type: 'round'; round: RoundFacts }
  | { type: 'paper'; organizationId: string; round: RoundFacts; membersDecideSuggestions?: boolean; coSigners?: CoSignerFacts }
  | { type: 'thread'; thread: ThreadFacts }
  | { type: 'comment'; authorId: string | null; thread: ThreadFacts }
  | { type: 'moderation' }
  | { type: 'intervention'; organizationId: string | null; round: RoundFacts; status: 'scheduled' | 'open' | 'closed' }
  | { type: 'session'; round: RoundFacts; status: 'scheduled' | 'open' | 'closed'; attendees?: 'members' | 'representatives' }
  | { type: 'participation'; round: RoundFacts }
  | { type: 'summary'; round: RoundFacts; published: boolean }
  /** The review of a summary's attributions; `organizationId` names the cited organization asked about. */
  | { type: 'summary-review'; round: RoundFacts; organizationId: string | null; published: boolean }
  /** A round's public record (/public): anyone, signed in or not, once the round is public. */
  | { type: 'public-record'; isPublic: boolean };

/**
 * What the rules need to know of a comment thread: where it lives (a draft's passage, a
 * submitted version, a round's discussion), whose paper it is on, and who opened it.
 */
export interface ThreadFacts {
  scope: 'draft' | 'version' | 'round';
  /** The organization whose paper the thread is on; null for round discussions. */
  organizationId: string | null;
  round: RoundFacts;
  createdById: string | null;
  /** The organizations that accepted to co-sign the paper the thread is on (joint papers). */
  coSignerIds?: readonly string[];
}

/**
 * A joint paper's co-signing organizations (domain/papers/joint.ts): those that accepted the
 * paper organization's invitation, and those asked who have not answered yet. A paper without
 * co-signers leaves this out.
 */
export interface CoSignerFacts {
  accepted: readonly string[];
  pending: readonly string[];
}

/** What the rules need to know of a consultation round. */
export interface RoundFacts {
  id: string;
  phase: 'draft' | 'open' | 'sessions' | 'synthesis' | 'published' | 'closed';
  submissionDeadline: Date | string | null;
  positionVisibility: 'on-submission' | 'after-deadline' | 'never';
  invitedOrganizationIds: readonly string[];
  /** Whether co-signers' members edit a joint paper's draft or only read and comment on it. */
  coSignerAccess?: 'read-and-comment' | 'edit';
  /** The moment the question is asked about (tests); now by default. */
  at?: Date;
}

export interface Actions {
  organizations: 'list' | 'create';
  organization: 'view' | 'edit' | 'manage-members' | 'read-participation';
  member: 'set-representative' | 'remove' | 'read-email';
  invitation: 'create' | 'revoke' | 'view';
  user: 'change-role';
  users: 'list';
  'audit-log': 'read';
  'mail-outbox': 'read';
  rounds: 'list' | 'create';
  round: 'view' | 'edit' | 'make-public' | 'remind';
  paper: 'start' | 'edit-draft' | 'read-draft' | 'submit' | 'read-submitted' | 'read-progress' | 'decide-suggestions' | 'invite-co-signer' | 'accept-co-signing' | 'sign';
  thread: 'read' | 'comment' | 'resolve';
  comment: 'edit' | 'delete' | 'report' | 'hide';
  moderation: 'review';
  intervention: 'attach-statement';
  session: 'schedule' | 'attend' | 'run' | 'request-floor' | 'answer-roll-call' | 'edit-notes' | 'read-notes' | 'read-attendance';
  participation: 'read' | 'record';
  summary: 'read-draft' | 'edit' | 'publish' | 'read-published';
  'summary-review': 'start' | 'read' | 'answer' | 'respond';
  'public-record': 'read';
}

type ResourceOf<T extends Resource['type']> = Extract<Resource, { type: T }>;
type Rule<T extends Resource['type']> = (actor: Actor, resource: ResourceOf<T>) => boolean;
/** The only rules a visitor who has not signed in is asked about: everything else refuses them. */
const openToVisitors: ReadonlySet<Resource['type']> = new Set(['public-record']);

const isStaff = (a: Actor) => a.role === 'admin' || a.role === 'facilitator';
const isAdmin = (a: Actor) => a.role === 'admin';
const isSecretariat = (a: Actor) => a.role === 'secretariat';
const representsOrganization = (a: Actor, organizationId: string | null) =>
  a.role === 'observer' && a.isRepresentative && organizationId !== null && a.organizationId === organizationId;
const anyone = () => true;
const isIomStaff = (a: Actor) => a.role === 'admin' || a.role === 'facilitator' || a.role === 'secretariat';
const invited = (a: Actor, round: RoundFacts) =>
  a.role === 'observer' && a.organizationId !== null && round.invitedOrganizationIds.includes(a.organizationId);
const beforeDeadline = (round: RoundFacts) =>
  !round.submissionDeadline || (round.at ?? new Date()) < new Date(round.submissionDeadline);
/** Positions are written while the round is open for them, until the deadline. */
const openForPositions = (round: RoundFacts) => round.phase === 'open' && beforeDeadline(round);
const memberOf = (a: Actor, organizationId: string) => a.role === 'observer' && a.organizationId === organizationId;
/** A member of an organization that accepted to co-sign the paper. */
const coSigns = (a: Actor, coSignerIds: readonly string[] | undefined) =>
  a.role === 'observer' && a.organizationId !== null && (coSignerIds ?? []).includes(a.organizationId);
/** Who writes a paper's draft: its organization's members, and co-signers' when the round lets them. */
const writesDraft = (a: Actor, p: ResourceOf<'paper'>) =>
  memberOf(a, p.organizationId) || (p.round.coSignerAccess === 'edit' && coSigns(a, p.coSigners?.accepted));
/** Who reads a paper's draft: its organization's members and its co-signers' members. */
const readsDraft = (a: Actor, p: ResourceOf<'paper'>) => memberOf(a, p.organizationId) || coSigns(a, p.coSigners?.accepted);
/**
 * Co-signers answer and sign while the round takes positions or discusses them, until the
 * deadline: a signature is part of the position as it stood at the deadline.
 */
const signingOpen = (round: RoundFacts) => round.phase !== 'draft' && round.phase !== 'closed' && beforeDeadline(round);
/** The representative of an organization, speaking for it. */
const isRepresentative = (a: Actor) => a.role === 'observer' && a.isRepresentative && a.organizationId !== null;

const policy: { [T in Resource['type']]: Record<Actions[T], Rule<T>> } = {
  organizations: {
    list: anyone,
    create: isStaff,
  },
  organization: {
    view: anyone,
    edit: isStaff,
    'manage-members': (a, org) => isStaff(a) || representsOrganization(a, org.id),
    // Its record across rounds: IOM staff, and the organization's own members.
    'read-participation': (a, org) => isIomStaff(a) || memberOf(a, org.id),
  },
  member: {
    'set-representative': (a, m) =>
      m.organizationId !== null && (isStaff(a) || representsOrganization(a, m.organizationId)),
    // A representative may remove colleagues, not themself (so an organization is never left
    // without anyone able to manage it by accident); staff may remove anyone.
    remove: (a, m) =>
      m.organizationId !== null &&
      (isStaff(a) || (representsOrganization(a, m.organizationId) && m.userId !== a.id)),
    // A member's email: those who manage the organization, and its own members.
    'read-email': (a, m) => m.organizationId !== null && (isStaff(a) || memberOf(a, m.organizationId)),
  },
  invitation: {
    // Admins invite anyone; facilitators invite observers of an organization; a representative
    // invites observers into their own organization.
    create: (a, inv) =>
      isAdmin(a) ||
      (inv.role === 'observer' &&
        inv.organizationId !== null &&
        (a.role === 'facilitator' || representsOrganization(a, inv.organizationId))),
    revoke: (a, inv) => can(a, 'create', inv),
    // Pending invitations: admins and facilitators see them all, a representative those of their
    // organization. The list of /invitations is this rule in SQL (permissions-sql.ts).
    view: (a, inv) => isStaff(a) || representsOrganization(a, inv.organizationId),
  },
  user: {
    // Nobody changes their own role: the last admin cannot demote themself by mistake.
    'change-role': (a, u) => isAdmin(a) && a.id !== u.id,
  },
  users: { list: isAdmin },
  'audit-log': { read: isAdmin },
  'mail-outbox': { read: isAdmin },
  rounds: { list: anyone, create: isStaff },
  round: {
    // Observers see a round once it leaves its draft phase, if their organization is invited.
    view: (a, r) => isIomStaff(a) || (invited(a, r.round) && r.round.phase !== 'draft'),
    edit: isStaff,
    // Its public record (/public) is published by IOM staff; the domain requires a published summary.
    'make-public': isIomStaff,
    // Facilitators (and admins) see who has not started, submitted or joined, and remind them.
    remind: isStaff,
  },
  paper: {
    start: (a, p) => memberOf(a, p.organizationId) && invited(a, p.round) && openForPositions(p.round),
    'edit-draft': (a, p) => writesDraft(a, p) && invited(a, p.round) && openForPositions(p.round),
    // Drafts belong to the organization (and a joint paper's co-signers): nobody else reads them,
    // not even IOM staff. The representative of an organization asked to co-sign reads what they
    // are asked to sign before answering.
    'read-draft': (a, p) => readsDraft(a, p) || (isRepresentative(a) && (p.coSigners?.pending ?? []).includes(a.organizationId!)),
    submit: (a, p) => representsOrganization(a, p.organizationId) && invited(a, p.round) && openForPositions(p.round),
    'read-submitted': (a, p) => {
      if (isIomStaff(a) || readsDraft(a, p)) return true;
      if (!invited(a, p.round) || p.round.phase === 'draft') return false;
      if (p.round.positionVisibility === 'on-submission') return true;
      if (p.round.positionVisibility === 'after-deadline') return !beforeDeadline(p.round);
      return false;
    },
    // Whether an organization has started its paper, and how far it is: its members and IOM staff.
    'read-progress': (a, p) => isIomStaff(a) || readsDraft(a, p),
    // Accepting or rejecting suggested changes: the representative, and any member when the
    // organization allows it; only while the draft may be edited (ADR 027).
    'decide-suggestions': (a, p) =>
      can(a, 'edit-draft', p) && (representsOrganization(a, p.organizationId) || p.membersDecideSuggestions === true),
    // A joint paper: the paper's representative asks organizations invited to the round to co-sign.
    'invite-co-signer': (a, p) => representsOrganization(a, p.organizationId) && invited(a, p.round) && openForPositions(p.round),
    // The asked organization's representative accepts, for their organization.
    'accept-co-signing': (a, p) =>
      isRepresentative(a) && (p.coSigners?.pending ?? []).includes(a.organizationId!) && invited(a, p.round) && signingOpen(p.round),
    // A co-signer's representative signs a submitted version, or withdraws the signature, until the deadline.
    sign: (a, p) => isRepresentative(a) && coSigns(a, p.coSigners?.accepted) && invited(a, p.round) && signingOpen(p.round),
  },
  thread: {
    read: (a, { thread: t }) => readsThread(a, t),
    // A closed round keeps its threads to read, not to write in.
    comment: (a, { thread: t }) => readsThread(a, t) && t.round.phase !== 'closed',
    // Whoever opened a thread may resolve it; so may the authors of the paper it is on, and
    // IOM staff on submitted versions and round discussions.
    resolve: (a, { thread: t }) =>
      can(a, 'comment', { type: 'thread', thread: t }) &&
      (t.createdById === a.id ||
        (t.organizationId !== null && memberOf(a, t.organizationId)) ||
        (t.round.coSignerAccess === 'edit' && coSigns(a, t.coSignerIds)) ||
        (t.scope !== 'draft' && isIomStaff(a))),
  },
  comment: {
    edit: (a, c) => c.authorId === a.id && can(a, 'comment', { type: 'thread', thread: c.thread }),
    delete: (a, c) => c.authorId === a.id && readsThread(a, c.thread),
    report: (a, c) => c.authorId !== a.id && readsThread(a, c.thread),
    // Moderators act on reported comments wherever they are, drafts included: the queue shows
    // them the comment, never the draft itself.
    hide: isStaff,
  },
  moderation: { review: isStaff },
  // An organization attaches its written statement to its own intervention, during or after it.
  intervention: { 'attach-statement': (a, i) => i.status !== 'closed' && i.organizationId !== null && memberOf(a, i.organizationId) && invited(a, i.round) },
  session: {
    schedule: isStaff,
    // Representatives and members of invited organizations, and IOM staff.
    attend: (a, s) => isIomStaff(a) || (invitedParticipant(a, s) && s.round.phase !== 'draft'),
    // Facilitators run the session: open, close, the agenda, the list of speakers, roll calls.
    run: (a, s) => isStaff(a) && s.status !== 'closed',
    'request-floor': (a, s) => s.status === 'open' && invitedParticipant(a, s) && s.round.phase !== 'draft',
    'answer-roll-call': (a, s) => s.status === 'open' && invitedParticipant(a, s) && s.round.phase !== 'draft',
    'edit-notes': (a, s) => isIomStaff(a) && s.status !== 'closed',
    'read-notes': isIomStaff,
    // Who is in the room, person by person (arrivals and departures): IOM staff, who run the
    // session and keep its record. Participants see which organizations are present, not who.
    'read-attendance': isIomStaff,
  },
  // The record of a round is IOM's: staff read it; the secretariat keeps it (meetings held
  // elsewhere, imports, annotations and corrections).
  participation: {
    read: isIomStaff,
    record: isSecretariat,
  },
  summary: {
    'read-draft': isIomStaff,
    // The secretariat writes the summary until it is published; a published version is fixed.
    edit: (a, s) => isSecretariat(a) && !s.published && s.round.phase !== 'closed',
    publish: (a, s) => isSecretariat(a) && !s.published && s.round.phase !== 'closed',
    'read-published': (a, s) => s.published && can(a, 'view', { type: 'round', round: s.round }),
  },
  // Before publication, each cited organization checks how the summary quotes it: its
  // representative answers, its members read along; the secretariat starts the review and
  // responds. A published summary is fixed: the exchange is kept, nobody adds to it.
  'summary-review': {
    start: (a, r) => isSecretariat(a) && !r.published && r.round.phase !== 'closed',
    read: (a, r) => isIomStaff(a) || (r.organizationId !== null && memberOf(a, r.organizationId) && invited(a, r.round)),
    answer: (a, r) => !r.published && representsOrganization(a, r.organizationId) && invited(a, r.round),
    respond: (a, r) => isSecretariat(a) && !r.published,
  },
  'public-record': {
    read: (_a, r) => r.isPublic,
  },
};

/** An observer of an invited organization, and its representative when the session admits only those. */
function invitedParticipant(a: Actor, s: { round: RoundFacts; attendees?: 'members' | 'representatives' }): boolean {
  return invited(a, s.round) && (s.attendees !== 'representatives' || a.isRepresentative);
}

function readsThread(a: Actor, t: ThreadFacts): boolean {
  const coSigners = { accepted: t.coSignerIds ?? [], pending: [] };
  if (t.scope === 'draft') return t.organizationId !== null && can(a, 'read-draft', { type: 'paper', organizationId: t.organizationId, round: t.round, coSigners });
  if (t.scope === 'version') return t.organizationId !== null && can(a, 'read-submitted', { type: 'paper', organizationId: t.organizationId, round: t.round, coSigners });
  return can(a, 'view', { type: 'round', round: t.round });
}

/**
 * May `actor` do `action` on `resource`? Unknown actions may do nothing; visitors (null) may do
 * nothing but read what is public.
 */
export function can<T extends Resource['type']>(
  actor: Actor | null | undefined,
  action: Actions[T],
  resource: ResourceOf<T>,
): boolean {
  if (!actor && !openToVisitors.has(resource.type)) return false;
  const rules = policy[resource.type] as Record<string, Rule<T>>;
  const rule = Object.hasOwn(rules, action) ? rules[action] : undefined;
  return rule ? rule(actor as Actor, resource) : false;
}

/** Every action the policy knows, per resource type: the permission tests walk this. */
export const policyActions = Object.fromEntries(
  Object.entries(policy).map(([type, rules]) => [type, Object.keys(rules)]),
) as { [T in Resource['type']]: Actions[T][] };

/** A short description of a resource for the audit log. */
export function describeResource(resource: Resource): string {
  switch (resource.type) {
    case 'organization':
      return `organization:${resource.id}`;
    case 'member':
      return `user:${resource.userId}`;
    case 'user':
      return `user:${resource.id}`;
    case 'invitation':
      return `invitation:${resource.organizationId ?? 'staff'}:${resource.role}`;
    case 'round':
      return `round:${resource.round.id}`;
    case 'paper':
      return `paper:${resource.round.id}:${resource.organizationId}`;
    case 'participation':
      return `participation:${resource.round.id}`;
    case 'summary':
      return `summary:${resource.round.id}`;
    case 'summary-review':
      return `summary-review:${resource.round.id}:${resource.organizationId ?? 'all'}`;
    case 'session':
    case 'intervention':
      return `session:${resource.round.id}`;
    case 'thread':
    case 'comment':
      return `thread:${resource.thread.round.id}:${resource.thread.scope}:${resource.thread.organizationId ?? 'round'}`;
    default:
      return resource.type;
  }
}

/**
 * THE ONE LIST of who may do what, over the wire: every loader and action (each intent), every
 * socket event and every kind of collaboration document, with the answer each kind of person
 * gets (see fixture.ts for the world it is checked in). Three tests run it against the real
 * server (access-http, access-sockets, access-documents in tests/integration), the bad-input
 * tests derive their requests from it, and docs/security.md is generated from it
 * (`npm run docs:security`). A route, event or document kind without an entry fails the suite.
 */
import { invitations, passwordResets } from '../../db/schema.ts';
import { generateToken, hashToken } from '../../domain/auth/tokens.ts';
import { startThread } from '../../domain/comments/threads.ts';
import { reportComment } from '../../domain/comments/moderation.ts';
import { recordMeeting } from '../../domain/participation/meetings.ts';
import { createRound } from '../../domain/rounds.ts';
import { callRoll, giveFloor, openSession, requestFloor, scheduleSession, sessionSchema } from '../../domain/sessions/sessions.ts';
import { publishSummary, summaryDocumentName } from '../../domain/summary/summaries.ts';
import { answerReview, reviewItems, startReview } from '../../domain/summary/review.ts';
import { currentPaperContent, startPaper, submitPaper } from '../../domain/papers.ts';
import { appendUpdate } from '../../domain/collaboration/document-store.ts';
import { paperExtensions } from '../../domain/papers/editor-schema.ts';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { paperDocumentName } from '../../domain/papers.ts';
import { makeUser } from '../factories.ts';
import { samplePosition } from '../support/word-documents.ts';
import { anchor, makeJointPaper, people, writeInto, type Fixture, type Who } from './fixture.ts';

export type HttpAnswer = 200 | 302 | 400 | 403 | 404 | 410 | 'login';
export type SocketAnswer = 'ok' | 'forbidden' | 'not-found' | 'invalid' | 'no socket';
export type DocumentAnswer = 'write' | 'read' | 'refused' | 'no socket';
export type Expect<A> = Record<Who, A>;
export type Prepared = Record<string, string>;
export type FormFields = Array<[string, string]>;

/** Fields whose kind the bad-input tests know how to get wrong. */
export interface FieldKinds {
  ids?: string[];
  dates?: string[];
  numbers?: string[];
}

export interface PageCase {
  kind: 'page';
  /** The route module (Remix route id). */
  route: string;
  name: string;
  path(fx: Fixture): string;
  expect: Expect<HttpAnswer>;
}

export interface ActionCase {
  kind: 'action';
  route: string;
  name: string;
  path(fx: Fixture, prepared: Prepared): string;
  /** Creates what the request acts on, anew for each person (an action changes things). */
  prepare?(fx: Fixture, who: Who): Promise<Prepared>;
  form(fx: Fixture, prepared: Prepared): FormFields;
  /** Sent as multipart/form-data, with these files. */
  files?: Array<{ name: string; fileName: string; type: string; content: string | Uint8Array<ArrayBuffer> }>;
  /** Acts as a new person of the column's kind (the action ends or changes their sessions). */
  fresh?: boolean;
  fields?: FieldKinds;
  expect: Expect<HttpAnswer>;
}

export interface EventCase {
  kind: 'event';
  event: string;
  name: string;
  prepare?(fx: Fixture): Promise<Prepared>;
  /** Joins the live session first (events of the room are refused to those not in it). */
  joinSession?: boolean;
  payload(fx: Fixture, prepared: Prepared): Record<string, unknown>;
  fields?: FieldKinds;
  /** Leaving or unwatching: an unknown place is simply not left (answered ok). */
  leaves?: boolean;
  expect: Expect<SocketAnswer>;
}

export interface DocumentCase {
  kind: 'document';
  document: 'paper' | 'session-notes' | 'summary';
  name: string;
  documentName(fx: Fixture): string;
  expect: Expect<DocumentAnswer>;
}

export const checkedBy = {
  page: 'tests/integration/access-http.test.ts',
  action: 'tests/integration/access-http.test.ts',
  event: 'tests/integration/access-sockets.test.ts',
  document: 'tests/integration/access-documents.test.ts',
} as const;

// ---- Shorthands ------------------------------------------------------------------------------

type Signed = Exclude<Who, 'visitor'>;
const signed = people.filter((p): p is Signed => p !== 'visitor');
const staff: Signed[] = ['admin', 'facilitator', 'secretariat'];
const ofA: Signed[] = ['representative', 'member'];
const invited: Signed[] = [...staff, ...ofA, 'otherMember'];

/** Everyone signed in gets `yes`; a visitor is sent to sign in. */
function signedIn<A>(yes: A, visitor: A | 'login' = 'login' as A): Expect<A> {
  return Object.fromEntries(people.map((p) => [p, p === 'visitor' ? visitor : yes])) as Expect<A>;
}
/** `allowed` get `yes`, the other signed-in people `no`, a visitor `visitor`. */
function only<A>(allowed: Signed[], yes: A, no: A, visitor: A): Expect<A> {
  return Object.fromEntries(people.map((p) => [p, p === 'visitor' ? visitor : allowed.includes(p as Signed) ? yes : no])) as Expect<A>;
}
const page = (allowed: Signed[]) => only<HttpAnswer>(allowed, 200, 403, 'login');
const act = (allowed: Signed[], yes: HttpAnswer = 302) => only<HttpAnswer>(allowed, yes, 403, 'login');
const everyone = <A>(answer: A): Expect<A> => Object.fromEntries(people.map((p) => [p, answer])) as Expect<A>;
const with_ = <A>(base: Expect<A>, overrides: Partial<Expect<A>>): Expect<A> => ({ ...base, ...overrides });
/** Socket events: `allowed` ok, other signed-in people `no`, a visitor has no socket. */
const ev = (allowed: Signed[], no: SocketAnswer = 'forbidden', overrides: Partial<Expect<SocketAnswer>> = {}) =>
  with_(only<SocketAnswer>(allowed, 'ok', no, 'no socket'), overrides);
/** Room events: someone not admitted to the room is not in it, so the event is refused as not theirs. */
const inRoom = (allowed: Signed[]) => ev(allowed, 'forbidden', { outsider: 'invalid' });

/** A real .docx (headings, a table, a footnote), for the import of a Word document. */
const sampleDocx = new Uint8Array(await samplePosition());

let unique = 0;
const next = () => `${Date.now().toString(36)}${++unique}`;

/**
 * A round in synthesis whose summary cites A's submitted position, taken as far as `stage`: not
 * yet in review, in review, with A's proposed correction, or published.
 */
async function roundCitingA(fx: Fixture, stage: 'draft' | 'in-review' | 'answered' | 'published'): Promise<Prepared> {
  const round = await createRound(fx.db, { title: `Cites A ${next()}`, framing: '', areas: [], phase: 'synthesis', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'on-submission', invitedOrganizationIds: [fx.organizations.a, fx.organizations.b] }, fx.person.facilitator.id);
  const paper = await startPaper(fx.db, { roundId: round.id, organizationId: fx.organizations.a, userId: fx.person.representative.id, language: 'en' });
  await writeInto(fx.db, paperDocumentName(paper.id), 'A says this.');
  const content = await currentPaperContent(fx.db, paper.id);
  const version = await submitPaper(fx.db, { paperId: paper.id, userId: fx.person.representative.id, content: content.json, html: content.html, text: content.text, wordCount: content.wordCount, wordLimit: null });
  const summary = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A said that. ' }, { type: 'citation', attrs: { organizationId: fx.organizations.a, organizationName: 'Organization A', versionId: version.id, versionNumber: 1, paragraph: 1 } }] }] };
  await appendUpdate(fx.db, summaryDocumentName(round.id), Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(getSchema(paperExtensions), summary, 'default')));
  if (stage === 'draft') return { roundId: round.id };
  if (stage === 'published') {
    await publishSummary(fx.db, fx.person.secretariat, round.id);
    return { roundId: round.id };
  }
  await startReview(fx.db, fx.person.secretariat, round.id, summary, new Date(Date.now() + 86400_000));
  const [item] = await reviewItems(fx.db, round.id);
  if (stage === 'answered') await answerReview(fx.db, fx.person.representative, { answer: 'correction', passageId: item!.id, proposedText: 'A said this.', reason: 'Our words.' });
  return { roundId: round.id, passageId: item!.id };
}

// ---- The list --------------------------------------------------------------------------------

export const pages: PageCase[] = [
  { kind: 'page', route: 'root', name: 'every page (the layout), here the sign-in page', path: () => '/login', expect: with_(signedIn<HttpAnswer>(302), { visitor: 200 }) },
  { kind: 'page', route: 'routes/_index', name: 'dashboard', path: () => '/', expect: signedIn<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/$', name: 'an address that does not exist', path: () => '/no-such-page', expect: everyone<HttpAnswer>(404) },
  { kind: 'page', route: 'routes/login', name: 'sign in', path: () => '/login', expect: with_(signedIn<HttpAnswer>(302), { visitor: 200 }) },
  { kind: 'page', route: 'routes/logout', name: 'sign out (GET goes home)', path: () => '/logout', expect: everyone<HttpAnswer>(302) },
  { kind: 'page', route: 'routes/settings.language', name: 'language (GET goes home)', path: () => '/settings/language', expect: everyone<HttpAnswer>(302) },
  { kind: 'page', route: 'routes/join.$token', name: 'an invitation link that does not exist', path: () => '/join/unknown-token', expect: everyone<HttpAnswer>(404) },
  { kind: 'page', route: 'routes/reset-password.$token', name: 'a reset link that does not exist', path: () => '/reset-password/unknown-token', expect: everyone<HttpAnswer>(410) },
  { kind: 'page', route: 'routes/account', name: 'own account', path: () => '/account', expect: signedIn<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/notifications', name: 'own inbox', path: () => '/notifications', expect: signedIn<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/search', name: 'search', path: () => '/search?q=return', expect: signedIn<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/admin.users', name: 'people and roles', path: () => '/admin/users', expect: page(['admin']) },
  { kind: 'page', route: 'routes/admin.audit', name: 'audit log', path: () => '/admin/audit', expect: page(['admin']) },
  { kind: 'page', route: 'routes/admin.outbox', name: 'mail outbox', path: () => '/admin/outbox', expect: page(['admin']) },
  { kind: 'page', route: 'routes/invitations._index', name: 'pending invitations', path: () => '/invitations', expect: page(['admin', 'facilitator', 'representative']) },
  { kind: 'page', route: 'routes/invitations.new', name: 'invite someone', path: () => '/invitations/new', expect: page(['admin', 'facilitator', 'representative']) },
  { kind: 'page', route: 'routes/moderation', name: 'moderation queue', path: () => '/moderation', expect: page(['admin', 'facilitator']) },
  { kind: 'page', route: 'routes/organizations._index', name: 'directory', path: () => '/organizations', expect: signedIn<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/organizations.new', name: 'new organization', path: () => '/organizations/new', expect: page(['admin', 'facilitator']) },
  { kind: 'page', route: 'routes/organizations.$id._index', name: "organization A's page", path: (fx) => `/organizations/${fx.organizations.a}`, expect: signedIn<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/organizations.$id.edit', name: 'edit organization A', path: (fx) => `/organizations/${fx.organizations.a}/edit`, expect: page(['admin', 'facilitator']) },
  { kind: 'page', route: 'routes/rounds._index', name: 'rounds', path: () => '/rounds', expect: signedIn<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/rounds.new', name: 'new round', path: () => '/rounds/new', expect: page(['admin', 'facilitator']) },
  { kind: 'page', route: 'routes/rounds.$roundId._index', name: 'round R', path: (fx) => `/rounds/${fx.round}`, expect: page(invited) },
  { kind: 'page', route: 'routes/rounds.$roundId.edit', name: 'edit round R', path: (fx) => `/rounds/${fx.round}/edit`, expect: page(['admin', 'facilitator']) },
  { kind: 'page', route: 'routes/rounds.$roundId.discussion', name: "round R's discussion", path: (fx) => `/rounds/${fx.round}/discussion`, expect: page(invited) },
  { kind: 'page', route: 'routes/rounds.$roundId.papers.$paperId._index', name: "A's paper (draft and versions; B may read it after the deadline)", path: (fx) => `/rounds/${fx.round}/papers/${fx.paper}`, expect: page([...staff, ...ofA]) },
  { kind: 'page', route: 'routes/rounds.$roundId.papers.$paperId.import', name: 'importing a Word document (GET leads to the paper)', path: (fx) => `/rounds/${fx.round}/papers/${fx.paper}/import`, expect: signedIn<HttpAnswer>(302) },
  { kind: 'page', route: 'routes/rounds.$roundId.papers.$paperId._index', name: "B's joint paper, co-signed by A (C invited, not co-signing; positions visible after the deadline)", path: (fx) => `/rounds/${fx.joint.round}/papers/${fx.joint.paper}`, expect: page([...staff, ...ofA, 'otherMember']) },
  { kind: 'page', route: 'routes/rounds.$roundId.papers.$paperId.diff', name: "A's versions compared", path: (fx) => `/rounds/${fx.round}/papers/${fx.paper}/diff?from=1&to=2`, expect: page([...staff, ...ofA]) },
  { kind: 'page', route: 'routes/rounds.$roundId.papers.$paperId.versions.$number', name: "A's first version, where citations lead", path: (fx) => `/rounds/${fx.round}/papers/${fx.paper}/versions/1`, expect: page([...staff, ...ofA]) },
  { kind: 'page', route: 'routes/rounds.$roundId.participation', name: "round R's participation record", path: (fx) => `/rounds/${fx.round}/participation`, expect: page(staff) },
  { kind: 'page', route: 'routes/rounds.$roundId.participation[.]csv', name: 'the record as CSV', path: (fx) => `/rounds/${fx.round}/participation.csv`, expect: page(staff) },
  { kind: 'page', route: 'routes/rounds.$roundId.participation[.]xlsx', name: 'the record as XLSX', path: (fx) => `/rounds/${fx.round}/participation.xlsx`, expect: page(staff) },
  { kind: 'page', route: 'routes/rounds.$roundId.sessions.new', name: 'schedule a session', path: (fx) => `/rounds/${fx.round}/sessions/new`, expect: page(['admin', 'facilitator']) },
  { kind: 'page', route: 'routes/rounds.$roundId.sessions.$sessionId._index', name: 'live session S', path: (fx) => `/rounds/${fx.round}/sessions/${fx.session}`, expect: page(invited) },
  { kind: 'page', route: 'routes/rounds.$roundId.sessions.$sessionId.record', name: "session S's record (attendance person by person: IOM staff only)", path: (fx) => `/rounds/${fx.round}/sessions/${fx.session}/record`, expect: page(invited) },
  { kind: 'page', route: 'routes/rounds.$roundId.sessions.$sessionId.record[.]csv', name: "session S's interventions as CSV", path: (fx) => `/rounds/${fx.round}/sessions/${fx.session}/record.csv?part=interventions`, expect: page(invited) },
  { kind: 'page', route: 'routes/rounds.$roundId.sessions.$sessionId.record[.]csv', name: "session S's attendance person by person as CSV", path: (fx) => `/rounds/${fx.round}/sessions/${fx.session}/record.csv?part=attendance`, expect: page(staff) },
  // Calendars and reminders (issue 15): a feed answers to its token alone (domain/calendar/feed.test.ts checks whose rounds it holds).
  { kind: 'page', route: 'routes/calendar.$token', name: 'a calendar feed whose token does not exist (or was revoked)', path: () => '/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', expect: everyone<HttpAnswer>(404) },
  { kind: 'page', route: 'routes/rounds.$roundId.sessions.$sessionId.calendar[.]ics', name: 'session S as a calendar file', path: (fx) => `/rounds/${fx.round}/sessions/${fx.session}/calendar.ics`, expect: page(invited) },
  { kind: 'page', route: 'routes/rounds.$roundId.reminders', name: "who to remind in round R", path: (fx) => `/rounds/${fx.round}/reminders`, expect: page(['admin', 'facilitator']) },
  { kind: 'page', route: 'routes/rounds.$roundId.summary', name: 'a summary being written', path: (fx) => `/rounds/${fx.synthesisRound}/summary`, expect: page(staff) },
  { kind: 'page', route: 'routes/rounds.$roundId.review', name: 'how the summary being written cites each organization (its own for members of invited organizations)', path: (fx) => `/rounds/${fx.synthesisRound}/review`, expect: page(invited) },
  { kind: 'page', route: 'routes/public._index', name: 'the public record: rounds made public', path: () => '/public', expect: everyone<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/public.feed', name: 'the Atom feed of the public record', path: () => '/public/feed', expect: everyone<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/public.rounds.$roundId._index', name: 'a public round', path: (fx) => `/public/rounds/${fx.publicRound}`, expect: everyone<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/public.rounds.$roundId._index', name: 'the public page of round R, not public', path: (fx) => `/public/rounds/${fx.round}`, expect: everyone<HttpAnswer>(404) },
  { kind: 'page', route: 'routes/public.rounds.$roundId.positions.$paperId', name: "A's position in round R, not public", path: (fx) => `/public/rounds/${fx.round}/positions/${fx.paper}`, expect: everyone<HttpAnswer>(404) },
  { kind: 'page', route: 'routes/public.rounds.$roundId.participation[.]csv', name: "a public round's figures as CSV", path: (fx) => `/public/rounds/${fx.publicRound}/participation.csv`, expect: everyone<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/public.rounds.$roundId.participation[.]csv', name: "round R's figures as CSV, not public", path: (fx) => `/public/rounds/${fx.round}/participation.csv`, expect: everyone<HttpAnswer>(404) },
  { kind: 'page', route: 'routes/public.rounds.$roundId.participation[.]json', name: "a public round's figures as JSON", path: (fx) => `/public/rounds/${fx.publicRound}/participation.json`, expect: everyone<HttpAnswer>(200) },
  { kind: 'page', route: 'routes/public.rounds.$roundId.participation[.]json', name: "round R's figures as JSON, not public", path: (fx) => `/public/rounds/${fx.round}/participation.json`, expect: everyone<HttpAnswer>(404) },
  { kind: 'page', route: 'routes/rounds.$roundId.summary[.]docx', name: 'that summary as DOCX', path: (fx) => `/rounds/${fx.synthesisRound}/summary.docx`, expect: page(staff) },
  { kind: 'page', route: 'routes/rounds.$roundId.summary[.]pdf', name: 'that summary as PDF', path: (fx) => `/rounds/${fx.synthesisRound}/summary.pdf`, expect: page(staff) },
  { kind: 'page', route: 'routes/rounds.$roundId.summary[.]html', name: 'that summary as HTML', path: (fx) => `/rounds/${fx.synthesisRound}/summary.html`, expect: page(staff) },
];

/** A session open in round R, with a request for the floor by A's representative. */
async function liveSession(fx: Fixture, options: { request?: boolean; speaking?: boolean; rollCall?: boolean } = {}): Promise<Prepared> {
  const facilitator = fx.person.facilitator;
  const session = await scheduleSession(fx.db, facilitator, fx.round, sessionSchema.parse({ title: `Session ${next()}`, startsAt: new Date().toISOString(), agenda: 'Opening\nReturn' }));
  const opened = await openSession(fx.db, facilitator, session.id);
  const prepared: Prepared = { sessionId: session.id, itemId: opened.agenda[1]!.id };
  if (options.request === false) return prepared;
  const requested = await requestFloor(fx.db, fx.person.representative, session.id, 'intervention');
  prepared.requestId = requested.list[0]!.id;
  if (options.speaking) {
    const speaking = await giveFloor(fx.db, facilitator, session.id);
    prepared.interventionId = speaking.speaker!.interventionId;
  }
  if (options.rollCall) await callRoll(fx.db, facilitator, session.id);
  return prepared;
}

/** A comment of B's member in round R's discussion. */
async function commentOfB(fx: Fixture): Promise<Prepared> {
  const { thread } = await startThread(fx.db, fx.person.otherMember, { scope: 'round', roundId: fx.round, title: `Thread ${next()}`, body: 'A remark to act on.' });
  return { threadId: thread.id, commentId: thread.first.id };
}

export const actions: ActionCase[] = [
  { kind: 'action', route: 'routes/login', name: 'sign in (a wrong password; signed in already: sent home)', path: () => '/login', prepare: async () => ({ email: `nobody-${next()}@matrix.test` }), form: (_fx, p) => [['email', p.email!], ['password', 'not-the-password']], expect: with_(signedIn<HttpAnswer>(302), { visitor: 400 }) },
  { kind: 'action', route: 'routes/forgot-password', name: 'ask for a reset link', path: () => '/forgot-password', form: (fx) => [['email', fx.person.member.email]], expect: everyone<HttpAnswer>(200) },
  {
    kind: 'action', route: 'routes/reset-password.$token', name: 'choose a new password through a reset link',
    prepare: async (fx) => {
      const user = await makeUser(fx.db, { email: `reset-${next()}@matrix.test` });
      const token = generateToken();
      await fx.db.insert(passwordResets).values({ tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + 600_000) });
      return { token };
    },
    path: (_fx, p) => `/reset-password/${p.token}`, form: () => [['password', 'a-new-password-1'], ['confirmPassword', 'a-new-password-1']], expect: everyone<HttpAnswer>(302),
  },
  {
    kind: 'action', route: 'routes/join.$token', name: 'accept an invitation',
    prepare: async (fx) => {
      const token = generateToken();
      await fx.db.insert(invitations).values({ tokenHash: hashToken(token), email: `joiner-${next()}@matrix.test`, role: 'observer', organizationId: fx.organizations.a, invitedById: fx.person.facilitator.id, expiresAt: new Date(Date.now() + 600_000) });
      return { token };
    },
    path: (_fx, p) => `/join/${p.token}`, form: () => [['name', 'New Member'], ['password', 'a-strong-password'], ['confirmPassword', 'a-strong-password']], expect: everyone<HttpAnswer>(302),
  },
  { kind: 'action', route: 'routes/settings.language', name: 'choose the language', path: () => '/settings/language', form: () => [['locale', 'fr'], ['redirectTo', '/rounds']], expect: everyone<HttpAnswer>(302) },
  { kind: 'action', route: 'routes/logout', name: 'sign out', fresh: true, path: () => '/logout', form: () => [], expect: everyone<HttpAnswer>(302) },
  { kind: 'action', route: 'routes/account', name: 'change own password (the current one given wrong)', path: () => '/account', form: () => [['intent', 'change-password'], ['currentPassword', 'not-the-password'], ['newPassword', 'another-password-2'], ['confirmPassword', 'another-password-2']], expect: signedIn<HttpAnswer>(400) },
  { kind: 'action', route: 'routes/account', name: 'sign out everywhere', fresh: true, path: () => '/account', form: () => [['intent', 'sign-out-everywhere']], expect: signedIn<HttpAnswer>(302) },
  { kind: 'action', route: 'routes/account', name: 'choose own time zone', path: () => '/account', form: () => [['intent', 'time-zone'], ['timeZone', 'Europe/Kyiv']], expect: signedIn<HttpAnswer>(302) },
  { kind: 'action', route: 'routes/account', name: 'choose a time zone that does not exist', path: () => '/account', form: () => [['intent', 'time-zone'], ['timeZone', 'Mars/Olympus']], expect: signedIn<HttpAnswer>(400) },
  { kind: 'action', route: 'routes/account', name: 'make own calendar address (shown once)', path: () => '/account', form: () => [['intent', 'calendar-create']], expect: signedIn<HttpAnswer>(200) },
  { kind: 'action', route: 'routes/account', name: 'revoke own calendar address', path: () => '/account', form: () => [['intent', 'calendar-revoke']], expect: signedIn<HttpAnswer>(302) },
  { kind: 'action', route: 'routes/account', name: 'turn own automatic reminders off', path: () => '/account', form: () => [['intent', 'reminders']], expect: signedIn<HttpAnswer>(302) },
  { kind: 'action', route: 'routes/notifications', name: 'mark the inbox read', path: () => '/notifications', form: () => [['intent', 'read-all']], expect: signedIn<HttpAnswer>(302) },
  {
    kind: 'action', route: 'routes/admin.users', name: "change someone's role",
    prepare: async (fx) => ({ userId: (await makeUser(fx.db, { role: 'secretariat', email: `role-${next()}@matrix.test` })).id }),
    path: () => '/admin/users', form: (_fx, p) => [['userId', p.userId!], ['role', 'facilitator']], fields: { ids: ['userId'] }, expect: act(['admin']),
  },
  {
    kind: 'action', route: 'routes/invitations.new', name: 'invite an observer to A', path: () => '/invitations/new',
    prepare: async () => ({ email: `invitee-${next()}@matrix.test` }),
    form: (fx, p) => [['email', p.email!], ['role', 'observer'], ['organizationId', fx.organizations.a]], fields: { ids: ['organizationId'] }, expect: act(['admin', 'facilitator', 'representative'], 200),
  },
  {
    kind: 'action', route: 'routes/invitations._index', name: 'withdraw an invitation to A',
    prepare: async (fx) => {
      const [row] = await fx.db.insert(invitations).values({ tokenHash: hashToken(generateToken()), email: `withdrawn-${next()}@matrix.test`, role: 'observer', organizationId: fx.organizations.a, invitedById: fx.person.facilitator.id, expiresAt: new Date(Date.now() + 600_000) }).returning();
      return { invitationId: row!.id };
    },
    path: () => '/invitations', form: (_fx, p) => [['invitationId', p.invitationId!]], fields: { ids: ['invitationId'] }, expect: act(['admin', 'facilitator', 'representative']),
  },
  {
    kind: 'action', route: 'routes/moderation', name: "hide a reported comment",
    prepare: async (fx) => {
      const prepared = await commentOfB(fx);
      await reportComment(fx.db, fx.person.member, { commentId: prepared.commentId!, reason: 'Off topic' });
      return prepared;
    },
    path: () => '/moderation', form: (_fx, p) => [['intent', 'hide'], ['commentId', p.commentId!], ['reason', 'Off topic']], fields: { ids: ['commentId'] }, expect: act(['admin', 'facilitator']),
  },
  {
    kind: 'action', route: 'routes/organizations.new', name: 'create an organization', path: () => '/organizations/new',
    prepare: async () => ({ name: `New NGO ${next()}` }),
    form: (_fx, p) => [['name', p.name!], ['level', 'national'], ['countries', 'FR'], ['areas', 'migrants-rights']], fields: { dates: ['observerSince'] }, expect: act(['admin', 'facilitator']),
  },
  {
    kind: 'action', route: 'routes/organizations.$id.edit', name: 'edit organization A', path: (fx) => `/organizations/${fx.organizations.a}/edit`,
    form: () => [['name', 'Organization A'], ['level', 'national'], ['countries', 'FR'], ['hasObserverStatus', 'on'], ['observerSince', '2010-05-01']], fields: { dates: ['observerSince'] }, expect: act(['admin', 'facilitator']),
  },
  {
    kind: 'action', route: 'routes/organizations.$id._index', name: 'remove a member of A',
    prepare: async (fx) => ({ userId: (await makeUser(fx.db, { organizationId: fx.organizations.a, email: `removed-${next()}@matrix.test` })).id }),
    path: (fx) => `/organizations/${fx.organizations.a}`, form: (_fx, p) => [['intent', 'remove'], ['userId', p.userId!]], fields: { ids: ['userId'] }, expect: act(['admin', 'facilitator', 'representative']),
  },
  {
    kind: 'action', route: 'routes/organizations.$id._index', name: 'make a member of A its representative',
    prepare: async (fx) => ({ userId: (await makeUser(fx.db, { organizationId: fx.organizations.a, email: `promoted-${next()}@matrix.test` })).id }),
    path: (fx) => `/organizations/${fx.organizations.a}`, form: (_fx, p) => [['intent', 'set-representative'], ['userId', p.userId!], ['isRepresentative', 'true']], fields: { ids: ['userId'] }, expect: act(['admin', 'facilitator', 'representative']),
  },
  {
    kind: 'action', route: 'routes/organizations.$id._index', name: 'let any member of A decide on suggested changes (ADR 027)',
    path: (fx) => `/organizations/${fx.organizations.a}`, form: () => [['intent', 'suggestion-rights'], ['membersDecideSuggestions', 'true']], expect: act(['admin', 'facilitator', 'representative']),
  },
  {
    kind: 'action', route: 'routes/rounds.new', name: 'create a round', path: () => '/rounds/new',
    form: (fx) => [['title', `A new round ${next()}`], ['phase', 'draft'], ['positionVisibility', 'after-deadline'], ['submissionDeadline', '2031-05-31T12:00'], ['wordLimit', '2000'], ['invitedOrganizationIds', fx.organizations.c]],
    fields: { ids: ['invitedOrganizationIds'], dates: ['submissionDeadline'], numbers: ['wordLimit'] }, expect: act(['admin', 'facilitator']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.edit', name: 'edit round R (unchanged)', path: (fx) => `/rounds/${fx.round}/edit`,
    form: (fx) => [['title', 'Round R'], ['framing', '<p>What should change?</p>'], ['phase', 'open'], ['positionVisibility', 'after-deadline'], ['submissionDeadline', new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 16)], ['invitedOrganizationIds', fx.organizations.a], ['invitedOrganizationIds', fx.organizations.b]],
    fields: { ids: ['invitedOrganizationIds'], dates: ['submissionDeadline'], numbers: ['wordLimit'] }, expect: act(['admin', 'facilitator']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId._index', name: "start one's organization's paper in round R", path: (fx) => `/rounds/${fx.round}`,
    form: () => [['intent', 'start-paper']], expect: act([...ofA, 'otherMember']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.papers.$paperId._index', name: "submit A's paper", path: (fx) => `/rounds/${fx.round}/papers/${fx.paper}`,
    // A new sentence each time: the same text as the latest version is not submitted again.
    prepare: async (fx) => {
      await writeInto(fx.db, paperDocumentName(fx.paper), `A revision ${next()}.`);
      return {};
    },
    form: () => [['intent', 'submit']], expect: act(['representative']),
  },
  {
    // Answers the converted content; the draft itself changes only when the editor inserts it.
    kind: 'action', route: 'routes/rounds.$roundId.papers.$paperId.import', name: "import a Word document into A's draft", path: (fx) => `/rounds/${fx.round}/papers/${fx.paper}/import`,
    form: () => [], files: [{ name: 'file', fileName: 'position.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: sampleDocx }], expect: act(ofA, 200),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.papers.$paperId._index', name: "ask B to co-sign A's paper", path: (fx) => `/rounds/${fx.round}/papers/${fx.paper}`,
    form: (fx) => [['intent', 'invite-co-signer'], ['organizationId', fx.organizations.b]], fields: { ids: ['organizationId'] }, expect: act(['representative']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.papers.$paperId._index', name: "accept, for A, to co-sign B's paper",
    prepare: async (fx) => makeJointPaper(fx.db, fx).then((j) => ({ round: j.round, paper: j.paper })),
    path: (_fx, p) => `/rounds/${p.round}/papers/${p.paper}`, form: () => [['intent', 'accept-co-signing']], expect: act(['representative']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.papers.$paperId._index', name: "sign, for A, the latest version of B's joint paper (bound to its SHA-256)",
    prepare: async (fx) => makeJointPaper(fx.db, fx, { accepted: true, submitted: true }),
    path: (_fx, p) => `/rounds/${p.round}/papers/${p.paper}`, form: (_fx, p) => [['intent', 'sign'], ['versionId', p.versionId!], ['digest', p.digest!]], fields: { ids: ['versionId'] }, expect: act(['representative']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.papers.$paperId._index', name: "withdraw A's signature of B's joint paper",
    prepare: async (fx) => makeJointPaper(fx.db, fx, { accepted: true, submitted: true, signed: true }),
    path: (_fx, p) => `/rounds/${p.round}/papers/${p.paper}`, form: (_fx, p) => [['intent', 'withdraw-signature'], ['versionId', p.versionId!]], fields: { ids: ['versionId'] }, expect: act(['representative']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.sessions.new', name: 'schedule a session in round R', path: (fx) => `/rounds/${fx.round}/sessions/new`,
    form: () => [['title', 'Another session'], ['startsAt', '2031-06-01T09:00'], ['agenda', 'Opening'], ['attendees', 'members'], ['speakingMinutes', '3']],
    fields: { dates: ['startsAt'], numbers: ['speakingMinutes'] }, expect: act(['admin', 'facilitator']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.reminders', name: "remind A's members in round R", path: (fx) => `/rounds/${fx.round}/reminders`,
    form: (fx) => [['intent', 'chosen'], ['organizationIds', fx.organizations.a], ['note', 'The deadline is near.']], fields: { ids: ['organizationIds'] }, expect: act(['admin', 'facilitator']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.sessions.$sessionId._index', name: 'move a session of round R that has not started',
    prepare: async (fx) => ({ sessionId: (await scheduleSession(fx.db, fx.person.facilitator, fx.round, sessionSchema.parse({ title: `Later ${next()}`, startsAt: '2031-06-01T09:00:00Z', agenda: 'Opening' }))).id }),
    path: (fx, p) => `/rounds/${fx.round}/sessions/${p.sessionId}`, form: () => [['intent', 'move'], ['startsAt', '2031-06-02T10:00']], fields: { dates: ['startsAt'] }, expect: act(['admin', 'facilitator']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.participation', name: 'record a meeting held elsewhere', path: (fx) => `/rounds/${fx.round}/participation`,
    form: () => [['intent', 'meeting'], ['title', 'Council session'], ['kind', 'council-session'], ['heldOn', '2026-06-01']], fields: { dates: ['heldOn'] }, expect: act(['secretariat']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.participation', name: 'add an attendee to such a meeting',
    prepare: async (fx) => ({ meetingId: (await recordMeeting(fx.db, fx.round, { title: `Workshop ${next()}`, kind: 'idm-workshop', heldOn: '2026-05-01' }, fx.person.secretariat.id)).id, personName: `Attendee ${next()}` }),
    path: (fx) => `/rounds/${fx.round}/participation`, form: (fx, p) => [['intent', 'attendee'], ['meetingId', p.meetingId!], ['organizationId', fx.organizations.a], ['personName', p.personName!]], fields: { ids: ['meetingId', 'organizationId'] }, expect: act(['secretariat']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.participation', name: 'import attendees from a CSV file',
    prepare: async (fx) => ({ meetingId: (await recordMeeting(fx.db, fx.round, { title: `Imported ${next()}`, kind: 'other', heldOn: '2026-05-02' }, fx.person.secretariat.id)).id }),
    path: (fx) => `/rounds/${fx.round}/participation`, form: (_fx, p) => [['intent', 'import'], ['meetingId', p.meetingId!]],
    files: [{ name: 'file', fileName: 'attendees.csv', type: 'text/csv', content: 'organization,name\nOrganization A,Imported Person\n' }], fields: { ids: ['meetingId'] }, expect: act(['secretariat'], 200),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.participation', name: 'correct a figure of the record', path: (fx) => `/rounds/${fx.round}/participation`,
    form: (fx) => [['intent', 'correct'], ['organizationId', fx.organizations.a], ['figure', 'meetingsElsewhere'], ['value', '2'], ['note', 'Counted by hand']], fields: { ids: ['organizationId'], numbers: ['value'] }, expect: act(['secretariat']),
  },
  { kind: 'action', route: 'routes/rounds.$roundId.summary', name: 'compile a first draft of the summary', path: (fx) => `/rounds/${fx.synthesisRound}/summary`, form: () => [['intent', 'first-draft']], expect: act(['secretariat'], 200) },
  { kind: 'action', route: 'routes/rounds.$roundId.summary', name: 'insert the participation table', path: (fx) => `/rounds/${fx.synthesisRound}/summary`, form: () => [['intent', 'participation-table']], expect: act(['secretariat'], 200) },
  {
    kind: 'action', route: 'routes/rounds.$roundId.summary', name: 'publish a summary',
    prepare: async (fx) => {
      const round = await createRound(fx.db, { title: `To publish ${next()}`, framing: '', areas: [], phase: 'synthesis', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'on-submission', invitedOrganizationIds: [fx.organizations.a, fx.organizations.b] }, fx.person.facilitator.id);
      await writeInto(fx.db, summaryDocumentName(round.id), 'What the NGOs said.');
      return { roundId: round.id };
    },
    path: (_fx, p) => `/rounds/${p.roundId}/summary`, form: () => [['intent', 'publish']], expect: act(['secretariat']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.summary', name: 'put a summary in review until a deadline',
    prepare: (fx) => roundCitingA(fx, 'draft'),
    path: (_fx, p) => `/rounds/${p.roundId}/summary`, form: () => [['intent', 'start-review'], ['reviewDeadline', '2099-01-01T12:00']], fields: { dates: ['reviewDeadline'] }, expect: act(['secretariat']),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.review', name: 'answer on a passage citing A (a correction with its reason)',
    prepare: (fx) => roundCitingA(fx, 'in-review'),
    path: (_fx, p) => `/rounds/${p.roundId}/review`, form: (_fx, p) => [['passageId', p.passageId!], ['answer', 'correction'], ['proposedText', 'A said this, precisely.'], ['reason', 'Our words.']], fields: { ids: ['passageId'] }, expect: act(['representative'], 200),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.summary', name: "keep the summary's wording against A's correction, with a reply",
    prepare: (fx) => roundCitingA(fx, 'answered'),
    path: (_fx, p) => `/rounds/${p.roundId}/summary`, form: (_fx, p) => [['intent', 'respond'], ['response', 'kept'], ['passageId', p.passageId!], ['reply', 'The paragraph says so.']], fields: { ids: ['passageId'] }, expect: act(['secretariat'], 200),
  },
  {
    kind: 'action', route: 'routes/rounds.$roundId.summary', name: 'make a round public once its summary is published',
    prepare: (fx) => roundCitingA(fx, 'published'),
    path: (_fx, p) => `/rounds/${p.roundId}/summary`, form: () => [['intent', 'make-public']], expect: act(staff),
  },
];

export const events: EventCase[] = [
  { kind: 'event', event: 'notifications:count', name: 'own unread count', payload: () => ({}), expect: ev(signed) },
  { kind: 'event', event: 'organization:watch', name: "watch A's page", payload: (fx) => ({ organizationId: fx.organizations.a }), fields: { ids: ['organizationId'] }, expect: ev(signed) },
  { kind: 'event', event: 'organization:unwatch', name: "stop watching A's page", leaves: true, payload: (fx) => ({ organizationId: fx.organizations.a }), fields: { ids: ['organizationId'] }, expect: ev(signed) },
  { kind: 'event', event: 'paper:watch', name: "watch A's paper for submissions", payload: (fx) => ({ paperId: fx.paper }), fields: { ids: ['paperId'] }, expect: ev([...staff, ...ofA]) },
  { kind: 'event', event: 'review:watch', name: 'watch the review of the summary being written', payload: (fx) => ({ roundId: fx.synthesisRound }), fields: { ids: ['roundId'] }, expect: ev(invited) },
  { kind: 'event', event: 'review:unwatch', name: 'stop watching the review', leaves: true, payload: (fx) => ({ roundId: fx.synthesisRound }), fields: { ids: ['roundId'] }, expect: ev(signed) },
  { kind: 'event', event: 'paper:unwatch', name: "stop watching A's paper", leaves: true, payload: (fx) => ({ paperId: fx.paper }), fields: { ids: ['paperId'] }, expect: ev(signed) },
  { kind: 'event', event: 'comments:watch', name: "watch round R's discussion", payload: (fx) => ({ scope: 'round', roundId: fx.round }), fields: { ids: ['roundId'] }, expect: ev(invited) },
  { kind: 'event', event: 'comments:watch', name: "watch the threads on A's draft", payload: (fx) => ({ scope: 'draft', paperId: fx.paper }), fields: { ids: ['paperId'] }, expect: ev(ofA) },
  { kind: 'event', event: 'comments:watch', name: "watch the threads on A's first version", payload: (fx) => ({ scope: 'version', versionId: fx.versions[0] }), fields: { ids: ['versionId'] }, expect: ev([...staff, ...ofA]) },
  { kind: 'event', event: 'comments:unwatch', name: 'stop watching', leaves: true, payload: (fx) => ({ scope: 'round', roundId: fx.round }), fields: { ids: ['roundId'] }, expect: ev(signed) },
  { kind: 'event', event: 'comments:threads', name: "more of round R's threads", payload: (fx) => ({ place: { scope: 'round', roundId: fx.round }, before: null }), expect: ev(invited) },
  { kind: 'event', event: 'comments:mentionable', name: 'who can be mentioned in round R', payload: (fx) => ({ scope: 'round', roundId: fx.round }), fields: { ids: ['roundId'] }, expect: ev(invited) },
  { kind: 'event', event: 'thread:start', name: "open a thread in round R's discussion", payload: (fx) => ({ scope: 'round', roundId: fx.round, title: 'A new question', body: 'What do you think?' }), fields: { ids: ['roundId'] }, expect: ev(invited) },
  { kind: 'event', event: 'thread:start', name: "open a thread on A's draft", payload: (fx) => ({ scope: 'draft', paperId: fx.paper, anchor: anchor(), body: 'On this passage.' }), fields: { ids: ['paperId'] }, expect: ev(ofA) },
  { kind: 'event', event: 'thread:replies', name: "a round thread's replies", payload: (fx) => ({ threadId: fx.roundThread.id }), fields: { ids: ['threadId'] }, expect: ev(invited) },
  { kind: 'event', event: 'thread:get', name: 'a round thread', payload: (fx) => ({ threadId: fx.roundThread.id }), fields: { ids: ['threadId'] }, expect: ev(invited) },
  { kind: 'event', event: 'thread:get', name: "a thread on A's draft", payload: (fx) => ({ threadId: fx.draftThread.id }), fields: { ids: ['threadId'] }, expect: ev(ofA) },
  { kind: 'event', event: 'thread:read', name: 'mark a round thread read', payload: (fx) => ({ threadId: fx.roundThread.id }), fields: { ids: ['threadId'] }, expect: ev(invited) },
  { kind: 'event', event: 'thread:resolve', name: "resolve B's round thread", prepare: commentOfB, payload: (_fx, p) => ({ threadId: p.threadId, resolved: true }), fields: { ids: ['threadId'] }, expect: ev([...staff, 'otherMember']) },
  { kind: 'event', event: 'comment:reply', name: 'reply in a round thread', prepare: commentOfB, payload: (_fx, p) => ({ threadId: p.threadId, replyToId: p.commentId, body: 'I agree.' }), fields: { ids: ['threadId', 'replyToId'] }, expect: ev(invited) },
  { kind: 'event', event: 'comment:reply', name: "reply on A's draft", payload: (fx) => ({ threadId: fx.draftThread.id, replyToId: fx.draftThread.commentId, body: 'Agreed.' }), fields: { ids: ['threadId', 'replyToId'] }, expect: ev(ofA) },
  { kind: 'event', event: 'comment:edit', name: "edit B's comment", prepare: commentOfB, payload: (_fx, p) => ({ commentId: p.commentId, body: 'Edited.' }), fields: { ids: ['commentId'] }, expect: ev(['otherMember']) },
  { kind: 'event', event: 'comment:delete', name: "delete B's comment", prepare: commentOfB, payload: (_fx, p) => ({ commentId: p.commentId }), fields: { ids: ['commentId'] }, expect: ev(['otherMember']) },
  { kind: 'event', event: 'comment:report', name: "report B's comment", prepare: commentOfB, payload: (_fx, p) => ({ commentId: p.commentId, reason: 'Off topic' }), fields: { ids: ['commentId'] }, expect: ev([...staff, ...ofA]) },
  { kind: 'event', event: 'session:join', name: 'enter session S', payload: (fx) => ({ sessionId: fx.session }), fields: { ids: ['sessionId'] }, expect: ev(invited) },
  { kind: 'event', event: 'session:leave', name: 'leave session S', leaves: true, payload: (fx) => ({ sessionId: fx.session }), fields: { ids: ['sessionId'] }, expect: ev(signed) },
  { kind: 'event', event: 'session:open', name: 'open a session', prepare: (fx) => liveSession(fx), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId }), fields: { ids: ['sessionId'] }, expect: inRoom(['admin', 'facilitator']) },
  { kind: 'event', event: 'session:close', name: 'close a session', prepare: (fx) => liveSession(fx), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId }), fields: { ids: ['sessionId'] }, expect: inRoom(['admin', 'facilitator']) },
  { kind: 'event', event: 'session:item', name: 'move to an agenda item', prepare: (fx) => liveSession(fx), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId, itemId: p.itemId }), fields: { ids: ['sessionId', 'itemId'] }, expect: inRoom(['admin', 'facilitator']) },
  { kind: 'event', event: 'session:item-papers', name: "link A's paper to an agenda item", prepare: (fx) => liveSession(fx), joinSession: true, payload: (fx, p) => ({ sessionId: p.sessionId, itemId: p.itemId, paperIds: [fx.paper] }), fields: { ids: ['sessionId', 'itemId'] }, expect: inRoom(['admin', 'facilitator']) },
  { kind: 'event', event: 'session:allow-multiple', name: 'allow several requests per organization', prepare: (fx) => liveSession(fx), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId, allowed: true }), fields: { ids: ['sessionId'] }, expect: inRoom(['admin', 'facilitator']) },
  { kind: 'event', event: 'floor:give', name: 'give the floor', prepare: (fx) => liveSession(fx), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId, requestId: p.requestId }), fields: { ids: ['sessionId', 'requestId'] }, expect: inRoom(['admin', 'facilitator']) },
  { kind: 'event', event: 'floor:take-back', name: 'take the floor back', prepare: (fx) => liveSession(fx, { speaking: true }), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId }), fields: { ids: ['sessionId'] }, expect: inRoom(['admin', 'facilitator']) },
  { kind: 'event', event: 'floor:extend', name: "extend the speaker's time", prepare: (fx) => liveSession(fx, { speaking: true }), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId, seconds: 60 }), fields: { ids: ['sessionId'], numbers: ['seconds'] }, expect: inRoom(['admin', 'facilitator']) },
  { kind: 'event', event: 'floor:reorder', name: 'reorder the list of speakers', prepare: (fx) => liveSession(fx), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId, requestId: p.requestId, index: 0 }), fields: { ids: ['sessionId', 'requestId'], numbers: ['index'] }, expect: inRoom(['admin', 'facilitator']) },
  { kind: 'event', event: 'floor:remove', name: 'remove a request for the floor', prepare: (fx) => liveSession(fx), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId, requestId: p.requestId }), fields: { ids: ['sessionId', 'requestId'] }, expect: inRoom(['admin', 'facilitator']) },
  { kind: 'event', event: 'rollcall:start', name: 'call the roll', prepare: (fx) => liveSession(fx), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId }), fields: { ids: ['sessionId'] }, expect: inRoom(['admin', 'facilitator']) },
  { kind: 'event', event: 'rollcall:answer', name: 'answer the roll call', prepare: (fx) => liveSession(fx, { rollCall: true }), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId }), fields: { ids: ['sessionId'] }, expect: inRoom([...ofA, 'otherMember']) },
  { kind: 'event', event: 'floor:request', name: 'ask for the floor', prepare: (fx) => liveSession(fx, { request: false }), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId, kind: 'point-of-order' }), fields: { ids: ['sessionId'] }, expect: inRoom([...ofA, 'otherMember']) },
  { kind: 'event', event: 'floor:withdraw', name: "withdraw one's request", prepare: (fx) => liveSession(fx), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId }), fields: { ids: ['sessionId'] }, expect: inRoom(invited) },
  { kind: 'event', event: 'statement:attach', name: "attach a written statement to A's intervention", prepare: (fx) => liveSession(fx, { speaking: true }), joinSession: true, payload: (_fx, p) => ({ sessionId: p.sessionId, interventionId: p.interventionId, statement: { text: 'Our statement.' } }), fields: { ids: ['sessionId', 'interventionId'] }, expect: inRoom(ofA) },
];

export const documents: DocumentCase[] = [
  { kind: 'document', document: 'paper', name: "A's draft in round R (open for positions)", documentName: (fx) => fx.documents.paper, expect: with_(only<DocumentAnswer>(ofA, 'write', 'refused', 'no socket'), {}) },
  // Joint papers: A co-signs B's paper; C is invited to the round and does not co-sign it.
  { kind: 'document', document: 'paper', name: "B's joint draft, co-signed by A (the round: co-signers read and comment)", documentName: (fx) => fx.documents.jointPaper, expect: with_(only<DocumentAnswer>(['otherMember'], 'write', 'refused', 'no socket'), { representative: 'read', member: 'read' }) },
  { kind: 'document', document: 'paper', name: "B's joint draft, co-signed by A (the round: co-signers edit)", documentName: (fx) => fx.documents.jointEditPaper, expect: only<DocumentAnswer>([...ofA, 'otherMember'], 'write', 'refused', 'no socket') },
  { kind: 'document', document: 'session-notes', name: "session S's notes (open)", documentName: (fx) => fx.documents.sessionNotes, expect: only<DocumentAnswer>(staff, 'write', 'refused', 'no socket') },
  { kind: 'document', document: 'summary', name: 'the summary of a round in synthesis', documentName: (fx) => fx.documents.summary, expect: with_(only<DocumentAnswer>(['secretariat'], 'write', 'refused', 'no socket'), { admin: 'read', facilitator: 'read' }) },
];

/** Every case, for the generated table. */
export const accessTable = { pages, actions, events, documents };

/**
 * The world the access table is checked in (docs/security.md): three organizations, a person of
 * each kind, a round open for positions that invites A and B (not C), A's paper with two
 * submitted versions, threads on its draft, on a version and in the round's discussion, a live
 * session open in the round, and a round in synthesis whose summary is being written. Built
 * through the domain on a real database; every person signs in through the real login form.
 */
import * as Y from 'yjs';
import type { Database } from '../../db/client.ts';
import { paperCoSigners, paperSignatures } from '../../db/schema.ts';
import { appendUpdate } from '../../domain/collaboration/document-store.ts';
import { startThread } from '../../domain/comments/threads.ts';
import { currentPaperContent, paperDocumentName, startPaper, submitPaper } from '../../domain/papers.ts';
import { createRound } from '../../domain/rounds.ts';
import { openSession, scheduleSession, sessionSchema } from '../../domain/sessions/sessions.ts';
import { publishSummary, summaryDocumentName } from '../../domain/summary/summaries.ts';
import { makeRoundPublic } from '../../domain/public-record/public-records.ts';
import { sessionNotesDocumentName } from '../../domain/collaboration/documents.ts';
import { makeOrganization, makeUser, testPassword } from '../factories.ts';

/** The columns of the table: a visitor, each role, and members of other organizations. */
export const people = ['visitor', 'admin', 'facilitator', 'secretariat', 'representative', 'member', 'otherMember', 'outsider'] as const;
export type Who = (typeof people)[number];

export const describePerson: Record<Who, string> = {
  visitor: 'not signed in',
  admin: 'administrator',
  facilitator: 'IOM facilitator',
  secretariat: 'Council secretariat',
  representative: "representative of A (the paper's organization)",
  member: 'member of A',
  otherMember: "member of B: another organization, invited to the round",
  outsider: "member of C: another organization, not invited",
};

export interface Person {
  id: string;
  email: string;
  role: 'admin' | 'facilitator' | 'secretariat' | 'observer';
  organizationId: string | null;
  isRepresentative: boolean;
  name: string;
}

export interface Fixture {
  db: Database;
  base: string;
  organizations: { a: string; b: string; c: string };
  person: Record<Exclude<Who, 'visitor'>, Person>;
  cookie: Record<Exclude<Who, 'visitor'>, string>;
  round: string;
  paper: string;
  versions: [string, string];
  draftThread: { id: string; commentId: string };
  versionThread: { id: string; commentId: string };
  roundThread: { id: string; commentId: string };
  session: string;
  agendaItem: string;
  synthesisRound: string;
  /**
   * Joint papers: B's paper, co-signed by A (A accepted; one version submitted), in rounds that
   * invite A, B and C: one where co-signers read and comment, one where they edit too.
   */
  joint: { round: string; paper: string; editRound: string; editPaper: string };
  /** A round in synthesis whose summary is published and which is made public (/public). */
  publicRound: string;
  documents: { paper: string; sessionNotes: string; summary: string; jointPaper: string; jointEditPaper: string };
  /** Signs a person in through the login form; answers the session cookie. */
  signIn(email: string, password?: string): Promise<string>;
  /** A new person of the column's kind (for actions that end their sessions or change them). */
  freshPerson(who: Exclude<Who, 'visitor'>): Promise<Person & { cookie: string }>;
}

/** A passage of a draft, as an editor anchors a thread to it. */
export const anchor = () => {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, 'passage');
  const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString('base64');
  return { start: b64(Y.createRelativePositionFromTypeIndex(text, 0)), end: b64(Y.createRelativePositionFromTypeIndex(text, 7, -1)), quote: 'passage' };
};

/** Appends a paragraph to a shared document, as an editor would. */
export async function writeInto(db: Database, documentName: string, text: string) {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
  await appendUpdate(db, documentName, Y.encodeStateAsUpdate(doc));
}

let counter = 0;

export async function buildFixture(db: Database, base: string): Promise<Fixture> {
  const a = await makeOrganization(db, { name: 'Organization A' });
  const b = await makeOrganization(db, { name: 'Organization B' });
  const c = await makeOrganization(db, { name: 'Organization C' });
  const kinds: Record<Exclude<Who, 'visitor'>, Omit<Person, 'id' | 'email' | 'name'>> = {
    admin: { role: 'admin', organizationId: null, isRepresentative: false },
    facilitator: { role: 'facilitator', organizationId: null, isRepresentative: false },
    secretariat: { role: 'secretariat', organizationId: null, isRepresentative: false },
    representative: { role: 'observer', organizationId: a.id, isRepresentative: true },
    member: { role: 'observer', organizationId: a.id, isRepresentative: false },
    otherMember: { role: 'observer', organizationId: b.id, isRepresentative: false },
    outsider: { role: 'observer', organizationId: c.id, isRepresentative: false },
  };
  const make = async (who: Exclude<Who, 'visitor'>, email: string): Promise<Person> => {
    const k = kinds[who];
    const user = await makeUser(db, { ...k, email, name: `${who} ${++counter}` });
    return { id: user.id, email: user.email, name: user.name, ...k };
  };
  const person = {} as Fixture['person'];
  for (const who of Object.keys(kinds) as Exclude<Who, 'visitor'>[]) person[who] = await make(who, `${who.toLowerCase()}@matrix.test`);

  const signIn = async (email: string, password = testPassword) => {
    const response = await fetch(`${base}/login`, {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }).toString(),
      redirect: 'manual',
    });
    if (response.status !== 302) throw new Error(`could not sign in ${email}: ${response.status}`);
    return response.headers.get('set-cookie')!.split(';')[0]!;
  };
  const cookie = {} as Fixture['cookie'];
  for (const who of Object.keys(person) as Exclude<Who, 'visitor'>[]) cookie[who] = await signIn(person[who].email);

  const staff = person.facilitator;
  const round = await createRound(db, { title: 'Round R', framing: '<p>What should change?</p>', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: new Date(Date.now() + 7 * 86400_000), wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [a.id, b.id] }, staff.id);
  const paper = await startPaper(db, { roundId: round.id, organizationId: a.id, userId: person.representative.id, language: 'en' });
  const versions: string[] = [];
  for (const text of ['Our first position on return.', 'Our second position on voluntary return.']) {
    await writeInto(db, paperDocumentName(paper.id), text);
    const content = await currentPaperContent(db, paper.id);
    versions.push((await submitPaper(db, { paperId: paper.id, userId: person.representative.id, content: content.json, html: content.html, text: content.text, wordCount: content.wordCount, wordLimit: null })).id);
  }
  const draft = await startThread(db, person.member, { scope: 'draft', paperId: paper.id, anchor: anchor(), body: 'A draft remark.' });
  const onVersion = await startThread(db, staff, { scope: 'version', versionId: versions[0]!, body: 'A question on the figures.' });
  const inRound = await startThread(db, person.otherMember, { scope: 'round', roundId: round.id, title: 'A question for all', body: 'What comes first?' });
  const session = await scheduleSession(db, staff, round.id, sessionSchema.parse({ title: 'Session S', startsAt: new Date(Date.now() + 3600_000).toISOString(), agenda: 'Opening\nReturn' }));
  const state = await openSession(db, staff, session.id);
  const synthesis = await createRound(db, { title: 'Round in synthesis', framing: '', areas: [], phase: 'synthesis', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'on-submission', invitedOrganizationIds: [a.id, b.id] }, staff.id);
  await writeInto(db, summaryDocumentName(synthesis.id), 'The summary so far.');
  const organizations = { a: a.id, b: b.id, c: c.id };
  const joint = await makeJointPaper(db, { organizations, person }, { accepted: true, submitted: true });
  const jointEdit = await makeJointPaper(db, { organizations, person }, { accepted: true, submitted: true, coSignerAccess: 'edit' });
  const publicRound = await createRound(db, { title: 'Public round', framing: '<p>Open to all.</p>', areas: [], phase: 'synthesis', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'on-submission', invitedOrganizationIds: [a.id, b.id] }, staff.id);
  await writeInto(db, summaryDocumentName(publicRound.id), 'What was said, for everyone.');
  await publishSummary(db, person.secretariat, publicRound.id);
  await makeRoundPublic(db, person.secretariat, publicRound.id);

  return {
    db,
    base,
    organizations,
    person,
    cookie,
    round: round.id,
    paper: paper.id,
    versions: versions as [string, string],
    draftThread: { id: draft.thread.id, commentId: draft.thread.first.id },
    versionThread: { id: onVersion.thread.id, commentId: onVersion.thread.first.id },
    roundThread: { id: inRound.thread.id, commentId: inRound.thread.first.id },
    session: session.id,
    agendaItem: state.agenda[1]!.id,
    synthesisRound: synthesis.id,
    publicRound: publicRound.id,
    joint: { round: joint.round, paper: joint.paper, editRound: jointEdit.round, editPaper: jointEdit.paper },
    documents: {
      paper: paperDocumentName(paper.id),
      sessionNotes: sessionNotesDocumentName(session.id),
      summary: summaryDocumentName(synthesis.id),
      jointPaper: paperDocumentName(joint.paper),
      jointEditPaper: paperDocumentName(jointEdit.paper),
    },
    signIn,
    async freshPerson(who) {
      const p = await make(who, `${who.toLowerCase()}-${++counter}@matrix.test`);
      return { ...p, cookie: await signIn(p.email) };
    },
  };
}

/**
 * A round open for positions inviting A, B and C, with B's paper asking A to co-sign it: A's
 * representative accepts it when `accepted`; a version is submitted when `submitted`, and signed
 * by A when `signed`. Answers the ids an action needs.
 */
export async function makeJointPaper(
  db: Database,
  fx: Pick<Fixture, 'organizations' | 'person'>,
  options: { accepted?: boolean; submitted?: boolean; signed?: boolean; coSignerAccess?: 'read-and-comment' | 'edit' } = {},
) {
  const { a, b, c } = fx.organizations;
  const round = await createRound(db, { title: `Joint round ${++counter}`, framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: new Date(Date.now() + 7 * 86400_000), wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [a, b, c], coSignerAccess: options.coSignerAccess ?? 'read-and-comment' }, fx.person.facilitator.id);
  const paper = await startPaper(db, { roundId: round.id, organizationId: b, userId: fx.person.otherMember.id, language: 'en' });
  await db.insert(paperCoSigners).values({ paperId: paper.id, organizationId: a, acceptedAt: options.accepted ? new Date() : null, acceptedById: options.accepted ? fx.person.representative.id : null });
  let version: { id: string; digest: string } | null = null;
  if (options.submitted) {
    await writeInto(db, paperDocumentName(paper.id), `A joint position ${counter}.`);
    const content = await currentPaperContent(db, paper.id);
    version = await submitPaper(db, { paperId: paper.id, userId: fx.person.otherMember.id, content: content.json, html: content.html, text: content.text, wordCount: content.wordCount, wordLimit: null });
    if (options.signed) await db.insert(paperSignatures).values({ versionId: version.id, organizationId: a, digest: version.digest, signedById: fx.person.representative.id });
  }
  return { round: round.id, paper: paper.id, versionId: version?.id ?? '', digest: version?.digest ?? '' };
}

/**
 * The database work the platform does, looked at from the database's side: an index for every
 * predicate run on a growing table, a number of queries that does not grow with the list
 * (moderation queue, speakers' order, summary citations, a record correction), a round and its
 * invitations saved together, and two first submissions at once giving one version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { consultationRounds, paperVersions, roundOrganizations } from '../../db/schema.ts';
import { reportComment, moderationQueue } from '../../domain/comments/moderation.ts';
import { startThread } from '../../domain/comments/threads.ts';
import { InvalidInput } from '../../domain/errors.ts';
import { startPaper, submitPaper } from '../../domain/papers.ts';
import { participationRecord } from '../../domain/participation/record.ts';
import type { Actor } from '../../domain/permissions.ts';
import { createRound, updateRound, type RoundInput } from '../../domain/rounds.ts';
import { join, openSession, reorderRequest, requestFloor, scheduleSession, sessionSchema, sessionState } from '../../domain/sessions/sessions.ts';
import { citationSources, type CitationRef } from '../../domain/summary/summaries.ts';
import { openTestDatabase } from '../setup/database.ts';
import { makeOrganization, makeUser } from '../factories.ts';
import { allowWrites, refuseWrites } from '../support/faults.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let counting = false;
let queries = 0;
const staff: Record<string, Actor & { name: string }> = {};
const observers: Array<Actor & { name: string }> = [];
const organizationIds: string[] = [];

/** How many queries `work` makes. */
async function queriesOf(work: () => Promise<unknown>): Promise<number> {
  queries = 0;
  counting = true;
  try {
    await work();
  } finally {
    counting = false;
  }
  return queries;
}

const roundInput = (overrides: Partial<RoundInput> = {}): RoundInput => ({
  title: 'Labour migration',
  framing: '',
  areas: [],
  phase: 'sessions',
  phaseDates: {},
  submissionDeadline: null,
  wordLimit: null,
  positionVisibility: 'on-submission',
  invitedOrganizationIds: organizationIds,
  ...overrides,
});

beforeAll(async () => {
  handle = await openTestDatabase({ onQuery: () => counting && (queries += 1) });
  for (let i = 0; i < 12; i++) {
    const org = await makeOrganization(handle.db);
    organizationIds.push(org.id);
    const user = await makeUser(handle.db, { organizationId: org.id, isRepresentative: true });
    observers.push({ id: user.id, role: 'observer', organizationId: org.id, isRepresentative: true, name: user.name });
  }
  for (const role of ['facilitator', 'secretariat'] as const) {
    const user = await makeUser(handle.db, { role });
    staff[role] = { id: user.id, role, organizationId: null, isRepresentative: false, name: user.name };
  }
});
afterAll(() => handle.dispose());

describe('indexes', () => {
  it('cover every predicate the code runs on a growing table', async () => {
    const indexes = rowsOf<{ tablename: string; indexdef: string }>(await handle.db.execute(sql`select tablename, indexdef from pg_indexes where schemaname = 'public'`));
    const has = (table: string, pattern: RegExp) => indexes.some((i) => i.tablename === table && pattern.test(i.indexdef));
    // Threads of a submitted version; notifications quoting a comment; comments hidden lately
    // and counted per organization; the outbox, latest first and not sent.
    expect(has('comment_threads', /\(version_id, created_at\)/)).toBe(true);
    expect(has('notifications', /payload ->> 'commentId'/)).toBe(true);
    expect(has('comments', /\(hidden_at\) WHERE \(hidden_at IS NOT NULL\)/)).toBe(true);
    expect(has('comments', /\(organization_id\)/)).toBe(true);
    expect(has('mail_outbox', /\(created_at\)$/)).toBe(true);
    expect(has('mail_outbox', /\(created_at\) WHERE \(sent_at IS NULL\)/)).toBe(true);
    expect(has('paper_versions', /USING gin \(search\)/)).toBe(true);
  });
});

describe('a number of queries that does not grow with the list', () => {
  it('the moderation queue', async () => {
    const round = await createRound(handle.db, roundInput({ title: 'Moderated' }), staff.facilitator!.id);
    const report = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const { thread } = await startThread(handle.db, observers[i]!, { scope: 'round', roundId: round.id, title: `Topic ${i}`, body: `Comment ${i}` });
        await reportComment(handle.db, observers[(i + 1) % observers.length]!, { commentId: thread.first.id, reason: 'Off topic' });
      }
    };
    await report(1);
    const one = await queriesOf(() => moderationQueue(handle.db, staff.facilitator!));
    await report(10);
    let queue: Awaited<ReturnType<typeof moderationQueue>> | undefined;
    const eleven = await queriesOf(async () => (queue = await moderationQueue(handle.db, staff.facilitator!)));
    expect(queue!.reported.length).toBeGreaterThanOrEqual(11);
    expect(eleven).toBe(one);
  });

  it("saving the speakers' order", async () => {
    const round = await createRound(handle.db, roundInput({ title: 'Speakers' }), staff.facilitator!.id);
    const session = await scheduleSession(handle.db, staff.facilitator!, round.id, sessionSchema.parse({ title: 'Session', startsAt: '2026-12-01T09:00:00Z', agenda: 'One' }));
    await openSession(handle.db, staff.facilitator!, session.id);
    const queue = async (from: number, to: number) => {
      for (const observer of observers.slice(from, to)) {
        await join(handle.db, observer, session.id);
        await requestFloor(handle.db, observer, session.id, 'intervention');
      }
    };
    const lastToFirst = async () => {
      const { list } = await sessionState(handle.db, session.id);
      return queriesOf(() => reorderRequest(handle.db, staff.facilitator!, session.id, list[list.length - 1]!.id, 0));
    };
    await queue(0, 2);
    const short = await lastToFirst();
    await queue(2, 12);
    const long = await lastToFirst();
    expect(long).toBe(short);
  });

  it("the sources of a summary's citations", async () => {
    const cite = async (rounds: number) => {
      const citations: CitationRef[] = [];
      for (let i = 0; i < rounds; i++) {
        const round = await createRound(handle.db, roundInput({ title: `Cited ${rounds}.${i}`, phase: 'synthesis' }), staff.facilitator!.id);
        const paper = await startPaper(handle.db, { roundId: round.id, organizationId: observers[i]!.organizationId!, userId: observers[i]!.id, language: 'en' });
        const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Paragraph of ${i}` }] }] };
        const version = await submitPaper(handle.db, { paperId: paper.id, userId: observers[i]!.id, content, html: '<p>x</p>', text: 'x', wordCount: 3, wordLimit: null });
        for (let c = 0; c < 5; c++) citations.push({ organizationId: observers[i]!.organizationId!, organizationName: null, versionId: version.id, versionNumber: 1, paragraph: 1 });
      }
      return queriesOf(() => citationSources(handle.db, staff.secretariat!, citations));
    };
    expect(await cite(6)).toBe(await cite(1));
  });

  it('a correction reads the record of the one organization it corrects', async () => {
    const round = await createRound(handle.db, roundInput({ title: 'Recorded' }), staff.facilitator!.id);
    const rows = await participationRecord(handle.db, { roundId: round.id, organizationId: organizationIds[3]! });
    expect(rows.map((r) => r.organization.id)).toEqual([organizationIds[3]]);
    expect((await participationRecord(handle.db, { roundId: round.id })).length).toBe(organizationIds.length);
  });
});

describe('a round and its invitations', () => {
  it('are saved together: when the invitations cannot be written, the round is left as it was', async () => {
    const round = await createRound(handle.db, roundInput({ title: 'Before the change' }), staff.facilitator!.id);
    await refuseWrites(handle.db, 'round_organizations');
    try {
      await expect(updateRound(handle.db, round.id, roundInput({ title: 'After the change', invitedOrganizationIds: organizationIds.slice(0, 3) }))).rejects.toThrow();
    } finally {
      await allowWrites(handle.db, 'round_organizations');
    }
    const [stored] = await handle.db.select().from(consultationRounds).where(eq(consultationRounds.id, round.id));
    expect(stored!.title).toBe('Before the change');
    expect(await handle.db.select().from(roundOrganizations).where(eq(roundOrganizations.roundId, round.id))).toHaveLength(organizationIds.length);
  });

  it('keep the date an organization was first invited when the round is edited', async () => {
    const round = await createRound(handle.db, roundInput({ title: 'Invited early', invitedOrganizationIds: organizationIds.slice(0, 2) }), staff.facilitator!.id);
    const before = await handle.db.select().from(roundOrganizations).where(eq(roundOrganizations.roundId, round.id));
    await new Promise((r) => setTimeout(r, 20));
    await updateRound(handle.db, round.id, roundInput({ title: 'Invited early', invitedOrganizationIds: organizationIds.slice(1, 3) }));
    const after = await handle.db.select().from(roundOrganizations).where(eq(roundOrganizations.roundId, round.id));
    expect(after.map((r) => r.organizationId).sort()).toEqual(organizationIds.slice(1, 3).sort());
    const kept = (rows: typeof before) => rows.find((r) => r.organizationId === organizationIds[1])!.invitedAt.getTime();
    expect(kept(after)).toBe(kept(before));
  });
});

describe('two first submissions at once', () => {
  it('give one version, and a clear answer to the other (never a database error)', async () => {
    const round = await createRound(handle.db, roundInput({ title: 'Submitted twice', phase: 'open' }), staff.facilitator!.id);
    const author = observers[0]!;
    const paper = await startPaper(handle.db, { roundId: round.id, organizationId: author.organizationId!, userId: author.id, language: 'en' });
    const submit = () => submitPaper(handle.db, { paperId: paper.id, userId: author.id, content: { text: 'Our position.' }, html: '<p>Our position.</p>', text: 'Our position.', wordCount: 2, wordLimit: null });
    const outcomes = await Promise.allSettled([submit(), submit()]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(InvalidInput);
    expect(refused.reason.fields).toEqual({ form: 'errors.paper.alreadySubmitted' });
    expect(await handle.db.select().from(paperVersions).where(eq(paperVersions.paperId, paper.id))).toHaveLength(1);
  });
});

/**
 * Comment threads on a real database: who may read and write where, replies, edits,
 * tombstones, resolution, mentions, unread markers, pagination, moderation, the notifications
 * each step files and the daily digest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { auditLog, comments, mailOutbox, notifications } from '../../db/schema.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { createMailer } from '../mail.ts';
import { sendDailyDigests } from '../digest.ts';
import { Forbidden, InvalidInput } from '../errors.ts';
import { listNotifications, notify, setPreferences, defaultPreferences, unreadCount } from '../notifications.ts';
import { startPaper, submitPaper } from '../papers.ts';
import { createRound, getRound, updateRound, type RoundInput } from '../rounds.ts';
import { announceRoundChange } from '../round-announcements.ts';
import { deleteComment, editComment, listReplies, listThreads, markThreadRead, mentionablePeople, reply, setResolved, startThread, threadView } from './threads.ts';
import { dismissReports, hideComment, moderationQueue, reportComment, restoreComment } from './moderation.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
type Person = { id: string; name: string; role: 'observer' | 'facilitator' | 'secretariat' | 'admin'; organizationId: string | null; isRepresentative: boolean };
const people: Record<string, Person> = {};
let paperId: string;
let versionId: string;
let roundId: string;
let baseRound: RoundInput;
const anchor = () => {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, 'passage');
  const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString('base64');
  return { start: b64(Y.createRelativePositionFromTypeIndex(text, 0)), end: b64(Y.createRelativePositionFromTypeIndex(text, 7, -1)), quote: 'passage' };
};
/** The notifications filed about a comment, as [person, kind, link]. */
const filedAbout = async (commentId: string) =>
  (await handle.db.select().from(notifications).where(sql`${notifications.payload}->>'commentId' = ${commentId}`)).map((n) => ({ userId: n.userId, kind: n.kind, link: n.link }));
const notificationsOf = async (userId: string) => (await handle.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind).sort();

beforeAll(async () => {
  handle = await openTestDatabase();
  const strada = await makeOrganization(handle.db, { name: 'La Strada Ukraine' });
  const caritas = await makeOrganization(handle.db, { name: 'Caritas Österreich' });
  const other = await makeOrganization(handle.db, { name: 'Not invited' });
  const make = async (key: string, values: Parameters<typeof makeUser>[1]) => {
    const u = await makeUser(handle.db, { name: key, ...values });
    people[key] = { id: u.id, name: u.name, role: u.role, organizationId: u.organizationId, isRepresentative: u.isRepresentative };
  };
  await make('Olena Kovalenko', { organizationId: strada.id, isRepresentative: true });
  await make('Taras Melnyk', { organizationId: strada.id });
  await make('Katharina Gruber', { organizationId: caritas.id, isRepresentative: true });
  await make('Outsider', { organizationId: other.id });
  await make('Daniel Facilitator', { role: 'facilitator' });
  await make('Sofia Secretariat', { role: 'secretariat' });
  baseRound = { title: 'Partnerships with NGOs', framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'on-submission', invitedOrganizationIds: [strada.id, caritas.id] };
  const round = await createRound(handle.db, baseRound, people['Daniel Facilitator']!.id);
  roundId = round.id;
  const paper = await startPaper(handle.db, { roundId, organizationId: strada.id, userId: people['Olena Kovalenko']!.id, language: 'en' });
  paperId = paper.id;
  const version = await submitPaper(handle.db, { paperId, userId: people['Olena Kovalenko']!.id, content: { text: 'x' }, html: '<p>Position.</p>', text: 'Position.', wordCount: 1, wordLimit: null });
  versionId = version.id;
});
afterAll(() => handle.dispose());

const p = (name: string) => people[name]!;

describe('threads on a draft', () => {
  it('are opened by members on a passage, read by members only, and tell the other members', async () => {
    const { thread, notified } = await startThread(handle.db, p('Olena Kovalenko'), { scope: 'draft', paperId, anchor: anchor(), body: 'Should we name the hotline here?' });
    expect(thread.quote).toBe('passage');
    expect(thread.anchor?.start).toBeTruthy();
    expect(notified).toEqual([p('Taras Melnyk').id]);
    expect((await filedAbout(thread.first.id)).map((n) => [n.userId, n.kind])).toEqual([[p('Taras Melnyk').id, 'paper-comment']]);
    const seen = await listThreads(handle.db, p('Taras Melnyk'), { scope: 'draft', paperId });
    expect(seen.threads.map((t) => t.first.body)).toEqual(['Should we name the hotline here?']);
    for (const outsider of ['Katharina Gruber', 'Daniel Facilitator', 'Sofia Secretariat']) {
      await expect(listThreads(handle.db, p(outsider), { scope: 'draft', paperId })).rejects.toBeInstanceOf(Forbidden);
      await expect(startThread(handle.db, p(outsider), { scope: 'draft', paperId, anchor: anchor(), body: 'x' })).rejects.toBeInstanceOf(Forbidden);
    }
  });

  it('refuse an anchor that is not a Yjs position, and empty or over-long text', async () => {
    await expect(startThread(handle.db, p('Olena Kovalenko'), { scope: 'draft', paperId, anchor: { start: 'bm90IGEgcG9zaXRpb24=', end: 'AAAA', quote: 'q' }, body: 'x' })).rejects.toMatchObject({ fields: { anchor: 'errors.comment.anchorInvalid' } });
    await expect(startThread(handle.db, p('Olena Kovalenko'), { scope: 'draft', paperId, anchor: anchor(), body: '  ' })).rejects.toMatchObject({ fields: { body: 'errors.comment.empty' } });
    await expect(startThread(handle.db, p('Olena Kovalenko'), { scope: 'draft', paperId, anchor: anchor(), body: 'x'.repeat(4001) })).rejects.toMatchObject({ fields: { body: 'errors.comment.tooLong' } });
  });
});

describe('a thread', () => {
  it('takes replies, edits (marked), deletions (tombstones) and resolution, with who and when', async () => {
    const { thread } = await startThread(handle.db, p('Katharina Gruber'), { scope: 'version', versionId, body: 'Which hotline?' });
    const answer = await reply(handle.db, p('Olena Kovalenko'), { threadId: thread.id, replyToId: thread.first.id, body: 'The national one: https://lastrada.org.ua' });
    const edited = await editComment(handle.db, p('Olena Kovalenko'), { commentId: answer.comment!.id, body: 'The national one, 527.' });
    expect(edited.comment!.editedAt).not.toBeNull();
    expect(edited.comment!.body).toBe('The national one, 527.');
    await expect(editComment(handle.db, p('Taras Melnyk'), { commentId: answer.comment!.id, body: 'Not mine' })).rejects.toBeInstanceOf(Forbidden);
    await expect(deleteComment(handle.db, p('Katharina Gruber'), { commentId: answer.comment!.id })).rejects.toBeInstanceOf(Forbidden);

    const gone = await deleteComment(handle.db, p('Olena Kovalenko'), { commentId: answer.comment!.id });
    expect(gone.comment).toMatchObject({ body: null, deletedAt: expect.any(String) });
    await expect(reply(handle.db, p('Katharina Gruber'), { threadId: thread.id, replyToId: answer.comment!.id, body: 'Thanks' })).rejects.toMatchObject({ fields: { body: 'errors.comment.replyToDeleted' } });
    expect((await listReplies(handle.db, p('Katharina Gruber'), thread.id)).comments.map((c) => c.body)).toEqual([null]);

    await expect(setResolved(handle.db, p('Outsider'), { threadId: thread.id, resolved: true })).rejects.toBeInstanceOf(Forbidden);
    const resolved = await setResolved(handle.db, p('Taras Melnyk'), { threadId: thread.id, resolved: true });
    expect(resolved.thread.resolved).toMatchObject({ byName: 'Taras Melnyk' });
    expect((await setResolved(handle.db, p('Katharina Gruber'), { threadId: thread.id, resolved: false })).thread.resolved).toBeNull();
  });

  it('keeps the organization each comment was written for, which the participation record counts', async () => {
    const { thread } = await startThread(handle.db, p('Katharina Gruber'), { scope: 'version', versionId, body: 'For Caritas.' });
    const answer = await reply(handle.db, p('Olena Kovalenko'), { threadId: thread.id, replyToId: thread.first.id, body: 'For La Strada.' });
    const staff = await reply(handle.db, p('Sofia Secretariat'), { threadId: thread.id, replyToId: thread.first.id, body: 'For nobody.' });
    const stored = await handle.db.select({ id: comments.id, organizationId: comments.organizationId }).from(comments).where(eq(comments.threadId, thread.id));
    const organizationOf = (id: string) => stored.find((c) => c.id === id)!.organizationId;
    expect(organizationOf(thread.first.id)).toBe(p('Katharina Gruber').organizationId);
    expect(organizationOf(answer.comment!.id)).toBe(p('Olena Kovalenko').organizationId);
    expect(organizationOf(staff.comment!.id)).toBeNull();
  });

  it('notifies mentions first, then earlier writers, then the paper’s organization, never the author', async () => {
    const { thread } = await startThread(handle.db, p('Daniel Facilitator'), { scope: 'version', versionId, body: 'A question on the figures.' });
    const outcome = await reply(handle.db, p('Katharina Gruber'), { threadId: thread.id, replyToId: thread.first.id, body: '@[Olena Kovalenko], @[Sofia Secretariat] do you agree?' });
    const filed = await filedAbout(outcome.comment!.id);
    const kinds = Object.fromEntries(filed.map((n) => [n.userId, n.kind]));
    expect(kinds).toEqual({
      [p('Olena Kovalenko').id]: 'mention',
      [p('Sofia Secretariat').id]: 'mention',
      [p('Daniel Facilitator').id]: 'reply',
      [p('Taras Melnyk').id]: 'paper-comment',
    });
    expect(outcome.notified.sort()).toEqual(Object.keys(kinds).sort());
    expect(filed[0]!.link).toBe(`/rounds/${roundId}/papers/${paperId}?thread=${thread.id}`);
    // What the inbox and the digest read: names, not markup.
    const [mention] = (await listNotifications(handle.db, p('Olena Kovalenko').id)).notifications.filter((n) => n.kind === 'mention');
    expect(mention!.payload.excerpt).toBe('@Olena Kovalenko, @Sofia Secretariat do you agree?');
  });

  it('writes mentions as "@Name" in the inbox and the digest mail, also for notifications filed with markup', async () => {
    const person = await makeUser(handle.db, { name: 'Reader Of Mentions' });
    await notify(handle.db, [{ userId: person.id, kind: 'mention', payload: { actor: 'Taras', round: 'R', excerpt: 'Ask @[Olena Kovalenko] about it' }, link: '/' }]);
    expect((await listNotifications(handle.db, person.id)).notifications[0]!.payload.excerpt).toBe('Ask @Olena Kovalenko about it');
    const mailer = await createMailer(handle.db, { from: 'consult@example.org' });
    await sendDailyDigests(handle.db, mailer, { origin: 'https://consult.test', now: new Date(Date.now() + 48 * 3600_000) });
    const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, person.email));
    expect(mail!.body).toContain('Ask @Olena Kovalenko about it');
    expect(mail!.body).not.toContain('@[');
  });

  it('refuses a mention of someone who cannot see the thread, naming the rule', async () => {
    const { thread } = await startThread(handle.db, p('Olena Kovalenko'), { scope: 'draft', paperId, anchor: anchor(), body: 'Internal.' });
    await expect(reply(handle.db, p('Taras Melnyk'), { threadId: thread.id, replyToId: thread.first.id, body: 'Ask @[Katharina Gruber]' })).rejects.toMatchObject({ fields: { body: 'errors.comment.mentionCannotSee' } });
    await expect(reply(handle.db, p('Taras Melnyk'), { threadId: thread.id, replyToId: thread.first.id, body: 'Ask @[Nobody At All]' })).rejects.toBeInstanceOf(InvalidInput);
    const mentionable = await mentionablePeople(handle.db, p('Taras Melnyk'), { scope: 'draft', paperId });
    expect(mentionable.map((m) => m.name).sort()).toEqual(['Olena Kovalenko', 'Taras Melnyk']);
  });

  it('is unread for others after activity, and read once opened', async () => {
    const { thread } = await startThread(handle.db, p('Olena Kovalenko'), { scope: 'round', roundId, title: 'Funding', body: 'How should partnerships be funded?' });
    expect((await threadView(handle.db, p('Katharina Gruber'), thread.id)).unread).toBe(true);
    expect((await threadView(handle.db, p('Olena Kovalenko'), thread.id)).unread).toBe(false);
    await markThreadRead(handle.db, p('Katharina Gruber'), thread.id);
    expect((await threadView(handle.db, p('Katharina Gruber'), thread.id)).unread).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    await reply(handle.db, p('Taras Melnyk'), { threadId: thread.id, replyToId: thread.first.id, body: 'Over several years.' });
    expect((await threadView(handle.db, p('Katharina Gruber'), thread.id)).unread).toBe(true);
    expect((await threadView(handle.db, p('Olena Kovalenko'), thread.id)).unread).toBe(true);
    await expect(threadView(handle.db, p('Outsider'), thread.id)).rejects.toBeInstanceOf(Forbidden);
  });
});

describe('long discussions', () => {
  it('come a page of threads at a time, and replies on demand, by cursor', async () => {
    const round = await createRound(handle.db, { ...baseRound, title: 'A long discussion' }, p('Daniel Facilitator').id);
    const ids: string[] = [];
    for (let i = 0; i < 25; i += 1) ids.push((await startThread(handle.db, p('Olena Kovalenko'), { scope: 'round', roundId: round.id, title: `Question ${i}`, body: `Body ${i}` })).thread.id);
    const first = await listThreads(handle.db, p('Katharina Gruber'), { scope: 'round', roundId: round.id });
    expect(first.threads.length).toBe(20);
    expect(first.threads[0]!.title).toBe('Question 24');
    const second = await listThreads(handle.db, p('Katharina Gruber'), { scope: 'round', roundId: round.id }, { before: first.next });
    expect(second.threads.map((t) => t.title)).toEqual(['Question 4', 'Question 3', 'Question 2', 'Question 1', 'Question 0']);
    expect(second.next).toBeNull();

    const threadId = ids[0]!;
    const opening = (await threadView(handle.db, p('Olena Kovalenko'), threadId)).first.id;
    for (let i = 0; i < 45; i += 1) {
      await reply(handle.db, i % 2 ? p('Olena Kovalenko') : p('Katharina Gruber'), { threadId, replyToId: opening, body: `Reply ${i}` });
    }
    const pages: string[][] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listReplies>> = await listReplies(handle.db, p('Taras Melnyk'), threadId, { after });
      pages.push(page.comments.map((c) => c.body!));
      after = page.next;
    } while (after);
    expect(pages.map((pg) => pg.length)).toEqual([20, 20, 5]);
    expect(pages.flat()).toEqual(Array.from({ length: 45 }, (_, i) => `Reply ${i}`));
  });
});

describe('moderation', () => {
  it('takes reports, lets facilitators hide with a reason (the author is told) and restore, all audited', async () => {
    const { thread } = await startThread(handle.db, p('Katharina Gruber'), { scope: 'round', roundId, title: 'Returns', body: 'An offensive remark.' });
    const commentId = thread.first.id;
    await expect(reportComment(handle.db, p('Katharina Gruber'), { commentId, reason: 'My own' })).rejects.toBeInstanceOf(Forbidden);
    await expect(reportComment(handle.db, p('Olena Kovalenko'), { commentId, reason: '' })).rejects.toMatchObject({ fields: { reason: 'errors.comment.reasonRequired' } });
    await reportComment(handle.db, p('Olena Kovalenko'), { commentId, reason: 'Offensive' });
    await expect(reportComment(handle.db, p('Olena Kovalenko'), { commentId, reason: 'Again' })).rejects.toMatchObject({ fields: { reason: 'errors.comment.alreadyReported' } });
    await expect(moderationQueue(handle.db, p('Olena Kovalenko'))).rejects.toBeInstanceOf(Forbidden);
    const queue = await moderationQueue(handle.db, p('Daniel Facilitator'));
    expect(queue.reported.find((r) => r.commentId === commentId)?.reports).toEqual([expect.objectContaining({ reason: 'Offensive', reporterName: 'Olena Kovalenko' })]);

    await expect(hideComment(handle.db, p('Sofia Secretariat'), { commentId, reason: 'Not allowed' })).rejects.toBeInstanceOf(Forbidden);
    const hidden = await hideComment(handle.db, p('Daniel Facilitator'), { commentId, reason: 'Personal attack' });
    expect(hidden.comment).toMatchObject({ body: null, hidden: { reason: 'Personal attack' } });
    expect(hidden.notified).toEqual([p('Katharina Gruber').id]);
    const told = await handle.db.select().from(notifications).where(and(eq(notifications.userId, p('Katharina Gruber').id), eq(notifications.kind, 'comment-hidden')));
    expect(told).toEqual([expect.objectContaining({ payload: expect.objectContaining({ reason: 'Personal attack' }) })]);
    await expect(reply(handle.db, p('Olena Kovalenko'), { threadId: thread.id, replyToId: commentId, body: 'x' })).rejects.toMatchObject({ fields: { body: 'errors.comment.replyToHidden' } });
    expect((await moderationQueue(handle.db, p('Daniel Facilitator'))).hidden.map((h) => h.commentId)).toContain(commentId);

    const restored = await restoreComment(handle.db, p('Daniel Facilitator'), { commentId });
    expect(restored.comment).toMatchObject({ body: 'An offensive remark.', hidden: null });
    await reportComment(handle.db, p('Taras Melnyk'), { commentId, reason: 'Still offensive' });
    await dismissReports(handle.db, p('Daniel Facilitator'), { commentId });
    expect((await moderationQueue(handle.db, p('Daniel Facilitator'))).reported.map((r) => r.commentId)).not.toContain(commentId);
    const audited = await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subject, `comment:${commentId}`));
    expect(audited.map((a) => a.action).sort()).toEqual(['comment-hidden', 'comment-reported', 'comment-reported', 'comment-restored', 'reports-dismissed']);
  });
});

describe('moderation of draft comments', () => {
  it('lets a facilitator hide and restore a reported draft comment without reading the draft; quotes of it are wiped', async () => {
    const { thread } = await startThread(handle.db, p('Taras Melnyk'), { scope: 'draft', paperId, anchor: anchor(), body: 'A rude remark about @[Olena Kovalenko].' });
    const commentId = thread.first.id;
    await reportComment(handle.db, p('Olena Kovalenko'), { commentId, reason: 'Rude' });
    const hidden = await hideComment(handle.db, p('Daniel Facilitator'), { commentId, reason: 'Disrespectful' });
    expect(hidden.thread.id).toBe(thread.id);
    expect(hidden.comment).toMatchObject({ body: null, hidden: { reason: 'Disrespectful' } });
    expect(hidden.notified).toEqual([p('Taras Melnyk').id]);
    await expect(reportComment(handle.db, p('Olena Kovalenko'), { commentId, reason: 'Again' })).rejects.toMatchObject({ fields: { reason: 'errors.comment.alreadyHidden' } });
    const restored = await restoreComment(handle.db, p('Daniel Facilitator'), { commentId });
    expect(restored.comment?.body).toBe('A rude remark about @[Olena Kovalenko].');
    // After a decision, the same person may report it again.
    await reportComment(handle.db, p('Olena Kovalenko'), { commentId, reason: 'Still rude' });
  });

  it('wipes the words of a hidden or deleted comment from the notifications that quoted them', async () => {
    await startThread(handle.db, p('Taras Melnyk'), { scope: 'draft', paperId, anchor: anchor(), body: 'Words to forget, @[Olena Kovalenko].' });
    const quoted = async () => (await handle.db.select().from(notifications).where(eq(notifications.userId, p('Olena Kovalenko').id))).filter((n) => n.payload.excerpt?.startsWith('Words to forget'));
    const [note] = await quoted();
    expect(note).toBeDefined();
    await deleteComment(handle.db, p('Taras Melnyk'), { commentId: note!.payload.commentId! });
    expect(await quoted()).toEqual([]);
  });
});

describe('notifications', () => {
  it('follow each person’s choice: in the app and the digest, the app only, or not at all', async () => {
    const [a, b, c] = await Promise.all([makeUser(handle.db), makeUser(handle.db), makeUser(handle.db)]);
    await setPreferences(handle.db, b!.id, { ...defaultPreferences, reply: 'app' });
    await setPreferences(handle.db, c!.id, { ...defaultPreferences, reply: 'off' });
    const told = await notify(handle.db, [a!, b!, c!].map((u) => ({ userId: u.id, kind: 'reply' as const, payload: { actor: 'Olena', round: 'R', excerpt: 'Hello' }, link: '/rounds' })));
    expect(told.sort()).toEqual([a!.id, b!.id].sort());
    expect(await unreadCount(handle.db, a!.id)).toBe(1);
    expect(await unreadCount(handle.db, c!.id)).toBe(0);

    const mailer = await createMailer(handle.db, { from: 'consult@example.org' });
    const now = new Date();
    expect(await sendDailyDigests(handle.db, mailer, { origin: 'https://consult.test', now })).toBeGreaterThanOrEqual(1);
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, a!.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain('https://consult.test/rounds');
    expect(await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, b!.email))).toHaveLength(0);
    // Once a day at most.
    await notify(handle.db, [{ userId: a!.id, kind: 'mention', payload: { actor: 'Taras', round: 'R', excerpt: 'x' }, link: '/' }]);
    await sendDailyDigests(handle.db, mailer, { origin: 'https://consult.test', now: new Date(now.getTime() + 3600_000) });
    expect(await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, a!.email))).toHaveLength(1);
    await sendDailyDigests(handle.db, mailer, { origin: 'https://consult.test', now: new Date(now.getTime() + 25 * 3600_000) });
    expect(await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, a!.email))).toHaveLength(2);
    expect((await listNotifications(handle.db, a!.id)).notifications.map((n) => n.kind)).toEqual(['mention', 'reply']);
  });

  it('tell invited organizations when a round opens to them, and everyone when its phase moves on', async () => {
    const round = await createRound(handle.db, { ...baseRound, title: 'Announced', phase: 'draft', invitedOrganizationIds: [p('Olena Kovalenko').organizationId!] }, p('Daniel Facilitator').id);
    expect(await announceRoundChange(handle.db, null, round.id)).toEqual([]);
    const draft = (await getRound(handle.db, round.id)).facts;
    await updateRound(handle.db, round.id, { ...baseRound, title: 'Announced', phase: 'open', invitedOrganizationIds: [p('Olena Kovalenko').organizationId!] });
    expect((await announceRoundChange(handle.db, draft, round.id)).sort()).toEqual([p('Olena Kovalenko').id, p('Taras Melnyk').id].sort());
    const open = (await getRound(handle.db, round.id)).facts;
    await updateRound(handle.db, round.id, { ...baseRound, title: 'Announced', phase: 'sessions', invitedOrganizationIds: [p('Olena Kovalenko').organizationId!, p('Katharina Gruber').organizationId!] });
    await announceRoundChange(handle.db, open, round.id);
    const about = async (userId: string) =>
      (await handle.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.link, `/rounds/${round.id}`)))).map((n) => n.kind).sort();
    expect(await about(p('Olena Kovalenko').id)).toEqual(['invitation', 'phase-change']);
    expect(await about(p('Katharina Gruber').id)).toEqual(['invitation']);
    expect(await notificationsOf(p('Outsider').id)).toEqual([]);
  });
});

describe('the organization a comment is shown with', () => {
  it('is the one its author wrote for, stored on the comment, even after the author moves to another', async () => {
    const before = await makeOrganization(handle.db, { name: 'Women’s Consortium of Nigeria' });
    const after = await makeOrganization(handle.db, { name: 'HAYAT' });
    const round = await createRound(handle.db, { ...baseRound, title: 'Moved on', invitedOrganizationIds: [before.id, after.id] }, people['Daniel Facilitator']!.id);
    const author = await makeUser(handle.db, { name: 'Ngozi Okafor', organizationId: before.id });
    const actor = { id: author.id, name: author.name, role: 'observer' as const, organizationId: before.id, isRepresentative: false };
    const { thread } = await startThread(handle.db, actor, { scope: 'round', roundId: round.id, title: 'Return', body: 'Written for the Consortium.' });
    await reportComment(handle.db, people['Sofia Secretariat']!, { commentId: thread.first.id, reason: 'Check' });
    const { users } = await import('../../db/schema.ts');
    await handle.db.update(users).set({ organizationId: after.id }).where(eq(users.id, author.id));

    const facilitator = people['Daniel Facilitator']!;
    expect((await threadView(handle.db, facilitator, thread.id)).first.authorOrganization).toBe('Women’s Consortium of Nigeria');
    expect((await listThreads(handle.db, facilitator, { scope: 'round', roundId: round.id })).threads[0]!.first.authorOrganization).toBe('Women’s Consortium of Nigeria');
    const queued = (await moderationQueue(handle.db, facilitator)).reported.find((r) => r.commentId === thread.first.id)!;
    expect(queued.organizationName).toBe('Women’s Consortium of Nigeria');
  });
});

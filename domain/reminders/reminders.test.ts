/**
 * Reminders on a real database, through a real SMTP server (smtp-server): who is reminded before
 * a deadline and before a session, in their language; each reminder queued and sent once, even
 * when queued again, sent by two senders at once, or taken over from a sender that died; the
 * facilitators' own reminders; and the progress table they read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { and, eq, isNull } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { mailOutbox, notifications, reminders, users, type User } from '../../db/schema.ts';
import { openTestDatabase } from '../../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../../tests/factories.ts';
import { Forbidden, InvalidInput } from '../errors.ts';
import { createMailer, type Mailer } from '../mail.ts';
import { startPaper, submitPaper } from '../papers.ts';
import { createRound, getRound, roundSchema } from '../rounds.ts';
import { scheduleSession, sessionSchemaIn } from '../sessions/sessions.ts';
import { roundProgress } from './progress.ts';
import { queueDueReminders, queueFacilitatorReminder } from './queue.ts';
import { sendQueuedReminders } from './sender.ts';

interface Received {
  to: string;
  subject: string;
  messageId: string;
}
const received: Received[] = [];

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`), as mail clients show them. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_all, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}
let smtp: SMTPServer;
let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let mailer: Mailer;
const people: Record<string, User> = {};
const orgs: Record<string, string> = {};
let roundId: string;
// 23:59 in Kyiv (summer time, UTC+3).
const deadline = new Date('2027-03-31T20:59:00Z');
const day = 86_400_000;
const origin = 'https://consult.test';

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS of 127.0.0.1 for every connection (slow where DNS is not answered).
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const data = Buffer.concat(chunks).toString('utf8');
        const head = data.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
        const header = (name: string) => decodeWords(new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '');
        received.push({ to: session.envelope.rcptTo[0]!.address, subject: header('Subject'), messageId: header('Message-ID') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  handle = await openTestDatabase();
  mailer = await createMailer(handle.db, { smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, from: 'IDM Consult <no-reply@consult.test>' });
  orgs.strada = (await makeOrganization(handle.db, { name: 'La Strada Ukraine' })).id;
  orgs.caritas = (await makeOrganization(handle.db, { name: 'Caritas Österreich' })).id;
  orgs.hayat = (await makeOrganization(handle.db, { name: 'Hayat' })).id;
  orgs.outside = (await makeOrganization(handle.db, { name: 'Not invited' })).id;
  people.olena = await makeUser(handle.db, { email: 'olena@strada.test', organizationId: orgs.strada, isRepresentative: true });
  people.taras = await makeUser(handle.db, { email: 'taras@strada.test', organizationId: orgs.strada });
  people.katharina = await makeUser(handle.db, { email: 'katharina@caritas.test', organizationId: orgs.caritas, isRepresentative: true });
  people.amira = await makeUser(handle.db, { email: 'amira@hayat.test', organizationId: orgs.hayat, isRepresentative: true });
  people.outsider = await makeUser(handle.db, { email: 'someone@outside.test', organizationId: orgs.outside });
  people.daniel = await makeUser(handle.db, { role: 'facilitator' });
  await handle.db.update(users).set({ locale: 'fr' }).where(eq(users.id, people.amira.id));
  // Taras turned automatic reminders off.
  await handle.db.update(users).set({ receivesReminders: false }).where(eq(users.id, people.taras.id));
  roundId = (
    await createRound(
      handle.db,
      { title: 'Counter-trafficking 2027', framing: '', areas: [], phase: 'open', phaseDates: {}, timeZone: 'Europe/Kyiv', submissionDeadline: deadline, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [orgs.strada, orgs.caritas, orgs.hayat] },
      people.daniel.id,
    )
  ).id;
  // Caritas has submitted: it is not reminded of the deadline.
  const paper = await startPaper(handle.db, { roundId, organizationId: orgs.caritas, userId: people.katharina.id, language: 'en' });
  await submitPaper(handle.db, { paperId: paper.id, userId: people.katharina.id, content: { text: 'x' }, html: '<p>Position.</p>', text: 'Position.', wordCount: 1, wordLimit: null });
});
afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await handle.dispose();
});

const send = () => sendQueuedReminders(handle.db, mailer, { origin, leaseMs: 60_000 });
const to = (email: string) => received.filter((m) => m.to === email);

describe('reminders before a deadline', () => {
  it('go, once, to the members of organizations that have not submitted, at the nearest reminder day reached', async () => {
    expect(await queueDueReminders(handle.db, new Date(deadline.getTime() - 8 * day))).toBe(0);
    // Six days before: the seven-day reminder, for Olena (Strada) and Amira (Hayat); not Taras (off), not Caritas (submitted).
    expect(await queueDueReminders(handle.db, new Date(deadline.getTime() - 6 * day))).toBe(2);
    expect(await queueDueReminders(handle.db, new Date(deadline.getTime() - 6 * day + 3600_000))).toBe(0);
    expect(await send()).toBe(2);
    expect(await send()).toBe(0);
    expect(to('olena@strada.test').map((m) => m.subject)).toEqual(['Reminder: positions for “Counter-trafficking 2027” are due in 7 days']);
    // In her own language, the time in the round's zone.
    expect(to('amira@hayat.test')).toHaveLength(1);
    expect(to('amira@hayat.test')[0]!.subject).toMatch(/^Rappel/);
    expect(to('taras@strada.test')).toEqual([]);
    expect(to('katharina@caritas.test')).toEqual([]);
    const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'olena@strada.test'));
    expect(mail!.body).toContain('March 31, 2027 at 11:59 PM Kyiv');
    expect(mail!.body).toContain(`${origin}/account`);
    const inbox = await handle.db.select().from(notifications).where(and(eq(notifications.userId, people.olena!.id), eq(notifications.kind, 'reminder')));
    expect(inbox).toHaveLength(1);
    // Mailed already: not in the daily digest again.
    expect(inbox[0]!.mailedAt).not.toBeNull();

    // A day and a half before: the two-day one (the seven-day one is not sent again).
    expect(await queueDueReminders(handle.db, new Date(deadline.getTime() - 1.5 * day))).toBe(2);
    expect(await send()).toBe(2);
    expect(to('olena@strada.test')).toHaveLength(2);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(received.length);
  });
});

describe('reminders before a session', () => {
  it('go the day before to the people the session admits', async () => {
    const startsAt = '2027-03-20T10:00';
    const session = await scheduleSession(handle.db, people.daniel!, roundId, sessionSchemaIn('Europe/Kyiv').parse({ title: 'Hearing', startsAt, agenda: 'Opening', attendees: 'representatives' }));
    const before = received.length;
    expect(await queueDueReminders(handle.db, new Date(session.startsAt.getTime() - 2 * day))).toBe(0);
    // Representatives only: Olena, Katharina, Amira; not Taras.
    expect(await queueDueReminders(handle.db, new Date(session.startsAt.getTime() - 20 * 3600_000))).toBe(3);
    expect(await send()).toBe(3);
    expect(received.slice(before).map((m) => m.to).sort()).toEqual(['amira@hayat.test', 'katharina@caritas.test', 'olena@strada.test']);
    expect(received.slice(before).find((m) => m.to === 'olena@strada.test')!.subject).toBe('Reminder: “Hearing” starts soon');
  });
});

describe('sending', () => {
  it('sends each reminder once with two senders at once', async () => {
    const { facts } = await getRound(handle.db, roundId);
    const before = received.length;
    const { queued } = await queueFacilitatorReminder(handle.db, people.daniel!, facts, { organizationIds: [orgs.strada, orgs.hayat, orgs.caritas] });
    expect(queued).toBe(4);
    const [a, b] = await Promise.all([send(), send()]);
    expect(a + b).toBe(4);
    expect(received.slice(before).map((m) => m.to).sort()).toEqual(['amira@hayat.test', 'katharina@caritas.test', 'olena@strada.test', 'taras@strada.test']);
  });

  it('takes over the claim of a sender that died, and hands over the same message, or nothing if it had gone', async () => {
    const { facts } = await getRound(handle.db, roundId);
    const before = received.length;
    await queueFacilitatorReminder(handle.db, people.daniel!, facts, { organizationIds: [orgs.strada] });
    // A sender died: one row claimed with its mail written but not handed over; another claimed
    // after its mail went out, before it could say so.
    const rows = await handle.db.select().from(reminders).where(isNull(reminders.sentAt));
    expect(rows).toHaveLength(2);
    const [unsent, gone] = rows;
    const stale = new Date(Date.now() - 120_000);
    const unsentMail = await mailer.enqueue(handle.db, { to: 'olena@strada.test', subject: 'Written before the crash', body: 'x' });
    const goneMail = await mailer.enqueue(handle.db, { to: 'taras@strada.test', subject: 'Sent before the crash', body: 'x' });
    await handle.db.update(mailOutbox).set({ sentAt: stale }).where(eq(mailOutbox.id, goneMail));
    await handle.db.update(reminders).set({ claimToken: 'dead', claimedAt: stale, attempts: 1, mailId: unsentMail }).where(eq(reminders.id, unsent!.id));
    await handle.db.update(reminders).set({ claimToken: 'dead', claimedAt: stale, attempts: 1, mailId: goneMail }).where(eq(reminders.id, gone!.id));
    // A claim that has not lapsed is left alone.
    expect(await sendQueuedReminders(handle.db, mailer, { origin, leaseMs: 10 * 60_000 })).toBe(0);
    expect(received.length).toBe(before);
    expect(await send()).toBe(2);
    const fresh = received.slice(before);
    expect(fresh.map((m) => m.subject)).toEqual(['Written before the crash']);
    expect(fresh[0]!.messageId).toBe(`<${unsentMail}@consult.test>`);
    expect(await handle.db.select().from(reminders).where(isNull(reminders.sentAt))).toEqual([]);
  });
});

describe('the facilitators’ reminders', () => {
  it('are for facilitators, to invited organizations they chose', async () => {
    const { facts } = await getRound(handle.db, roundId);
    await expect(queueFacilitatorReminder(handle.db, people.olena!, facts, { organizationIds: [orgs.hayat] })).rejects.toBeInstanceOf(Forbidden);
    await expect(queueFacilitatorReminder(handle.db, people.daniel!, facts, { organizationIds: [] })).rejects.toBeInstanceOf(InvalidInput);
    await expect(queueFacilitatorReminder(handle.db, people.daniel!, facts, { organizationIds: [orgs.outside] })).rejects.toBeInstanceOf(InvalidInput);
    await expect(queueFacilitatorReminder(handle.db, people.daniel!, facts, { organizationIds: ['not-an-id'] })).rejects.toBeInstanceOf(InvalidInput);
  });

  it('see where each invited organization stands', async () => {
    const progress = await roundProgress(handle.db, roundId);
    expect(progress.map((o) => [o.name, o.started, o.submitted, o.joinedSession, o.members])).toEqual([
      ['Caritas Österreich', true, true, false, 1],
      ['Hayat', false, false, false, 1],
      ['La Strada Ukraine', false, false, false, 2],
    ]);
    expect(progress.every((o) => o.lastRemindedAt)).toBe(true);
  });
});

describe('the reminder days of the round form', () => {
  const days = (value: unknown) => roundSchema.safeParse({ title: 'A round', reminderDays: value });
  it('reads "7, 2, 1" (largest first, once each), takes empty for none, and refuses the rest in words', () => {
    expect(days('1, 7 2, 7').data?.reminderDays).toEqual([7, 2, 1]);
    expect(days('').data?.reminderDays).toEqual([]);
    expect(roundSchema.parse({ title: 'A round' }).reminderDays).toEqual([7, 2, 1]);
    for (const wrong of ['seven', '0', '61', '1.5', '1,2,3,4,5,6']) expect(days(wrong).error?.issues.map((i) => i.message), wrong).toEqual(['errors.round.reminderDaysInvalid']);
  });
});

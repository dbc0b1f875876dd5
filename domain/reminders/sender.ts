/**
 * Sending queued reminders, exactly once per row, whichever process or node does it.
 *
 * A sender claims one row at a time (`UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)`),
 * writing its own claim token; every later write of the row names that token, so a sender
 * whose claim was taken over can no longer act on it. Then, in one transaction, the mail is
 * written to the outbox and the inbox notification filed, and the row points at that mail; then
 * the mail is handed to SMTP and the row marked sent. A process killed in between leaves a claim
 * that lapses after `leaseMs`: the next sender takes the row up where it stopped, and hands the
 * SAME outbox message over (the mailer skips one already sent, and keeps its Message-ID).
 * What remains: a message SMTP accepted in the instant before its sending was recorded is
 * handed over again, under the same Message-ID (ADR 032).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { consultationRounds, consultationSessions, notifications, organizations, reminders, users, type Reminder } from '../../db/schema.ts';
import type { Mailer } from '../mail.ts';
import { reminderMessage } from './messages.ts';

export interface SendOptions {
  origin: string;
  /** How long a claim holds before another sender may take the row (default 2 minutes). */
  leaseMs?: number;
  /** Rows handled at once by this process. */
  concurrency?: number;
  /** Attempts per row before it is left with its error. */
  maxAttempts?: number;
  /** Called after each row is done (the benchmark and tests watch progress). */
  onSent?: (reminder: Reminder) => void;
}

/** Sends every reminder that is queued and not claimed by a live sender; answers how many were sent. */
export async function sendQueuedReminders(db: Database, mailer: Mailer, options: SendOptions): Promise<number> {
  const token = randomUUID();
  let sent = 0;
  const worker = async () => {
    for (;;) {
      const row = await claimNext(db, token, options.leaseMs ?? 120_000, options.maxAttempts ?? 5);
      if (!row) return;
      if (await sendOne(db, mailer, row, token, options.origin)) {
        sent += 1;
        options.onSent?.(row);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return sent;
}

async function claimNext(db: Database, token: string, leaseMs: number, maxAttempts: number): Promise<Reminder | null> {
  const lapsed = new Date(Date.now() - leaseMs);
  const [row] = await db
    .update(reminders)
    .set({ claimToken: token, claimedAt: new Date(), attempts: sql`${reminders.attempts} + 1` })
    .where(
      eq(
        reminders.id,
        sql`(select id from ${reminders} where sent_at is null and attempts < ${maxAttempts} and (claimed_at is null or claimed_at < ${lapsed.toISOString()}::timestamptz) order by created_at limit 1 for update skip locked)`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Writes (once) and delivers one reminder; answers whether it went out. */
async function sendOne(db: Database, mailer: Mailer, row: Reminder, token: string, origin: string): Promise<boolean> {
  const mine = and(eq(reminders.id, row.id), eq(reminders.claimToken, token));
  let mailId = row.mailId;
  if (!mailId) {
    const written = await db.transaction(async (tx) => {
      const message = await composeFor(tx as unknown as Database, row, origin);
      if (!message) return null;
      const id = await mailer.enqueue(tx as unknown as Database, message.mail);
      await tx.insert(notifications).values({ ...message.notification, userId: row.userId, kind: 'reminder', mailedAt: new Date() });
      const [claimed] = await tx.update(reminders).set({ mailId: id }).where(mine).returning({ id: reminders.id });
      // Another sender took the row over: write nothing.
      if (!claimed) throw new ClaimLost();
      return id;
    }).catch((error) => {
      if (error instanceof ClaimLost) return undefined;
      throw error;
    });
    if (written === undefined) return false;
    if (written === null) {
      // The person or the round is gone: nothing to send.
      await db.update(reminders).set({ sentAt: new Date(), error: 'nothing to send' }).where(mine);
      return false;
    }
    mailId = written;
  }
  const delivered = mailer.transport === 'outbox' || (await mailer.deliver(mailId));
  if (delivered) await db.update(reminders).set({ sentAt: new Date(), error: null }).where(mine);
  else await db.update(reminders).set({ error: 'SMTP did not take the message; tried again later' }).where(mine);
  return delivered;
}

class ClaimLost extends Error {}

/** The mail and the notification of one reminder, in the person's language. */
async function composeFor(db: Database, row: Reminder, origin: string) {
  const [person] = await db.select({ email: users.email, locale: users.locale, timeZone: users.timeZone, disabledAt: users.disabledAt }).from(users).where(eq(users.id, row.userId)).limit(1);
  const [round] = await db.select().from(consultationRounds).where(eq(consultationRounds.id, row.roundId)).limit(1);
  if (!person || person.disabledAt || !round) return null;
  const [organization] = row.organizationId ? await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.organizationId)).limit(1) : [];
  const [session] = row.sessionId ? await db.select().from(consultationSessions).where(eq(consultationSessions.id, row.sessionId)).limit(1) : [];
  if (row.kind === 'session' && !session) return null;
  return reminderMessage({ reminder: row, person, round, organizationName: organization?.name ?? '', session: session ?? null, origin });
}

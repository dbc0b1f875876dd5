/**
 * Outgoing mail. Every message is kept in the outbox table; when SMTP_URL is set it is also
 * handed to that server through nodemailer. Without SMTP, admins read the outbox page.
 * A failing SMTP server never loses a message: the row keeps the error.
 *
 * A message is written (`enqueue`) in the same transaction as the change that calls for it, and
 * delivered (`deliver`) after that transaction commits: no mail for a change that did not
 * happen, no change without its mail. Once an SMTP server has taken a message, the one-time
 * links in the stored copy are masked: the outbox never shows a live token of a delivered mail.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { invitations, mailOutbox, passwordResets } from '../db/schema.ts';
import { hashToken } from './auth/tokens.ts';

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
}

export interface Mailer {
  /** Writes and delivers a message at once. */
  send(message: MailMessage): Promise<{ id: string; delivered: boolean }>;
  /** Writes a message on `db` (a transaction, usually); `deliver` it once that commits. */
  enqueue(db: Database, message: MailMessage): Promise<string>;
  /** Hands a written message to SMTP when configured; answers whether it was taken. */
  deliver(id: string): Promise<boolean>;
  readonly transport: 'smtp' | 'outbox';
  close(): void;
}

export async function createMailer(
  db: Database,
  options: { smtpUrl?: string; from: string },
): Promise<Mailer> {
  const smtp = options.smtpUrl
    ? // A few connections kept open and reused (a new one per message costs ~140 ms here: a
      // thousand reminders would take minutes); bounded waits, so that a sender's claim on a
      // reminder (domain/reminders) outlasts any one attempt.
      (await import('nodemailer')).default.createTransport({ url: options.smtpUrl, pool: true, maxConnections: 4, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
    : null;
  const messageDomain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'idm-consult.invalid';
  const mailer: Mailer = {
    transport: smtp ? 'smtp' : 'outbox',
    async send(message) {
      const id = await mailer.enqueue(db, message);
      return { id, delivered: await mailer.deliver(id) };
    },
    async enqueue(on, message) {
      const [row] = await on
        .insert(mailOutbox)
        .values({ ...message, transport: smtp ? 'smtp' : 'outbox' })
        .returning({ id: mailOutbox.id });
      return row!.id;
    },
    async deliver(id) {
      if (!smtp) return false;
      const [message] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).limit(1);
      if (!message || message.sentAt) return Boolean(message?.sentAt);
      try {
        // The Message-ID is the outbox row's: a message handed over again (after a crash) is recognisably the same.
        await smtp.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.body, messageId: `<${message.id}@${messageDomain}>` });
        await db.update(mailOutbox).set({ sentAt: new Date(), body: maskLinkTokens(message.body) }).where(eq(mailOutbox.id, id));
        return true;
      } catch (error) {
        await db
          .update(mailOutbox)
          .set({ error: String((error as Error).message ?? error).slice(0, 500) })
          .where(eq(mailOutbox.id, id));
        return false;
      }
    },
    close() {
      smtp?.close();
    },
  };
  return mailer;
}

/** One-time links in mail: a password reset or an invitation, with its token. */
const linkToken = /\/(reset-password|join)\/([A-Za-z0-9_-]{16,})/g;
const mask = '••••••••';

/** The text with the token of every one-time link replaced by a mask. */
export function maskLinkTokens(text: string, keep: (kind: 'reset-password' | 'join', token: string) => boolean = () => false): string {
  return text.replace(linkToken, (whole, kind: 'reset-password' | 'join', token: string) => (keep(kind, token) ? whole : `/${kind}/${mask}`));
}

/**
 * The outbox as administrators see it. Delivered mail had its links masked when it was sent;
 * without SMTP the outbox is how mail leaves, so an undelivered message still shows its link,
 * but only while that link can be used: once used, expired, revoked or superseded it is masked.
 */
export async function outboxForAdmins(db: Database, limit = 100) {
  const messages = await listOutbox(db, limit);
  const tokens = { 'reset-password': new Set<string>(), join: new Set<string>() };
  for (const m of messages) for (const [, kind, token] of m.body.matchAll(linkToken)) tokens[kind as keyof typeof tokens].add(hashToken(token!));
  const now = new Date();
  const live = new Set<string>();
  if (tokens['reset-password'].size) {
    const rows = await db.select().from(passwordResets).where(inArray(passwordResets.tokenHash, [...tokens['reset-password']]));
    for (const r of rows) if (!r.usedAt && r.expiresAt > now) live.add(r.tokenHash);
  }
  if (tokens.join.size) {
    const rows = await db.select().from(invitations).where(inArray(invitations.tokenHash, [...tokens.join]));
    for (const r of rows) if (!r.acceptedAt && !r.revokedAt && r.expiresAt > now) live.add(r.tokenHash);
  }
  return messages.map((m) => ({ ...m, body: maskLinkTokens(m.body, (_kind, token) => !m.sentAt && live.has(hashToken(token))) }));
}

export async function listOutbox(db: Database, limit = 100) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}

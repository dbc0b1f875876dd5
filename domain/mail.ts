/**
 * Outgoing mail. Every message is kept in the outbox table; when SMTP_URL is set it is also
 * handed to that server through nodemailer. Without SMTP, admins read the outbox page.
 * A failing SMTP server never loses a message: the row keeps the error.
 */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { mailOutbox } from '../db/schema.ts';

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ id: string; delivered: boolean }>;
  readonly transport: 'smtp' | 'outbox';
  close(): void;
}

export async function createMailer(
  db: Database,
  options: { smtpUrl?: string; from: string },
): Promise<Mailer> {
  const smtp = options.smtpUrl
    ? (await import('nodemailer')).default.createTransport(options.smtpUrl)
    : null;
  return {
    transport: smtp ? 'smtp' : 'outbox',
    async send(message) {
      const [row] = await db
        .insert(mailOutbox)
        .values({ ...message, transport: smtp ? 'smtp' : 'outbox' })
        .returning({ id: mailOutbox.id });
      if (!smtp) return { id: row!.id, delivered: false };
      try {
        await smtp.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.body });
        await db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, row!.id));
        return { id: row!.id, delivered: true };
      } catch (error) {
        await db
          .update(mailOutbox)
          .set({ error: String((error as Error).message ?? error).slice(0, 500) })
          .where(eq(mailOutbox.id, row!.id));
        return { id: row!.id, delivered: false };
      }
    },
    close() {
      smtp?.close();
    },
  };
}

export async function listOutbox(db: Database, limit = 100) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}

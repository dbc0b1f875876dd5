/**
 * Mail over SMTP against a real SMTP server started here (the smtp-server package), and the
 * outbox when no server is configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { mailOutbox } from '../db/schema.ts';
import { openTestDatabase } from '../tests/setup/database.ts';
import { createMailer, listOutbox } from './mail.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await handle.dispose();
});

describe('mail', () => {
  it('delivers through SMTP when SMTP_URL is set, and keeps a copy marked sent', async () => {
    const mailer = await createMailer(handle.db, { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: 'IDM Consult <no-reply@consult.test>' });
    const result = await mailer.send({ to: 'olena@example.org', subject: 'Your invitation', body: 'Open https://consult.test/join/abc' });
    mailer.close();
    expect(result.delivered).toBe(true);
    const message = received.find((m) => m.to.includes('olena@example.org'));
    expect(message?.from).toBe('no-reply@consult.test');
    expect(message?.data).toContain('Subject: Your invitation');
    expect(message?.data).toContain('https://consult.test/join/abc');
    const [row] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, result.id));
    expect(row).toMatchObject({ transport: 'smtp', error: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it('keeps the mail with the error when the SMTP server is unreachable: nothing is lost', async () => {
    const mailer = await createMailer(handle.db, { smtpUrl: 'smtp://127.0.0.1:1', from: 'x@consult.test' });
    const result = await mailer.send({ to: 'taras@example.org', subject: 'Reset', body: 'link' });
    mailer.close();
    expect(result.delivered).toBe(false);
    const [row] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, result.id));
    expect(row!.sentAt).toBeNull();
    expect(row!.error).toMatch(/ECONNREFUSED|connect/i);
  });

  it('without SMTP, puts the mail in the outbox for admins to read', async () => {
    const mailer = await createMailer(handle.db, { from: 'x@consult.test' });
    expect(mailer.transport).toBe('outbox');
    await mailer.send({ to: 'katharina@example.org', subject: 'Outbox only', body: 'body' });
    const outbox = await listOutbox(handle.db);
    expect(outbox.find((m) => m.to === 'katharina@example.org')).toMatchObject({ transport: 'outbox', subject: 'Outbox only', sentAt: null });
  });
});

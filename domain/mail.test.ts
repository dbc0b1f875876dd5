/**
 * Mail over SMTP against a real SMTP server started here (the smtp-server package), and the
 * outbox when no server is configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { mailOutbox, passwordResets } from '../db/schema.ts';
import { openTestDatabase } from '../tests/setup/database.ts';
import { createMailer, listOutbox, outboxForAdmins } from './mail.ts';
import { generateToken, hashToken } from './auth/tokens.ts';
import { makeUser } from '../tests/factories.ts';

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

  it('masks the one-time links of a mail once an SMTP server has taken it', async () => {
    const mailer = await createMailer(handle.db, { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: 'x@consult.test' });
    const token = 'A'.repeat(43);
    const result = await mailer.send({ to: 'masked@example.org', subject: 'Reset', body: `Open https://consult.test/reset-password/${token} now.` });
    mailer.close();
    expect(result.delivered).toBe(true);
    // The recipient got the link (quoted-printable may wrap it).
    expect(received.find((m) => m.to.includes('masked@example.org'))?.data.replace(/=\r\n/g, '')).toContain(token);
    const [row] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, result.id));
    expect(row!.body).toBe('Open https://consult.test/reset-password/•••••••• now.');
  });

  it('shows administrators an unsent link only while it can be used', async () => {
    const mailer = await createMailer(handle.db, { from: 'x@consult.test' });
    const user = await makeUser(handle.db, { email: 'linked@example.org' });
    const [live, used] = [generateToken(), generateToken()];
    await handle.db.insert(passwordResets).values([
      { tokenHash: hashToken(live), userId: user.id, expiresAt: new Date(Date.now() + 600_000) },
      { tokenHash: hashToken(used), userId: user.id, expiresAt: new Date(Date.now() + 600_000), usedAt: new Date() },
    ]);
    await mailer.send({ to: 'linked@example.org', subject: 'Live', body: `http://x/reset-password/${live}` });
    await mailer.send({ to: 'linked@example.org', subject: 'Used', body: `http://x/reset-password/${used}` });
    await mailer.send({ to: 'linked@example.org', subject: 'Unknown', body: `http://x/join/${generateToken()}` });
    const shown = (await outboxForAdmins(handle.db)).filter((m) => m.to === 'linked@example.org');
    expect(shown.find((m) => m.subject === 'Live')!.body).toBe(`http://x/reset-password/${live}`);
    expect(shown.find((m) => m.subject === 'Used')!.body).toBe('http://x/reset-password/••••••••');
    expect(shown.find((m) => m.subject === 'Unknown')!.body).toBe('http://x/join/••••••••');
  });
});

/**
 * A process that sends queued reminders, as a node of the platform does (server/reminders.ts),
 * for the kill tests and the benchmark: the database of DATABASE_URL or DATA_DIR, mail through
 * SMTP_URL. It prints `ready`, then `sent <n>` as it goes, and `done` once no reminder is left
 * unsent (claims of a killed process lapse after REMINDER_CLAIM_LEASE milliseconds).
 */
import { isNull } from 'drizzle-orm';
import { openDatabase } from '../../db/client.ts';
import { reminders } from '../../db/schema.ts';
import { createMailer } from '../../domain/mail.ts';
import { sendQueuedReminders } from '../../domain/reminders/sender.ts';

const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR });
await handle.migrate();
const mailer = await createMailer(handle.db, { smtpUrl: process.env.SMTP_URL, from: 'IDM Consult <no-reply@consult.test>' });
const leaseMs = Number(process.env.REMINDER_CLAIM_LEASE ?? 120_000);
const concurrency = Number(process.env.REMINDER_CONCURRENCY ?? 4);
console.log('ready');
let sent = 0;
for (;;) {
  await sendQueuedReminders(handle.db, mailer, { origin: 'https://consult.test', leaseMs, concurrency, onSent: () => console.log(`sent ${++sent}`) });
  const left = await handle.db.select({ id: reminders.id }).from(reminders).where(isNull(reminders.sentAt)).limit(1);
  if (!left.length) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
console.log('done');
mailer.close();
await handle.close();

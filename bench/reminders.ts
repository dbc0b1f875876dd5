/**
 * `npm run bench:reminders`: the figure of the reminders item (issue 15): a round of 1,000
 * invited people (100 organizations of 10), a facilitator reminds all that have not submitted
 * (one request to the production server, as the reminders page does), the server sends through
 * a test SMTP server (smtp-server, in this process), and is killed with SIGKILL when half the
 * messages have been accepted; a new server process starts on the same database and finishes.
 *
 * Measured: from the request to the last message accepted (≤ 60 s asked), the request itself,
 * when the kill came and how long the restart took; and the count per person (exactly one asked),
 * duplicates and Message-IDs. The claim lease is 10 s here (REMINDER_CLAIM_LEASE): the messages
 * the killed process had claimed are taken over 10 s after their claim. Postgres, a database of
 * its own (dropped after). Results: bench/results/reminders.json.
 */
import type { AddressInfo } from 'node:net';
import { isNull } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../db/client.ts';
import { consultationRounds, organizations, reminders, roundOrganizations, users } from '../db/schema.ts';
import { hashPassword } from '../domain/auth/passwords.ts';
import { benchDatabase, ensureBuild, report, signIn, startServer, type RunningServer } from './support.ts';

const organizationCount = 100;
const perOrganization = 10;
const people = organizationCount * perOrganization;

ensureBuild();
const database = await benchDatabase('reminders');
const accepted: Array<{ to: string; messageId: string; at: number }> = [];
let server: RunningServer | null = null;
let killedAt: number | null = null;
let onKill: (() => void) | null = null;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const to = session.envelope.rcptTo[0]?.address ?? '';
      if (!to.endsWith('@bench.test')) return callback();
      // Half way: the server is killed while this message waits for its acceptance.
      if (killedAt === null && accepted.length === people / 2) {
        killedAt = Date.now();
        server!.child.kill('SIGKILL');
        onKill?.();
        return;
      }
      accepted.push({ to, messageId: /^Message-ID: (.*)$/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1]?.trim() ?? '', at: Date.now() });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const env = { DATABASE_URL: database.url, SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, REMINDER_CLAIM_LEASE: '10s', REMINDERS_AUTOMATIC: 'off' };

try {
  server = await startServer({ env });
  const port = server.port;
  // The round and its people, written directly (the server has migrated and seeded the demo).
  const handle = await openDatabase({ databaseUrl: database.url });
  const passwordHash = await hashPassword('bench-password-1');
  const orgs = await handle.db.insert(organizations).values(Array.from({ length: organizationCount }, (_, i) => ({ name: `Bench organization ${i}`, level: 'national' as const }))).returning({ id: organizations.id });
  for (let i = 0; i < people; i += 250) {
    await handle.db.insert(users).values(
      Array.from({ length: Math.min(250, people - i) }, (_, k) => ({ email: `person-${i + k}@bench.test`, name: `Person ${i + k}`, passwordHash, role: 'observer' as const, organizationId: orgs[(i + k) % organizationCount]!.id, locale: (['en', 'fr', 'es'] as const)[(i + k) % 3] })),
    );
  }
  const [round] = await handle.db.insert(consultationRounds).values({ title: 'Bench: reminders for 1,000 people', phase: 'open' }).returning({ id: consultationRounds.id });
  await handle.db.insert(roundOrganizations).values(orgs.map((o) => ({ roundId: round!.id, organizationId: o.id })));

  const cookie = await signIn(server.base, 'facilitator@example.org');
  const killed = new Promise<void>((resolve) => (onKill = resolve));
  const started = Date.now();
  const response = await fetch(`${server.base}/rounds/${round!.id}/reminders`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, origin: server.base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ intent: 'not-submitted' }).toString(),
  });
  const requestMs = Date.now() - started;
  if (response.status !== 302) throw new Error(`the reminders request answered ${response.status}`);
  await killed;
  await new Promise((resolve) => server!.child.once('exit', resolve));
  const restartAt = Date.now();
  server = await startServer({ env, port });
  const restartedAt = Date.now();
  const deadline = Date.now() + 120_000;
  for (;;) {
    const left = await handle.db.select({ id: reminders.id }).from(reminders).where(isNull(reminders.sentAt));
    if (!left.length) break;
    if (Date.now() > deadline) throw new Error(`${left.length} reminders still unsent after 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const lastAccepted = Math.max(...accepted.map((m) => m.at));
  const perPerson = new Map<string, number>();
  for (const m of accepted) perPerson.set(m.to, (perPerson.get(m.to) ?? 0) + 1);
  const counts = [...perPerson.values()];
  await handle.close();
  report('reminders', {
    people,
    requestMs,
    totalSeconds: Math.round((lastAccepted - started) / 100) / 10,
    killedAfterSeconds: Math.round((killedAt! - started) / 100) / 10,
    acceptedBeforeKill: people / 2,
    restartSeconds: Math.round((restartedAt - restartAt) / 100) / 10,
    claimLeaseSeconds: 10,
    recipients: perPerson.size,
    exactlyOnce: counts.filter((n) => n === 1).length,
    duplicates: counts.filter((n) => n > 1).length,
    missing: people - perPerson.size,
    distinctMessageIds: new Set(accepted.map((m) => m.messageId)).size,
    verdict: perPerson.size === people && counts.every((n) => n === 1) && lastAccepted - started <= 60_000 ? 'pass' : 'fail',
  });
} finally {
  await server?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.drop();
}

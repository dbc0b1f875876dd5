/**
 * Reminders sent once across a process kill: a sending process is killed with SIGKILL in the
 * middle of a batch (while the SMTP server holds a message it has not yet accepted), another
 * starts, and every person gets exactly one message, from a real SMTP server's point of view.
 *
 * The sender runs one message at a time here, so that the kill lands on a message the server
 * has not accepted: the one window left (a message accepted in the instant before its sending is
 * written down) is described in ADR 032, and the benchmark (bench/reminders.ts) measures it
 * with four at a time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { AddressInfo } from 'node:net';
import { eq, isNull } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { notifications, reminders, roundOrganizations } from '../../db/schema.ts';
import { createRound, getRound } from '../../domain/rounds.ts';
import { queueFacilitatorReminder } from '../../domain/reminders/queue.ts';
import { openTestDatabase } from '../setup/database.ts';
import { makeOrganization, makeUser } from '../factories.ts';

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  children.forEach((c) => c.kill('SIGKILL'));
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The database both processes use: a Postgres database of its own, or a PGlite folder (one process at a time). */
async function sharedDatabase(): Promise<{ env: Record<string, string>; open(): Promise<DatabaseHandle>; release(handle: DatabaseHandle): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const handle = await openTestDatabase();
    cleanups.push(() => handle.dispose());
    return { env: { DATABASE_URL: handle.url! }, open: async () => handle, release: async () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idm-reminders-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    env: { DATA_DIR: dir, DATABASE_URL: '' },
    async open() {
      const handle = await openDatabase({ dataDir: dir });
      await handle.migrate();
      return handle;
    },
    release: (handle) => handle.close(),
  };
}

function startSender(env: Record<string, string>, onLine: (line: string) => void = () => {}): { child: ChildProcess; done: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/reminder-node.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines = readline.createInterface({ input: child.stdout! });
  lines.on('line', onLine);
  const done = new Promise<void>((resolve, reject) => {
    // Done when the process has ended (an embedded database's folder is free again then).
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : code === 0 ? resolve() : reject(new Error(`sender exited with ${code}`))));
  });
  return { child, done };
}

describe('reminders and a killed process', () => {
  it('are sent exactly once each when the sender is killed mid-batch and another takes over', async () => {
    const people = 60;
    const killAt = 20;
    const s0 = Date.now();
    const database = await sharedDatabase();
    let handle = await database.open();
    const facilitator = await makeUser(handle.db, { role: 'facilitator' });
    const orgIds: string[] = [];
    for (let i = 0; i < 6; i += 1) orgIds.push((await makeOrganization(handle.db, { name: `Crash organization ${i}` })).id);
    for (let i = 0; i < people; i += 1) await makeUser(handle.db, { email: `person-${i}@crash.test`, organizationId: orgIds[i % orgIds.length]! });
    const round = await createRound(handle.db, { title: 'Reminders under a kill', framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: null, wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: orgIds }, facilitator.id);
    expect(await handle.db.select().from(roundOrganizations).where(eq(roundOrganizations.roundId, round.id))).toHaveLength(6);
    const { facts } = await getRound(handle.db, round.id);
    expect((await queueFacilitatorReminder(handle.db, facilitator, facts, { organizationIds: orgIds, note: 'Please submit.' })).queued).toBe(people);
    await database.release(handle);

    // The SMTP server accepts a message 15 ms after it has it all; at the killAt-th, it kills the sender instead.
    const accepted: Array<{ to: string; messageId: string }> = [];
    let current: ChildProcess | null = null;
    let killed = false;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // No reverse DNS of 127.0.0.1 for every connection (slow where DNS is not answered).
      disableReverseLookup: true,
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const messageId = /^Message-ID: (.*)$/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1]?.trim() ?? '';
          if (!killed && accepted.length === killAt) {
            killed = true;
            current!.kill('SIGKILL');
            return; // never accepted: the connection is gone
          }
          setTimeout(() => {
            accepted.push({ to: session.envelope.rcptTo[0]!.address, messageId });
            callback();
          }, 15);
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
    const env = { ...database.env, SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, REMINDER_CLAIM_LEASE: '1500', REMINDER_CONCURRENCY: '1' };

    const t0 = Date.now();
    const first = startSender(env);
    current = first.child;
    await first.done;
    expect(killed).toBe(true);
    expect(accepted).toHaveLength(killAt);

    console.log('first', Date.now() - t0);
    const second = startSender(env);
    current = second.child;
    await second.done;

    console.log('second', Date.now() - t0);
    const perPerson = new Map<string, number>();
    for (const m of accepted) perPerson.set(m.to, (perPerson.get(m.to) ?? 0) + 1);
    expect(perPerson.size).toBe(people);
    expect([...perPerson.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(accepted.map((m) => m.messageId)).size).toBe(people);

    handle = await database.open();
    expect(await handle.db.select().from(reminders).where(isNull(reminders.sentAt))).toEqual([]);
    // One notification each in the inbox, the one interrupted included.
    expect(await handle.db.select().from(notifications).where(eq(notifications.kind, 'reminder'))).toHaveLength(people);
    await database.release(handle);
  }, 120_000);
});

/**
 * What an attack from outside found (issue 11), each one again, on the production build: links
 * built from a forged Host, an open redirect after sign-in, answers of 500 to bad input, a
 * trusted X-Forwarded-For, unlimited reset mails, a reset form whose answer time told whether
 * the account exists, live tokens in the outbox, half-written comments and reports. The
 * collaboration items (revocation, floods, socket caps) are in
 * server/collaboration/revocation.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { commentReports, comments, mailOutbox, notifications, passwordResets } from '../../db/schema.ts';
import { rowsOf } from '../../db/client.ts';
import { loadConfig } from '../../server/config.ts';
import { createPlatform, type Platform } from '../../server/platform.ts';
import { openTestDatabase } from '../setup/database.ts';
import { openSocket, ask } from '../support/socket-client.ts';
import { reportComment } from '../../domain/comments/moderation.ts';
import { reply, startThread } from '../../domain/comments/threads.ts';
import { buildFixture, type Fixture } from '../security/fixture.ts';
import { rowCounts } from '../security/counts.ts';

if (!fs.existsSync('build/server/index.js')) {
  throw new Error('The production build is missing: run `npm run build` before these tests (npm test does).');
}

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let fx: Fixture;
let smtp: SMTPServer;
let smtpPort: number;
/** How long the SMTP server takes to accept a message: a slow mail server. */
let smtpDelayMs = 0;
const received: string[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => setTimeout(() => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      }, smtpDelayMs));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  handle = await openTestDatabase();
  // As in production on its own machine: no APP_ORIGIN (the default localhost address), no proxy.
  platform = await createPlatform({ config: loadConfig({ NODE_ENV: 'production', PORT: '3999', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }), web: 'build', database: handle, log: () => {} });
  const base = await platform.listen(0, '127.0.0.1');
  fx = await buildFixture(handle.db, base);
});

afterAll(async () => {
  await platform.close();
  await handle.dispose();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** A raw HTTP request, so that Host and any header are exactly what an attacker sends. */
function raw(method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { port } = new URL(fx.base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: Number(port), method, path, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };

describe('no link poisoning', () => {
  it('builds the reset link from the configured origin, never from Host or X-Forwarded-Host', async () => {
    const host = new URL(fx.base).host;
    // Same-origin for the Origin check (the request's own Host), but a forged forwarded host.
    const forged = await raw('POST', '/forgot-password', { ...urlencoded, host, origin: fx.base, 'x-forwarded-host': 'evil.example' }, form({ email: fx.person.member.email }));
    expect(forged.status).toBe(200);
    // A Host that is evil itself, with a matching Origin.
    const evil = await raw('POST', '/forgot-password', { ...urlencoded, host: 'evil.example', origin: 'http://evil.example' }, form({ email: fx.person.member.email }));
    expect(evil.status).toBe(200);
    await platform.services.background?.drain();
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, fx.person.member.email));
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of received.filter((m) => m.includes(fx.person.member.email))) expect(mail).not.toContain('evil.example');
    expect(received.join('\n')).toContain('http://localhost:3999/reset-password/');
    expect(received.join('\n')).not.toContain('evil.example');
  });

  it('answers the same, in the same time, whether or not the account exists, even with a slow mail server', async () => {
    smtpDelayMs = 1500;
    try {
      const timed = async (email: string) => {
        const started = performance.now();
        const response = await raw('POST', '/forgot-password', { ...urlencoded, host: new URL(fx.base).host, origin: fx.base }, form({ email }));
        return { ms: performance.now() - started, status: response.status, text: response.body.replace(/idm_toast=[^;]*/g, '') };
      };
      const existing = await timed(fx.person.otherMember.email);
      const unknown = await timed('nobody-at-all@matrix.test');
      expect(existing.status).toBe(200);
      expect(unknown.status).toBe(200);
      // The slow mail server is not waited for: the answer leaves before the mail does.
      expect(existing.ms).toBeLessThan(1000);
      expect(unknown.ms).toBeLessThan(1000);
      expect(existing.text.includes('a link to reset its password is on its way')).toBe(unknown.text.includes('a link to reset its password is on its way'));
    } finally {
      await platform.services.background?.drain();
      smtpDelayMs = 0;
    }
  });

  it('mails at most 3 reset links an hour to one account, answering the same', async () => {
    const user = await fx.freshPerson('member');
    for (let i = 0; i < 20; i++) {
      const response = await raw('POST', '/forgot-password', { ...urlencoded, host: new URL(fx.base).host, origin: fx.base, 'x-forwarded-for': `198.51.100.${i}` }, form({ email: user.email }));
      expect(response.status, `request ${i + 1}`).toBe(200);
    }
    await platform.services.background?.drain();
    expect(await handle.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id))).toHaveLength(3);
    // Only the latest link works.
    const live = (await handle.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id))).filter((r) => r.expiresAt > new Date());
    expect(live).toHaveLength(1);
  });

  it('shows no live token in the outbox once the mail is sent', async () => {
    const admin = fx.cookie.admin;
    const page = await fetch(`${fx.base}/admin/outbox`, { headers: { cookie: admin } });
    const html = await page.text();
    expect(html).toContain('/reset-password/••••••••');
    expect(html).not.toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}/);
    const stored = await handle.db.select().from(mailOutbox);
    expect(stored.filter((m) => m.sentAt).every((m) => !/\/reset-password\/[A-Za-z0-9_-]{43}/.test(m.body))).toBe(true);
  });
});

describe('the Secure flag of the session cookie', () => {
  it('is left off on plain http (the demo on localhost works), and set when the public address is https', async () => {
    const person = await fx.freshPerson('member');
    const plain = await raw('POST', '/login', { ...urlencoded, host: new URL(fx.base).host, origin: fx.base }, form({ email: person.email, password: 'correct-horse-battery' }));
    expect(String(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    const https = await createPlatform({ config: loadConfig({ NODE_ENV: 'production', APP_ORIGIN: 'https://consult.example.org' }), web: 'build', database: handle, log: () => {} });
    const httpsBase = await https.listen(0, '127.0.0.1');
    try {
      const signedIn = await fetch(`${httpsBase}/login`, { method: 'POST', headers: { ...urlencoded, origin: 'https://consult.example.org' }, body: form({ email: person.email, password: 'correct-horse-battery' }), redirect: 'manual' });
      expect(signedIn.status).toBe(302);
      expect(signedIn.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    } finally {
      await https.close();
    }
  });
});

describe('no open redirect after sign-in', () => {
  for (const [label, redirectTo] of [
    ['a tab', '/\t/evil.example/phish'],
    ['a line feed', '/\n/evil.example/phish'],
    ['a carriage return', '/\r/evil.example/phish'],
    ['a vertical tab', '/\v/evil.example/phish'],
    ['a backslash', '/\\evil.example/phish'],
    ['two slashes', '//evil.example/phish'],
    ['an absolute address', 'http://evil.example/phish'],
  ] as const) {
    it(`stays on the site with ${label}`, async () => {
      const person = await fx.freshPerson('member');
      const response = await raw('POST', '/login', { ...urlencoded, host: new URL(fx.base).host, origin: fx.base }, form({ email: person.email, password: 'correct-horse-battery', redirectTo }));
      expect(response.status).toBe(302);
      const location = String(response.headers.location);
      expect(new URL(location, fx.base).origin).toBe(new URL(fx.base).origin);
      expect(location).toMatch(/^\/(?!\/)/);
    });
  }

  it('still follows a path of the site', async () => {
    const person = await fx.freshPerson('member');
    const response = await raw('POST', '/login', { ...urlencoded, host: new URL(fx.base).host, origin: fx.base }, form({ email: person.email, password: 'correct-horse-battery', redirectTo: '/rounds?tab=open#top' }));
    expect(response.headers.location).toBe('/rounds?tab=open#top');
  });
});

describe('bad input is a 4xx with a message, never a 500', () => {
  const post = (path: string, headers: Record<string, string>, body: string) => raw('POST', path, { host: new URL(fx.base).host, origin: fx.base, cookie: fx.cookie.facilitator, ...headers }, body);

  it('refuses an action posted as JSON, as plain text, or as broken multipart', async () => {
    expect((await post('/account', { 'content-type': 'application/json' }, '{"intent":"change-password"}')).status).toBe(415);
    expect((await post('/account', { 'content-type': 'text/plain' }, 'intent=change-password')).status).toBe(415);
    const broken = await post('/account', { 'content-type': 'multipart/form-data; boundary=zzz' }, '--zzz\r\nbroken');
    expect(broken.status).toBe(400);
    expect(broken.body).toContain('The form could not be read');
  });

  it('refuses a NUL in a field or in the address', async () => {
    const field = await post('/organizations/new', urlencoded, form({ name: 'Evil\u0000NGO', level: 'local' }));
    expect(field.status).toBe(400);
    expect(field.body).toContain('cannot be stored');
    const query = await raw('GET', '/admin/users?q=a%00b', { host: new URL(fx.base).host, cookie: fx.cookie.admin });
    expect(query.status).toBe(400);
    const path = await raw('GET', `/rounds/${fx.round}%00`, { host: new URL(fx.base).host, cookie: fx.cookie.admin });
    expect(path.status).toBe(400);
  });

  it('refuses dates Postgres cannot store, in rounds, sessions and meetings', async () => {
    for (const date of ['+275760-09-13', '0000-01-01', '2026-02-30']) {
      const round = await post('/rounds/new', urlencoded, form({ title: 'Dated round', phase: 'draft', positionVisibility: 'never', submissionDeadline: `${date}T10:00` }));
      expect(round.status, `round ${date}`).toBe(400);
      const session = await post(`/rounds/${fx.round}/sessions/new`, urlencoded, form({ title: 'Dated session', startsAt: `${date}T10:00`, agenda: 'One' }));
      expect(session.status, `session ${date}`).toBe(400);
      const meeting = await raw('POST', `/rounds/${fx.round}/participation`, { ...urlencoded, host: new URL(fx.base).host, origin: fx.base, cookie: fx.cookie.secretariat }, form({ intent: 'meeting', title: 'Dated', kind: 'other', heldOn: date }));
      expect(meeting.status, `meeting ${date}`).toBe(400);
    }
  });

  it('answers a page of the audit log beyond its numbers', async () => {
    expect((await raw('GET', '/admin/audit?before=2147483648', { host: new URL(fx.base).host, cookie: fx.cookie.admin })).status).toBe(200);
  });

  it('answers a POST whose Host cannot be an origin, or differs from its Origin, with a 4xx', async () => {
    for (const host of ['evil.example', 'a b', 'localhost:99999', '[::1']) {
      for (const origin of [fx.base, `http://${host}`]) {
        const response = await raw('POST', '/account', { ...urlencoded, host, origin, cookie: fx.cookie.member }, form({ intent: 'change-password', currentPassword: 'wrong', newPassword: 'another-password-1', confirmPassword: 'another-password-1' }));
        // Refused as foreign, or (the request's own Host, no APP_ORIGIN) let through to the form's own answer.
        expect([403, 400], `${host} from ${origin}: ${response.body.slice(0, 120)}`).toContain(response.status);
      }
    }
    // A forwarded host (not believed: no proxy is configured) that is no valid origin, and an Origin to match it.
    const forwarded = await raw('POST', '/account', { ...urlencoded, host: new URL(fx.base).host, 'x-forwarded-host': 'evil.example:99999', origin: 'http://evil.example:99999', cookie: fx.cookie.member }, form({ intent: 'change-password', currentPassword: 'wrong', newPassword: 'another-password-1', confirmPassword: 'another-password-1' }));
    expect(forwarded.status).toBe(403);
    // Our own origin with a forwarded host that says otherwise: Remix used to answer 500.
    const mixed = await raw('POST', '/account', { ...urlencoded, host: new URL(fx.base).host, 'x-forwarded-host': 'evil.example', origin: fx.base, cookie: fx.cookie.member }, form({ intent: 'change-password', currentPassword: 'wrong', newPassword: 'another-password-1', confirmPassword: 'another-password-1' }));
    expect(mixed.status).toBe(400);
  });
});

describe('a domain write and everything it implies are one transaction', () => {
  it('refuses a reply with a lone surrogate, storing nothing', async () => {
    const socket = await openSocket(fx.base, fx.cookie.member);
    const before = await rowCounts(handle.db);
    const ack = await ask<{ ok: boolean; error?: string; fields?: Record<string, string> }>(socket, 'comment:reply', { threadId: fx.roundThread.id, replyToId: fx.roundThread.commentId, body: 'Broken \ud800 text' });
    expect(ack).toMatchObject({ ok: false, error: 'invalid-payload', fields: { body: 'errors.input.unstorable' } });
    const report = await ask<{ ok: boolean; error?: string }>(socket, 'comment:report', { commentId: fx.roundThread.commentId, reason: 'Broken \ud800 reason' });
    expect(report).toMatchObject({ ok: false, error: 'invalid-payload' });
    expect(await rowCounts(handle.db)).toEqual(before);
    socket.close();
  });

  it('keeps no reply when its notifications cannot be filed', async () => {
    const { thread } = await startThread(handle.db, fx.person.otherMember, { scope: 'round', roundId: fx.round, title: 'Atomic', body: 'First.' });
    const before = (await handle.db.select().from(comments).where(eq(comments.threadId, thread.id))).length;
    await handle.db.execute(sql`alter table notifications rename to notifications_away`);
    try {
      await expect(reply(handle.db, fx.person.member, { threadId: thread.id, replyToId: thread.first.id, body: 'A reply whose notifications fail.' })).rejects.toThrow();
    } finally {
      await handle.db.execute(sql`alter table notifications_away rename to notifications`);
    }
    expect(await handle.db.select().from(comments).where(eq(comments.threadId, thread.id))).toHaveLength(before);
    expect(rowsOf(await handle.db.execute(sql`select 1 from ${notifications} where payload->>'excerpt' like 'A reply whose%'`))).toHaveLength(0);
  });

  it('keeps no report when its audit entry cannot be written', async () => {
    const { thread } = await startThread(handle.db, fx.person.otherMember, { scope: 'round', roundId: fx.round, title: 'Reported', body: 'Reported text.' });
    await handle.db.execute(sql`alter table audit_log rename to audit_log_away`);
    try {
      await expect(reportComment(handle.db, fx.person.member, { commentId: thread.first.id, reason: 'Off topic' })).rejects.toThrow();
    } finally {
      await handle.db.execute(sql`alter table audit_log_away rename to audit_log`);
    }
    expect(await handle.db.select().from(commentReports).where(eq(commentReports.commentId, thread.first.id))).toHaveLength(0);
  });
});

// Last: it uses up this address's sign-ins for the minute.
describe('the per-address sign-in limit', () => {
  it('is not escaped by a rotating X-Forwarded-For when no proxy is configured', async () => {
    let last = 0;
    for (let i = 0; i < 101; i++) {
      last = (await raw('POST', '/login', { ...urlencoded, host: new URL(fx.base).host, origin: fx.base, 'x-forwarded-for': `203.0.113.${i % 250}` }, form({ email: `nobody${i}@example.org`, password: 'x' }))).status;
    }
    expect(last).toBe(429);
  });
});

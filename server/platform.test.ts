/**
 * The server as a client meets it: a real listening http.Server with socket.io, a real
 * database, real sockets. Pages are not mounted here (web: 'none'); the end-to-end tests
 * drive those in a browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { createSession, invalidateUserSessions } from '../domain/auth/sessions.ts';
import { openTestDatabase } from '../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../tests/factories.ts';
import { loadConfig } from './config.ts';
import { createPlatform, type Platform } from './platform.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let base: string;
let cookie: string;
let organizationId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test' }), bodyLimit: 10_000 };
  platform = await createPlatform({ config, web: 'none', database: handle });
  base = await platform.listen(0, '127.0.0.1');
  const user = await makeUser(handle.db, { role: 'observer' });
  organizationId = (await makeOrganization(handle.db)).id;
  const { token } = await createSession(handle.db, user.id, config.sessionTimeouts);
  cookie = `idm_session=${token}`;
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await platform.close();
  await handle.dispose();
});

function open(options: { cookie?: string; origin?: string } = {}): Socket {
  const socket = connect(base, {
    path: '/socket.io/',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { ...(options.cookie ? { cookie: options.cookie } : {}), origin: options.origin ?? base },
  });
  sockets.push(socket);
  return socket;
}

function outcome(socket: Socket): Promise<'connected' | string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

function rawUpgrade(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(base);
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${base}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

function post(path: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('GET /healthz', () => {
  it('answers 200 with the database reachable', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});

describe('security baseline', () => {
  it('sets a CSP with object-src none and base-uri none, and other security headers', async () => {
    // A request refused by the Origin check: it has been through the security middleware.
    const response = await fetch(`${base}/login`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a mutation from a foreign Origin with 403 and a message', async () => {
    const response = await post('/login', { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, 'email=a&password=b');
    expect(response.status).toBe(403);
    expect(response.text).toMatch(/another site/);
  });

  it('refuses a mutation that carries neither Origin nor Referer', async () => {
    const response = await post('/login', { 'content-type': 'application/x-www-form-urlencoded' }, 'email=a');
    expect(response.status).toBe(403);
  });

  it('answers 413 to a body over the limit, in the language asked for', async () => {
    const body = 'x'.repeat(20_000);
    const response = await post('/login', { origin: base, 'accept-language': 'fr', 'content-type': 'text/plain', 'content-length': String(body.length) }, body);
    expect(response.status).toBe(413);
    expect(response.text).toMatch(/trop/i);
  });
});

describe('WebSocket upgrades', () => {
  it('refuses an upgrade on an unknown path', async () => {
    expect(await rawUpgrade('/somewhere')).toBe('HTTP/1.1 404 Not Found');
  });

  it('refuses an upgrade to /collab without a session', async () => {
    expect(await rawUpgrade('/collab')).toBe('HTTP/1.1 401 Unauthorized');
  });
});

describe('socket.io handshake', () => {
  it('refuses a connection without a session', async () => {
    expect(await outcome(open())).toBe('unauthorized');
  });

  it('refuses a connection with a made-up session', async () => {
    expect(await outcome(open({ cookie: 'idm_session=made-up' }))).toBe('unauthorized');
  });

  it('refuses a connection from a foreign Origin, even with a valid session', async () => {
    expect(await outcome(open({ cookie, origin: 'https://evil.example' }))).not.toBe('connected');
  });

  it('accepts a signed-in person from our own Origin', async () => {
    expect(await outcome(open({ cookie }))).toBe('connected');
  });
});

describe('socket events', () => {
  it('answers a malformed payload with an error acknowledgement', async () => {
    const socket = open({ cookie });
    await outcome(socket);
    const ack = await socket.timeout(2000).emitWithAck('organization:watch', { organizationId: 'nope' });
    expect(ack).toMatchObject({ ok: false, error: 'invalid-payload' });
    const none = await socket.timeout(2000).emitWithAck('organization:watch', 'just a string');
    expect(none).toMatchObject({ ok: false, error: 'invalid-payload' });
  });

  it('answers not-found for an organization that does not exist', async () => {
    const socket = open({ cookie });
    await outcome(socket);
    const ack = await socket.timeout(2000).emitWithAck('organization:watch', { organizationId: '00000000-0000-4000-8000-000000000000' });
    expect(ack).toEqual({ ok: false, error: 'not-found' });
  });

  it('tells watchers of an organization when it changes', async () => {
    const socket = open({ cookie });
    await outcome(socket);
    expect(await socket.timeout(2000).emitWithAck('organization:watch', { organizationId })).toEqual({ ok: true });
    const changed = new Promise((resolve) => socket.once('organization:changed', resolve));
    platform.services.realtime.organizationChanged(organizationId);
    expect(await changed).toEqual({ organizationId });
  });

  it("tells the readers of a paper when a version is submitted, and refuses those who may not read it", async () => {
    const { users, positionPapers, organizations } = await import('../db/schema.ts');
    const { eq } = await import('drizzle-orm');
    const socketOf = async (email: string) => {
      const [person] = await handle.db.select().from(users).where(eq(users.email, email));
      const { token } = await createSession(handle.db, person!.id, platform.services.config.sessionTimeouts);
      const socket = open({ cookie: `idm_session=${token}` });
      await outcome(socket);
      return socket;
    };
    const [strada] = await handle.db.select({ id: positionPapers.id }).from(positionPapers).innerJoin(organizations, eq(organizations.id, positionPapers.organizationId)).where(eq(organizations.name, 'La Strada Ukraine'));
    const taras = await socketOf('observer2@example.org');
    const katharina = await socketOf('observer3@example.org');
    expect(await taras.timeout(2000).emitWithAck('paper:watch', { paperId: strada!.id })).toEqual({ ok: true });
    // Another organization's draft, nothing submitted: not hers to watch.
    expect(await katharina.timeout(2000).emitWithAck('paper:watch', { paperId: strada!.id })).toEqual({ ok: false, error: 'forbidden' });
    expect(await katharina.timeout(2000).emitWithAck('paper:watch', { paperId: 'nope' })).toMatchObject({ ok: false, error: 'invalid-payload' });
    let heard = false;
    katharina.on('paper:changed', () => (heard = true));
    const changed = new Promise((resolve) => taras.once('paper:changed', resolve));
    platform.services.realtime.paperSubmitted(strada!.id);
    expect(await changed).toEqual({ paperId: strada!.id });
    expect(heard).toBe(false);
  });

  it('disconnects a person signed out everywhere', async () => {
    const user = await makeUser(handle.db);
    const { token } = await createSession(handle.db, user.id, platform.services.config.sessionTimeouts);
    const socket = open({ cookie: `idm_session=${token}` });
    expect(await outcome(socket)).toBe('connected');
    const gone = new Promise((resolve) => socket.once('disconnect', resolve));
    await invalidateUserSessions(handle.db, user.id);
    await platform.services.access.changed({ userId: user.id, reason: 'signed-out-everywhere' });
    expect(await gone).toBe('io server disconnect');
  });

  it('keeps the socket of a person whose access did not change', async () => {
    const user = await makeUser(handle.db);
    const { token } = await createSession(handle.db, user.id, platform.services.config.sessionTimeouts);
    const socket = open({ cookie: `idm_session=${token}` });
    expect(await outcome(socket)).toBe('connected');
    await platform.services.access.changed({ userId: user.id, reason: 'representative-changed' });
    expect(await socket.timeout(2000).emitWithAck('notifications:count', {})).toEqual({ ok: true, unread: 0 });
    expect(socket.connected).toBe(true);
  });

  it('accepts at most 20 sockets from one signed-in session', async () => {
    const user = await makeUser(handle.db);
    const { token } = await createSession(handle.db, user.id, platform.services.config.sessionTimeouts);
    const many: Socket[] = [];
    const outcomes: string[] = [];
    // One after the other, so the refused one is the 21st.
    for (let i = 0; i < 21; i++) {
      const socket = open({ cookie: `idm_session=${token}` });
      many.push(socket);
      outcomes.push(await outcome(socket));
    }
    expect(outcomes.filter((o) => o === 'connected')).toHaveLength(20);
    expect(outcomes.filter((o) => o === 'too-many-connections')).toHaveLength(1);
    // Closing one makes room for another.
    many[0]!.disconnect();
    let again = 'not tried';
    for (let i = 0; i < 40 && again !== 'connected'; i++) {
      again = await outcome(open({ cookie: `idm_session=${token}` }));
      if (again !== 'connected') await new Promise((r) => setTimeout(r, 50));
    }
    expect(again).toBe('connected');
  });
});

describe('demo data at start', () => {
  it('adds whatever of the demo is missing at every start that asks for it, not only on an empty database', async () => {
    const { users } = await import('../db/schema.ts');
    const { eq } = await import('drizzle-orm');
    const other = await openTestDatabase();
    // A production start on DATABASE_URL: the organizations, no demo account.
    const production = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://unused.invalid/idm', APP_ORIGIN: 'https://consult.example.org' });
    let started = await createPlatform({ config: production, web: 'none', database: other });
    expect(started.seeded).toMatchObject({ accountsAdded: 0 });
    expect(started.seeded!.organizationsAdded).toBeGreaterThan(40);
    await started.close();
    expect(await other.db.select().from(users)).toHaveLength(0);
    // The same database started again with DEMO_SEED=1: the demo arrives.
    started = await createPlatform({ config: { ...production, demoSeed: true }, web: 'none', database: other });
    expect(started.seeded).toMatchObject({ organizationsAdded: 0, accountsAdded: 6, roundAdded: true, sessionsAdded: 2 });
    await started.close();
    // An account deleted by hand comes back at the next start; nothing is added twice.
    await other.db.delete(users).where(eq(users.email, 'observer2@example.org'));
    started = await createPlatform({ config: { ...production, demoSeed: true }, web: 'none', database: other });
    expect(started.seeded).toEqual({ organizationsAdded: 0, accountsAdded: 1, roundAdded: false, sessionsAdded: 0 });
    await started.close();
    await other.dispose();
  });
});

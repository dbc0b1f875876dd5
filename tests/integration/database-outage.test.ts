/**
 * The database stops, or the network to it drops everything, while the production server runs
 * (a TCP proxy between them is the fault injector). Pages answer a translated "temporarily
 * unavailable" page with 503 and Retry-After within seconds, never a hang or a 500 showing
 * translation keys; `/healthz` says so at once; co-editors are not told "stored" for what the
 * database did not take, and it is stored when the database returns.
 *
 * Postgres only: the embedded database lives inside the server's process and cannot stop while
 * it runs. The faults that apply to both (a database refusing writes) are in
 * server/collaboration/durability.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { eq } from 'drizzle-orm';
import { createSession } from '../../domain/auth/sessions.ts';
import { loadDocument } from '../../domain/collaboration/document-store.ts';
import { paperDocumentName } from '../../domain/papers.ts';
import { positionPapers } from '../../db/schema.ts';
import { loadConfig } from '../../server/config.ts';
import { createPlatform, type Platform } from '../../server/platform.ts';
import { openTestDatabase } from '../setup/database.ts';
import { openCoEditor, type CoEditor } from '../support/collab-client.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);
if (onPostgres && !fs.existsSync('build/server/index.js')) {
  throw new Error('The production build is missing: run `npm run build` before these tests (npm test does).');
}

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let throughProxy: DatabaseHandle;
let proxy: TcpProxy;
let platform: Platform;
let base: string;
let cookie: string;
let documentName: string;
const logged: string[] = [];
const editors: CoEditor[] = [];
const config = loadConfig({ NODE_ENV: 'test' });

async function timed(path: string, headers: Record<string, string> = {}) {
  const began = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });
  const body = await response.text();
  return { response, body, ms: performance.now() - began };
}

const eventually = async (check: () => boolean | Promise<boolean>, ms = 15_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(!onPostgres)('a database outage (Postgres behind a proxy)', () => {
  beforeAll(async () => {
    handle = await openTestDatabase();
    const target = new URL(handle.url!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    throughProxy = await openDatabase({ databaseUrl: proxy.url(handle.url!) });
    // The background check is slowed down so that the first failing page is seen as it is.
    platform = await createPlatform({ config, web: 'build', database: throughProxy, log: (m) => logged.push(m), healthIntervalMs: 60_000 });
    base = await platform.listen(0, '127.0.0.1');
    const [olena] = await handle.db.select().from(users).where(eq(users.email, 'observer1@example.org'));
    cookie = `idm_session=${(await createSession(handle.db, olena!.id, config.sessionTimeouts)).token}`;
    const [paper] = await handle.db.select().from(positionPapers).where(eq(positionPapers.organizationId, olena!.organizationId!));
    documentName = paperDocumentName(paper!.id);
  });

  afterAll(async () => {
    editors.forEach((e) => e.close());
    await proxy?.restore();
    await platform?.close();
    await throughProxy?.close();
    await proxy?.close();
    await handle?.dispose();
  });

  it('answers pages with a translated 503 and Retry-After while the database is stopped, and serves them again when it returns', async () => {
    expect((await timed('/rounds', { cookie })).response.status).toBe(200);
    await proxy.stop();

    // The first page to fail: its loader's query is refused.
    const first = await timed('/rounds', { cookie, 'accept-language': 'fr-FR,fr;q=0.9' });
    expect(first.response.status).toBe(503);
    expect(first.response.headers.get('retry-after')).toBe('10');
    expect(first.body).toContain('La plateforme est momentanément indisponible');
    expect(first.body).not.toMatch(/errorPage\.|Failed query/);
    expect(first.ms).toBeLessThan(5000);

    // From then on, every page answers at once, /login included, in the visitor's language.
    for (const [path, language, title] of [
      ['/login', 'es', 'La plataforma no está disponible temporalmente'],
      ['/rounds', 'en', 'The platform is temporarily unavailable'],
      ['/', 'fr', 'La plateforme est momentanément indisponible'],
    ] as const) {
      const page = await timed(path, { cookie, 'accept-language': language });
      expect(page.response.status, path).toBe(503);
      expect(page.body, path).toContain(title);
      expect(page.ms, path).toBeLessThan(1000);
    }
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', databaseAvailable: false });
    expect(logged.join('\n')).not.toMatch(/params:|Failed query/);

    await proxy.restore();
    await eventually(async () => (await fetch(`${base}/rounds`, { headers: { cookie }, redirect: 'manual' })).status === 200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  }, 60_000);

  it('bounds every query: with a network that drops everything, a page answers 503 within seconds, not minutes', async () => {
    proxy.blackhole();
    const page = await timed('/rounds', { cookie });
    expect(page.response.status).toBe(503);
    expect(page.ms).toBeLessThan(9000);
    await proxy.restore();
    await eventually(async () => (await fetch(`${base}/rounds`, { headers: { cookie }, redirect: 'manual' })).status === 200);
  }, 60_000);

  it('answers /healthz at once while every connection of the pool is busy', async () => {
    const { sql } = await import('drizzle-orm');
    const busy = Array.from({ length: 25 }, () => throughProxy.db.execute(sql`select pg_sleep(2)`));
    await new Promise((r) => setTimeout(r, 200));
    const began = performance.now();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(performance.now() - began).toBeLessThan(300);
    await Promise.all(busy);
  }, 30_000);

  it('never says "stored" for edits the stopped database did not take, and stores them when it returns', async () => {
    const olena = openCoEditor({ base, cookie, documentName });
    editors.push(olena);
    await olena.ready;
    olena.type('Before the outage.');
    await olena.flush();

    await proxy.stop();
    olena.type('Typed while Postgres is stopped.');
    let answered = false;
    const answer = olena.flush().then(() => (answered = true));
    await eventually(() => olena.messages.some((m) => m.type === 'storage' && m.state === 'failing'));
    await new Promise((r) => setTimeout(r, 1000));
    expect(answered).toBe(false);

    await proxy.restore();
    await answer;
    const { doc } = await loadDocument(handle.db, documentName);
    expect(doc.getXmlFragment('default').toString()).toContain('Typed while Postgres is stopped.');
    expect(logged.join('\n')).not.toContain('Typed while Postgres');
  }, 60_000);
});

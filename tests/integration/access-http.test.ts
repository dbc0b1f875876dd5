/**
 * The access table (tests/security/access-table.ts) over HTTP, on the production build: every
 * page and every action, for each kind of person. A refusal is a 403 whose audit entry names
 * the person, and changes nothing; every route of the build has an entry; docs/security.md is
 * the table as generated from the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditWatermark, refusalsSince } from '../security/audit.ts';
import type { Platform } from '../../server/platform.ts';
import { openWorld, type World } from '../security/world.ts';
import { actions, pages, type ActionCase, type HttpAnswer } from '../security/access-table.ts';
import { rowCounts } from '../security/counts.ts';
import { people, type Fixture, type Who } from '../security/fixture.ts';
import { securityDocument } from '../security/document.ts';
import { formBody } from '../security/http.ts';


let world: World;
let handle: World['handle'];
let platform: Platform;
let fx: Fixture;

beforeAll(async () => {
  world = await openWorld();
  ({ handle, platform, fx } = world);
});

afterAll(async () => {
  await world.close();
});

async function send(pathname: string, cookie: string | undefined, init: { method?: string; form?: Array<[string, string]>; files?: ActionCase['files'] } = {}) {
  const headers: Record<string, string> = { origin: fx.base };
  if (cookie) headers.cookie = cookie;
  let body: string | FormData | undefined;
  if (init.method === 'POST') {
    const encoded = formBody(init.form ?? [], init.files);
    body = encoded.body;
    if (encoded.type) headers['content-type'] = encoded.type;
  }
  return fetch(`${fx.base}${pathname}`, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
}

async function expectAnswer(response: Response, expected: HttpAnswer, who: Who, actorId: string | null, watermark: number) {
  if (expected === 'login') {
    expect(response.status, who).toBe(302);
    expect(response.headers.get('location'), who).toMatch(/^\/login/);
    return;
  }
  expect(response.status, `${who}: ${(await response.clone().text()).slice(0, 200)}`).toBe(expected);
  if (expected === 403) {
    // Every refusal is in the audit log, under the person refused.
    expect(await refusalsSince(handle.db, watermark, actorId!), `${who}: the refusal is audited`).toHaveLength(1);
  }
}

const id = (who: Who) => (who === 'visitor' ? null : fx.person[who].id);

describe('every page, for each kind of person', () => {
  for (const c of pages) {
    for (const who of people) {
      it(`${c.name} (${c.route}): ${who} → ${c.expect[who]}`, async () => {
        const watermark = await auditWatermark(handle.db);
        const response = await send(c.path(fx), who === 'visitor' ? undefined : fx.cookie[who]);
        await expectAnswer(response, c.expect[who], who, id(who), watermark);
      });
    }
  }
});

describe('every action, for each kind of person', () => {
  for (const c of actions) {
    for (const who of people) {
      it(`${c.name} (${c.route}): ${who} → ${c.expect[who]}`, async () => {
        const prepared = (await c.prepare?.(fx, who)) ?? {};
        let cookie = who === 'visitor' ? undefined : fx.cookie[who];
        let actorId = id(who);
        if (c.fresh && who !== 'visitor') {
          const person = await fx.freshPerson(who);
          cookie = person.cookie;
          actorId = person.id;
        }
        // Work an earlier answer started (reminders being sent, a reset mail) is done before counting.
        await platform.services.background.drain();
        const before = await rowCounts(handle.db);
        const watermark = await auditWatermark(handle.db);
        const response = await send(c.path(fx, prepared), cookie, { method: 'POST', form: c.form(fx, prepared), files: c.files });
        await expectAnswer(response, c.expect[who], who, actorId, watermark);
        // Refused: nothing changed.
        if (c.expect[who] === 403 || c.expect[who] === 'login') expect(await rowCounts(handle.db), who).toEqual(before);
      });
    }
  }
});

describe('the table is complete and published', () => {
  it('has an entry for every loader and every action of the build', async () => {
    const build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as { routes: Record<string, { module: { loader?: unknown; action?: unknown } }> };
    const missing: string[] = [];
    for (const [routeId, route] of Object.entries(build.routes)) {
      if (route.module.loader && !pages.some((c) => c.route === routeId)) missing.push(`loader of ${routeId}`);
      if (route.module.action && !actions.some((c) => c.route === routeId)) missing.push(`action of ${routeId}`);
    }
    expect(missing, 'add them to tests/security/access-table.ts').toEqual([]);
    const known = new Set(Object.keys(build.routes));
    expect([...pages, ...actions].map((c) => c.route).filter((r) => !known.has(r)), 'entries for routes that do not exist').toEqual([]);
  });

  it('is what docs/security.md shows (run `npm run docs:security` after changing the list)', () => {
    expect(fs.readFileSync('docs/security.md', 'utf8')).toBe(securityDocument(fs.readFileSync('docs/security.md', 'utf8')));
  });
});

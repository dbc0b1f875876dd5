/**
 * Bad input to every form action of the access table (tests/security/access-table.ts), sent by
 * someone allowed to act: an empty form, JSON, plain text, broken multipart, each field empty,
 * huge, repeated, with a NUL, with a lone surrogate, each id malformed, unknown or of another
 * kind, each date and number out of range; and every address with its ids malformed, unknown or
 * of another kind. Never a 5xx; a refusal is a 4xx with a message and leaves every table as it
 * was (a `console.error`, which a 500 would log, fails the test too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Platform } from '../../server/platform.ts';
import { openWorld, type World } from '../security/world.ts';
import { actions, pages, type ActionCase, type Prepared } from '../security/access-table.ts';
import { rowCounts } from '../security/counts.ts';
import { people, type Fixture, type Who } from '../security/fixture.ts';
import { formBody } from '../security/http.ts';


let world: World;
let handle: World['handle'];
let platform: Platform;
let fx: Fixture;

beforeAll(async () => {
  world = await openWorld({ manySignIns: true });
  ({ handle, platform, fx } = world);
});

afterAll(async () => {
  await world.close();
});

/** The first signed-in person the table lets act (else the first signed-in person). */
function actor(c: ActionCase): Exclude<Who, 'visitor'> {
  const allowed = people.filter((p): p is Exclude<Who, 'visitor'> => p !== 'visitor' && typeof c.expect[p] === 'number' && (c.expect[p] as number) < 400);
  return allowed[0] ?? 'admin';
}

type Variant = { label: string; body: string | FormData | Uint8Array; type?: string; expect?: 'refused' };

const isoDates = ['+275760-09-13', '0000-01-01', '2026-02-30', 'tomorrow'];
const badNumbers = ['2147483648', '-1', '1e309', 'NaN', '1.5'];

function variants(c: ActionCase, form: Array<[string, string]>): Variant[] {
  const encode = (fields: Array<[string, string]>) => formBody(fields, c.files);
  const withField = (name: string, value: string) => form.map(([k, v]): [string, string] => [k, k === name ? value : v]);
  const list: Variant[] = [
    { label: 'an empty form', ...encode([]) },
    { label: 'the form as JSON', body: JSON.stringify(Object.fromEntries(form)), type: 'application/json', expect: 'refused' },
    { label: 'the form as plain text', body: new URLSearchParams(form).toString(), type: 'text/plain', expect: 'refused' },
    { label: 'broken multipart', body: '--x\r\nContent-Disposition: form-data; name="intent"\r\n\r\nbroken', type: 'multipart/form-data; boundary=x', expect: 'refused' },
    { label: 'a binary body', body: new Uint8Array([0, 159, 146, 150, 255, 0]), type: 'application/octet-stream', expect: 'refused' },
  ];
  for (const [name] of form) {
    list.push({ label: `${name} empty`, ...encode(withField(name, '')) });
    list.push({ label: `${name} huge`, ...encode(withField(name, 'x'.repeat(200_000))) });
    list.push({ label: `${name} repeated`, ...encode([...form, [name, 'another value']]) });
    list.push({ label: `${name} with a NUL`, ...encode(withField(name, `${form.find(([k]) => k === name)![1]}\u0000`)), expect: 'refused' });
    // A lone surrogate cannot be written in UTF-8: its bytes come as the browser would send them.
    list.push({ label: `${name} with a lone surrogate`, body: `${new URLSearchParams(form.filter(([k]) => k !== name)).toString()}&${encodeURIComponent(name)}=%ED%A0%80`, type: 'application/x-www-form-urlencoded' });
  }
  for (const name of c.fields?.ids ?? []) {
    for (const [what, value] of [['malformed', 'not-a-uuid'], ['unknown', randomUUID()], ['of another kind', fx.session]] as const) {
      list.push({ label: `${name} ${what}`, ...encode(withField(name, value)) });
    }
  }
  for (const name of c.fields?.dates ?? []) {
    for (const date of isoDates) {
      const value = name === 'heldOn' || name === 'observerSince' ? date : `${date}T10:00`;
      const fields = form.some(([k]) => k === name) ? withField(name, value) : [...form, [name, value] as [string, string]];
      if (name === 'observerSince') fields.push(['hasObserverStatus', 'on']);
      list.push({ label: `${name} = ${value}`, ...encode(fields), expect: 'refused' });
    }
  }
  for (const name of c.fields?.numbers ?? []) {
    for (const n of badNumbers) {
      const fields = form.some(([k]) => k === name) ? withField(name, n) : [...form, [name, n] as [string, string]];
      list.push({ label: `${name} = ${n}`, ...encode(fields), expect: 'refused' });
    }
  }
  return list;
}

async function post(path: string, cookie: string, v: Variant) {
  const headers: Record<string, string> = { origin: fx.base, cookie };
  if (v.type) headers['content-type'] = v.type;
  return fetch(`${fx.base}${path}`, { method: 'POST', headers, body: v.body as BodyInit, redirect: 'manual' });
}

describe('bad input to every action: a 4xx with a message, never a 5xx, never half-written', () => {
  for (const c of actions) {
    const who = actor(c);
    it(`${c.name} (${c.route}), as ${who}`, async () => {
      const sample = c.form(fx, (await c.prepare?.(fx, who)) ?? {});
      for (const v of variants(c, sample)) {
        const prepared = (await c.prepare?.(fx, who)) ?? {};
        const cookie = c.fresh ? (await fx.freshPerson(who)).cookie : fx.cookie[who];
        // The variant is built on this request's own prepared form (its ids are fresh).
        const own = variants(c, c.form(fx, prepared)).find((x) => x.label === v.label) ?? v;
        await platform.services.background.drain();
        const before = await rowCounts(handle.db);
        const response = await post(c.path(fx, prepared), cookie, own);
        const text = await response.text();
        expect(response.status, `${v.label}: ${text.slice(0, 200)}`).toBeLessThan(500);
        // An empty form sent as anything is still an empty form (sign out needs nothing more).
        const empty = typeof own.body === 'string' && own.body === '';
        if (v.expect === 'refused' && !empty) expect(response.status, v.label).toBeGreaterThanOrEqual(400);
        if (response.status >= 400) {
          expect(text.trim().length, `${v.label}: a message`).toBeGreaterThan(0);
          expect(await rowCounts(handle.db), `${v.label}: nothing written`).toEqual(before);
        }
      }
    });
  }
});

/** Every uuid of a path, replaced by a malformed id, an unknown one, and one of another kind. */
function wrongIds(path: string, prepared: Prepared = {}): string[] {
  const ids = [...new Set(path.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [])];
  // A session made for the case is of the session kind too: its wrong kind is a paper.
  const otherKind = (id: string) => (id === fx.session || id === prepared.sessionId ? fx.paper : fx.session);
  return ids.flatMap((id) => ['not-a-uuid', randomUUID(), otherKind(id), `${id.slice(0, 35)}`].map((wrong) => path.replace(id, wrong)));
}

describe('an address with a wrong id: 404, never a 500', () => {
  // Pages whose address holds ids (tokens are not ids: their pages say the link is unknown).
  const withIds = pages.filter((c) => c.route.includes('$') && c.route !== 'routes/$' && !c.route.includes('$token'));
  for (const c of withIds) {
    it(`${c.name} (${c.route})`, async () => {
      for (const path of wrongIds(c.path(fx))) {
        const response = await fetch(`${fx.base}${path}`, { headers: { cookie: fx.cookie.admin }, redirect: 'manual' });
        expect(response.status, path).toBe(404);
      }
    });
  }
  for (const c of actions.filter((a) => a.route.includes('$') && !a.route.includes('$token'))) {
    it(`posting to ${c.name} (${c.route})`, async () => {
      const prepared = (await c.prepare?.(fx, 'admin')) ?? {};
      for (const path of wrongIds(c.path(fx, prepared), prepared)) {
        await platform.services.background.drain();
        const before = await rowCounts(handle.db);
        const response = await post(path, fx.cookie.admin, { label: path, ...formBody(c.form(fx, prepared), c.files) });
        expect(response.status, path).toBe(404);
        expect(await rowCounts(handle.db)).toEqual(before);
      }
    });
  }
});

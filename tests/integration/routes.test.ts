/**
 * The pages over HTTP, on the production build: who is let in and who is refused, by every
 * loader and action; sign-in through the real form and cookie; bad input answered with 4xx.
 * Needs `npm run build` first (npm test runs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { auditWatermark, refusalsSince } from '../security/audit.ts';
import { auditLog, users } from '../../db/schema.ts';
import { loadConfig } from '../../server/config.ts';
import { createPlatform, type Platform } from '../../server/platform.ts';
import { openTestDatabase } from '../setup/database.ts';
import { makeOrganization, makeUser } from '../factories.ts';

if (!fs.existsSync('build/server/index.js')) {
  throw new Error('The production build is missing: run `npm run build` before these tests (npm test does).');
}

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let base: string;
const cookies: Record<string, string> = {};
let stradaId: string;
let caritasId: string;

async function request(path: string, options: { as?: string; method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { origin: base, ...(options.headers ?? {}) };
  if (options.as) headers.cookie = cookies[options.as]!;
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
  return fetch(`${base}${path}`, { method: options.method ?? (options.form ? 'POST' : 'GET'), headers, body: options.form ? body : undefined, redirect: 'manual' });
}

async function signInAs(email: string, password = 'consult-demo') {
  return request('/login', { form: { email, password } });
}

beforeAll(async () => {
  handle = await openTestDatabase();
  platform = await createPlatform({ config: loadConfig({ NODE_ENV: 'test' }), web: 'build', database: handle });
  base = await platform.listen(0, '127.0.0.1');
  for (const who of ['admin', 'facilitator', 'secretariat', 'observer1', 'observer2', 'observer3']) {
    const response = await signInAs(`${who}@example.org`);
    expect(response.status, who).toBe(302);
    cookies[who] = response.headers.get('set-cookie')!.split(';')[0]!;
  }
  const [strada] = await handle.db.select({ id: users.organizationId }).from(users).where(eq(users.email, 'observer1@example.org'));
  const [caritas] = await handle.db.select({ id: users.organizationId }).from(users).where(eq(users.email, 'observer3@example.org'));
  stradaId = strada!.id!;
  caritasId = caritas!.id!;
});

afterAll(async () => {
  await platform.close();
  await handle.dispose();
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const response = await signInAs('observer2@example.org');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^idm_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(response.headers.get('location')).toBe('/');
  });

  it('answers a wrong password with 400 and the one message', async () => {
    const response = await signInAs('observer2@example.org', 'wrong-password');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Email or password is incorrect');
  });

  it('does not follow a redirect to another site after sign-in', async () => {
    const response = await request('/login', { form: { email: 'observer2@example.org', password: 'consult-demo', redirectTo: '//evil.example/' } });
    expect(response.headers.get('location')).toBe('/');
  });
});

describe('toasts', () => {
  it('are shown once: the next page clears the cookie that carried them', async () => {
    const out = await request('/logout', { as: 'observer2', form: {} });
    expect(out.status).toBe(302);
    const toast = out.headers.getSetCookie().find((c) => c.startsWith('idm_toast='))!;
    expect(toast).toContain('toast.signedOut');
    const page = await request('/login', { headers: { cookie: toast.split(';')[0]! } });
    expect(await page.text()).toContain('You are signed out.');
    expect(page.headers.getSetCookie().find((c) => c.startsWith('idm_toast='))).toMatch(/Max-Age=0/);
    cookies.observer2 = (await signInAs('observer2@example.org')).headers.get('set-cookie')!.split(';')[0]!;
  });
});

describe('visitors', () => {
  it.each(['/', '/organizations', `/organizations/00000000-0000-4000-8000-000000000000`, '/invitations', '/invitations/new', '/account', '/admin/users', '/admin/audit', '/admin/outbox'])(
    'are sent to sign in from %s',
    async (path) => {
      const response = await request(path);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toMatch(/^\/login/);
    },
  );
});

describe('who may open which page', () => {
  const pages: Array<[string, string[], string[]]> = [
    ['/admin/users', ['admin'], ['facilitator', 'secretariat', 'observer1']],
    ['/admin/audit', ['admin'], ['facilitator', 'secretariat', 'observer1']],
    ['/admin/outbox', ['admin'], ['facilitator', 'secretariat', 'observer1']],
    ['/invitations', ['admin', 'facilitator', 'observer1'], ['secretariat', 'observer2']],
    ['/invitations/new', ['admin', 'facilitator', 'observer3'], ['secretariat', 'observer2']],
    ['/organizations/new', ['admin', 'facilitator'], ['secretariat', 'observer1']],
    ['/rounds/new', ['admin', 'facilitator'], ['secretariat', 'observer1']],
    ['/rounds', ['admin', 'facilitator', 'secretariat', 'observer1', 'observer3'], []],
    ['/moderation', ['admin', 'facilitator'], ['secretariat', 'observer1']],
    ['/notifications', ['admin', 'facilitator', 'secretariat', 'observer1', 'observer3'], []],
  ];
  for (const [path, allowed, refused] of pages) {
    for (const who of allowed) {
      it(`${who} opens ${path}`, async () => {
        expect((await request(path, { as: who })).status).toBe(200);
      });
    }
    for (const who of refused) {
      it(`${who} is refused ${path} with 403, and the refusal is audited`, async () => {
        const watermark = await auditWatermark(handle.db);
        const response = await request(path, { as: who });
        expect(response.status).toBe(403);
        expect(await response.text()).toContain('You may not see this page');
        const [person] = await handle.db.select().from(users).where(eq(users.email, `${who}@example.org`));
        const audited = await refusalsSince(handle.db, watermark, person!.id);
        expect(audited, 'one audit entry for the refusal, naming the person').toHaveLength(1);
        expect(audited[0]!.ip).toBe('127.0.0.1');
      });
    }
  }

  it('lets only staff open the edit page of an organization', async () => {
    expect((await request(`/organizations/${stradaId}/edit`, { as: 'facilitator' })).status).toBe(200);
    expect((await request(`/organizations/${stradaId}/edit`, { as: 'observer1' })).status).toBe(403);
    expect((await request(`/organizations/${stradaId}/edit`, { as: 'secretariat' })).status).toBe(403);
  });

  it('answers 404 for an organization that does not exist, or a malformed id', async () => {
    expect((await request('/organizations/00000000-0000-4000-8000-000000000000', { as: 'observer1' })).status).toBe(404);
    expect((await request('/organizations/not-an-id', { as: 'observer1' })).status).toBe(404);
  });
});

describe('actions refuse the wrong person', () => {
  it('a representative may not change members of another organization', async () => {
    const [katharina] = await handle.db.select().from(users).where(eq(users.email, 'observer3@example.org'));
    const response = await request(`/organizations/${caritasId}`, { as: 'observer1', form: { intent: 'remove', userId: katharina!.id } });
    expect(response.status).toBe(403);
    const [still] = await handle.db.select().from(users).where(eq(users.id, katharina!.id));
    expect(still!.disabledAt).toBeNull();
    const refusals = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'permission-refused'), eq(auditLog.subject, `user:${katharina!.id}`)));
    expect(refusals.length).toBeGreaterThan(0);
  });

  it('a plain member may not make themself representative', async () => {
    const [taras] = await handle.db.select().from(users).where(eq(users.email, 'observer2@example.org'));
    const response = await request(`/organizations/${stradaId}`, { as: 'observer2', form: { intent: 'set-representative', userId: taras!.id, isRepresentative: 'true' } });
    expect(response.status).toBe(403);
    const [still] = await handle.db.select().from(users).where(eq(users.id, taras!.id));
    expect(still!.isRepresentative).toBe(false);
  });

  it('a facilitator may not invite an admin; a representative may not invite into another organization', async () => {
    const admin = await request('/invitations/new', { as: 'facilitator', form: { email: 'boss@example.org', role: 'admin' } });
    expect(admin.status).toBe(403);
    const elsewhere = await request('/invitations/new', { as: 'observer1', form: { email: 'spy@example.org', role: 'observer', organizationId: caritasId } });
    expect(elsewhere.status).toBe(403);
  });

  it('only an admin changes roles, and not their own', async () => {
    const [secretariat] = await handle.db.select().from(users).where(eq(users.email, 'secretariat@example.org'));
    const [admin] = await handle.db.select().from(users).where(eq(users.email, 'admin@example.org'));
    expect((await request('/admin/users', { as: 'facilitator', form: { userId: secretariat!.id, role: 'admin' } })).status).toBe(403);
    expect((await request('/admin/users', { as: 'admin', form: { userId: admin!.id, role: 'observer' } })).status).toBe(403);
  });

  it('a facilitator may not edit an organization through a forged form of an observer', async () => {
    const response = await request(`/organizations/${stradaId}/edit`, { as: 'observer1', form: { name: 'Hijacked', level: 'local' } });
    expect(response.status).toBe(403);
  });
});

describe('papers', () => {
  async function stradaPaper() {
    const { positionPapers } = await import('../../db/schema.ts');
    const [paper] = await handle.db.select().from(positionPapers).where(eq(positionPapers.organizationId, stradaId));
    return `/rounds/${paper!.roundId}/papers/${paper!.id}`;
  }

  it("shows a draft to its organization's members only", async () => {
    const path = await stradaPaper();
    expect((await request(path, { as: 'observer2' })).status).toBe(200);
    const refused = await request(path, { as: 'observer3' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('You do not have access to this draft');
    // IOM staff read submitted versions, never drafts: nothing is submitted yet.
    expect((await request(path, { as: 'facilitator' })).status).toBe(403);
  });

  it('refuses a submission by a member who is not the representative, with a message, storing nothing', async () => {
    const path = await stradaPaper();
    const response = await request(path, { as: 'observer2', form: { intent: 'submit' } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Only your organization');
    const { paperVersions, positionPapers } = await import('../../db/schema.ts');
    const [paper] = await handle.db.select().from(positionPapers).where(eq(positionPapers.organizationId, stradaId));
    expect(await handle.db.select().from(paperVersions).where(eq(paperVersions.paperId, paper!.id))).toHaveLength(0);
  });

  it('lets the representative submit: a version with its SHA-256 receipt', async () => {
    const path = await stradaPaper();
    const response = await request(path, { as: 'observer1', form: { intent: 'submit' } });
    expect(response.status).toBe(302);
    const { paperVersions, positionPapers } = await import('../../db/schema.ts');
    const [paper] = await handle.db.select().from(positionPapers).where(eq(positionPapers.organizationId, stradaId));
    const [version] = await handle.db.select().from(paperVersions).where(eq(paperVersions.paperId, paper!.id));
    expect(version).toMatchObject({ number: 1 });
    expect(version!.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(version!.text).toContain('Prevention of trafficking');
    // Now IOM staff read it.
    expect((await request(path, { as: 'facilitator' })).status).toBe(200);
  });
});

describe('comments and notifications', () => {
  async function demoRound() {
    const { consultationRounds } = await import('../../db/schema.ts');
    const [round] = await handle.db.select().from(consultationRounds).limit(1);
    return round!;
  }

  it("shows a round's discussion to its participants, with the demo topic, and refuses the others", async () => {
    const round = await demoRound();
    const page = await request(`/rounds/${round.id}/discussion`, { as: 'observer3' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Which change in the partnership should come first?');
    const outsider = await makeUser(handle.db, { organizationId: (await makeOrganization(handle.db)).id, password: 'outsider-password' });
    const signedIn = await signInAs(outsider.email, 'outsider-password');
    const refused = await request(`/rounds/${round.id}/discussion`, { headers: { cookie: signedIn.headers.get('set-cookie')!.split(';')[0]! } });
    expect(refused.status).toBe(403);
  });

  it('saves notification preferences, and refuses an unknown choice with 400', async () => {
    const { notificationKinds } = await import('../../domain/notifications.ts');
    const choices = Object.fromEntries(notificationKinds.map((k) => [`pref-${k}`, k === 'reply' ? 'off' : 'app']));
    expect((await request('/notifications', { as: 'observer2', form: { intent: 'preferences', ...choices } })).status).toBe(302);
    const page = await request('/notifications', { as: 'observer2' });
    const html = await page.text();
    const checked = html.match(/<input[^>]*name="pref-reply"[^>]*checked=""[^>]*>/g) ?? [];
    expect(checked).toHaveLength(1);
    expect(checked[0]).toContain('value="off"');
    expect((await request('/notifications', { as: 'observer2', form: { intent: 'preferences', ...choices, 'pref-mention': 'sometimes' } })).status).toBe(400);
  });

  it('opens only my own notifications, and only to a path inside the app', async () => {
    const { notify, listNotifications } = await import('../../domain/notifications.ts');
    const [olena] = await handle.db.select().from(users).where(eq(users.email, 'observer1@example.org'));
    await notify(handle.db, [{ userId: olena!.id, kind: 'mention', payload: { actor: 'Taras', round: 'R', excerpt: 'x' }, link: '/rounds' }]);
    const [mine] = (await listNotifications(handle.db, olena!.id)).notifications;
    const opened = await request('/notifications', { as: 'observer1', form: { intent: 'open', id: mine!.id } });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe('/rounds');
    expect((await request('/notifications', { as: 'observer3', form: { intent: 'open', id: mine!.id } })).status).toBe(404);
    expect((await request('/notifications', { as: 'observer3', form: { intent: 'open', id: 'nonsense' } })).status).toBe(400);
  });

  it('refuses moderation by an observer, and answers a hide without a reason with 400', async () => {
    const { comments } = await import('../../db/schema.ts');
    const [comment] = await handle.db.select().from(comments).limit(1);
    expect((await request('/moderation', { as: 'observer1', form: { intent: 'hide', commentId: comment!.id, reason: 'Spam' } })).status).toBe(403);
    const response = await request('/moderation', { as: 'facilitator', form: { intent: 'hide', commentId: comment!.id, reason: '' } });
    expect(response.status).toBe(400);
    expect((await handle.db.select().from(comments).where(eq(comments.id, comment!.id)))[0]!.hiddenAt).toBeNull();
  });
});

describe('bad input gets a clear 4xx, never a 500', () => {
  it('answers invalid invitation fields with 400 and messages', async () => {
    const response = await request('/invitations/new', { as: 'facilitator', form: { email: 'not-an-email', role: 'observer' } });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('Enter a valid email address');
    expect(text).toContain('Choose the organization the observer belongs to.');
  });

  it('answers an invalid organization form with 400 and messages beside the fields', async () => {
    const response = await request('/organizations/new', { as: 'facilitator', form: { name: '', level: 'galactic', countries: 'Ukraine' } });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('Enter a name.');
    expect(text).toContain('Use two-letter country codes');
  });

  it('ignores an unknown organization in a forged round form instead of failing', async () => {
    const response = await request('/rounds/new', { as: 'facilitator', form: { title: 'Forged invitations', phase: 'draft', positionVisibility: 'never', invitedOrganizationIds: '00000000-0000-4000-8000-000000000000' } });
    expect(response.status).toBe(302);
  });

  it('answers an over-long or repeated search query without failing', async () => {
    expect((await request(`/search?q=${'migration '.repeat(100)}`, { as: 'facilitator' })).status).toBe(200);
    expect((await request('/search?q=a&q=b&round=nope', { as: 'facilitator' })).status).toBe(200);
  });

  it('answers a malformed member action with 400', async () => {
    expect((await request(`/organizations/${stradaId}`, { as: 'facilitator', form: { intent: 'explode' } })).status).toBe(400);
  });

  it('answers an unknown language with 400', async () => {
    expect((await request('/settings/language', { form: { locale: 'klingon' } })).status).toBe(400);
  });

  it('says an expired or used link is so, with 410', async () => {
    const used = await request('/reset-password/unknown-token');
    expect(used.status).toBe(410);
    expect(await used.text()).toContain('This link is not valid');
  });

  it('refuses a body over the limit with 413', async () => {
    const big = 'x'.repeat(1_100_000);
    const response = await request('/login', { form: { email: 'a@example.org', password: big } });
    expect(response.status).toBe(413);
  });
});

describe('sign-in throttling per address', () => {
  it('answers 429 after 100 sign-in requests in a minute, with when to retry', async () => {
    const from = { 'x-forwarded-for': '203.0.113.7' };
    let last: Response | undefined;
    for (let i = 0; i < 101; i++) {
      last = await request('/login', { form: { email: `nobody${i}@example.org`, password: 'x' }, headers: from });
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last!.text()).toContain('Too many attempts');
  });
});

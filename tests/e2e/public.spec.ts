/**
 * The public record, browsed without signing in: the list, a public round (framing, published
 * summary, the position its organization agreed to publish, the figures and their downloads),
 * the feed. Every link and every page's data (`.data`, what the browser's navigation loads) is
 * followed anonymously: public pages answer, anything else is refused, and the words of the
 * position its organization kept unpublished appear nowhere. A round that is not public is 404.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { closeContexts, personAt } from './helpers.ts';
import { publicRoundTitle, reviewRoundTitle, unpublishedWords } from './fixture-names.ts';

test.afterEach(closeContexts);

/** An anonymous GET that does not follow redirects. */
async function anonymous(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  return request.get(path, { maxRedirects: 0, headers });
}

test('a public round is read by anyone; every link from it leads to public pages or is refused; nothing unpublished leaks', async ({ page, playwright, browser }) => {
  // The list, without signing in: the public round, and the shell of a visitor (no signed-in navigation).
  await page.goto('/public');
  await expect(page.getByRole('heading', { level: 1, name: 'Public record' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /consultations with NGOs/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('link', { name: publicRoundTitle }).click();

  // The round: framing, summary (the published position's citation links to its paragraph), positions, figures.
  await expect(page.getByRole('heading', { level: 1, name: publicRoundTitle })).toBeVisible();
  const roundPath = new URL(page.url()).pathname;
  expect(roundPath).toMatch(/^\/public\/rounds\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Which pathways keep people safe on the move?')).toBeVisible();
  await expect(page.getByText('Hotlines prevent trafficking before departure.')).toBeVisible();
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Hotlines prevent trafficking/);
  const positions = page.getByRole('region', { name: 'Positions' });
  await expect(positions.getByRole('link', { name: 'La Strada Ukraine' })).toBeVisible();
  await expect(positions.getByRole('link', { name: 'Caritas Österreich' })).toHaveCount(0);
  await expect(positions).toContainText('1 of the 2 submitted positions are published');
  await expect(page.getByRole('region', { name: 'Participation' }).getByRole('row', { name: /Caritas Österreich/ })).toBeVisible();
  await page.locator('#summary cite a').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Position of La Strada Ukraine' })).toBeVisible();
  await expect(page.locator('#paragraph-1')).toHaveText('Hotlines reached young women before they left.');
  await expect(page.getByText(unpublishedWords)).toHaveCount(0);

  // The open data, as files.
  await page.goto(roundPath);
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the figures (CSV)' }).click();
  const csvText = await (await csvDownload).createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  expect(csvText).toContain('"organization","acronym","countries","level"');
  expect(csvText).toContain('"La Strada Ukraine"');

  // Every link and every page's data, anonymously (a request context with no cookies at all).
  const request = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const seen = new Set<string>();
  const queue = ['/public', '/public/feed', roundPath];
  const refused: string[] = [];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await anonymous(request, path);
    const body = await response.text();
    expect(body, `${path} shows nothing unpublished`).not.toContain(unpublishedWords);
    if (path === '/login') {
      // The sign-in page is the one page outside /public a visitor may open (the frame links to it).
      expect(response.status()).toBe(200);
      continue;
    }
    if (!path.startsWith('/public')) {
      // Not public: sent to sign in, or not found; never the page.
      expect([302, 303, 404], `${path} is refused`).toContain(response.status());
      if (response.status() !== 404) expect(response.headers().location).toMatch(/^\/login/);
      refused.push(path);
      continue;
    }
    expect(response.status(), path).toBe(200);
    const type = response.headers()['content-type'] ?? '';
    if (type.startsWith('text/html')) {
      // The data the browser loads when it navigates here: public too, and clean.
      const data = await anonymous(request, `${path}.data`);
      expect(data.status(), `${path}.data`).toBe(200);
      expect(await data.text()).not.toContain(unpublishedWords);
      for (const [, href] of body.matchAll(/href="([^"#]*)(?:#[^"]*)?"/g)) {
        if (!href || href.startsWith('http') || href.startsWith('//') || href.startsWith('/assets/') || /\.(svg|css|ico)$/.test(href)) continue;
        queue.push(href.replace(/&amp;/g, '&'));
      }
    }
  }
  expect([...seen].filter((p) => p.startsWith('/public/rounds/')).length).toBeGreaterThanOrEqual(4);
  expect(seen).toContain('/login');
  expect(refused).toContain('/');

  // URLs that are not public, each refused to a visitor.
  const staff = await personAt(browser, 'facilitator@example.org');
  await staff.goto('/rounds');
  await staff.getByRole('link', { name: reviewRoundTitle }).click();
  const privateRound = new URL(staff.url()).pathname.split('/')[2]!;
  await staff.goto('/rounds');
  await staff.getByRole('link', { name: publicRoundTitle }).click();
  await staff.getByRole('link', { name: 'Caritas Österreich' }).first().click();
  const caritasPaper = new URL(staff.url()).pathname.split('/')[4]!;
  const publicRound = roundPath.split('/')[3]!;
  for (const path of [`/public/rounds/${privateRound}`, `/public/rounds/${privateRound}/participation.csv`, `/public/rounds/${privateRound}/participation.json`, `/public/rounds/${publicRound}/positions/${caritasPaper}`, '/public/rounds/not-a-round', `/public/rounds/${privateRound}.data`]) {
    const response = await anonymous(request, path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).not.toContain(unpublishedWords);
  }
  for (const path of [`/rounds/${publicRound}`, `/rounds/${publicRound}/summary`, `/rounds/${publicRound}/papers/${caritasPaper}`, `/rounds/${publicRound}/participation.csv`, `/rounds/${privateRound}/review`, '/organizations', '/search?q=Caritas', '/notifications']) {
    const response = await anonymous(request, path);
    expect(response.status(), path).toBe(302);
    expect(response.headers().location, path).toMatch(/^\/login/);
  }
  await request.dispose();
});

test('public pages are cacheable: an ETag, and 304 when revalidated, with the language in the page', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const list = await anonymous(request, '/public', { 'accept-language': 'fr' });
  expect(list.status()).toBe(200);
  expect(await list.text()).toContain('<html lang="fr"');
  const round = /href="(\/public\/rounds\/[0-9a-f-]{36})"/.exec(await (await anonymous(request, '/public')).text())![1]!;
  for (const path of ['/public', '/public/feed', round, `${round}/participation.json`]) {
    const first = await anonymous(request, path);
    expect(first.status(), path).toBe(200);
    const etag = first.headers().etag;
    expect(etag, path).toMatch(/^W\/".+"$/);
    expect(first.headers()['cache-control']).toBe('public, no-cache');
    const again = await anonymous(request, path, { 'if-none-match': etag! });
    expect(again.status(), path).toBe(304);
    expect(await again.text()).toBe('');
    // Another language is another page.
    const french = await anonymous(request, path, { 'if-none-match': etag!, 'accept-language': 'fr' });
    expect(french.status(), path).toBe(200);
  }
  // Sent again from the page cache, each answer's scripts carry the nonce of its own policy.
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const answer = await anonymous(request, round);
    const policy = /'nonce-([^']+)'/.exec(answer.headers()['content-security-policy'] ?? '')?.[1];
    expect(policy).toBeTruthy();
    const inPage = [...(await answer.text()).matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(inPage.length).toBeGreaterThan(0);
    expect(new Set(inPage)).toEqual(new Set([policy]));
    nonces.push(policy!);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
  for (let i = 0; i < 2; i++) expect((await anonymous(request, `${round}/participation.csv`)).headers()['content-disposition']).toMatch(/^attachment; filename="participation-/);
  const feed = await (await anonymous(request, '/public/feed')).text();
  expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  expect(feed).toContain(publicRoundTitle);
  await request.dispose();
});

test('the public pages have no accessibility violation, in every language', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/public');
  await page.getByRole('link', { name: publicRoundTitle }).click();
  const round = new URL(page.url()).pathname;
  await page.locator('#summary cite a').first().click();
  const position = new URL(page.url()).pathname;
  for (const language of ['Français', 'Español', 'English']) {
    await page.getByRole('button', { name: language }).click();
    for (const path of ['/public', round, position]) {
      await page.goto(path);
      await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${language} ${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  }
});

/**
 * A tour of the platform in a browser whose clock is in another zone than the server's: every
 * page of each role, failing on any page error and on any console error about hydration (the
 * server renders times, the browser hydrates them: both must write the same text).
 */
import { expect, type Browser, type Page } from '@playwright/test';

/** Starts listening to a page's errors; the list fills as they come. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // React's hydration messages, in development words or as production error codes.
    if (/hydrat|did not match|server rendered|Minified React error #(418|419|421|422|423|425)/i.test(text)) errors.push(`${page.url()}: console: ${text}`);
  });
  return errors;
}

/** Goes to a page and waits until React has hydrated it; only pages meant to fail may answer an error. */
export async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  if (!/not-a-token|no-such-page/.test(path)) expect(response?.status(), path).toBeLessThan(400);
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

export async function signedIn(browser: Browser, timezoneId: string, email: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ timezoneId });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await visit(page, '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('consult-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
  return { page, errors };
}

/** The demo round's pages, found by following links as a person would. */
export async function demoRound(page: Page) {
  await visit(page, '/rounds');
  await page.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerships with NGOs in managing migration' })).toBeVisible();
  const round = new URL(page.url()).pathname;
  const sessions = page.getByRole('region', { name: 'Live sessions' });
  const upcoming = await sessions.getByRole('link', { name: 'Counter-trafficking: what NGOs see first' }).getAttribute('href');
  const held = await sessions.getByRole('link', { name: 'Opening exchange on the partnership' }).getAttribute('href');
  return { round, upcoming: upcoming!, held: held! };
}

/** Every page each role sees, visited in the browser's zone. */
export async function tourEveryRole(browser: Browser, timezoneId: string): Promise<string[]> {
  const errors: string[] = [];
  const tour = async (email: string, paths: (round: Awaited<ReturnType<typeof demoRound>>) => string[]) => {
    const { page, errors: seen } = await signedIn(browser, timezoneId, email);
    const round = await demoRound(page);
    for (const path of paths(round)) await visit(page, path);
    errors.push(...seen);
    await page.context().close();
  };
  await tour('observer1@example.org', (r) => ['/', '/rounds', r.round, `${r.round}/discussion`, r.upcoming, r.held, `${r.upcoming}?view=projector`, '/notifications', '/account', '/organizations', '/search?q=return']);
  await tour('facilitator@example.org', (r) => ['/', r.round, `${r.round}/edit`, `${r.round}/sessions/new`, r.upcoming, `${r.held}/record`, `${r.round}/participation`, `${r.round}/reminders`, '/rounds/new', '/moderation', '/account']);
  await tour('secretariat@example.org', (r) => ['/', `${r.round}/participation`, `${r.round}/summary`]);
  await tour('admin@example.org', () => ['/', '/admin/users', '/admin/audit', '/admin/outbox', '/invitations', '/organizations/new']);
  return errors;
}

/**
 * axe on every page, at every level (minor and moderate included) and with its best practices
 * (landmark-unique, region, heading-order…), in every language for the pages people use most;
 * the editors (paper, summary, session notes) are checked once loaded.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers.ts';
import { demoRound, visit } from './zone-tour.ts';

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Visits each page and checks it once hydrated; `ready` waits for what a page loads after. */
async function checkPages(page: Page, label: string, paths: string[], ready: (path: string) => Promise<void> = async () => {}) {
  for (const path of paths) {
    await visit(page, path);
    await ready(path);
    await expectNoViolations(page, `${label} ${path}`);
  }
}

test('sign-in pages have no violation', async ({ page }) => {
  await checkPages(page, 'visitor', ['/login', '/forgot-password', '/join/not-a-token', '/reset-password/not-a-token', '/no-such-page']);
});

test('the admin pages have no violation', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin@example.org');
  const { round } = await demoRound(page);
  await visit(page, '/organizations?q=Caritas');
  await page.getByRole('link', { name: 'Caritas Österreich' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Caritas Österreich/ })).toBeVisible();
  const organization = new URL(page.url()).pathname;
  await checkPages(page, 'admin', ['/', '/organizations', '/organizations/new', organization, `${organization}/edit`, '/invitations', '/invitations/new', '/admin/users', '/admin/audit', '/admin/outbox', '/account', '/rounds', round, '/notifications', '/moderation', '/search', '/search?q=return', '/no-such-page']);
});

test('the observer pages have no violation, in every language', async ({ page }) => {
  // Pages × 3 languages, each analysed by axe: more than the default minute on 2 cores.
  test.setTimeout(300_000);
  await signIn(page, 'observer1@example.org');
  await visit(page, '/organizations?q=La+Strada');
  await page.getByRole('link', { name: 'La Strada Ukraine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /La Strada Ukraine/ })).toBeVisible();
  const organization = new URL(page.url()).pathname;
  const { round, upcoming, held } = await demoRound(page);
  await page.getByRole('link', { name: 'Open the paper' }).click();
  await expect(page.getByRole('textbox', { name: 'Position paper' })).toBeVisible();
  const paper = new URL(page.url()).pathname;
  const discussion = `${round}/discussion`;
  for (const language of ['Français', 'Español', 'English']) {
    await page.getByRole('button', { name: language }).click();
    await checkPages(page, language, ['/', '/organizations', organization, '/rounds', round, paper, discussion, upcoming, held, `${upcoming}?view=projector`, '/notifications', '/account', '/search'], async (path) => {
      if (path === paper) await expect(page.locator('.paper-editor')).toBeVisible();
      if (path === paper || path === discussion) await expect(page.locator('.live-state.live-live')).toBeVisible();
      if (path === upcoming || path === held) await expect(page.locator('.live-state:not(.live-connecting)')).toBeVisible();
    });
  }
});

test("the facilitator's pages, the session notes editor among them, have no violation", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'facilitator@example.org');
  const { round, upcoming, held } = await demoRound(page);
  await checkPages(page, 'facilitator', ['/', round, `${round}/edit`, '/rounds/new', `${round}/sessions/new`, upcoming, `${upcoming}?view=projector`, held, `${held}/record`, `${round}/participation`, '/moderation', '/invitations/new'], async (path) => {
    // The session notes, written together by IOM staff, in the shared editor.
    if (path === upcoming || path === held) {
      await expect(page.locator('.live-state:not(.live-connecting)')).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Session notes (IOM staff)' })).toBeVisible();
    }
  });
});

test("the secretariat's pages (participation record, summary editor) have no violation, in every language", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'secretariat@example.org');
  const { round } = await demoRound(page);
  for (const language of ['Français', 'Español', 'English']) {
    await page.getByRole('button', { name: language }).click();
    await checkPages(page, language, [`${round}/participation`, `${round}/summary`], async (path) => {
      if (path.endsWith('/summary')) await expect(page.locator('.paper-editor')).toBeVisible();
    });
  }
  await expect(page.getByRole('heading', { level: 1, name: /^Summary of/ })).toBeVisible();
});

test('the keyboard reaches the content first through the skip link', async ({ page }) => {
  await page.goto('/login');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

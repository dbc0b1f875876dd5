import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers.ts';

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('sign-in pages have no serious or critical violation', async ({ page }) => {
  for (const path of ['/login', '/forgot-password', '/join/not-a-token', '/reset-password/not-a-token']) {
    await page.goto(path);
    await expectNoSeriousViolations(page, path);
  }
});

test('the admin pages have no serious or critical violation', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin@example.org');
  for (const path of ['/', '/organizations', '/organizations/new', '/invitations', '/invitations/new', '/admin/users', '/admin/audit', '/admin/outbox', '/account', '/rounds', '/rounds/new', '/notifications', '/moderation', '/no-such-page']) {
    await page.goto(path);
    await expectNoSeriousViolations(page, path);
  }
});

test('the observer pages have no serious or critical violation, in every language', async ({ page }) => {
  // 8 pages × 3 languages, each analysed by axe: more than the default minute on 2 cores.
  test.setTimeout(240_000);
  await signIn(page, 'observer1@example.org');
  await page.getByRole('link', { name: 'La Strada Ukraine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /La Strada Ukraine/ })).toBeVisible();
  const organization = new URL(page.url()).pathname;
  await page.goto('/rounds');
  await page.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  // The URL is read once the round's page is there (reading it earlier gives /rounds).
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerships with NGOs in managing migration' })).toBeVisible();
  const round = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Open the paper' }).click();
  await expect(page.getByRole('textbox', { name: 'Position paper' })).toBeVisible();
  const paper = new URL(page.url()).pathname;
  const discussion = `${round}/discussion`;
  for (const language of ['Français', 'Español', 'English']) {
    await page.getByRole('button', { name: language }).click();
    for (const path of ['/', '/organizations', organization, '/rounds', round, paper, discussion, '/notifications']) {
      await page.goto(path);
      if (path === paper) await expect(page.locator('.paper-editor')).toBeVisible();
      if (path === paper || path === discussion) await expect(page.locator('.live-state.live-live')).toBeVisible();
      await expectNoSeriousViolations(page, `${language} ${path}`);
    }
  }
});

test("the secretariat's pages (participation record, summary) have no serious or critical violation, in every language", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'secretariat@example.org');
  await page.goto('/rounds');
  await page.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerships with NGOs in managing migration' })).toBeVisible();
  const round = new URL(page.url()).pathname;
  for (const language of ['Français', 'Español', 'English']) {
    await page.getByRole('button', { name: language }).click();
    for (const path of [`${round}/participation`, `${round}/summary`]) {
      await page.goto(path);
      if (path.endsWith('/summary')) await expect(page.locator('.paper-editor')).toBeVisible();
      await expectNoSeriousViolations(page, `${language} ${path}`);
    }
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

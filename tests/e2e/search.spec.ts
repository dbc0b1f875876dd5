import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

test('a facilitator finds a submitted position, with the words highlighted', async ({ page }) => {
  await signIn(page, 'facilitator@example.org');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Words to find').fill('counselling');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('1 position found')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Caritas Österreich' })).toBeVisible();
  await expect(page.locator('.snippet mark').first()).toHaveText(/counsel/i);
});

test('an observer does not find positions the round keeps hidden until the deadline', async ({ page }) => {
  await signIn(page, 'observer2@example.org');
  await page.goto('/search?q=counselling');
  await expect(page.getByText('No position matches')).toBeVisible();
});

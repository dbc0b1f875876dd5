import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

test('pages hydrate under the Content-Security-Policy, with no script refused', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await signIn(page, 'facilitator@example.org');
  for (const path of ['/', '/organizations', '/invitations/new', '/account']) {
    await page.goto(path);
    await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter));
  }
  expect(errors).toEqual([]);
});

test('an organization page updates live when someone else changes its members', async ({ browser }) => {
  const observerContext = await browser.newContext();
  const observer = await observerContext.newPage();
  await signIn(observer, 'observer2@example.org');
  await observer.getByRole('link', { name: 'La Strada Ukraine' }).click();
  const tarasRow = observer.getByRole('listitem').filter({ hasText: 'Taras Melnyk' });
  await expect(tarasRow).toBeVisible();
  await expect(tarasRow.getByText('Representative', { exact: true })).toHaveCount(0);
  // The page says when it listens live; the change must come after that.
  await expect(observer.getByText('Live: changes appear as they happen')).toBeVisible();

  const facilitatorContext = await browser.newContext();
  const facilitator = await facilitatorContext.newPage();
  await signIn(facilitator, 'facilitator@example.org');
  await facilitator.goto(observer.url());
  await facilitator.getByRole('button', { name: 'Make representative (Taras Melnyk)' }).click();
  await expect(facilitator.getByText('The representative has been changed.')).toBeVisible();

  // No reload on the observer's side: the socket tells the page to refresh its data.
  await expect(tarasRow.getByText('Representative', { exact: true })).toBeVisible();

  await facilitator.getByRole('button', { name: 'No longer representative (Taras Melnyk)' }).click();
  await expect(tarasRow.getByText('Representative', { exact: true })).toHaveCount(0);
  await observerContext.close();
  await facilitatorContext.close();
});

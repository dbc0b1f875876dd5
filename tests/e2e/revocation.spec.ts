import { expect, test } from '@playwright/test';
import { closeContexts, personAt } from './helpers.ts';

test.afterEach(closeContexts);

test('signing out everywhere closes the editor open in another browser at once', async ({ browser }) => {
  const here = await personAt(browser, 'observer2@example.org');
  await here.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Consultation rounds' }).click();
  await here.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await here.getByRole('link', { name: 'Open the paper' }).click();
  const editor = here.getByRole('textbox', { name: 'Position paper' });
  await expect(editor).toContainText('Prevention of trafficking');
  await expect(here.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  const elsewhere = await personAt(browser, 'observer2@example.org');
  await elsewhere.goto('/account');
  await elsewhere.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(elsewhere.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // The open editor is told at once, and the page goes to sign in: nothing typed is kept.
  await expect(here.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 5000 });
});

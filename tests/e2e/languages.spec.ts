import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

test('switching to French and to Spanish translates the page and sets <html lang>', async ({ page }) => {
  await signIn(page, 'observer1@example.org');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Organisations' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Olena Kovalenko/);

  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('link', { name: 'Organizaciones' }).first()).toBeVisible();

  // The choice is kept on the account: a new browser signed in as the same person sees Spanish.
  const context = await page.context().browser()!.newContext();
  const other = await context.newPage();
  await other.goto('/login');
  await other.getByLabel('Email').fill('observer1@example.org');
  await other.getByLabel('Password').fill('consult-demo');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.locator('html')).toHaveAttribute('lang', 'es');
  await context.close();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a visitor gets the language of the browser', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
  await context.close();
});

import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const demoPassword = 'consult-demo';

export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/**
 * A person in a browser context of their own, signed in. Call `closeContexts` after each test:
 * open editors keep sockets and timers running, which would slow the tests that follow.
 */
const contexts: BrowserContext[] = [];
export async function personAt(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

export async function closeContexts() {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
}

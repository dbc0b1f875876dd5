/**
 * The editor's state is true: after the server comes back the indicator leaves "Offline" by
 * itself, without anyone typing; and a version submitted by a colleague appears at once on
 * every open copy of the paper. A server of its own (restarted in the first test), on a port
 * the system gives as free and a database of its own.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ownServer, type OwnServer } from './own-server.ts';

let server: OwnServer;
let base = '';

test.beforeAll(async () => {
  server = await ownServer('editor-state');
  base = server.base;
  await server.start();
});

test.afterAll(async () => server?.dispose());

async function openPaper(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('consult-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
  await page.goto(`${base}/rounds`);
  await page.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await page.getByRole('link', { name: 'Open the paper' }).click();
  await expect(page.getByRole('textbox', { name: 'Position paper' })).toContainText('Prevention of trafficking');
  return page;
}

const saveState = (page: Page) => page.locator('.save-state');

test('after a restart the indicator leaves "Offline" by itself, without typing', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await openPaper(browser, 'observer1@example.org');
  await expect(saveState(page)).toHaveClass(/save-saved/);

  await server.stop();
  await expect(saveState(page)).toHaveClass(/save-offline/);
  await server.start();
  // Nobody types: the provider reconnects (its back-off may wait a few seconds), syncs, and the
  // indicator says so.
  await expect(saveState(page)).toHaveClass(/save-saved/, { timeout: 45_000 });
  await page.context().close();
});

test("a colleague's submission appears live on every open copy of the paper", async ({ browser }) => {
  test.setTimeout(120_000);
  const olena = await openPaper(browser, 'observer1@example.org');
  const olenaElsewhere = await openPaper(browser, 'observer1@example.org');
  const taras = await openPaper(browser, 'observer2@example.org');
  for (const page of [olena, olenaElsewhere, taras]) await expect(page.getByRole('region', { name: 'Submitted versions' })).toContainText('Not submitted yet');
  await expect(olenaElsewhere.getByRole('button', { name: 'Submit the position' })).toBeVisible();

  olena.once('dialog', (dialog) => dialog.accept());
  await olena.getByRole('button', { name: 'Submit the position' }).click();
  await expect(olena.getByRole('region', { name: 'Submitted versions' })).toContainText('Version 1');
  const receipt = (await olena.locator('#version-1 .digest').textContent())!;
  expect(receipt).toMatch(/^[0-9a-f]{64}$/);

  // The other copies, nobody reloading them.
  for (const page of [olenaElsewhere, taras]) {
    const versions = page.getByRole('region', { name: 'Submitted versions' });
    await expect(versions).toContainText('Version 1');
    await expect(versions.locator('.digest')).toHaveText(receipt);
  }
  await expect(olenaElsewhere.getByRole('button', { name: 'Submit a new version' })).toBeVisible();
  await expect(taras.getByRole('button', { name: /Submit/ })).toHaveCount(0);
  await Promise.all([olena, olenaElsewhere, taras].map((page) => page.context().close()));
});

/**
 * A server of its own, restarted in the middle of writing: the text is intact after the
 * restart, and what was typed while the server was down merges when it comes back.
 */
import { expect, test } from '@playwright/test';
import { ownServer, type OwnServer } from './own-server.ts';

let server: OwnServer;
let base = '';
const startServer = () => server.start();
const stopServer = () => server.stop();

test.beforeAll(async () => {
  server = await ownServer('restart');
  base = server.base;
  await startServer();
});

test.afterAll(async () => server?.dispose());

test('the text survives a restart, and what was typed offline merges when the server returns', async ({ page }) => {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill('observer1@example.org');
  await page.getByLabel('Password').fill('consult-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/`);
  await page.goto(`${base}/rounds`);
  await page.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await page.getByRole('link', { name: 'Open the paper' }).click();
  const editor = page.getByRole('textbox', { name: 'Position paper' });
  await expect(editor).toContainText('Prevention of trafficking');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Written before the restart.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  await stopServer();
  await expect(page.getByRole('status').filter({ hasText: /^Offline: your changes/ })).toBeVisible();
  await page.keyboard.type(' Typed while offline.');

  await startServer();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 30_000 });
  await page.reload();
  const again = page.getByRole('textbox', { name: 'Position paper' });
  await expect(again).toContainText('Written before the restart.');
  await expect(again).toContainText('Typed while offline.');
});

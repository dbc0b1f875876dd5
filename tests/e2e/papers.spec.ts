import { expect, test, type Page } from '@playwright/test';
import { closeContexts, personAt } from './helpers.ts';

test.afterEach(closeContexts);

async function openStradaPaper(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Consultation rounds' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation rounds' })).toBeVisible();
  await page.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerships with NGOs in managing migration' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the paper' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Position of La Strada Ukraine' })).toBeVisible();
  return page.url();
}

test('two members write the same paper live, and see each other', async ({ browser }) => {
  const olena = await personAt(browser, 'observer1@example.org');
  const url = await openStradaPaper(olena);
  const taras = await personAt(browser, 'observer2@example.org');
  await taras.goto(url);
  const olenaEditor = olena.getByRole('textbox', { name: 'Position paper' });
  const tarasEditor = taras.getByRole('textbox', { name: 'Position paper' });
  await expect(olenaEditor).toContainText('Prevention of trafficking');
  await expect(tarasEditor).toContainText('Prevention of trafficking');

  await olenaEditor.click();
  await olena.keyboard.press('Control+End');
  await olena.keyboard.type(' Hotline calls doubled in 2002.');
  await expect(tarasEditor).toContainText('Hotline calls doubled in 2002.');
  await expect(olena.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  await tarasEditor.click();
  await taras.keyboard.press('Control+End');
  await taras.keyboard.press('Enter');
  await taras.keyboard.type('Figures from Taras: 1,200 calls.');
  await expect(olenaEditor).toContainText('Figures from Taras: 1,200 calls.');
  // Each sees the other's caret, labelled with the name, and who is here.
  await expect(olena.locator('.collaboration-carets__label', { hasText: 'Taras Melnyk' })).toBeVisible();
  await expect(taras.locator('.presence')).toContainText('Olena Kovalenko');

  // A reload shows the stored text.
  await taras.reload();
  await expect(taras.getByRole('textbox', { name: 'Position paper' })).toContainText('Figures from Taras: 1,200 calls.');
});

test('a member of another organization is refused the draft', async ({ browser }) => {
  const olena = await personAt(browser, 'observer1@example.org');
  const url = await openStradaPaper(olena);
  const katharina = await personAt(browser, 'observer3@example.org');
  const response = await katharina.goto(url);
  expect(response?.status()).toBe(403);
  await expect(katharina.getByRole('heading', { name: 'You do not have access to this draft' })).toBeVisible();
  await expect(katharina.getByText('Prevention of trafficking')).toHaveCount(0);
});

test('only the representative submits; the version appears with its receipt; a facilitator reads it', async ({ browser }) => {
  const taras = await personAt(browser, 'observer2@example.org');
  const url = await openStradaPaper(taras);
  await expect(taras.getByRole('button', { name: 'Submit the position' })).toHaveCount(0);

  const olena = await personAt(browser, 'observer1@example.org');
  await olena.goto(url);
  await expect(olena.getByRole('textbox', { name: 'Position paper' })).toContainText('Prevention of trafficking');
  olena.once('dialog', (dialog) => dialog.accept());
  await olena.getByRole('button', { name: 'Submit the position' }).click();
  await expect(olena.getByText(/Version 1 is submitted\. Receipt: [0-9a-f]{16}/)).toBeVisible();
  const version = olena.locator('#version-1');
  await expect(version).toContainText('Version 1');
  await expect(version.locator('code.digest')).toHaveText(/^[0-9a-f]{64}$/);

  const daniel = await personAt(browser, 'facilitator@example.org');
  await daniel.goto(url);
  await expect(daniel.getByRole('article', { name: 'Version 1' })).toContainText('Prevention of trafficking in women from Ukraine');
  await expect(daniel.getByRole('textbox', { name: 'Position paper' })).toHaveCount(0);
});

test('two versions are compared word by word', async ({ browser }) => {
  const olena = await personAt(browser, 'observer1@example.org');
  await openStradaPaper(olena);
  const editor = olena.getByRole('textbox', { name: 'Position paper' });
  const submitWith = async (words: string) => {
    await editor.click();
    await olena.keyboard.press('Control+End');
    await olena.keyboard.type(words);
    await expect(olena.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    olena.once('dialog', (dialog) => dialog.accept());
    await olena.getByRole('button', { name: /Submit (the position|a new version)/ }).click();
    await expect(olena.getByText(/Version \d+ is submitted/)).toBeVisible();
  };
  await submitWith(' A first thought.');
  await submitWith(' A second thought.');
  await olena.getByRole('link', { name: 'Compare versions' }).click();
  await expect(olena.getByRole('heading', { level: 1, name: 'Compare versions' })).toBeVisible();
  await expect(olena.locator('.diff ins')).toContainText('second thought.');
  await expect(olena.locator('.diff del')).toHaveCount(0);
});

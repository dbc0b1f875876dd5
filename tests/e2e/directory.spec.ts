import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

test('the directory filters by area, level, country and observer status', async ({ page }) => {
  await signIn(page, 'secretariat@example.org');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
  const count = page.locator('.result-count');
  const all = Number((await count.textContent())!.match(/\d+/)![0]);
  expect(all).toBeGreaterThanOrEqual(40);

  // While the page loads the next result, the count may hold no number yet: NaN, and poll again.
  const shown = async () => Number((await count.textContent())?.match(/\d+/)?.[0] ?? NaN);
  await page.getByRole('combobox', { name: 'Areas of activity' }).selectOption({ label: 'Mass information' });
  await expect(page).toHaveURL(/area=mass-information/);
  await expect.poll(shown).toBeLessThan(all);
  const massInformation = await shown();
  expect(massInformation).toBeGreaterThan(0);

  await page.getByRole('combobox', { name: 'Observer status at the IOM Council' }).selectOption({ label: 'With observer status' });
  await expect(page).toHaveURL(/observer=yes/);
  await expect.poll(shown).toBeLessThanOrEqual(massInformation);
  await expect(page.locator('.org-card').first().getByText('Observer', { exact: true })).toBeVisible();

  await page.getByRole('combobox', { name: 'Level of operation' }).selectOption({ label: 'National' });
  await page.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'Ukraine' });
  await expect(page).toHaveURL(/country=UA/);
  await expect(page).toHaveURL(/level=national/);
  await expect(page.getByRole('link', { name: 'La Strada Ukraine' })).toBeVisible();
  for (const card of await page.locator('.org-card').all()) {
    await expect(card).toContainText('National · Ukraine');
    await expect(card).toContainText('Mass information');
    await expect(card.getByText('Observer', { exact: true })).toBeVisible();
  }
  await page.getByRole('link', { name: 'La Strada Ukraine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /La Strada Ukraine/ })).toBeVisible();
  await expect(page.getByText('Olena Kovalenko')).toBeVisible();
  await expect(page.getByText('Representative').first()).toBeVisible();
});

test('a search with no match says what to do', async ({ page }) => {
  await signIn(page, 'observer2@example.org');
  await page.goto('/organizations?q=zzzz-nothing');
  await expect(page.getByText('No organization matches')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Clear the filters' }).first()).toBeVisible();
});

test('a facilitator edits an organization', async ({ page }) => {
  await signIn(page, 'facilitator@example.org');
  await page.goto('/organizations?q=Caritas%20%C3%96sterreich');
  await page.getByRole('link', { name: 'Caritas Österreich' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Acronym').fill('CÖ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The changes are saved.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(CÖ)');
});

test('a representative manages the members of their organization, and only there', async ({ page }) => {
  await signIn(page, 'observer1@example.org');
  await page.getByRole('link', { name: 'La Strada Ukraine' }).click();
  await page.getByRole('button', { name: 'Make representative (Taras Melnyk)' }).click();
  await expect(page.getByText('The representative has been changed.')).toBeVisible();
  await page.getByRole('button', { name: 'No longer representative (Taras Melnyk)' }).click();
  await expect(page.getByRole('button', { name: 'Make representative (Taras Melnyk)' })).toBeVisible();
  // Olena cannot remove herself, and has no hand on another organization.
  await expect(page.getByRole('button', { name: 'Remove (Olena Kovalenko)' })).toHaveCount(0);
  await page.goto('/organizations?q=Caritas%20%C3%96sterreich');
  await page.getByRole('link', { name: 'Caritas Österreich' }).click();
  await expect(page.getByRole('button', { name: /Make representative|Remove/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
});

import { expect, test } from '@playwright/test';
import { signIn, signOut } from './helpers.ts';

const dashboards = [
  { email: 'admin@example.org', name: 'Inès Moreau', role: 'Administrator', section: 'Security in the last 24 hours' },
  { email: 'facilitator@example.org', name: 'Daniel Okafor', role: 'IOM facilitator', section: 'Observers without a representative' },
  { email: 'secretariat@example.org', name: 'Sofía Ramírez', role: 'Council secretariat', section: 'Participation' },
  { email: 'observer1@example.org', name: 'Olena Kovalenko', role: 'NGO observer', section: 'Your organization' },
  { email: 'observer3@example.org', name: 'Katharina Huber', role: 'NGO observer', section: 'Your organization' },
];

for (const account of dashboards) {
  test(`${account.email} signs in and sees the ${account.role} dashboard`, async ({ page }) => {
    await signIn(page, account.email);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${account.name}`);
    await expect(page.getByRole('heading', { name: account.section, exact: true })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(account.role);
  });
}

test('the observer dashboard shows La Strada Ukraine for observer1, and its round to work on', async ({ page }) => {
  await signIn(page, 'observer1@example.org');
  await expect(page.getByRole('link', { name: 'La Strada Ukraine' })).toBeVisible();
  // The round's own item (an upcoming session's item names the round too, not as a link).
  const round = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Partnerships with NGOs in managing migration', exact: true }) });
  await expect(round).toContainText(/draft in progress, \d+ words/);
  await round.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Position of La Strada Ukraine' })).toBeVisible();
});

test('navigation follows the role: observers see no admin pages', async ({ page }) => {
  await signIn(page, 'observer2@example.org');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Organizations' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Invitations' })).toHaveCount(0);
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: 'You may not see this page' })).toBeVisible();
});

test('a wrong password says so without telling whether the account exists', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('secretariat@example.org');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect');
  await page.getByLabel('Email').fill('nobody@example.org');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect');
});

test('invalid fields get messages beside them', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter an email address.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();
});

test('a visitor is sent to sign in and brought back to the page asked for', async ({ page }) => {
  await page.goto('/organizations?area=counter-trafficking');
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel('Email').fill('facilitator@example.org');
  await page.getByLabel('Password').fill('consult-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/organizations\?area=counter-trafficking/);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'observer2@example.org');
  await signOut(page);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('an unknown address shows the 404 page', async ({ page }) => {
  await signIn(page, 'observer2@example.org');
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('IOM staff see the rounds under way on their dashboard, with the positions submitted', async ({ page }) => {
  await signIn(page, 'secretariat@example.org');
  const rounds = page.getByRole('region', { name: 'Consultation rounds under way' });
  const round = rounds.getByRole('listitem').filter({ hasText: 'Partnerships with NGOs in managing migration' });
  await expect(round).toContainText(/\d+ of \d+ positions submitted/);
});

import { expect, test } from '@playwright/test';
import { signIn, signOut } from './helpers.ts';

test('invitation → sign up → sign in', async ({ page, browser }) => {
  await signIn(page, 'facilitator@example.org');
  await page.goto('/invitations/new');
  await page.getByLabel('Email').fill('nadia@example.org');
  await page.getByLabel('Role').selectOption({ label: 'NGO observer' });
  await page.getByLabel('Organization', { exact: true }).selectOption({ label: 'La Strada Ukraine' });
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByRole('heading', { name: 'Invitation created' })).toBeVisible();
  await expect(page.getByText('is in the mail outbox')).toBeVisible();
  const link = await page.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/join\/[\w-]+$/);

  // The admin finds the same link in the outbox.
  const admin = await browser.newPage();
  await signIn(admin, 'admin@example.org');
  await admin.goto('/admin/outbox');
  await expect(admin.getByText(link)).toBeVisible();
  await admin.close();

  const invitee = await browser.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { name: 'Join IDM Consult' })).toBeVisible();
  await expect(invitee.getByText('La Strada Ukraine')).toBeVisible();
  await invitee.getByLabel('Full name').fill('Nadia Bondarenko');
  await invitee.getByLabel('Password', { exact: true }).fill('short');
  await invitee.getByLabel('Repeat the new password').fill('short');
  await invitee.getByRole('button', { name: 'Create my account' }).click();
  await expect(invitee.getByText('The password must have at least 10 characters.')).toBeVisible();
  await invitee.getByLabel('Password', { exact: true }).fill('nadia-strong-password');
  await invitee.getByLabel('Repeat the new password').fill('nadia-strong-password');
  await invitee.getByRole('button', { name: 'Create my account' }).click();
  await expect(invitee.getByRole('heading', { name: 'Welcome, Nadia Bondarenko' })).toBeVisible();
  await signOut(invitee);

  await signIn(invitee, 'nadia@example.org', 'nadia-strong-password');
  await expect(invitee.getByRole('link', { name: 'La Strada Ukraine' })).toBeVisible();

  // The link worked once.
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { name: 'This invitation has already been used' })).toBeVisible();
  await invitee.close();
});

test('a made-up invitation link gets a page that says so', async ({ page }) => {
  const response = await page.goto('/join/not-a-real-token');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This invitation link is not valid' })).toBeVisible();
});

test('a representative invites a colleague to their own organization only', async ({ page }) => {
  await signIn(page, 'observer3@example.org');
  await page.goto('/invitations/new');
  const options = await page.getByLabel('Organization', { exact: true }).locator('option').allTextContents();
  expect(options.filter((o) => o !== 'Choose an organization')).toEqual(['Caritas Österreich']);
  await expect(page.getByLabel('Role').locator('option')).toHaveText(['NGO observer']);
});

test('a forgotten password is reset through a one-time link', async ({ page, browser }) => {
  // A person of our own, so the demo accounts keep their password.
  await signIn(page, 'admin@example.org');
  await page.goto('/invitations/new');
  await page.getByLabel('Email').fill('rosa@example.org');
  await page.getByLabel('Role').selectOption({ label: 'Council secretariat' });
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  const invitation = await page.getByLabel('Invitation link').inputValue();

  const rosa = await (await browser.newContext()).newPage();
  await rosa.goto(invitation);
  await rosa.getByLabel('Full name').fill('Rosa Díaz');
  await rosa.getByLabel('Password', { exact: true }).fill('first-password-1');
  await rosa.getByLabel('Repeat the new password').fill('first-password-1');
  await rosa.getByRole('button', { name: 'Create my account' }).click();
  await signOut(rosa);

  await rosa.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(rosa.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await rosa.getByLabel('Email').fill('rosa@example.org');
  await rosa.getByRole('button', { name: 'Send the link' }).click();
  await expect(rosa.getByText('a link to reset its password is on its way')).toBeVisible();

  // The mail is written just after the answer (so the answer takes the same time either way).
  const mail = page.locator('.mail-list li').filter({ hasText: 'To rosa@example.org' }).filter({ hasText: 'Reset your IDM Consult password' });
  await expect(async () => {
    await page.goto('/admin/outbox');
    await expect(mail).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  const link = /https?:\/\/\S+\/reset-password\/[\w-]+/.exec((await mail.locator('pre').textContent()) ?? '')![0];

  await rosa.goto(link);
  await rosa.getByLabel('New password', { exact: true }).fill('second-password-2');
  await rosa.getByLabel('Repeat the new password').fill('second-password-2');
  await rosa.getByRole('button', { name: 'Save the new password' }).click();
  await expect(rosa.getByText('Your password has been changed and you are signed in.')).toBeVisible();
  await signOut(rosa);
  await signIn(rosa, 'rosa@example.org', 'second-password-2');

  await rosa.goto(link);
  await expect(rosa.getByRole('heading', { name: 'This link has already been used' })).toBeVisible();
  await rosa.context().close();
});

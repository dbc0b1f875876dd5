import { expect, test } from '@playwright/test';
import { closeContexts, personAt } from './helpers.ts';

test.afterEach(closeContexts);

/** "YYYY-MM-DDTHH:mm" in UTC, as the form's deadline field takes it. */
const utcInput = (date: Date) => date.toISOString().slice(0, 16);

test('a round with rich framing text invites an organization, whose members are told; its deadline passing closes an open editor', async ({ browser }) => {
  const daniel = await personAt(browser, 'facilitator@example.org');
  await daniel.goto('/rounds/new');
  await daniel.getByLabel('Title', { exact: true }).fill('Labour migration and NGOs');
  const framing = daniel.getByRole('textbox', { name: 'Framing text' });
  await framing.click();
  await daniel.getByRole('button', { name: 'Heading' }).click();
  await daniel.keyboard.type('Questions');
  await daniel.keyboard.press('Enter');
  await daniel.keyboard.type('Which ');
  await daniel.getByRole('button', { name: 'Bold' }).click();
  await daniel.keyboard.type('recruitment practices');
  await daniel.getByRole('button', { name: 'Bold' }).click();
  await daniel.keyboard.type(' protect migrant workers?');
  // A new round opens for positions unless told otherwise, and says so.
  await expect(daniel.getByLabel('Phase')).toHaveValue('open');
  await expect(daniel.getByText('A new round opens for positions at once')).toBeVisible();
  // The deadline is typed in the round's own zone, here UTC.
  await daniel.getByLabel('Time zone of the round').selectOption('UTC');
  await expect(daniel.getByText("Date and time in the round's time zone: UTC.")).toBeVisible();
  await daniel.getByLabel('Submission deadline').fill(utcInput(new Date(Date.now() + 3600_000)));
  // The organization picker: a search narrows the list, "Select all shown" invites what it found.
  await daniel.getByLabel('Name or acronym').fill('strada ukr');
  await expect(daniel.getByText(/^1 of \d+ organizations shown$/)).toBeVisible();
  await daniel.getByRole('button', { name: 'Select all shown (1)' }).click();
  await expect(daniel.getByRole('checkbox', { name: 'La Strada Ukraine' })).toBeChecked();
  await expect(daniel.getByRole('group', { name: 'Organizations invited (1)' })).toBeVisible();
  await daniel.getByRole('button', { name: 'Open the round' }).click();
  await expect(daniel.getByRole('heading', { level: 1, name: 'Labour migration and NGOs' })).toBeVisible();
  const roundUrl = daniel.url();

  // La Strada Ukraine's representative is told in the app, and reads the framing as written.
  const olena = await personAt(browser, 'observer1@example.org');
  // (Other tests may have left her notifications too: this one must be among the unread.)
  await expect(olena.getByTestId('unread-count')).toBeVisible();
  await olena.getByRole('link', { name: /Notifications: \d+ unread/ }).click();
  await olena.getByRole('button', { name: 'Your organization is invited to the round “Labour migration and NGOs”.' }).click();
  await expect(olena).toHaveURL(roundUrl);
  await expect(olena.getByRole('heading', { level: 2, name: 'Questions' })).toBeVisible();
  await expect(olena.locator('.framing strong')).toHaveText('recruitment practices');

  // She starts the paper and writes; meanwhile the facilitator moves the deadline to the past.
  await olena.getByRole('button', { name: 'Start the paper' }).click();
  const editor = olena.getByRole('textbox', { name: 'Position paper' });
  await editor.click();
  await olena.keyboard.type('Ethical recruitment needs licensing.');
  await expect(olena.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await daniel.getByRole('link', { name: 'Edit' }).click();
  await daniel.getByLabel('Submission deadline').fill(utcInput(new Date(Date.now() - 3600_000)));
  await daniel.getByRole('button', { name: 'Save' }).click();
  await expect(daniel.getByRole('heading', { level: 1, name: 'Labour migration and NGOs' })).toBeVisible();

  // Her next keystrokes are refused by the server; the page says why and turns read-only.
  await editor.click();
  await olena.keyboard.press('End');
  await olena.keyboard.type(' Too late.');
  await expect(olena.getByText('The submission deadline has passed: the paper can be read but no longer changed.')).toBeVisible();
  await expect(olena.getByRole('textbox', { name: 'Position paper' })).toHaveAttribute('contenteditable', 'false');
  await expect(olena.getByRole('textbox', { name: 'Position paper' })).toContainText('Ethical recruitment needs licensing.');
  await olena.reload();
  await expect(olena.getByRole('textbox', { name: 'Position paper' })).toContainText('Ethical recruitment needs licensing.');
  await expect(olena.getByRole('textbox', { name: 'Position paper' })).not.toContainText('Too late.');
  await expect(olena.getByRole('button', { name: /Submit/ })).toHaveCount(0);
});

import { expect, test, type Page } from '@playwright/test';
import { closeContexts, personAt } from './helpers.ts';

test.afterEach(closeContexts);

const speakers = (page: Page) => page.locator('.speakers-list .speaker-request');

test('a facilitator runs a live session with three participants, and the record shows it', async ({ browser }) => {
  test.setTimeout(120_000);
  const daniel = await personAt(browser, 'facilitator@example.org');
  await daniel.goto('/rounds');
  await daniel.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await daniel.getByRole('link', { name: 'Schedule a session' }).click();
  await daniel.getByLabel('Title of the session').fill('First consultation session');
  await daniel.getByLabel('Date and time').fill('2026-12-01T09:00');
  await daniel.getByLabel('Agenda').fill('Counter-trafficking\nAssisted voluntary return');
  await daniel.getByRole('button', { name: 'Schedule the session' }).click();
  await expect(daniel.getByRole('heading', { level: 1, name: 'First consultation session' })).toBeVisible();
  const url = daniel.url();

  const olena = await personAt(browser, 'observer1@example.org');
  // Participants see the upcoming session on their dashboard.
  await expect(olena.getByRole('link', { name: 'First consultation session' })).toBeVisible();
  const taras = await personAt(browser, 'observer2@example.org');
  const katharina = await personAt(browser, 'observer3@example.org');
  for (const page of [olena, taras, katharina]) await page.goto(url);

  // Presence, grouped by organization, seen by the facilitator.
  const present = daniel.getByRole('region', { name: /Present/ });
  await expect(present).toContainText('La Strada Ukraine: ');
  await expect(present).toContainText('Caritas Österreich: Katharina Huber');
  await expect(present).toContainText(/Olena Kovalenko/);
  await expect(present).toContainText(/Taras Melnyk/);

  // The facilitator opens the session and calls the roll; each organization confirms.
  await daniel.getByRole('button', { name: 'Open the session' }).click();
  await expect(olena.getByText('In session')).toBeVisible();
  await daniel.getByRole('button', { name: 'Call the roll' }).click();
  await olena.getByRole('button', { name: 'Confirm my organization’s presence' }).click();
  await expect(taras.getByText('Your organization’s presence is confirmed.')).toBeVisible();
  await katharina.getByRole('button', { name: 'Confirm my organization’s presence' }).click();
  await expect(daniel.getByText('2 organizations confirmed their presence.')).toBeVisible();

  // Requests for the floor: one per organization; a point of order jumps the list.
  await olena.getByRole('button', { name: 'Ask for the floor' }).click();
  await expect(speakers(daniel)).toHaveCount(1);
  // Taras's organization waits: no second ordinary request, but a point of order is never blocked.
  await expect(taras.getByText('Your organization is already on the list of speakers')).toBeVisible();
  await expect(taras.getByRole('button', { name: 'Ask for the floor' })).toHaveCount(0);
  await taras.getByRole('button', { name: 'Point of order' }).click();
  await expect(speakers(daniel)).toHaveCount(2);
  await expect(speakers(daniel).first()).toContainText('Taras Melnyk');
  await taras.getByRole('button', { name: 'Withdraw my request' }).click();
  await expect(speakers(daniel)).toHaveCount(1);
  await katharina.getByRole('button', { name: 'Right of reply' }).click();
  await expect(speakers(daniel)).toHaveCount(2);
  await expect(speakers(daniel).first()).toContainText('Olena Kovalenko');
  await daniel.getByRole('button', { name: 'Move Katharina Huber up' }).click();
  await expect(speakers(olena).first()).toContainText('Katharina Huber');
  await olena.getByRole('button', { name: 'Withdraw my request' }).click();
  await expect(olena.getByText('You are on the list of speakers.')).toHaveCount(0);
  await olena.getByRole('button', { name: 'Point of order' }).click();
  await expect(speakers(katharina).first()).toContainText('Olena Kovalenko');
  await expect(speakers(katharina).first()).toContainText('point of order');

  // The floor, and the countdown seen by all.
  await daniel.getByRole('button', { name: 'Give the floor to the next speaker' }).click();
  for (const page of [olena, taras, katharina]) {
    await expect(page.locator('.speaker-name')).toContainText('Olena Kovalenko');
    await expect(page.locator('.countdown [aria-hidden]')).toHaveText(/^2:5\d$|^3:00$/);
  }
  await daniel.getByRole('button', { name: 'One more minute' }).click();
  await expect(katharina.locator('.countdown [aria-hidden]')).toHaveText(/^3:5\d$|^4:00$/);

  // A reload restores the exact state.
  await taras.reload();
  await expect(taras.locator('.speaker-name')).toContainText('Olena Kovalenko');
  await expect(speakers(taras).first()).toContainText('Katharina Huber');
  await expect(taras.locator('.countdown [aria-hidden]')).toHaveText(/^3:[45]\d$|^4:00$/);

  // The projector view shows the speaker, the time and who is next.
  const screen = await personAt(browser, 'facilitator@example.org');
  await screen.goto(`${url}?view=projector`);
  await expect(screen.locator('.projector-speaker')).toHaveText('Olena Kovalenko');
  await expect(screen.locator('.projector-list')).toContainText('Katharina Huber');

  await daniel.getByRole('button', { name: 'Give the floor to the next speaker' }).click();
  await expect(olena.locator('.speaker-name')).toContainText('Katharina Huber');
  daniel.once('dialog', (dialog) => dialog.accept());
  await daniel.getByRole('button', { name: 'Close the session' }).click();
  await expect(katharina.getByText('Closed', { exact: true })).toBeVisible();

  // The record: attendance and interventions, per organization.
  await daniel.goto(`${url}/record`);
  await expect(daniel.getByRole('heading', { level: 1, name: 'Record of “First consultation session”' })).toBeVisible();
  const attendance = daniel.getByRole('region', { name: /Attendance/ });
  await expect(attendance).toContainText('Olena Kovalenko');
  await expect(attendance).toContainText('Caritas Österreich');
  const byOrganization = daniel.getByRole('table', { name: 'By organization' });
  await expect(byOrganization.getByRole('row', { name: /La Strada Ukraine 1/ })).toBeVisible();
  await expect(byOrganization.getByRole('row', { name: /Caritas Österreich 1/ })).toBeVisible();
  const download = daniel.waitForEvent('download');
  await daniel.getByRole('link', { name: 'Download the interventions (CSV)' }).click();
  expect((await download).suggestedFilename()).toMatch(/interventions\.csv$/);
});

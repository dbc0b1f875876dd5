/**
 * The platform in a browser in Kyiv: no page error anywhere, deadlines and sessions in the
 * round's zone (Geneva) and the viewer's (Kyiv), forms that take times in the round's zone,
 * and an account setting that overrides the browser's zone.
 */
import { expect, test } from '@playwright/test';
import { closeContexts } from './helpers.ts';
import { demoRound, signedIn, tourEveryRole, visit } from './zone-tour.ts';

const zone = 'Europe/Kyiv';
test.use({ timezoneId: zone });
test.afterEach(closeContexts);

test('every page of every role, in Kyiv, without a page error', async ({ browser }) => {
  test.setTimeout(240_000);
  expect(await tourEveryRole(browser, zone)).toEqual([]);
});

test('deadlines and sessions show Geneva and Kyiv; a form takes its time in Geneva', async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, errors } = await signedIn(browser, zone, 'facilitator@example.org');
  const { round } = await demoRound(page);
  // The deadline is at 23:59 in Geneva, 00:59 the next day in Kyiv.
  await expect(page.getByText(/Positions due by .*11:59 PM Geneva · .*12:59 AM Kyiv/)).toBeVisible();
  const sessions = page.getByRole('region', { name: 'Live sessions' });
  await expect(sessions.getByRole('listitem').filter({ hasText: 'Counter-trafficking' })).toContainText(/2:00 PM Geneva · 3:00 PM Kyiv/);

  await visit(page, `${round}/sessions/new`);
  await expect(page.getByText("In the round's time zone: Geneva (Europe/Zurich).")).toBeVisible();
  await page.getByLabel('Title of the session').fill('Session set in Geneva time');
  await page.getByLabel('Date and time').fill('2026-12-01T10:00');
  await page.getByLabel('Agenda').fill('Opening');
  await page.getByRole('button', { name: 'Schedule the session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session set in Geneva time' })).toBeVisible();
  await expect(page.getByText('Dec 1, 2026, 10:00 AM Geneva · 11:00 AM Kyiv')).toBeVisible();

  // The round's own zone is chosen on its form; the deadline's field shows Geneva's wall time.
  await visit(page, `${round}/edit`);
  await expect(page.getByLabel('Time zone of the round')).toHaveValue('Europe/Zurich');
  await expect(page.getByLabel('Submission deadline')).toHaveValue(/T23:59$/);
  expect(errors).toEqual([]);
});

test("a person's own time zone wins over the browser's", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, errors } = await signedIn(browser, zone, 'observer3@example.org');
  await visit(page, '/account');
  await expect(page.getByText('Dates and times are shown in the zone Europe/Kyiv.', { exact: false })).toBeVisible();
  await page.getByLabel('Show times in').selectOption('America/Bogota');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your time zone has been saved.')).toBeVisible();
  await demoRound(page);
  await expect(page.getByText(/Positions due by .*11:59 PM Geneva · (4|5):59 PM Bogota/)).toBeVisible();
  // Back to the browser's zone.
  await visit(page, '/account');
  await page.getByLabel('Show times in').selectOption('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your time zone has been saved.')).toBeVisible();
  await demoRound(page);
  await expect(page.getByText(/Positions due by .* Geneva · .* Kyiv/)).toBeVisible();
  expect(errors).toEqual([]);
});

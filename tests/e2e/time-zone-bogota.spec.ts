/**
 * The platform in a browser in Bogotá, behind Geneva by six hours in winter (seven in
 * summer): no page error anywhere, and times of the round shown in both zones.
 */
import { expect, test } from '@playwright/test';
import { closeContexts } from './helpers.ts';
import { demoRound, signedIn, tourEveryRole } from './zone-tour.ts';

const zone = 'America/Bogota';
test.use({ timezoneId: zone });
test.afterEach(closeContexts);

test('every page of every role, in Bogotá, without a page error', async ({ browser }) => {
  test.setTimeout(240_000);
  expect(await tourEveryRole(browser, zone)).toEqual([]);
});

test('a session at 14:00 in Geneva is in the morning in Bogotá, the same day', async ({ browser }) => {
  const { page, errors } = await signedIn(browser, zone, 'observer1@example.org');
  await demoRound(page);
  const sessions = page.getByRole('region', { name: 'Live sessions' });
  await expect(sessions.getByRole('listitem').filter({ hasText: 'Counter-trafficking' })).toContainText(/2:00 PM Geneva · (7|8):00 AM Bogota/);
  // The deadline, 23:59 in Geneva, is the same evening in Bogotá.
  await expect(page.getByText(/Positions due by .*11:59 PM Geneva · (4|5):59 PM Bogota/)).toBeVisible();
  expect(errors).toEqual([]);
});

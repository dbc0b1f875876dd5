/**
 * Calendars end to end: an observer makes their calendar address on the account page, a
 * calendar application (a request with no cookie) fetches it, and node-ical reads it back: the
 * session a facilitator scheduled is there at the right instant in its round's zone. The
 * facilitator moves the session: the feed shows the new time under the same UID with a higher
 * SEQUENCE. "Add to calendar" on the session page gives the same event. Revoked, the address
 * answers 404. The reminders page lets the facilitator remind an organization.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, request, test, type Page } from '@playwright/test';
import ical, { type VEvent } from 'node-ical';
import { instantFromWallTime } from '../../domain/time-zones.ts';
import { closeContexts, personAt } from './helpers.ts';

test.afterEach(closeContexts);

const title = `Calendar check ${Date.now().toString(36)}`;
const zone = 'Europe/Zurich'; // the demo round's (Geneva)

const eventsOf = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a calendar feed follows the sessions, a moved session moves in it, and a revoked address is gone', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const daniel = await personAt(browser, 'facilitator@example.org');
  await daniel.goto('/rounds');
  await daniel.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await daniel.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
  const roundPath = new URL(daniel.url()).pathname;
  await daniel.getByRole('link', { name: 'Schedule a session' }).click();
  await daniel.getByLabel('Title of the session').fill(title);
  await daniel.getByLabel('Date and time').fill('2027-02-10T10:00');
  await daniel.getByLabel('Agenda').fill('Opening');
  await daniel.getByRole('button', { name: 'Schedule the session' }).click();
  await expect(daniel.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const sessionPath = new URL(daniel.url()).pathname;
  const sessionId = sessionPath.split('/').pop()!;
  const uid = `session-${sessionId}@idm-consult`;

  const olena = await personAt(browser, 'observer1@example.org');
  await olena.goto('/account');
  await expectNoViolations(olena, 'account');
  await olena.getByRole('button', { name: 'Make my calendar address' }).click();
  const address = await olena.getByLabel(/Your calendar address/).inputValue();
  expect(address).toMatch(new RegExp(`^${baseURL}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));

  // A calendar application: no cookie, only the address.
  const calendarApp = await request.newContext();
  const fetchFeed = async () => {
    const response = await calendarApp.get(address);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/calendar');
    return eventsOf(await response.text());
  };
  const before = (await fetchFeed()).find((e) => e.uid === uid)!;
  expect(before, 'the new session is in the feed').toBeTruthy();
  expect(before.summary).toBe(`${title} (Partnerships with NGOs in managing migration)`);
  expect(before.start.toISOString()).toBe(instantFromWallTime('2027-02-10T10:00', zone)!.toISOString());
  expect(before.start.tz).toBe(zone);
  // Every session of the feed is one Olena can open; the round's deadline is there too.
  const feed = await fetchFeed();
  expect(feed.some((e) => e.uid === `deadline-${roundPath.split('/').pop()}@idm-consult`)).toBe(true);
  for (const event of feed.filter((e) => e.uid.startsWith('session-'))) {
    const response = await olena.request.get(String(event.url));
    expect(response.status(), String(event.url)).toBe(200);
  }

  // "Add to calendar" on the session page: the same event.
  await olena.goto(sessionPath);
  const link = olena.getByRole('link', { name: 'Add to calendar (.ics)' });
  await expect(link).toBeVisible();
  const file = await olena.request.get(await link.getAttribute('href').then((href) => new URL(href!, baseURL).href));
  expect(file.headers()['content-disposition']).toContain('.ics');
  const [single] = eventsOf(await file.text());
  expect(single!.uid).toBe(uid);
  expect(single!.start.toISOString()).toBe(before.start.toISOString());

  // The facilitator moves it; the feed follows.
  await daniel.goto(sessionPath);
  await daniel.getByText('Move the session').click();
  await expectNoViolations(daniel, 'session page with the move form');
  await daniel.getByLabel(/New start/).fill('2027-02-11T15:30');
  await daniel.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(daniel.getByText('The session has moved.', { exact: false })).toBeVisible();
  const after = (await fetchFeed()).find((e) => e.uid === uid)!;
  expect(after.start.toISOString()).toBe(instantFromWallTime('2027-02-11T15:30', zone)!.toISOString());
  expect(Number(after.sequence)).toBe(Number(before.sequence) + 1);

  // Revoked: the address is gone for good.
  await olena.goto('/account');
  await olena.getByRole('button', { name: 'Revoke the address' }).click();
  await expect(olena.getByText('Your calendar address was revoked')).toBeVisible();
  expect((await calendarApp.get(address)).status()).toBe(404);
  await calendarApp.dispose();
});

test('a facilitator sees who has not submitted and reminds them', async ({ browser }) => {
  const daniel = await personAt(browser, 'facilitator@example.org');
  await daniel.goto('/rounds');
  await daniel.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await daniel.getByRole('link', { name: 'Who to remind' }).click();
  await expect(daniel.getByRole('heading', { level: 1, name: 'Reminders' })).toBeVisible();
  await expectNoViolations(daniel, 'reminders');
  // Nothing ticked: a clear message, nothing sent.
  await daniel.getByRole('button', { name: 'Remind the organizations ticked' }).click();
  await expect(daniel.getByText('Tick at least one invited organization to remind.')).toBeVisible();
  await daniel.getByRole('checkbox', { name: 'Remind Caritas Österreich' }).check();
  await daniel.getByLabel('Your message (optional)').fill('The deadline is near: we look forward to your position.');
  await daniel.getByRole('button', { name: 'Remind the organizations ticked' }).click();
  await expect(daniel.getByText(/on its way|on their way/)).toBeVisible();

  // Katharina (Caritas) finds it in her inbox.
  const katharina = await personAt(browser, 'observer3@example.org');
  await katharina.goto('/notifications');
  await expect(katharina.getByText(/Reminder: “Partnerships with NGOs in managing migration”/)).toBeVisible();
});

/**
 * The small things people saw when they tried the platform: each checked where it shows.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { closeContexts, personAt } from './helpers.ts';
import { demoRound, visit } from './zone-tour.ts';

test.afterEach(closeContexts);

const box = async (locator: Locator) => (await locator.boundingBox())!;

/** Selects `text` inside the paper editor, as a mouse would. */
async function select(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const root = document.querySelector('.paper-editor')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement?.closest('[contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in one text node of the editor`);
  }, text);
}

test('text typed just before a commented passage stays outside its highlight; the Open/Resolved tabs stay visible', async ({ browser }) => {
  const olena = await personAt(browser, 'observer1@example.org');
  await olena.setViewportSize({ width: 1280, height: 560 });
  await demoRound(olena);
  await olena.getByRole('link', { name: 'Open the paper' }).click();
  const editor = olena.getByRole('textbox', { name: 'Position paper' });
  // Comments on the draft (an earlier test may have submitted the paper, whose version has its own).
  const drafts = olena.getByRole('region', { name: 'Comments on the draft' });
  await expect(editor).toContainText('share its return statistics');
  await expect(olena.locator('.save-state.save-saved')).toBeVisible();
  await select(olena, 'share its return statistics');
  await olena.getByRole('button', { name: 'Comment', exact: true }).click();
  await drafts.getByRole('textbox', { name: 'New comment' }).fill('Which statistics exactly? '.repeat(12));
  await drafts.getByRole('button', { name: 'Post' }).click();
  const highlighted = () => olena.locator('.comment-highlight').allTextContents().then((parts) => parts.join(''));
  await expect.poll(highlighted).toBe('share its return statistics');

  // The caret just before the passage: what is typed there is not part of it.
  await select(olena, 'share');
  await olena.keyboard.press('ArrowLeft');
  await olena.keyboard.type('openly ');
  await expect(editor).toContainText('IOM openly share its return statistics');
  await expect(olena.locator('.save-state.save-saved')).toBeVisible();
  await expect.poll(highlighted).toBe('share its return statistics');
  await olena.reload();
  await expect.poll(highlighted).toBe('share its return statistics');

  // The same at the start of a paragraph.
  await select(olena, 'Our interactive meetings');
  await olena.getByRole('button', { name: 'Comment', exact: true }).click();
  await drafts.getByRole('textbox', { name: 'New comment' }).fill('How many meetings?');
  await drafts.getByRole('button', { name: 'Post' }).click();
  const first = () => olena.locator('.comment-highlight').first().textContent();
  await expect.poll(first).toBe('Our interactive meetings');
  await select(olena, 'Our');
  await olena.keyboard.press('ArrowLeft');
  await olena.keyboard.type('Since 2019, ');
  await expect(editor).toContainText('Since 2019, Our interactive meetings');
  await expect.poll(first).toBe('Our interactive meetings');
  await expect(olena.locator('.save-state.save-saved')).toBeVisible();
  await olena.reload();
  await expect.poll(first).toBe('Our interactive meetings');

  // An expanded, long thread in a short window: the tabs keep their height and stay on top.
  await olena.locator('.comment-highlight').first().click();
  await expect(olena.locator('.thread.open')).toBeVisible();
  const tabs = drafts.getByRole('group', { name: 'Threads to show' });
  await tabs.scrollIntoViewIfNeeded();
  const tabsBox = await box(tabs);
  expect(tabsBox.height).toBeGreaterThan(24);
  const covered = await olena.evaluate(({ x, y }) => !document.elementFromPoint(x, y)?.closest('.segmented'), { x: tabsBox.x + tabsBox.width / 2, y: tabsBox.y + tabsBox.height / 2 });
  expect(covered).toBe(false);
});

test('a session: the breadcrumb ends at it, speaking time in minutes and seconds, a bare projector view with its heading', async ({ browser }) => {
  const daniel = await personAt(browser, 'facilitator@example.org');
  const { held, upcoming } = await demoRound(daniel);
  await visit(daniel, upcoming);
  const crumbs = daniel.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Counter-trafficking: what NGOs see first');
  await expect(crumbs.getByRole('link', { name: 'Projector view' })).toHaveCount(0);

  await visit(daniel, `${held}/record`);
  // Caritas Österreich spoke 2:40 and 3:20; La Strada Ukraine 3:00, 0:30 (a point of order) and 1:00.
  const byOrganization = daniel.getByRole('table', { name: 'By organization' });
  await expect(byOrganization.getByRole('row', { name: 'Caritas Österreich 2 6:00' })).toBeVisible();
  await expect(byOrganization.getByRole('row', { name: 'La Strada Ukraine 3 4:30' })).toBeVisible();

  await visit(daniel, `${upcoming}?view=projector`);
  await expect(daniel.getByRole('heading', { level: 1, name: 'Counter-trafficking: what NGOs see first' })).toBeVisible();
  await expect(daniel.getByRole('banner')).toHaveCount(0);
  await expect(daniel.getByRole('navigation')).toHaveCount(0);
  await expect(daniel.getByRole('contentinfo')).toHaveCount(0);
  await expect(daniel.getByRole('button', { name: 'Full screen' })).toBeVisible();
  const page = await box(daniel.locator('.projector-page'));
  expect(page.width).toBeGreaterThanOrEqual(daniel.viewportSize()!.width - 1);
  expect(page.height).toBeGreaterThanOrEqual(daniel.viewportSize()!.height - 1);
});

test('the "allow more than one request" tick box does not run into the button after it', async ({ browser }) => {
  const daniel = await personAt(browser, 'facilitator@example.org');
  const { round } = await demoRound(daniel);
  await visit(daniel, `${round}/sessions/new`);
  await daniel.getByLabel('Title of the session').fill('A session to check the layout');
  await daniel.getByLabel('Date and time').fill('2026-12-03T10:00');
  await daniel.getByLabel('Agenda').fill('One item');
  await daniel.getByRole('button', { name: 'Schedule the session' }).click();
  await expect(daniel.getByRole('heading', { level: 1, name: 'A session to check the layout' })).toBeVisible();
  await expect(daniel.locator('.live-state.live-live')).toBeVisible();
  await daniel.getByRole('button', { name: 'Open the session' }).click();
  await expect(daniel.getByText('In session')).toBeVisible();
  const olena = await personAt(browser, 'observer1@example.org');
  await olena.goto(daniel.url());
  await expect(olena.locator('.live-state.live-live')).toBeVisible();
  await expect(olena.getByText('In session')).toBeVisible();
  await olena.getByRole('button', { name: 'Ask for the floor' }).click();
  await expect(daniel.locator('.speakers-list .speaker-request')).toHaveCount(1);
  const give = daniel.getByRole('button', { name: 'Give the floor to the next speaker' });
  await expect(give).toBeVisible();
  const label = await box(daniel.locator('label.checkbox', { hasText: 'Allow more than one pending request' }));
  const button = await box(give);
  const apart = label.y + label.height <= button.y || label.x + label.width + 8 <= button.x;
  expect(apart, `label ${JSON.stringify(label)} and button ${JSON.stringify(button)}`).toBe(true);
});

test('the participation record fits 1,280 px, its speaking time reads m:ss, its charts are not clipped', async ({ browser }) => {
  const sofia = await personAt(browser, 'secretariat@example.org');
  await sofia.setViewportSize({ width: 1280, height: 900 });
  const { round } = await demoRound(sofia);
  await visit(sofia, `${round}/participation`);
  // Caritas Österreich spoke 2:40 and 3:20 in the held session.
  await expect(sofia.getByRole('row', { name: /Caritas Österreich/ })).toContainText('6:00');
  for (const language of ['Français', 'Español', 'English']) {
    await sofia.getByRole('button', { name: language }).click();
    await expect(sofia.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en' : language === 'Français' ? 'fr' : 'es');
    const [scroll, visible] = await sofia.locator('.record-table').evaluate((table) => [table.parentElement!.scrollWidth, table.parentElement!.clientWidth]);
    expect(scroll, language).toBeLessThanOrEqual(visible);
    const clipped = await sofia.locator('.bar-chart').evaluateAll((charts) =>
      charts.flatMap((chart) => {
        const edge = chart.getBoundingClientRect().right;
        return [...chart.querySelectorAll('th, td, span')].filter((e) => e.getBoundingClientRect().right > edge + 1).map((e) => e.textContent);
      }),
    );
    expect(clipped, language).toEqual([]);
  }
});

import { expect, test, type Page } from '@playwright/test';
import { closeContexts, personAt } from './helpers.ts';

test.afterEach(closeContexts);

async function openRound(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Consultation rounds' }).click();
  // Wait for the list: an observer's dashboard also has a link named after the round (to her
  // paper), and a click resolved before the navigation ends would follow that one.
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation rounds' })).toBeVisible();
  await page.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerships with NGOs in managing migration' })).toBeVisible();
}

/** Selects `text` in the editor as a person would with the mouse (it may span several nodes). */
async function select(page: Page, text: string) {
  await page.evaluate((wanted) => {
    // The document's own text: others' caret labels are widgets, not text of the paper.
    const textNodes = (el: Element) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement?.closest('[contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
      const nodes: Node[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
      return nodes;
    };
    const root = document.querySelector('.paper-editor')!;
    const block = [...root.querySelectorAll('p, h2')].find((el) => textNodes(el).map((n) => n.textContent).join('').includes(wanted))!;
    const start = textNodes(block).map((n) => n.textContent).join('').indexOf(wanted);
    const end = start + wanted.length;
    const range = document.createRange();
    let seen = 0;
    for (const node of textNodes(block)) {
      const length = node.textContent!.length;
      if (start >= seen && start <= seen + length) range.setStart(node, start - seen);
      if (end >= seen && end <= seen + length) {
        range.setEnd(node, end - seen);
        break;
      }
      seen += length;
    }
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}

/** A person's unread count as the header shows it (none shown: 0); other specs may have left some. */
async function unread(page: Page) {
  const badge = page.getByTestId('unread-count');
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

/** The highlighted passage as one text (carets of others may cut it into several spans). */
const highlighted = (page: Page) => page.locator('.comment-highlight').allTextContents().then((parts) => parts.join(''));

test('a passage comment is anchored, live for the organization, follows edits, detaches when deleted, and stays internal', async ({ browser }) => {
  const olena = await personAt(browser, 'observer1@example.org');
  await openRound(olena);
  await olena.getByRole('link', { name: 'Open the paper' }).click();
  await expect(olena.getByRole('heading', { level: 1, name: 'Position of La Strada Ukraine' })).toBeVisible();
  const url = olena.url();
  const taras = await personAt(browser, 'observer2@example.org');
  await taras.goto(url);
  const tarasUnread = await unread(taras);
  const olenaEditor = olena.getByRole('textbox', { name: 'Position paper' });
  await expect(olenaEditor).toContainText('phone-in hotline');
  await expect(taras.getByRole('status').filter({ hasText: 'Live' }).first()).toBeVisible();

  // Olena comments on a passage, mentioning Taras.
  await select(olena, 'phone-in hotline');
  await olena.getByRole('button', { name: 'Comment', exact: true }).click();
  const composer = olena.getByRole('textbox', { name: 'New comment' });
  await composer.fill('Should we give the number? @Tar');
  await olena.getByRole('option', { name: /Taras Melnyk/ }).click();
  await expect(composer).toHaveValue('Should we give the number? @[Taras Melnyk] ');
  await olena.getByRole('button', { name: 'Post' }).click();
  await expect.poll(() => highlighted(olena)).toBe('phone-in hotline');

  // Taras sees it arrive without reloading, with its highlight, and his unread count moves.
  const thread = taras.locator('.thread', { hasText: 'Should we give the number?' });
  await expect(thread).toBeVisible();
  await expect(thread.getByText('New')).toBeVisible();
  await expect(taras.getByTestId('unread-count')).toHaveText(String(tarasUnread + 1));
  await expect.poll(() => highlighted(taras)).toBe('phone-in hotline');
  await taras.locator('.comment-highlight').first().click();
  await thread.getByRole('textbox', { name: 'Your reply' }).fill('Yes: 527, free from any phone.');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await expect(olena.locator('.thread', { hasText: 'Yes: 527, free from any phone.' })).toBeVisible();
  await thread.getByRole('button', { name: 'Resolve' }).click();
  // Resolved threads leave the open list, for everyone, live.
  await expect(olena.locator('.thread')).toHaveCount(0);
  await olena.getByRole('button', { name: /Resolved \(1\)/ }).click();
  await expect(olena.locator('.thread').getByText(/Resolved by Taras Melnyk/)).toBeVisible();
  await olena.locator('.thread').getByRole('button', { name: 'Reopen' }).click();
  await olena.getByRole('button', { name: /Open \(1\)/ }).click();
  await expect(taras.locator('.thread', { hasText: 'Should we give the number?' })).toBeVisible();

  // Taras writes inside the passage: the highlight grows with it, for both.
  await taras.locator('.thread').getByRole('button', { name: 'Show in the text' }).click();
  await expect.poll(() => taras.evaluate(() => getSelection()?.toString())).toBe('phone-in hotline');
  await select(taras, 'hotline');
  await taras.keyboard.press('ArrowLeft');
  await taras.keyboard.type('free ');
  await expect.poll(() => highlighted(olena)).toBe('phone-in free hotline');
  await expect.poll(() => highlighted(taras)).toBe('phone-in free hotline');

  // Olena deletes the passage: the thread is kept, detached, with the quote it was made on.
  await select(olena, 'the phone-in free hotline run');
  await olena.keyboard.press('Backspace');
  await expect(olena.locator('.comment-highlight')).toHaveCount(0);
  const detached = taras.locator('.thread.detached');
  await expect(detached.getByText('Passage deleted')).toBeVisible();
  await expect(detached.getByText('phone-in hotline')).toBeVisible();

  // Another organization's representative cannot see the draft or its comments.
  const katharina = await personAt(browser, 'observer3@example.org');
  const response = await katharina.goto(url);
  expect(response?.status()).toBe(403);
  await expect(katharina.getByText('Should we give the number?')).toHaveCount(0);
});

test('a facilitator hides a reported comment; its author is told, live', async ({ browser }) => {
  const katharina = await personAt(browser, 'observer3@example.org');
  await openRound(katharina);
  await katharina.getByRole('link', { name: 'Discussion' }).click();
  await katharina.getByText('Start a topic').click();
  await katharina.getByLabel('The question or theme').fill('Return counselling');
  await katharina.getByRole('textbox', { name: 'Your first message' }).fill('Counsellors who disagree with us are incompetent.');
  await katharina.getByRole('button', { name: 'Post' }).click();
  const topic = katharina.locator('.thread', { hasText: 'Return counselling' });
  await expect(topic).toBeVisible();
  const katharinaUnread = await unread(katharina);

  const olena = await personAt(browser, 'observer1@example.org');
  await olena.goto(katharina.url());
  const seen = olena.locator('.thread', { hasText: 'Return counselling' });
  await seen.getByRole('button', { name: 'Report' }).click();
  await seen.getByLabel('Why should moderators look at this comment?').fill('Insults other professionals');
  await seen.getByRole('button', { name: 'Send the report' }).click();
  await expect(seen.getByText('Reported to the moderators')).toBeVisible();

  const daniel = await personAt(browser, 'facilitator@example.org');
  await daniel.goto('/moderation');
  const item = daniel.locator('.moderation-item', { hasText: 'Counsellors who disagree with us' });
  await expect(item.getByText('Insults other professionals')).toBeVisible();
  await item.getByLabel('Reason given to the author').fill('Personal attack on other professionals');
  await item.getByRole('button', { name: 'Hide the comment' }).click();
  await expect(daniel.getByText('The comment is hidden and its author told.')).toBeVisible();

  // Katharina, still on the page, sees the comment hidden and her unread count move, live.
  await expect(topic.getByText('Hidden by a moderator: Personal attack on other professionals')).toBeVisible();
  await expect(topic.getByText('Counsellors who disagree with us')).toHaveCount(0);
  await expect(katharina.getByTestId('unread-count')).toHaveText(String(katharinaUnread + 1));
  await katharina.getByRole('link', { name: /Notifications: \d+ unread/ }).click();
  await katharina.getByRole('button', { name: /A moderator hid your comment/ }).click();
  await expect(katharina).toHaveURL(/\/discussion\?thread=/);
  if (katharinaUnread === 0) await expect(katharina.getByTestId('unread-count')).toHaveCount(0);
  else await expect(katharina.getByTestId('unread-count')).toHaveText(String(katharinaUnread));
});

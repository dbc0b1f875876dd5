/**
 * Suggested changes (issue 14, item 2; ADR 027), in Chromium, two members of La Strada Ukraine:
 * Taras (a member) suggests, Olena (the representative) sees it live, accepts one suggestion and
 * rejects another; a suggestion left open survives a reload; submitting with it open asks first.
 * (Two tests on a paper of their own (tests/e2e/fixtures.ts), in order: the second does not rely on
 * what the first left.)
 */
import { expect, test, type Page } from '@playwright/test';
import { suggestionsRoundTitle } from './fixture-names.ts';
import { closeContexts, personAt } from './helpers.ts';

test.afterEach(closeContexts);

async function openStradaPaper(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Consultation rounds' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation rounds' })).toBeVisible();
  await page.getByRole('link', { name: suggestionsRoundTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: suggestionsRoundTitle })).toBeVisible();
  await page.getByRole('link', { name: 'Open the paper' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Position of La Strada Ukraine' })).toBeVisible();
  return page.url();
}

/** Selects `text` in the editor as a person would with the mouse. */
async function select(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const root = document.querySelector('.paper-editor')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement?.closest('[contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`not found: ${wanted}`);
  }, text);
}

/** The paper's own text: others' caret labels are widgets, not text. */
const paperText = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('.paper-editor')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement?.closest('[contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) text += node.textContent;
    return text;
  });

const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

test('a member suggests, the representative sees it live, accepts one and rejects another', async ({ browser }) => {
  const taras = await personAt(browser, 'observer2@example.org');
  const url = await openStradaPaper(taras);
  const olena = await personAt(browser, 'observer1@example.org');
  await olena.goto(url);
  const tarasEditor = taras.getByRole('textbox', { name: 'Position paper' });
  const olenaEditor = olena.getByRole('textbox', { name: 'Position paper' });
  await expect(tarasEditor).toContainText('phone-in hotline');
  await expect(olenaEditor).toContainText('phone-in hotline');

  // Taras switches to suggesting (his mode only: Olena stays in editing) and types, then strikes a word.
  await taras.getByLabel('Suggesting').check();
  await expect(olena.getByLabel('Editing')).toBeChecked();
  await tarasEditor.click();
  await taras.keyboard.press('Control+End');
  await taras.keyboard.type(' Funded by donors.');
  await select(taras, 'phone-in ');
  await taras.keyboard.press('Backspace');
  // The struck text stays, marked; the typed text is marked too.
  await expect(tarasEditor.locator('del.suggestion')).toHaveText('phone-in ');
  await expect(tarasEditor.locator('ins.suggestion')).toHaveText(' Funded by donors.');
  await saved(taras);

  // Olena sees both live, with their author; Taras may not decide, Olena may.
  await expect(olenaEditor.locator('ins.suggestion')).toHaveText(' Funded by donors.');
  await expect(olenaEditor.locator('del.suggestion')).toHaveText('phone-in ');
  const olenaPanel = olena.getByRole('region', { name: /Suggestions/ });
  await expect(olenaPanel).toContainText('2 open suggestions');
  await expect(olenaPanel.getByText(/By Taras Melnyk/)).toHaveCount(2);
  const tarasPanel = taras.getByRole('region', { name: /Suggestions/ });
  await expect(tarasPanel).toContainText('Only the representative decides on suggestions in this organization.');
  await expect(tarasPanel.getByRole('button', { name: /^Accept/ })).toHaveCount(0);

  // She accepts the insertion and rejects the deletion.
  await olenaPanel.getByRole('button', { name: 'Accept “ Funded by donors.”' }).click();
  await olenaPanel.getByRole('button', { name: 'Reject “phone-in ”' }).click();
  await expect(olenaPanel).toContainText('No open suggestions.');
  for (const [page, editor] of [[olena, olenaEditor], [taras, tarasEditor]] as const) {
    await expect.poll(() => paperText(page)).toContain('phone-in hotline');
    await expect.poll(() => paperText(page)).toContain('Funded by donors.');
    await expect(editor.locator('ins.suggestion, del.suggestion')).toHaveCount(0);
    await expect(page.getByRole('region', { name: /Suggestions/ })).toContainText('No open suggestions.');
  }
  await saved(olena);
});

test('an open suggestion survives a reload; submitting with it open asks first, and the version never carries it', async ({ browser }) => {
  const taras = await personAt(browser, 'observer2@example.org');
  const url = await openStradaPaper(taras);
  const olena = await personAt(browser, 'observer1@example.org');
  await olena.goto(url);
  const tarasEditor = taras.getByRole('textbox', { name: 'Position paper' });
  const olenaEditor = olena.getByRole('textbox', { name: 'Position paper' });
  await expect(olenaEditor).toContainText('phone-in');

  // Taras suggests; after a reload, Olena still sees it, with its author.
  await taras.getByLabel('Suggesting').check();
  await tarasEditor.click();
  await taras.keyboard.press('Control+End');
  await taras.keyboard.type(' Pending review.');
  await expect(tarasEditor.locator('ins.suggestion')).toHaveText(' Pending review.');
  await saved(taras);
  await expect(olenaEditor.locator('ins.suggestion')).toHaveText(' Pending review.');
  await olena.reload();
  const reloaded = olena.getByRole('textbox', { name: 'Position paper' });
  await expect(reloaded.locator('ins.suggestion')).toHaveText(' Pending review.');
  await expect(olena.getByRole('region', { name: /Suggestions/ })).toContainText('1 open suggestion');
  await expect(olena.getByRole('region', { name: /Suggestions/ })).toContainText('By Taras Melnyk');

  // Submitting with it open asks first; going back submits nothing.
  await olena.getByRole('button', { name: 'Submit the position' }).click();
  const dialog = olena.getByRole('dialog', { name: 'Open suggestions' });
  await expect(dialog).toContainText('1 suggestion is open: accept all, reject all, or go back.');
  await dialog.getByRole('button', { name: 'Go back' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(olena.locator('#version-1')).toHaveCount(0);
  // Rejecting all submits a version without it.
  await olena.getByRole('button', { name: 'Submit the position' }).click();
  await olena.getByRole('dialog', { name: 'Open suggestions' }).getByRole('button', { name: 'Reject all and submit' }).click();
  await expect(olena.getByText(/Version 1 is submitted\. Receipt: [0-9a-f]{16}/)).toBeVisible();
  await expect.poll(() => paperText(olena)).not.toContain('Pending review.');
  await expect.poll(() => paperText(taras)).not.toContain('Pending review.');
  const facilitator = await personAt(browser, 'facilitator@example.org');
  await facilitator.goto(url);
  const version = facilitator.getByRole('article', { name: 'Version 1' });
  await expect(version).toContainText('phone-in');
  await expect(version).not.toContainText('Pending review.');
  await expect(version.locator('ins, del')).toHaveCount(0);
});

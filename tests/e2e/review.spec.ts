/**
 * The review of attributions with two cited organizations: the secretariat puts the summary in
 * review; La Strada Ukraine's representative agrees; Caritas Österreich's proposes a correction
 * with a reason; the secretariat sees both answers arrive without reloading, accepts the
 * correction (the text changes in the editor) and publishes: "reviewed by 2 of 2", with the
 * exchange kept. A member of La Strada reads the passages and cannot answer.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { closeContexts, personAt } from './helpers.ts';
import { reviewRoundTitle } from './fixture-names.ts';

test.afterEach(closeContexts);

async function openRound(page: Page) {
  await page.goto('/rounds');
  await page.getByRole('link', { name: reviewRoundTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: reviewRoundTitle })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('two cited organizations review the summary: one agrees, one proposes a correction the secretariat accepts; publication says so', async ({ browser }) => {
  test.setTimeout(120_000);
  const secretariat = await personAt(browser, 'secretariat@example.org');
  const roundPath = await openRound(secretariat);
  await secretariat.goto(`${roundPath}/summary`);
  const editor = secretariat.getByRole('textbox', { name: 'Summary of the round' });
  await expect(editor).toContainText('Counselling before return is optional.');

  // In review until tomorrow.
  await secretariat.getByRole('tab', { name: 'Review of attributions' }).click();
  const tomorrow = new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
  await secretariat.getByLabel('Review deadline').fill(`${tomorrow}T18:00`);
  await secretariat.getByRole('button', { name: 'Put the summary in review' }).click();
  await expect(secretariat.getByText('The summary is in review; the cited organizations can answer.')).toBeVisible();
  await secretariat.getByRole('tab', { name: 'Review of attributions' }).click();
  const panel = secretariat.getByRole('tabpanel', { name: 'Review of attributions' });
  await expect(panel.getByText(/Organizations that answered on every passage: 0 of 2\./)).toBeVisible();
  await expect(panel.getByText('Not answered yet: Caritas Österreich, La Strada Ukraine')).toBeVisible();

  // La Strada's representative is told on the round's page, sees its passage beside its paragraph, and agrees.
  const olena = await personAt(browser, 'observer1@example.org');
  await openRound(olena);
  await olena.getByRole('link', { name: 'Check the passages' }).click();
  await expect(olena.getByRole('heading', { level: 1, name: `How the summary cites you: ${reviewRoundTitle}` })).toBeVisible();
  const stradaItem = olena.getByRole('listitem').filter({ has: olena.getByRole('heading', { name: 'Passage 1 of the summary' }) });
  await expect(stradaItem.locator('.review-passage')).toHaveText(/Hotlines prevent trafficking before departure\./);
  await expect(stradaItem.locator('.review-cited')).toContainText('Your position, version 1, paragraph 1');
  await expect(stradaItem.locator('.review-cited')).toContainText('Hotlines reached young women before they left.');
  await expect(olena.getByText('Counselling before return is optional.')).toHaveCount(0);
  await expectNoViolations(olena, 'review page');
  await stradaItem.getByLabel('I agree with this passage').check();
  await stradaItem.getByRole('button', { name: 'Send the answer' }).click();
  await expect(stradaItem.getByRole('status')).toHaveText('Your answer is saved.');
  await expect(stradaItem).toContainText('Olena Kovalenko agreed on');

  // The secretariat sees it arrive, without reloading.
  await expect(panel.getByText(/Organizations that answered on every passage: 1 of 2\./)).toBeVisible();
  await expect(panel.getByText('Not answered yet: Caritas Österreich')).toBeVisible();

  // Caritas' representative proposes a correction; without a reason it is refused, with one it is taken.
  const katharina = await personAt(browser, 'observer3@example.org');
  await openRound(katharina);
  await katharina.getByRole('link', { name: 'Check the passages' }).click();
  const caritasItem = katharina.getByRole('listitem').filter({ has: katharina.getByRole('heading', { name: 'Passage 2 of the summary' }) });
  await expect(caritasItem.locator('.review-cited')).toContainText('Return advice must be voluntary and informed.');
  await caritasItem.getByLabel('I propose a correction').check();
  await caritasItem.getByLabel('Proposed wording').fill('Counselling before return must be voluntary and informed.');
  await caritasItem.getByRole('button', { name: 'Send the answer' }).click();
  await expect(caritasItem.getByText('Say why the passage should change.')).toBeVisible();
  await caritasItem.getByLabel('Reason').fill('We said counselling must be voluntary, not optional.');
  await caritasItem.getByRole('button', { name: 'Send the answer' }).click();
  await expect(caritasItem.getByRole('status')).toHaveText('Your answer is saved.');

  // The secretariat sees the proposal live and accepts it: the passage changes in the shared text.
  const proposal = panel.getByRole('listitem').filter({ hasText: 'Caritas Österreich' }).filter({ hasText: 'proposed a correction' });
  await expect(proposal).toContainText('We said counselling must be voluntary, not optional.');
  await expect(panel.getByText(/Organizations that answered on every passage: 2 of 2\./)).toBeVisible();
  await proposal.getByRole('button', { name: 'Accept and edit the text' }).click();
  await expect(editor).toContainText('Counselling before return must be voluntary and informed.');
  await expect(editor).not.toContainText('Counselling before return is optional.');
  await expect(editor.locator('cite.citation')).toHaveCount(2);
  await expect(panel.getByText('The secretariat accepted the correction.')).toBeVisible();
  // Caritas sees the response arrive.
  await expect(caritasItem.getByText('The secretariat accepted the correction.')).toBeVisible();

  // A member of La Strada reads, and has nothing to answer with.
  const taras = await personAt(browser, 'observer2@example.org');
  await taras.goto(`${roundPath}/review`);
  await expect(taras.getByText('Hotlines reached young women before they left.')).toBeVisible();
  await expect(taras.getByRole('button', { name: 'Send the answer' })).toHaveCount(0);

  // Publication: "reviewed by 2 of 2", the corrected text, and the exchange in the record.
  secretariat.once('dialog', (dialog) => dialog.accept());
  await secretariat.getByRole('button', { name: 'Publish the summary' }).click();
  await expect(secretariat.getByText('Reviewed by 2 of 2 cited organizations')).toBeVisible();
  await expect(secretariat.getByRole('article', { name: 'The published summary' })).toContainText('Counselling before return must be voluntary and informed.');
  const record = secretariat.getByRole('region', { name: 'Review of attributions' });
  await expect(record).toContainText('We said counselling must be voluntary, not optional.');
  await expect(record).toContainText('Olena Kovalenko agreed on');
  await expectNoViolations(secretariat, 'published summary');

  // After publication, an answer is refused with a message in words.
  await katharina.reload();
  await expect(katharina.getByRole('button', { name: 'Send the answer' })).toHaveCount(0);
});

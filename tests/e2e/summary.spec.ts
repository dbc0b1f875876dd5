import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { closeContexts, personAt } from './helpers.ts';
import { summaryRoundTitle } from './fixture-names.ts';
import { pageCount, pdfText } from '../support/pdf.ts';

test.afterEach(closeContexts);

const demoRound = 'Partnerships with NGOs in managing migration';
// The summary is written on a round of this spec's own (tests/e2e/fixtures.ts): one submitted
// position, Caritas Österreich's, whatever other specs submitted in the demo round.
const round = summaryRoundTitle;

test('the secretariat keeps the participation record, writes the summary with citations, exports it and publishes it; observer3 reads it', async ({ browser }) => {
  const secretariat = await personAt(browser, 'secretariat@example.org');
  await secretariat.goto('/rounds');
  await secretariat.getByRole('link', { name: demoRound }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: demoRound })).toBeVisible();

  // The participation record: Caritas Österreich's submitted position is in it; a meeting held elsewhere is recorded.
  await secretariat.getByRole('link', { name: 'Participation record' }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: 'Participation record' })).toBeVisible();
  const caritasRow = secretariat.getByRole('row', { name: /Caritas Österreich/ });
  await expect(caritasRow.getByRole('cell').nth(5)).toHaveText('1');
  await secretariat.getByLabel('Title of the meeting').fill('IOM Council, 113th session');
  await secretariat.getByLabel('Held on').fill('2026-11-26');
  await secretariat.getByRole('button', { name: 'Record the meeting' }).click();
  await expect(secretariat.getByRole('heading', { level: 3, name: /IOM Council, 113th session/ })).toBeVisible();
  const csv = secretariat.waitForEvent('download');
  await secretariat.getByRole('link', { name: 'Download as CSV' }).click();
  expect(fs.readFileSync((await (await csv).path())!, 'utf8')).toContain('"Caritas Österreich"');

  // The summary: nothing cited yet; a citation from the synthesis panel changes the coverage.
  // Her dashboard lists the round, which has positions in, with the way to its summary.
  await secretariat.goto('/');
  await secretariat.getByRole('listitem').filter({ hasText: round }).getByRole('link', { name: 'Write the summary' }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: `Summary of “${round}”` })).toBeVisible();
  const editor = secretariat.getByRole('textbox', { name: 'Summary of the round' });
  await expect(editor).toBeVisible();
  await secretariat.getByRole('tab', { name: /Coverage/ }).click();
  await expect(secretariat.getByTestId('coverage-summary')).toHaveText('0 of 1 submitted positions are cited.');
  await expect(secretariat.getByTestId('not-cited')).toContainText('Caritas Österreich');
  await secretariat.getByRole('tab', { name: /Positions/ }).click();
  await editor.click();
  await secretariat.keyboard.type('NGOs ask that reintegration support last ');
  // Quote and Cite are at hand without expanding the position.
  await expect(secretariat.getByRole('button', { name: 'Quote paragraph 1 of Caritas Österreich with its citation' }).first()).toBeVisible();
  await secretariat.getByRole('button', { name: 'Insert a citation of paragraph 1 of Caritas Österreich (to paraphrase)' }).first().click();
  await expect(editor.locator('cite.citation')).toHaveCount(1);
  await secretariat.getByRole('tab', { name: /Coverage/ }).click();
  await expect(secretariat.getByTestId('coverage-summary')).toHaveText('1 of 1 submitted positions are cited.');
  await expect(secretariat.getByTestId('cited')).toContainText('Caritas Österreich');
  // Focusing the citation shows the passage it points to.
  await editor.locator('cite.citation').first().focus();
  await expect(editor.locator('cite.citation .citation-source').first()).toBeVisible();
  await expect(editor.locator('cite.citation .citation-source').first()).toContainText('Reintegration support must follow the person for at least six months');

  // The first draft: an outline per area, with citations, added after what is written.
  await secretariat.getByRole('button', { name: 'Compile a first draft' }).click();
  await expect(editor.getByRole('heading', { name: `Summary of the consultation: ${round}` })).toBeVisible();
  await expect(editor.getByRole('heading', { name: 'Assisted voluntary return' })).toBeVisible();
  await expect(editor.locator('strong', { hasText: 'Caritas Österreich:' })).toBeVisible();
  // One citation written by hand, one per paragraph of Caritas Österreich's paper quoted by the outline.
  await expect.poll(() => editor.locator('cite.citation').count()).toBeGreaterThan(1);
  await expect(secretariat.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // Exports, opened and read: the headings, the text, and each citation as a footnote (DOCX) or
  // a numbered source (PDF).
  const docx = secretariat.waitForEvent('download');
  await secretariat.getByRole('link', { name: 'Word (DOCX)' }).click();
  const docxFiles = unzipSync(fs.readFileSync((await (await docx).path())!));
  const body = strFromU8(docxFiles['word/document.xml']!);
  expect(body).toContain(`Summary of the consultation: ${round}`);
  expect(body).toContain('Assisted voluntary return');
  expect(body).toContain('NGOs ask that reintegration support last');
  const footnotes = strFromU8(docxFiles['word/footnotes.xml']!);
  expect(footnotes).toMatch(/Caritas Österreich, position paper version 1 \(submitted [^)]+\), paragraph 1: “Reintegration support must follow the person/);
  expect(body.match(/<w:footnoteReference /g)!.length).toBeGreaterThan(1);
  const pdf = secretariat.waitForEvent('download');
  await secretariat.getByRole('link', { name: 'PDF' }).click();
  const pdfBytes = fs.readFileSync((await (await pdf).path())!);
  expect(pageCount(pdfBytes)).toBeGreaterThanOrEqual(1);
  const shown = pdfText(pdfBytes);
  expect(shown).toContain(`Summary of the consultation: ${round}`);
  expect(shown).toContain('NGOs ask that reintegration support last');
  expect(shown).toMatch(/Caritas Österreich, position paper version 1 \(submitted [^)]+\), paragraph 1/);

  // Publication: the first draft's placeholder sentence is still there, and the page says so.
  secretariat.once('dialog', (dialog) => dialog.accept());
  await secretariat.getByRole('button', { name: 'Publish the summary' }).click();
  const warning = secretariat.getByRole('alert').filter({ hasText: 'still holds sentences of the generated first draft' });
  await expect(warning).toContainText(/Drawn from \d+ submitted positions? of \d+ organizations?\. Outline to rewrite\./);
  secretariat.once('dialog', (dialog) => dialog.accept());
  await warning.getByRole('button', { name: 'Publish as it is' }).click();
  await expect(secretariat.getByText(/^Published on .+ This version is fixed\.$/)).toBeVisible();
  const summaryUrl = secretariat.url();

  // observer3 (Caritas Österreich) is told, and reads the published summary with the passage of her organization's paper.
  const katharina = await personAt(browser, 'observer3@example.org');
  await katharina.getByRole('link', { name: /Notifications: \d+ unread/ }).click();
  await katharina.getByRole('button', { name: `The summary of the round “${round}” is published.` }).click();
  await expect(katharina).toHaveURL(summaryUrl);
  const published = katharina.getByRole('article', { name: 'The published summary' });
  await expect(published).toContainText('NGOs ask that reintegration support last');
  await expect(published.getByRole('heading', { name: `Summary of the consultation: ${round}` })).toBeVisible();
  await published.locator('cite.citation').first().hover();
  await expect(published.locator('cite.citation .citation-source').first()).toContainText('Reintegration support must follow the person');
  // A citation leads to the cited paragraph of the submitted version, for those who may read it.
  await published.locator('cite.citation a').first().click();
  await expect(katharina.getByRole('heading', { level: 1, name: 'Position of Caritas Österreich · Version 1' })).toBeVisible();
  await expect(katharina).toHaveURL(/\/versions\/1#paragraph-1$/);
  await expect(katharina.locator('#paragraph-1')).toContainText('Reintegration support must follow the person');
  await katharina.goBack();
  await expect(katharina.getByRole('button', { name: 'Publish the summary' })).toHaveCount(0);
});

/**
 * Issue 14 in Chromium: a Word document made by the test (with the `docx` package) imported into
 * La Strada Ukraine's draft, its heading, table and footnote seen in the importer's editor and in
 * a colleague's, one Undo taking it back, a bad file refused in words; and typing offline across
 * a reload: everything arrives and is stored (read back from the database). A server and a
 * database of its own.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { yDocToPaper } from '../../domain/papers/sanitize.ts';
import { renamedText, samplePosition } from '../support/word-documents.ts';
import { ownServer, openStradaPaper, type OwnServer } from './own-server.ts';

let server: OwnServer;

test.beforeAll(async () => {
  server = await ownServer('word-offline');
  await server.start();
});

test.afterAll(async () => server?.dispose());

async function colleague(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('Email').fill('observer2@example.org');
  await page.getByLabel('Password').fill('consult-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.base}/`);
  await page.goto(`${server.base}/rounds`);
  await page.getByRole('link', { name: 'Partnerships with NGOs in managing migration' }).click();
  await page.getByRole('link', { name: 'Open the paper' }).click();
  await expect(page.getByRole('textbox', { name: 'Position paper' })).toContainText('Prevention of trafficking');
  return page;
}

const saveState = (page: Page) => page.locator('.save-state');

test('a Word document is imported as one change, seen live by a colleague, and undone', async ({ browser }) => {
  test.setTimeout(120_000);
  const olena = await (await browser.newContext()).newPage();
  const editor = await openStradaPaper(olena, server.base);
  const taras = await colleague(browser);
  const tarasEditor = taras.getByRole('textbox', { name: 'Position paper' });

  await olena.getByRole('button', { name: 'Import a Word document' }).click();
  // A text file renamed .docx: refused in words, nothing changes.
  await olena.getByLabel('Word document (.docx, up to 10 MB)').setInputFiles({ name: 'position.docx', mimeType: 'application/octet-stream', buffer: renamedText() });
  await olena.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(olena.getByRole('alert')).toContainText('This file is not a Word document (.docx).');
  await expect(editor).not.toContainText('plain text file');

  await olena.getByLabel('Word document (.docx, up to 10 MB)').setInputFiles({ name: 'position.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await samplePosition() });
  await olena.getByLabel('Add it at the end of the draft').check();
  await olena.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(olena.getByRole('status').filter({ hasText: 'The document was imported.' })).toContainText('2 images were left out');

  for (const view of [editor, tarasEditor]) {
    await expect(view.getByRole('heading', { level: 1, name: 'Imported heading' })).toBeVisible();
    await expect(view.locator('table td').filter({ hasText: 'Ukraine' })).toBeVisible();
    await expect(view.getByRole('heading', { level: 2, name: 'Notes' })).toBeVisible();
    await expect(view.locator('ol li').filter({ hasText: 'Footnote text about returns.' })).toBeVisible();
    await expect(view).toContainText('Safe pathways matter[1]');
    // Appended: the draft's own text is still there.
    await expect(view).toContainText('Prevention of trafficking');
  }
  await expect(saveState(olena)).toHaveClass(/save-saved/, { timeout: 15_000 });

  // One Undo takes the whole import back, for everyone.
  await editor.press('Control+z');
  for (const view of [editor, tarasEditor]) {
    await expect(view.getByRole('heading', { name: 'Imported heading' })).toHaveCount(0);
    await expect(view.locator('table')).toHaveCount(0);
    await expect(view).toContainText('Prevention of trafficking');
  }

  // Pasted from Word: its list stays a list, its styles and bullet characters do not come along.
  await editor.press('Control+End');
  await editor.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'First pasted point');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;</span></span>First pasted point<o:p></o:p></p><p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;</span></span>Second pasted point<o:p></o:p></p>`);
  for (const view of [editor, tarasEditor]) {
    await expect(view.locator('ul li').filter({ hasText: 'Second pasted point' })).toBeVisible();
    await expect(view).not.toContainText('·');
  }
  await Promise.all([olena, taras].map((page) => page.context().close()));
});

/** The paper's text as the database holds it: the compacted state and every update logged since. */
async function storedText(): Promise<string> {
  const sql = server.sql!;
  const [paper] = await sql<{ id: string }[]>`
    SELECT p.id FROM position_papers p JOIN organizations o ON o.id = p.organization_id WHERE o.name = 'La Strada Ukraine' LIMIT 1`;
  const name = `paper.${paper!.id}`;
  const doc = new Y.Doc();
  for (const row of await sql<{ state: Buffer }[]>`SELECT state FROM collaborative_documents WHERE name = ${name}`) Y.applyUpdate(doc, new Uint8Array(row.state));
  for (const row of await sql<{ update: Buffer }[]>`SELECT update FROM document_updates WHERE document_name = ${name} ORDER BY id`) Y.applyUpdate(doc, new Uint8Array(row.update));
  return yDocToPaper(doc).text;
}

test('typed offline, across a reload, then online: everything arrives and is stored', async ({ browser }) => {
  test.skip(!server.sql, 'reads the database back through Postgres (DATABASE_URL)');
  test.setTimeout(150_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const editor = await openStradaPaper(page, server.base);
  await expect(saveState(page)).toHaveClass(/save-saved/);
  // The page and its scripts are kept for a reload without network.
  await expect.poll(() => page.evaluate(async () => (await caches.open('idm-consult-offline-v1').then((c) => c.match(location.pathname))) !== undefined)).toBe(true);

  await context.setOffline(true);
  await expect(saveState(page)).toHaveClass(/save-offline/, { timeout: 20_000 });
  await editor.pressSequentially(' Written on the train.', { delay: 10 });
  await expect(page.locator('.pending-changes')).toContainText(/\d+ changes? not yet on the server/);

  // The browser asks before leaving a page with changes not on the server; the person goes on.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  const reloaded = page.getByRole('textbox', { name: 'Position paper' });
  await expect(reloaded).toContainText('Written on the train.');
  await expect(page.locator('.pending-changes')).toContainText(/\d+ changes? not yet on the server/);
  await reloaded.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' And after the reload.', { delay: 10 });
  expect(await storedText()).not.toContain('Written on the train.');

  await context.setOffline(false);
  await expect(saveState(page)).toHaveClass(/save-saved/, { timeout: 60_000 });
  await expect(page.locator('.pending-changes')).toHaveCount(0);
  const stored = await storedText();
  expect(stored).toContain('Written on the train.');
  expect(stored).toContain('And after the reload.');

  // Signing out deletes what this browser kept: the document, the count, the kept pages.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect
    .poll(() => page.evaluate(async () => ({
      documents: (await indexedDB.databases()).filter((d) => d.name?.startsWith('idm-consult:')).length,
      pages: await caches.has('idm-consult-offline-v1'),
      counts: Object.keys(localStorage).filter((k) => k.startsWith('idm-consult-pending:')).length,
    })))
    .toEqual({ documents: 0, pages: false, counts: 0 });
  await context.close();
});

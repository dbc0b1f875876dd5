/**
 * "Saved" means stored, seen in the browser, against a server of its own whose database the spec
 * can refuse or stop: the editor says "Not saved yet" (never "Saved") while the database refuses
 * writes and "Saved" once it takes them; closing a tab with changes not stored asks first; pages
 * during an outage say, in the visitor's language, that the platform is temporarily unavailable.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openStradaPaper, ownServer, type OwnServer } from './own-server.ts';

let server: OwnServer;
let base: string;

test.beforeAll(async () => {
  server = await ownServer('durability');
  base = server.base;
  await server.start();
});

test.afterAll(async () => {
  await server?.dispose();
});

const openPaper = (page: Page) => openStradaPaper(page, base);

async function refuseWrites(refuse: boolean) {
  const sql = server.sql!;
  if (refuse) {
    await sql.unsafe(`create or replace function e2e_refuse_writes() returns trigger language plpgsql as $$ begin raise exception 'refused by the test' using errcode = '25006'; end $$`);
    await sql.unsafe('drop trigger if exists e2e_refuse_writes on document_updates');
    await sql.unsafe('create trigger e2e_refuse_writes before insert on document_updates for each statement execute function e2e_refuse_writes()');
  } else {
    await sql.unsafe('drop trigger if exists e2e_refuse_writes on document_updates');
  }
}

test('the editor says "Not saved yet" while the database refuses writes, and "Saved" only once they are stored', async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, 'needs Postgres: the spec refuses writes through its own connection, which the embedded database (one process) does not allow');
  const status = page.getByRole('status').filter({ hasText: /Saved|Saving|saved yet|Offline/ });
  await openPaper(page);
  await page.keyboard.type(' Stored before the fault.');
  await expect(status).toHaveText(/^Saved$/);

  await refuseWrites(true);
  await page.keyboard.type(' Typed while the database refuses writes.');
  await expect(status).toHaveText(/^Not saved yet: the server cannot store your changes/);
  await page.waitForTimeout(1000);
  await expect(status).not.toHaveText(/^Saved$/);
  await page.screenshot({ path: 'test-results/durability-not-saved.png' });

  await refuseWrites(false);
  await expect(status).toHaveText(/^Saved$/, { timeout: 15_000 });
  // Stored, not only held by the server: it survives a restart of the server.
  await server.stop();
  await server.start();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Position paper' })).toContainText('Typed while the database refuses writes.');
});

test('closing a tab with changes the server has not stored asks first; with everything saved it does not', async ({ page }) => {
  const editor = await openPaper(page);
  await page.keyboard.type(' Saved before closing.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  await server.stop();
  await expect(page.getByRole('status').filter({ hasText: /^Offline: your changes are kept in this browser/ })).toBeVisible();
  await editor.click();
  await page.keyboard.type(' Typed while the server is away.');
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', async (dialog) => {
      resolve(dialog.type());
      await dialog.dismiss(); // stay on the page
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  await server.start();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 30_000 });
  let askedAgain = false;
  page.once('dialog', async (dialog) => {
    askedAgain = true;
    await dialog.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(askedAgain).toBe(false);
});

test('pages during a database outage: a translated "temporarily unavailable" page, 503, and the platform back once the database is', async ({ browser }) => {
  test.skip(!process.env.DATABASE_URL, 'needs Postgres: an embedded database lives inside the server process and cannot stop while it runs');
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await server.proxy!.stop();
  // The server notices within a second or so (its background check, or the first query that fails).
  await expect.poll(async () => (await page.request.get(`${base}/healthz`)).status(), { timeout: 10_000 }).toBe(503);
  const response = await page.goto(`${base}/login`);
  expect(response?.status()).toBe(503);
  expect(response?.headers()['retry-after']).toBe('10');
  await expect(page.getByRole('heading', { level: 1, name: 'La plateforme est momentanément indisponible' })).toBeVisible();
  await expect(page.getByText('errorPage.')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'test-results/durability-unavailable.png' });

  await server.proxy!.restore();
  await expect(async () => {
    const again = await page.goto(`${base}/login`);
    expect(again?.status()).toBe(200);
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await context.close();
});

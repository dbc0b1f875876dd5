/**
 * A joint position, end to end: La Strada Ukraine asks Caritas Österreich and HAYAT to co-sign
 * its paper; their representatives accept, read the draft without editing it (the round lets
 * co-signers read and comment), and sign version 1, bound to its receipt. A second version asks
 * them again: Caritas signs it, HAYAT's signature stays on version 1. The receipts, the version
 * page and the secretariat's participation record show every signatory.
 */
import { expect, test, type Page } from '@playwright/test';
import { closeContexts, personAt } from './helpers.ts';
import { hayatRepresentative, jointRoundTitle } from './fixture-names.ts';

test.afterEach(closeContexts);

async function openJointPaper(page: Page): Promise<string> {
  await page.goto('/rounds');
  await page.getByRole('link', { name: jointRoundTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: jointRoundTitle })).toBeVisible();
  await page.getByRole('link', { name: 'Open the paper' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Position of La Strada Ukraine' })).toBeVisible();
  return page.url();
}

async function submit(olena: Page, expected: number) {
  olena.once('dialog', (dialog) => dialog.accept());
  await olena.getByRole('button', { name: /Submit (the position|a new version)/ }).click();
  await expect(olena.getByText(new RegExp(`Version ${expected} is submitted\\. Receipt: [0-9a-f]{16}`))).toBeVisible();
}

async function acceptAndSign(page: Page, url: string, number: number, accept: boolean) {
  await page.goto(url);
  if (accept) {
    await page.getByRole('button', { name: 'Accept to co-sign' }).click();
    await expect(page.getByText('Your organization now co-signs this paper.')).toBeVisible();
  }
  const joint = page.getByRole('region', { name: 'Joint position' });
  // The signature names the receipt it is given to.
  const receipt = await page.locator(`#version-${number} code.digest`).textContent();
  await expect(joint.locator('code.digest')).toHaveText(receipt!);
  await joint.getByRole('button', { name: `Sign version ${number}` }).click();
  await expect(page.getByText(new RegExp(`Version ${number} is signed\\. Receipt: ${receipt!.slice(0, 16)}`))).toBeVisible();
  await expect(page.getByRole('region', { name: 'Joint position' }).getByRole('button', { name: `Withdraw the signature of version ${number}` })).toBeVisible();
}

test('a joint paper signed by two organizations, re-signed after a new version, on the receipts and in the record', async ({ browser }) => {
  const olena = await personAt(browser, 'observer1@example.org');
  const url = await openJointPaper(olena);

  // The representative asks two organizations invited to the round.
  const joint = olena.getByRole('region', { name: 'Joint position' });
  for (const organization of ['Caritas Österreich', 'HAYAT']) {
    await joint.getByLabel('Ask an organization invited to the round to co-sign').selectOption({ label: organization });
    await joint.getByRole('button', { name: 'Ask to co-sign' }).click();
    await expect(olena.getByText('The organization is asked to co-sign; its representatives are notified.')).toBeVisible();
    await expect(olena.getByRole('region', { name: 'Joint position' }).getByRole('listitem').filter({ hasText: organization })).toContainText('asked, not answered yet');
  }
  await submit(olena, 1);

  // Caritas's representative is notified, accepts, reads the draft (not editable here) and signs.
  const katharina = await personAt(browser, 'observer3@example.org');
  await katharina.goto('/notifications');
  await expect(katharina.getByText('La Strada Ukraine asks your organization to co-sign its position in the round “Safe return, said together (joint spec)”.')).toBeVisible();
  await acceptAndSign(katharina, url, 1, true);
  await expect(katharina.getByText('this round lets co-signers read and comment on the draft, not change it')).toBeVisible();
  await expect(katharina.getByRole('textbox', { name: 'Position paper' })).toContainText('without protection on arrival');
  await expect(katharina.getByRole('textbox', { name: 'Position paper' })).toHaveAttribute('contenteditable', 'false');

  const aylin = await personAt(browser, hayatRepresentative.email);
  await acceptAndSign(aylin, url, 1, true);
  await expect(aylin.locator('#version-1 .signatories')).toHaveText('Signed by: La Strada Ukraine · Caritas Österreich · HAYAT');

  // A new version asks them again; the signatures of version 1 stay on version 1.
  await olena.reload();
  const editor = olena.getByRole('textbox', { name: 'Position paper' });
  await editor.click();
  await olena.keyboard.press('Control+End');
  await olena.keyboard.type(' Reception must be arranged before departure.');
  await expect(olena.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await submit(olena, 2);
  await expect(olena.locator('#version-2 .signatories')).toHaveText('Signed by: La Strada Ukraine');
  await expect(olena.locator('#version-1 .signatories')).toHaveText('Signed by: La Strada Ukraine · Caritas Österreich · HAYAT');

  await acceptAndSign(katharina, url, 2, false);
  await expect(katharina.locator('#version-2 .signatories')).toHaveText('Signed by: La Strada Ukraine · Caritas Österreich');
  const receipt2 = await katharina.locator('#version-2 code.digest').textContent();

  // The version page: its receipt and every signatory of that version.
  const daniel = await personAt(browser, 'facilitator@example.org');
  await daniel.goto(`${url}/versions/2`);
  await expect(daniel.getByRole('heading', { level: 1 })).toContainText('Version 2');
  await expect(daniel.locator('header code.digest')).toHaveText(receipt2!);
  await expect(daniel.locator('.signatories')).toHaveText('Signed by: La Strada Ukraine · Caritas Österreich');

  // The participation record counts the co-signature for each signing organization.
  const sofia = await personAt(browser, 'secretariat@example.org');
  await sofia.goto(url.replace(/\/papers\/.*$/, '/participation'));
  const row = (name: string) => sofia.getByRole('row').filter({ has: sofia.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  const column = await sofia.getByRole('columnheader').allTextContents();
  const coSigned = column.findIndex((text) => text.includes('Co-signed papers'));
  expect(coSigned).toBeGreaterThan(0);
  await expect(row('Caritas Österreich').getByRole('cell').nth(coSigned - 1)).toContainText('1');
  await expect(row('Caritas Österreich').getByRole('cell').nth(coSigned - 1)).toContainText('La Strada Ukraine’s paper, version 2');
  await expect(row('HAYAT').getByRole('cell').nth(coSigned - 1)).toContainText('La Strada Ukraine’s paper, version 1');
  await expect(row('La Strada Ukraine').getByRole('cell').nth(coSigned - 1)).toHaveText('0');
});

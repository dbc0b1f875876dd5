/**
 * Importing a Word document over HTTP, on the production build: the converted content for a
 * member of the organization, a refusal for anyone else, and every bad file refused in words
 * (never a 500), with the draft untouched. Needs `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { consultationRounds, organizations, positionPapers } from '../../db/schema.ts';
import { loadDocument } from '../../domain/collaboration/document-store.ts';
import { paperDocumentName } from '../../domain/papers.ts';
import { paperJsonToHtml } from '../../domain/papers/sanitize.ts';
import * as Y from 'yjs';
import { loadConfig } from '../../server/config.ts';
import { createPlatform, type Platform } from '../../server/platform.ts';
import { openTestDatabase } from '../setup/database.ts';
import { encryptedDocx, renamedText, samplePosition, truncatedDocx, twentyMegabytes, zipBomb } from '../support/word-documents.ts';
import { en } from '../../locales/en.ts';
import { fr } from '../../locales/fr.ts';

if (!fs.existsSync('build/server/index.js')) {
  throw new Error('The production build is missing: run `npm run build` before these tests (npm test does).');
}

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let base: string;
let importPath: string;
let documentName: string;
const cookies: Record<string, string> = {};

async function send(file: Uint8Array, fileName: string, as: string, language = 'en') {
  const body = new FormData();
  body.set('file', new Blob([new Uint8Array(file)]), fileName);
  return fetch(`${base}${importPath}`, { method: 'POST', headers: { origin: base, cookie: cookies[as]!, 'accept-language': language }, body, redirect: 'manual' });
}

async function storedState(): Promise<Uint8Array> {
  const { doc } = await loadDocument(handle.db, documentName);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  platform = await createPlatform({ config: loadConfig({ NODE_ENV: 'test' }), web: 'build', database: handle, log: () => {} });
  base = await platform.listen(0, '127.0.0.1');
  for (const who of ['observer1', 'observer3', 'facilitator']) {
    const response = await fetch(`${base}/login`, { method: 'POST', headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: `${who}@example.org`, password: 'consult-demo' }), redirect: 'manual' });
    cookies[who] = response.headers.get('set-cookie')!.split(';')[0]!;
  }
  const [paper] = await handle.db
    .select({ id: positionPapers.id, roundId: positionPapers.roundId })
    .from(positionPapers)
    .innerJoin(organizations, eq(organizations.id, positionPapers.organizationId))
    .innerJoin(consultationRounds, eq(consultationRounds.id, positionPapers.roundId))
    .where(and(eq(organizations.name, 'La Strada Ukraine')));
  importPath = `/rounds/${paper!.roundId}/papers/${paper!.id}/import`;
  documentName = paperDocumentName(paper!.id);
});

afterAll(async () => {
  await platform.close();
  await handle.dispose();
});

describe('importing a Word document into a draft', () => {
  it('gives a member the sanitized content, headings, table and footnote included, and leaves the draft alone', async () => {
    const before = await storedState();
    const response = await send(await samplePosition(), 'position.docx', 'observer1');
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { imported: { content: unknown[]; imagesDropped: number; notes: number } };
    const html = paperJsonToHtml({ type: 'doc', content: answer.imported.content });
    expect(html).toContain('<h1>Imported heading</h1>');
    expect(html).toContain('<td colspan="1" rowspan="1"><p>Ukraine</p></td>');
    expect(html).toContain('<h2>Notes</h2><ol><li><p>Footnote text about returns.</p></li></ol>');
    expect(answer.imported.imagesDropped).toBe(2);
    // The server converts; the person's editor inserts (one undoable change): nothing stored yet.
    expect(await storedState()).toEqual(before);
  });

  it('refuses someone of another organization, and IOM staff (drafts are the organization’s)', async () => {
    expect((await send(await samplePosition(), 'position.docx', 'observer3')).status).toBe(403);
    expect((await send(await samplePosition(), 'position.docx', 'facilitator')).status).toBe(403);
  });

  it('refuses each bad file with its reason in words, never a 500, the draft unchanged', async () => {
    const before = await storedState();
    const cases: Array<[string, Uint8Array, number, string]> = [
      ['a renamed .txt', renamedText(), 422, 'not-docx'],
      ['an encrypted .docx', encryptedDocx(), 422, 'encrypted'],
      ['a corrupt .docx', await truncatedDocx(), 422, 'corrupt'],
      ['a zip bomb', zipBomb(32), 422, 'too-much-inside'],
      ['an empty file', new Uint8Array(), 400, 'no-file'],
    ];
    for (const [what, file, status, reason] of cases) {
      const response = await send(file, 'position.docx', 'observer1');
      expect(response.status, what).toBe(status);
      const answer = (await response.json()) as { error: string };
      expect(answer.error, what).toBe(`errors.import.${reason}`);
      expect(en[answer.error as keyof typeof en], what).toBeTruthy();
    }
    expect(await storedState()).toEqual(before);
  });

  it('refuses a 20 MB file at the edge, in the person’s language', async () => {
    const response = await send(twentyMegabytes(), 'big.docx', 'observer1', 'fr');
    expect(response.status).toBe(413);
    expect(await response.text()).toBe(fr['errors.import.too-large']);
  });
});

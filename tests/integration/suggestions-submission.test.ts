/**
 * The server's side of "a submission with open suggestions asks first" (ADR 027): whatever the
 * page did, a paper whose stored document still has an open suggestion is not submitted (409,
 * in words, nothing stored).
 * On the production build (npm test builds it first).
 */
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { eq } from 'drizzle-orm';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { paperVersions, positionPapers, users } from '../../db/schema.ts';
import { appendUpdate } from '../../domain/collaboration/document-store.ts';
import { paperDocumentName } from '../../domain/papers.ts';
import { paperExtensions } from '../../domain/papers/editor-schema.ts';
import { loadConfig } from '../../server/config.ts';
import { createPlatform, type Platform } from '../../server/platform.ts';
import { openTestDatabase } from '../setup/database.ts';

if (!fs.existsSync('build/server/index.js')) {
  throw new Error('The production build is missing: run `npm run build` before these tests (npm test does).');
}

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let base: string;
let cookie = '';

beforeAll(async () => {
  handle = await openTestDatabase();
  platform = await createPlatform({ config: loadConfig({ NODE_ENV: 'test' }), web: 'build', database: handle });
  base = await platform.listen(0, '127.0.0.1');
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'observer1@example.org', password: 'consult-demo' }).toString(),
    redirect: 'manual',
  });
  cookie = response.headers.get('set-cookie')!.split(';')[0]!;
});

afterAll(async () => {
  await platform.close();
  await handle.dispose();
});

/** A paragraph written into the stored document, with or without an open suggestion. */
function paragraph(withSuggestion: boolean) {
  const mark = { type: 'suggestedInsertion', attrs: { suggestion: 'open-one', authorId: 'x', authorName: 'Taras Melnyk', color: '#0b6e4f', at: '2026-12-01T04:00:00.000Z' } };
  const content = [{ type: 'text', text: 'Agreed sentence.' }, ...(withSuggestion ? [{ type: 'text', text: ' Suggested sentence.', marks: [mark] }] : [])];
  return Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(getSchema(paperExtensions), { type: 'doc', content: [{ type: 'paragraph', content }] }, 'default'));
}

describe('submitting a paper with open suggestions', () => {
  it('is refused (409) with a message in words, and no version is stored', async () => {
    const [olena] = await handle.db.select().from(users).where(eq(users.email, 'observer1@example.org'));
    const [paper] = await handle.db.select().from(positionPapers).where(eq(positionPapers.organizationId, olena!.organizationId!));
    const path = `/rounds/${paper!.roundId}/papers/${paper!.id}`;
    const submit = () =>
      fetch(`${base}${path}`, { method: 'POST', headers: { origin: base, cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'intent=submit', redirect: 'manual' });

    await appendUpdate(handle.db, paperDocumentName(paper!.id), paragraph(true));
    const refused = await submit();
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Suggestions are still open in the paper');
    expect(await handle.db.select().from(paperVersions).where(eq(paperVersions.paperId, paper!.id))).toHaveLength(0);
  });
});

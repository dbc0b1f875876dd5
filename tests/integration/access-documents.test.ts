/**
 * The access table (tests/security/access-table.ts) on /collab: every kind of shared document,
 * for each kind of person, with real co-editors. "Writes": what they type is stored; "reads":
 * they see the document, and what they type is stored nowhere; "refused": the document does
 * not open, and the refusal is audited under their name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { auditWatermark, refusalsSince } from '../security/audit.ts';
import { documentKinds } from '../../domain/collaboration/documents.ts';
import { loadDocument } from '../../domain/collaboration/document-store.ts';
import type { Platform } from '../../server/platform.ts';
import { openWorld, type World } from '../security/world.ts';
import { openCoEditor, type CoEditor } from '../support/collab-client.ts';
import { documents } from '../security/access-table.ts';
import { people, type Fixture } from '../security/fixture.ts';

let world: World;
let handle: World['handle'];
let platform: Platform;
let fx: Fixture;
const editors: CoEditor[] = [];

beforeAll(async () => {
  world = await openWorld();
  ({ handle, platform, fx } = world);
});

afterAll(async () => {
  editors.forEach((e) => e.close());
  await world.close();
});

const stored = async (name: string) => {
  await platform.services.documents.drain();
  return (await loadDocument(handle.db, name)).doc.getXmlFragment('default').toString();
};

describe('every kind of shared document, for each kind of person', () => {
  it('refuses the upgrade of a visitor', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${fx.base.replace('http', 'ws')}/collab`, { headers: { origin: fx.base } });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(401);
  });

  for (const c of documents) {
    for (const who of people) {
      if (who === 'visitor') continue;
      it(`${c.name} (${c.document}): ${who} → ${c.expect[who]}`, async () => {
        const name = c.documentName(fx);
        const watermark = await auditWatermark(handle.db);
        // A reader's page opens the editor without presence, as the paper page does.
        const editor = openCoEditor({ base: fx.base, cookie: fx.cookie[who], documentName: name, readOnly: c.expect[who] === 'read' });
        editors.push(editor);
        const scope = new Promise<string>((resolve) => editor.provider.on('authenticated', ({ scope }: { scope: string }) => resolve(scope)));
        const marker = `Typed by ${who} in ${c.document}.`;
        if (c.expect[who] === 'refused') {
          await expect(editor.ready).rejects.toThrow('forbidden');
          expect(await refusalsSince(handle.db, watermark, fx.person[who].id), 'the refusal is audited').toHaveLength(1);
          return;
        }
        await editor.ready;
        expect(await scope).toBe(c.expect[who] === 'write' ? 'read-write' : 'readonly');
        editor.type(marker);
        if (c.expect[who] === 'write') {
          await editor.flush();
          expect(await stored(name)).toContain(marker);
        } else {
          await new Promise((r) => setTimeout(r, 300));
          expect(await stored(name)).not.toContain(marker);
        }
        editor.close();
      });
    }
  }

  it('has an entry for every kind of document', () => {
    expect(documentKinds.filter((kind) => !documents.some((c) => c.document === kind))).toEqual([]);
  });
});

/**
 * One person cannot hold open more than so many live sockets, co-editing sockets or documents
 * (server/connection-limits.ts): beyond, the connection is refused with a reason, others are not
 * affected, and a place comes back when a connection closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { createSession } from '../domain/auth/sessions.ts';
import { paperDocumentName, startPaper } from '../domain/papers.ts';
import { createRound } from '../domain/rounds.ts';
import { openTestDatabase } from '../tests/setup/database.ts';
import { makeOrganization, makeUser } from '../tests/factories.ts';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { browserLikeSocket, openCoEditor, type CoEditor } from '../tests/support/collab-client.ts';
import { openSocket } from '../tests/support/socket-client.ts';
import { expectConsoleError } from '../tests/setup/fail-on-console-error.ts';
import { loadConfig } from './config.ts';
import { perPersonLimits } from './connection-limits.ts';
import { createPlatform, type Platform } from './platform.ts';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let platform: Platform;
let base: string;
const config = loadConfig({ NODE_ENV: 'test' });
const cookies: Record<string, string> = {};
const documents: string[] = [];
const sockets: Socket[] = [];
const editors: CoEditor[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  const org = await makeOrganization(handle.db);
  const olena = await makeUser(handle.db, { organizationId: org.id, isRepresentative: true });
  const taras = await makeUser(handle.db, { organizationId: org.id });
  for (const [who, user] of Object.entries({ olena, taras })) cookies[who] = `idm_session=${(await createSession(handle.db, user.id, config.sessionTimeouts)).token}`;
  for (let i = 0; i <= perPersonLimits.documents; i++) {
    const round = await createRound(handle.db, { title: `Round ${i}`, framing: '', areas: [], phase: 'open', phaseDates: {}, submissionDeadline: new Date(Date.now() + 86400_000), wordLimit: null, positionVisibility: 'after-deadline', invitedOrganizationIds: [org.id] }, olena.id);
    documents.push(paperDocumentName((await startPaper(handle.db, { roundId: round.id, organizationId: org.id, userId: olena.id, language: 'en' })).id));
  }
  platform = await createPlatform({ config, web: 'none', database: handle, log: () => {} });
  base = await platform.listen(0, '127.0.0.1');
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  editors.forEach((e) => e.close());
  await platform.close();
  await handle.dispose();
});

describe('per-person connection limits', () => {
  it('refuses a live socket beyond the limit, lets others in, and gives the place back when one closes', async () => {
    for (let i = 0; i < perPersonLimits.sockets; i++) sockets.push(await openSocket(base, cookies.olena!));
    await expect(openSocket(base, cookies.olena!)).rejects.toThrow('too-many-connections');
    sockets.push(await openSocket(base, cookies.taras!));
    sockets.shift()!.close();
    await expect.poll(async () => {
      try {
        sockets.push(await openSocket(base, cookies.olena!));
        return true;
      } catch {
        return false;
      }
    }).toBe(true);
  });

  it('refuses a document beyond the limit of documents open at once, on one socket', async () => {
    expectConsoleError(/too-many-connections/);
    const socket = new HocuspocusProviderWebsocket({ url: `${base.replace('http', 'ws')}/collab`, WebSocketPolyfill: browserLikeSocket({ cookie: cookies.olena!, origin: base }) });
    const outcomes = await Promise.all(
      documents.map(
        (name) =>
          new Promise<string>((resolve) => {
            const provider = new HocuspocusProvider({ websocketProvider: socket, name, token: 'session-cookie', onSynced: () => resolve('synced'), onAuthenticationFailed: ({ reason }) => resolve(reason) });
            provider.attach();
          }),
      ),
    );
    expect(outcomes.filter((o) => o === 'synced')).toHaveLength(perPersonLimits.documents);
    expect(outcomes.filter((o) => o === 'too-many-connections')).toHaveLength(1);
    socket.destroy();
    // The socket's places come back when it closes: the same person opens a document again.
    const again = openCoEditor({ base, cookie: cookies.olena!, documentName: documents[0]! });
    editors.push(again);
    await expect.poll(() => again.ready.then(() => true, () => false), { timeout: 10_000 }).toBe(true);
    again.close();
  });

  it('refuses the documents of a co-editing socket beyond the limit, with a reason the editor shows', async () => {
    expectConsoleError(/too-many-connections/); // Hocuspocus logs each refusal
    const open = (who: string, name: string) => {
      const e = openCoEditor({ base, cookie: cookies[who]!, documentName: name });
      editors.push(e);
      return e;
    };
    const first = Array.from({ length: perPersonLimits.collabSockets }, (_, i) => open('olena', documents[i]!));
    await Promise.all(first.map((e) => e.ready));
    await expect(open('olena', documents[0]!).ready).rejects.toThrow('too-many-connections');
    await open('taras', documents[0]!).ready;
    first[0]!.close();
    await expect.poll(async () => open('olena', documents[0]!).ready.then(() => true, () => false), { timeout: 10_000 }).toBe(true);
  });
});

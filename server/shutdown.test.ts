/** Graceful shutdown: stop accepting, close sockets, and /healthz says 503 once closing. */
import { describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { createSession } from '../domain/auth/sessions.ts';
import { openTestDatabase } from '../tests/setup/database.ts';
import { makeUser } from '../tests/factories.ts';
import { loadConfig } from './config.ts';
import { createPlatform } from './platform.ts';

describe('shutdown', () => {
  it('closes live sockets, stops accepting connections, and answers 503 while the database is gone', async () => {
    const handle = await openTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test' });
    const platform = await createPlatform({ config, web: 'none', database: handle });
    const base = await platform.listen(0, '127.0.0.1');
    const user = await makeUser(handle.db);
    const { token } = await createSession(handle.db, user.id, config.sessionTimeouts);
    const socket = connect(base, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: `idm_session=${token}`, origin: base } });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));

    await platform.close();
    await disconnected;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    await handle.dispose();
  });

  it('answers 503 on /healthz when the database cannot be reached', async () => {
    const handle = await openTestDatabase();
    const platform = await createPlatform({ config: loadConfig({ NODE_ENV: 'test' }), web: 'none', database: handle });
    const base = await platform.listen(0, '127.0.0.1');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await handle.dispose();
    // The database is checked every second in the background; /healthz says what was last seen.
    let response = await fetch(`${base}/healthz`);
    for (let i = 0; i < 50 && response.status === 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      response = await fetch(`${base}/healthz`);
    }
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', databaseAvailable: false });
    await platform.close();
  });
});

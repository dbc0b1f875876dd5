/**
 * The access table's world, running: a database of its own, the production build served by the
 * real platform, and the fixture's people signed in. The access and bad-input tests open one each.
 */
import fs from 'node:fs';
import { RateLimiter } from '../../domain/rate-limiter.ts';
import { loadConfig } from '../../server/config.ts';
import { createPlatform, type Platform } from '../../server/platform.ts';
import { openTestDatabase } from '../setup/database.ts';
import { buildFixture, type Fixture } from './fixture.ts';

export interface World {
  handle: Awaited<ReturnType<typeof openTestDatabase>>;
  platform: Platform;
  fx: Fixture;
  close(): Promise<void>;
}

export async function openWorld(options: { manySignIns?: boolean } = {}): Promise<World> {
  if (!fs.existsSync('build/server/index.js')) {
    throw new Error('The production build is missing: run `npm run build` before these tests (npm test does).');
  }
  const handle = await openTestDatabase();
  // No automatic reminders: the demo's session tomorrow would queue some in the middle of a count of rows.
  const platform = await createPlatform({ config: loadConfig({ NODE_ENV: 'test', REMINDERS_AUTOMATIC: 'off' }), web: 'build', database: handle, log: () => {} });
  const base = await platform.listen(0, '127.0.0.1');
  // Hundreds of requests from one address in a minute: the sign-in limit (tested elsewhere)
  // would answer 429 to the people the test signs in.
  if (options.manySignIns) platform.services.signInLimiter = new RateLimiter(1_000_000, 60_000);
  const fx = await buildFixture(handle.db, base);
  return {
    handle,
    platform,
    fx,
    async close() {
      await platform.close();
      await handle.dispose();
    },
  };
}

/**
 * One node for the several-node test: the platform without pages (web: 'none') on DATABASE_URL
 * and REDIS_URL. Prints one JSON line once it listens: its address and what of the demo data
 * this start added. Stops cleanly on SIGTERM, as server/index.ts does.
 */
import { loadConfig } from '../../server/config.ts';
import { createPlatform } from '../../server/platform.ts';
import { RedisUnreachableError } from '../../server/cluster/redis.ts';

const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
let platform;
try {
  platform = await createPlatform({ config, web: 'none', log: (m) => console.log(m) });
} catch (error) {
  if (error instanceof RedisUnreachableError) {
    console.log(error.message);
    process.exit(1);
  }
  throw error;
}
const base = await platform.listen(config.port, '127.0.0.1');
console.log(JSON.stringify({ base, seeded: platform.seeded }));

process.once('SIGTERM', async () => {
  await platform.close();
  process.exit(0);
});

/**
 * One node for the several-node test: the platform without pages (web: 'none') on DATABASE_URL
 * and REDIS_URL. Prints one JSON line once it listens: its address and what of the demo data
 * this start added. Then reads commands, one JSON line each on stdin, for what routes would do
 * on this node (`{"id":1,"do":"access-changed","change":{…}}`, `{"id":2,"do":"digest"}`), and
 * answers each with `{"reply":id,…}`. Stops cleanly on SIGTERM, as server/index.ts does.
 */
import readline from 'node:readline';
import { loadConfig } from '../../server/config.ts';
import { createPlatform, type Platform } from '../../server/platform.ts';
import { RedisUnreachableError } from '../../server/cluster/redis.ts';
import type { AccessChange } from '../../server/access-events.ts';

const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
let platform: Platform;
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

readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const command = JSON.parse(line) as { id: number; do: 'access-changed'; change: AccessChange } | { id: number; do: 'digest' };
  if (command.do === 'access-changed') {
    await platform.services.access.changed(command.change);
    console.log(JSON.stringify({ reply: command.id }));
  } else {
    console.log(JSON.stringify({ reply: command.id, sent: await platform.sendDigests() }));
  }
});

process.once('SIGTERM', async () => {
  await platform.close();
  process.exit(0);
});

/**
 * The process: `npm start` (production build) and `npm run dev` (Vite). One port serves the
 * pages, socket.io and (from issue 3) the collaboration endpoint.
 */
import { loadConfig } from './config.ts';
import { createPlatform } from './platform.ts';
import { FolderLockedError } from '../db/folder-lock.ts';
import { databaseErrorCode, isDatabaseError } from '../db/errors.ts';
import { startMessage } from './start-message.ts';
import { RedisUnreachableError } from './cluster/redis.ts';

const started = performance.now();
let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

let platform;
try {
  platform = await createPlatform({
    config,
    web: config.nodeEnv === 'production' ? 'build' : 'vite',
    log: (m) => console.log(m),
  });
} catch (error) {
  if (error instanceof FolderLockedError || error instanceof RedisUnreachableError) {
    console.error(error.message);
    process.exit(1);
  }
  if (config.databaseUrl && isDatabaseError(error)) {
    console.error(cannotReachDatabase(config.databaseUrl, error));
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes('build/server')) {
    console.error('The production build is missing: run `npm run build` first (`npm start` does it for you).');
    process.exit(1);
  }
  throw error;
}

const url = await platform.listen();
const database = config.databaseUrl ? `Postgres at DATABASE_URL${config.cluster ? ', Redis at REDIS_URL (several nodes)' : ''}` : `the embedded database in ${config.dataDir}`;
const lines = startMessage({ url: config.appOriginConfigured ? config.appOrigin : url, database, demo: config.demoSeed, seeded: platform.seeded, startedMs: performance.now() - started });
console.log(lines.join('\n'));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    await platform.close();
    process.exit(0);
  });
}

/** One line: which database could not be used, why, and what to check (no password shown). */
function cannotReachDatabase(databaseUrl: string, error: unknown): string {
  const url = new URL(databaseUrl); // validated by loadConfig
  const server = `${url.hostname}:${url.port || 5432}`;
  const name = decodeURIComponent(url.pathname.slice(1)) || url.username;
  const code = databaseErrorCode(error);
  if (code === '3D000') return `The database "${name}" does not exist on ${server} (${code}). Create it (createdb ${name}), or correct DATABASE_URL.`;
  if (code.startsWith('28')) return `The database server at ${server} refused the sign-in (${code}). Check the user and password in DATABASE_URL.`;
  return `Cannot reach the database server at ${server} (${code}). Check DATABASE_URL, and that Postgres is running and accepts connections from this machine.`;
}

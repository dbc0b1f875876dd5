/**
 * The process: `npm start` (production build) and `npm run dev` (Vite). One port serves the
 * pages, socket.io and (from issue 3) the collaboration endpoint.
 */
import { loadConfig } from './config.ts';
import { createPlatform } from './platform.ts';
import { FolderLockedError } from '../db/folder-lock.ts';
import { startMessage } from './start-message.ts';

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
  if (error instanceof FolderLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes('build/server')) {
    console.error('The production build is missing: run `npm run build` first (`npm start` does it for you).');
    process.exit(1);
  }
  throw error;
}

const url = await platform.listen();
const database = config.databaseUrl ? 'Postgres at DATABASE_URL' : `the embedded database in ${config.dataDir}`;
const lines = startMessage({ url: config.appOriginConfigured ? config.appOrigin : url, database, demo: config.demoSeed, seeded: platform.seeded, startedMs: performance.now() - started });
console.log(lines.join('\n'));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    await platform.close();
    process.exit(0);
  });
}

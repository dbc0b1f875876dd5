// `npm run db:migrate`: applies the committed SQL migrations (the server also does at start).
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../client.ts';

const handle = await openDatabase(loadConfig(process.env));
try {
  await handle.migrate();
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}

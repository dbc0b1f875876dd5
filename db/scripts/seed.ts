// `npm run db:seed`: adds the demo data that is missing, on the database the server would use,
// with the same rule as the server's start (DEMO_SEED, the embedded database, NODE_ENV).
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../client.ts';
import { demoAccounts, demoPassword, seedDemo } from '../seed/demo.ts';

const config = loadConfig(process.env);
const handle = await openDatabase(config);
try {
  await handle.migrate();
  const added = await seedDemo(handle.db, { accounts: config.demoSeed });
  console.log(`Demo data: ${added.organizationsAdded} organizations, ${added.accountsAdded} accounts, ${added.roundAdded ? 1 : 0} round and ${added.sessionsAdded} sessions added.`);
  if (config.demoSeed) console.log(`Demo accounts (password "${demoPassword}"): ${demoAccounts.map((a) => a.email).join(', ')}`);
  else console.log('No demo accounts: production on DATABASE_URL gets them only with DEMO_SEED=1.');
} finally {
  await handle.close();
}

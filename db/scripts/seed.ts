// `npm run db:seed`: adds the demo data that is missing, on the database the server would use.
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../client.ts';
import { demoAccounts, demoAccountsAllowed, demoPassword, seedDemo } from '../seed/demo.ts';

const config = loadConfig(process.env);
const handle = await openDatabase(config);
try {
  await handle.migrate();
  const accounts = demoAccountsAllowed(process.env);
  const added = await seedDemo(handle.db, { accounts });
  console.log(`Demo data: ${added.organizationsAdded} organizations and ${added.accountsAdded} accounts added.`);
  if (accounts) console.log(`Demo accounts (password "${demoPassword}"): ${demoAccounts.map((a) => a.email).join(', ')}`);
  else console.log('Demo accounts are not created in production unless DEMO_SEED=1.');
} finally {
  await handle.close();
}

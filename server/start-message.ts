/**
 * What the server prints once it listens: three lines, where to go and who to sign in as, so
 * that a newcomer's first `npm start` ends with something to do rather than a log to decode.
 */
import { demoAccounts, demoPassword, type SeedResult } from '../db/seed/demo.ts';

export function startMessage(facts: { url: string; database: string; demo: boolean; seeded: SeedResult | null; startedMs: number }): string[] {
  const { url, database, demo, seeded } = facts;
  const ready = `IDM Consult is ready: open ${url} in a browser (${database}, started in ${(facts.startedMs / 1000).toFixed(1)} s).`;
  if (!demo) {
    const directory = seeded?.organizationsAdded ? ` ${seeded.organizationsAdded} organizations of IOM's paper were added as a starting directory.` : '';
    return [ready, 'No demo accounts: production on DATABASE_URL gets them only with DEMO_SEED=1 (README, "Demo data").', `Stop with Ctrl+C.${directory}`];
  }
  const who = demoAccounts.map((a) => (a.organization ? `${a.email} (${a.organization})` : a.email)).join(', ');
  const added = seeded && (seeded.organizationsAdded || seeded.accountsAdded || seeded.roundAdded || seeded.sessionsAdded)
    ? `demo data added (${seeded.organizationsAdded} organizations, ${seeded.accountsAdded} accounts, ${seeded.roundAdded ? 1 : 0} round, ${seeded.sessionsAdded} sessions)`
    : 'demo data already complete';
  return [ready, `Sign in with the password "${demoPassword}" as ${who}.`, `Stop with Ctrl+C; ${added}; DEMO_SEED=0 starts without the demo.`];
}

/** Names of the data the specs get of their own (seeded by tests/e2e/fixtures.ts). */
export const summaryRoundTitle = 'Reintegration after return (summary spec)';

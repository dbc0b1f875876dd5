/** Names of the data the specs get of their own (seeded by tests/e2e/fixtures.ts). */
export const summaryRoundTitle = 'Reintegration after return (summary spec)';
export const reviewRoundTitle = 'Return counselling (review spec)';
export const publicRoundTitle = 'Safe pathways (public spec)';
/** Words of a position its organization did not agree to publish: they must never reach the public pages. */
export const unpublishedWords = 'Caritas keeps this paragraph among the invited organizations.';

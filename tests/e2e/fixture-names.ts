/** Names of the data the specs get of their own (seeded by tests/e2e/fixtures.ts). */
/** The joint spec's round: La Strada Ukraine's paper, co-signed by Caritas Österreich and HAYAT. */
export const jointRoundTitle = 'Safe return, said together (joint spec)';
/** HAYAT's representative, an account of the joint spec's own (the demo password). */
export const hayatRepresentative = { email: 'hayat-rep@example.org', name: 'Aylin Demir' };
/** The suggestions spec's round: La Strada Ukraine's draft of its own, never submitted by another spec. */
export const suggestionsRoundTitle = 'Hotlines that reach people (suggestions spec)';
export const summaryRoundTitle = 'Reintegration after return (summary spec)';
export const reviewRoundTitle = 'Return counselling (review spec)';
export const publicRoundTitle = 'Safe pathways (public spec)';
/** Words of a position its organization did not agree to publish: they must never reach the public pages. */
export const unpublishedWords = 'Caritas keeps this paragraph among the invited organizations.';

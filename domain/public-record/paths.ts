/** The stable addresses of the public record's pages (free of the database: pages link with them). */
export const publicPaths = {
  list: '/public',
  feed: '/public/feed',
  round: (roundId: string) => `/public/rounds/${roundId}`,
  position: (roundId: string, paperId: string) => `/public/rounds/${roundId}/positions/${paperId}`,
  csv: (roundId: string) => `/public/rounds/${roundId}/participation.csv`,
  json: (roundId: string) => `/public/rounds/${roundId}/participation.json`,
};

/**
 * Full-text search over submitted positions: the latest version of each paper, stemmed in its
 * own language (English, French, Spanish), filtered by round, area and organization, and only
 * what the person may read: `can(user, 'read-submitted', paper)` as the SQL condition of
 * permissions-sql.ts, so that the database does the filtering (its test checks the two agree).
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { rowsOf } from '../db/client.ts';
import type { Actor } from './permissions.ts';
import { roundColumns, submittedPaperReadableBy } from './permissions-sql.ts';
import { isLatestVersion, versionColumns } from './papers/latest-version.ts';
import { areas } from './vocabulary.ts';

export const searchQuerySchema = z.object({
  // A longer query is cut rather than refused: the words that count come first.
  q: z.string().default('').catch('').transform((q) => q.trim().slice(0, 200)),
  round: z.uuid().optional().catch(undefined),
  area: z.enum(areas).optional().catch(undefined),
  organization: z.uuid().optional().catch(undefined),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

import { matchEnd, matchStart } from './search-markers.ts';
export { matchEnd, matchStart };

export interface SearchHit {
  versionId: string;
  paperId: string;
  roundId: string;
  roundTitle: string;
  organizationName: string;
  number: number;
  submittedAt: string;
  snippet: string;
}

const config = sql`(case v.language when 'fr' then 'french' when 'es' then 'spanish' else 'english' end)::regconfig`;

/** What the person may read, as a condition on `p` (paper) and `r` (round). */
function readable(actor: Actor): SQL {
  return submittedPaperReadableBy(actor, { organizationId: sql.raw('p.organization_id') }, roundColumns('r'));
}

export async function searchPositions(db: Database, actor: Actor, query: SearchQuery, limit = 20): Promise<SearchHit[]> {
  if (!query.q) return [];
  const conditions = [
    readable(actor),
    isLatestVersion(versionColumns('v')),
    sql`v.search @@ websearch_to_tsquery(${config}, ${query.q})`,
    query.round ? sql`p.round_id = ${query.round}` : undefined,
    query.organization ? sql`p.organization_id = ${query.organization}` : undefined,
    query.area ? sql`o.areas @> array[${query.area}]::text[]` : undefined,
  ].filter((c): c is SQL => Boolean(c));
  const result = await db.execute(sql`
    select v.id as "versionId", p.id as "paperId", r.id as "roundId", r.title as "roundTitle",
      o.name as "organizationName", v.number, v.submitted_at as "submittedAt",
      ts_headline(${config}, v.text, websearch_to_tsquery(${config}, ${query.q}),
        ${`StartSel=${matchStart}, StopSel=${matchEnd}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet,
      ts_rank(v.search, websearch_to_tsquery(${config}, ${query.q})) as rank
    from paper_versions v
    join position_papers p on p.id = v.paper_id
    join consultation_rounds r on r.id = p.round_id
    join organizations o on o.id = p.organization_id
    where ${sql.join(conditions, sql` and `)}
    order by rank desc, v.submitted_at desc
    limit ${limit}`);
  return rowsOf<SearchHit & { rank: number }>(result).map(({ rank: _rank, ...hit }) => ({ ...hit, submittedAt: new Date(hit.submittedAt).toISOString() }));
}

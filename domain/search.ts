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
  /** The organizations whose standing signature the version bears (a joint paper), by name. */
  coSignedBy: string[];
}

const config = sql`(case v.language when 'fr' then 'french' when 'es' then 'spanish' else 'english' end)::regconfig`;

/** What the person may read, as a condition on `p` (paper) and `r` (round). */
function readable(actor: Actor): SQL {
  return submittedPaperReadableBy(actor, { id: sql.raw('p.id'), organizationId: sql.raw('p.organization_id') }, roundColumns('r'));
}

/**
 * The words asked for, matched against each version in the version's own language. Written as
 * one condition per language, each with a constant query, so that the database can answer it
 * from the GIN index on `search` (a query whose language varied row by row could not use it).
 */
function matches(q: string): SQL {
  return sql`(
    (v.language = 'en' and v.search @@ websearch_to_tsquery('english', ${q}))
    or (v.language = 'fr' and v.search @@ websearch_to_tsquery('french', ${q}))
    or (v.language = 'es' and v.search @@ websearch_to_tsquery('spanish', ${q})))`;
}

/**
 * The search as one SQL statement (also explained by the tests). The versions that match come
 * from the index, and of those only the latest version of its paper is kept (no later number
 * exists: one probe of the (paper, number) index each), rather than finding the latest version
 * of every paper first and matching the text afterwards.
 */
export function searchStatement(actor: Actor, query: SearchQuery, limit = 20): SQL {
  const conditions = [
    matches(query.q),
    isLatestVersion(versionColumns('v')),
    readable(actor),
    query.round ? sql`p.round_id = ${query.round}` : undefined,
    query.organization ? sql`p.organization_id = ${query.organization}` : undefined,
    query.area ? sql`o.areas @> array[${query.area}]::text[]` : undefined,
  ].filter((c): c is SQL => Boolean(c));
  return sql`
    select v.id as "versionId", p.id as "paperId", r.id as "roundId", r.title as "roundTitle",
      o.name as "organizationName", v.number, v.submitted_at as "submittedAt",
      array(select so.name from paper_signatures ps join organizations so on so.id = ps.organization_id
        where ps.version_id = v.id and ps.withdrawn_at is null order by so.name) as "coSignedBy",
      ts_headline(${config}, v.text, websearch_to_tsquery(${config}, ${query.q}),
        ${`StartSel=${matchStart}, StopSel=${matchEnd}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet,
      ts_rank(v.search, websearch_to_tsquery(${config}, ${query.q})) as rank
    from paper_versions v
    join position_papers p on p.id = v.paper_id
    join consultation_rounds r on r.id = p.round_id
    join organizations o on o.id = p.organization_id
    where ${sql.join(conditions, sql` and `)}
    order by rank desc, v.submitted_at desc
    limit ${limit}`;
}

export async function searchPositions(db: Database, actor: Actor, query: SearchQuery, limit = 20): Promise<SearchHit[]> {
  if (!query.q) return [];
  const result = await db.execute(searchStatement(actor, query, limit));
  return rowsOf<SearchHit & { rank: number }>(result).map(({ rank: _rank, ...hit }) => ({ ...hit, submittedAt: new Date(hit.submittedAt).toISOString() }));
}

/**
 * "The latest version of a paper", defined once: a version for which no later number of the
 * same paper exists. Search, the summary's synthesis, the dashboard and the rounds' pages all
 * use this condition (a condition, not a subquery to join, so a query can put its other
 * conditions, such as the full-text match, on the same rows and use their indexes; the
 * `(paper_id, number)` unique index answers the `not exists`).
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** The columns of a paper version, as table columns or as `alias.column`. */
export interface VersionColumns {
  paperId: SQLWrapper;
  number: SQLWrapper;
}

/** The columns of `paper_versions` under an alias of a raw query. */
export function versionColumns(alias: string): VersionColumns {
  return { paperId: sql.raw(`${alias}.paper_id`), number: sql.raw(`${alias}.number`) };
}

/** True for the latest version of its paper. */
export function isLatestVersion(version: VersionColumns): SQL {
  return sql`not exists (select 1 from paper_versions later where later.paper_id = ${version.paperId} and later.number > ${version.number})`;
}

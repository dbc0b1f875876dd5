/**
 * Sessions attended and time present per organization. Time present counts the span during
 * which at least one of its people was in the room, so two delegates side by side count once:
 * Postgres merges an organization's joins and leaves in a session into one multirange
 * (`range_agg`), whose pieces are then summed. A closed session's figures never change, so they
 * are written once when it closes (`session_presence`); the record reads those, and merges the
 * attendance only of sessions that have none stored (open ones, or rows written by hand).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client.ts';
/** A transaction, as Database.transaction gives it. */
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Per session and organization: the seconds during which someone of it was present. */
function mergedPresence(where: SQL) {
  return sql`
    select p.round_id, p.session_id, p.organization_id, coalesce(sum(extract(epoch from upper(r) - lower(r))), 0)::float8 as seconds
    from (
      select s.round_id, a.session_id, a.organization_id,
             range_agg(tstzrange(a.joined_at, greatest(a.joined_at, coalesce(a.left_at, s.closed_at, now())))) as present
      from session_attendance a join consultation_sessions s on s.id = a.session_id
      where a.organization_id is not null and ${where}
      group by s.round_id, a.session_id, a.organization_id
    ) p cross join lateral unnest(p.present) as r
    group by p.round_id, p.session_id, p.organization_id`;
}

/** Writes the figures of a session that has just closed (inside the closing transaction). */
export async function storeSessionPresence(tx: Tx | Database, sessionId: string) {
  await tx.execute(sql`
    insert into session_presence (session_id, organization_id, seconds)
    select session_id, organization_id, seconds from (${mergedPresence(sql`a.session_id = ${sessionId}`)}) m
    on conflict (session_id, organization_id) do update set seconds = excluded.seconds`);
}

export async function presenceByOrganization(db: Database, roundIds: string[], organizationIds: string[]) {
  const result = await db.execute(sql`
    with stored as (
      select s.round_id, sp.session_id, sp.organization_id, sp.seconds
      from session_presence sp join consultation_sessions s on s.id = sp.session_id
      where s.round_id in ${roundIds} and sp.organization_id in ${organizationIds}
    ), live as (
      ${mergedPresence(sql`s.round_id in ${roundIds} and a.organization_id in ${organizationIds}
        and not exists (select 1 from session_presence sp where sp.session_id = s.id)`)}
    )
    select round_id as "roundId", organization_id as "organizationId", count(*)::int as sessions, sum(seconds)::float8 as seconds
    from (select * from stored union all select * from live) present
    group by round_id, organization_id`);
  return rowsOf<{ roundId: string; organizationId: string; sessions: number; seconds: number }>(result);
}

/** The audit log: who did what, when, from where. Admins read it at /admin/audit. */
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditLog, users } from '../db/schema.ts';

export type { AuditAction } from './audit-actions.ts';
export { auditActions } from './audit-actions.ts';
import type { AuditAction } from './audit-actions.ts';

export interface AuditRecord {
  actorId?: string | null;
  action: AuditAction;
  subject?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Database, entry: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId ?? null,
    action: entry.action,
    subject: entry.subject ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}

/** How many entries of an action about a subject since a moment: the sign-in throttle counts with it. */
export async function countAuditSince(
  db: Database,
  action: AuditAction,
  subject: string,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${auditLog.at})` })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subject, subject), gte(auditLog.at, since)));
  return { count: Number(row?.count ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

export interface AuditPageQuery {
  action?: AuditAction;
  /** Entries older than this id (keyset pagination). */
  before?: number;
  limit?: number;
}

/** A page of the log, newest first, with the actor's name and email. */
export async function listAudit(db: Database, query: AuditPageQuery = {}) {
  const limit = Math.min(query.limit ?? 50, 200);
  const conditions = [
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.before ? lt(auditLog.id, query.before) : undefined,
  ].filter(Boolean);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subject: auditLog.subject,
      ip: auditLog.ip,
      details: auditLog.details,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  return {
    entries: rows.slice(0, limit),
    nextBefore: rows.length > limit ? rows[limit - 1]!.id : null,
  };
}

/** The audit log as tests read it: entries written after a watermark, so that no earlier test's entry is counted. */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

/** The id of the latest audit entry (0 when the log is empty). */
export async function auditWatermark(db: Database): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog);
  return Number(row?.id ?? 0);
}

/** The refusals of a person written after the watermark. */
export async function refusalsSince(db: Database, watermark: number, actorId: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.action, 'permission-refused'), eq(auditLog.actorId, actorId), gt(auditLog.id, watermark)));
}

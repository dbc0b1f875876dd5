/**
 * The route side of `can`: refuse with 403 and write the refusal to the audit log. The rules
 * themselves are in domain/permissions.ts.
 */
import type { AppLoadContext } from '@remix-run/node';
import type { User } from '../../db/schema.ts';
import { recordAudit } from '../../domain/audit.ts';
import { can, describeResource, type Actions, type Resource } from '../../domain/permissions.ts';

export async function requirePermission<T extends Resource['type']>(
  context: AppLoadContext,
  user: User,
  action: Actions[T],
  resource: Extract<Resource, { type: T }>,
): Promise<void> {
  if (can(user, action, resource)) return;
  await recordAudit(context.services.db, {
    action: 'permission-refused',
    actorId: user.id,
    subject: describeResource(resource),
    ip: context.clientIp,
    details: { action },
  });
  throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' });
}

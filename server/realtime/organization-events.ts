/** Live updates of an organization's page: whoever may view it can watch it. */
import { z } from 'zod';
import { can, describeResource } from '../../domain/permissions.ts';
import { Forbidden } from '../../domain/errors.ts';
import { getOrganization } from '../../domain/organizations.ts';
import type { Services } from '../services.ts';
import { defineEvent } from './define-event.ts';
import type { AppSocket } from './index.ts';

const organizationRef = z.object({ organizationId: z.uuid() });

export function registerOrganizationEvents(socket: AppSocket, services: Omit<Services, 'realtime' | 'documents'>) {
  defineEvent(socket, services, 'organization:watch', organizationRef, async ({ organizationId }) => {
    const resource = { type: 'organization', id: organizationId } as const;
    if (!can(socket.data.user, 'view', resource)) throw new Forbidden('view', describeResource(resource));
    await getOrganization(services.db, organizationId);
    await socket.join(`organization:${organizationId}`);
    return {};
  });
  defineEvent(socket, services, 'organization:unwatch', organizationRef, async ({ organizationId }) => {
    await socket.leave(`organization:${organizationId}`);
    return {};
  });
}

/**
 * Live updates of a paper's page: whoever may read the paper (its draft, or its submitted
 * versions) can watch it, and every open copy hears when a version is submitted, so the list
 * of versions, the receipt and "Submit a new version" follow at once. The message says only
 * that the paper changed: the page then asks its loader, which applies the rules again.
 */
import { z } from 'zod';
import { can, describeResource } from '../../domain/permissions.ts';
import { Forbidden } from '../../domain/errors.ts';
import { getPaper, paperResource } from '../../domain/papers.ts';
import type { Services } from '../services.ts';
import { defineEvent } from './define-event.ts';
import type { AppSocket } from './index.ts';

const paperRef = z.object({ paperId: z.uuid() });

export const paperRoom = (paperId: string) => `paper:${paperId}`;

export function registerPaperEvents(socket: AppSocket, services: Omit<Services, 'realtime' | 'documents'>) {
  defineEvent(socket, services, 'paper:watch', paperRef, async ({ paperId }) => {
    const resource = paperResource(await getPaper(services.db, paperId));
    if (!can(socket.data.user, 'read-draft', resource) && !can(socket.data.user, 'read-submitted', resource)) throw new Forbidden('read-submitted', describeResource(resource));
    await socket.join(paperRoom(paperId));
    return {};
  });
  defineEvent(socket, services, 'paper:unwatch', paperRef, async ({ paperId }) => {
    await socket.leave(paperRoom(paperId));
    return {};
  });
}

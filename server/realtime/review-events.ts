/**
 * Live answers in the review of attributions: whoever may read a round's review (IOM staff, the
 * members of an invited organization for its own passages) watches it, and every open copy hears
 * that it changed (an answer, a response, a new deadline). The message says only that: the page
 * then asks its loader, which applies the rules again and shows each person what is theirs.
 */
import { z } from 'zod';
import { Forbidden } from '../../domain/errors.ts';
import { can, describeResource } from '../../domain/permissions.ts';
import { getRound } from '../../domain/rounds.ts';
import { publishedSummary } from '../../domain/summary/summaries.ts';
import type { Services } from '../services.ts';
import { defineEvent } from './define-event.ts';
import type { AppSocket } from './index.ts';

const roundRef = z.object({ roundId: z.uuid() });

export const reviewRoom = (roundId: string) => `review:${roundId}`;

export function registerReviewEvents(socket: AppSocket, services: Omit<Services, 'realtime' | 'documents'>) {
  defineEvent(socket, services, 'review:watch', roundRef, async ({ roundId }) => {
    const { facts } = await getRound(services.db, roundId);
    const published = (await publishedSummary(services.db, roundId)) !== null;
    const user = socket.data.user;
    const resource = { type: 'summary-review', round: facts, organizationId: user.organizationId, published } as const;
    if (!can(user, 'read', resource)) throw new Forbidden('read', describeResource(resource));
    await socket.join(reviewRoom(roundId));
    return {};
  });
  defineEvent(socket, services, 'review:unwatch', roundRef, async ({ roundId }) => {
    await socket.leave(reviewRoom(roundId));
    return {};
  });
}

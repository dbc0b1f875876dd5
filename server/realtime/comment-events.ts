/**
 * Comment threads, live. A page showing a place's threads watches it (joins its room, once
 * `can` says the person may read them); every change is made through the domain and then
 * broadcast to the room; notifications go to the people concerned through their own rooms.
 */
import { z } from 'zod';
import { Throttled } from '../../domain/errors.ts';
import { unreadCount } from '../../domain/notifications.ts';
import {
  deleteComment,
  editComment,
  listReplies,
  listThreads,
  markThreadRead,
  mentionablePeople,
  newThreadSchema,
  placeFacts,
  placeSchema,
  reply,
  setResolved,
  startThread,
  threadView,
  type Outcome,
  type Place,
} from '../../domain/comments/threads.ts';
import { reportComment } from '../../domain/comments/moderation.ts';
import type { Database } from '../../db/client.ts';
import { can } from '../../domain/permissions.ts';
import type { Realtime, Services, SocketServer } from '../services.ts';
import { defineEvent } from './define-event.ts';
import type { AppSocket, SocketData } from './index.ts';

export function placeRoom(place: Place): string {
  if (place.scope === 'draft') return `comments:draft:${place.paperId}`;
  if (place.scope === 'version') return `comments:version:${place.versionId}`;
  return `comments:round:${place.roundId}`;
}

const cursor = z.string().max(100).nullish();

/** The comment rooms this process has sockets in, with their round: access is checked again when the round changes. */
export type WatchedPlaces = Map<string, { place: Place; roundId: string }>;

export function registerCommentEvents(socket: AppSocket, services: Omit<Services, 'documents'>, watched: WatchedPlaces) {
  const { db } = services;
  const me = () => socket.data.user;
  const on = <S extends z.ZodType>(event: string, schema: S, handler: (payload: z.infer<S>) => Promise<Record<string, unknown>>) =>
    defineEvent(socket, services, event, schema, handler);

  /** Broadcasts a change; its notifications were filed with it. */
  const publish = async (outcome: Outcome) => {
    services.realtime.commentsChanged({ place: outcome.place, thread: outcome.thread, comment: outcome.comment });
    services.realtime.notificationsChanged(outcome.notified);
  };
  const throttle = async () => {
    const wait = await services.commentLimiter.hit(me().id);
    if (wait > 0) throw new Throttled(Math.ceil(wait / 1000));
  };

  on('comments:watch', placeSchema, async (place) => {
    const { threads, next, where } = await listThreads(db, me(), place);
    await socket.join(placeRoom(place));
    watched.set(placeRoom(place), { place, roundId: where.roundId });
    return { threads, next };
  });
  on('comments:unwatch', placeSchema, async (place) => {
    await socket.leave(placeRoom(place));
    return {};
  });
  on('comments:threads', z.object({ place: placeSchema, before: cursor }), async ({ place, before }) => {
    const { threads, next } = await listThreads(db, me(), place, { before });
    return { threads, next };
  });
  on('comments:mentionable', placeSchema, async (place) => ({ people: await mentionablePeople(db, me(), place) }));

  on('thread:start', newThreadSchema, async (input) => {
    await throttle();
    const outcome = await startThread(db, me(), input);
    await publish(outcome);
    return { thread: outcome.thread };
  });
  on('thread:replies', z.object({ threadId: z.uuid(), after: cursor }), async ({ threadId, after }) => listReplies(db, me(), threadId, { after }));
  on('thread:get', z.object({ threadId: z.uuid() }), async ({ threadId }) => ({ thread: await threadView(db, me(), threadId) }));
  on('thread:read', z.object({ threadId: z.uuid() }), async ({ threadId }) => {
    await markThreadRead(db, me(), threadId);
    return {};
  });
  on('thread:resolve', z.object({ threadId: z.uuid(), resolved: z.boolean() }), async (input) => {
    const outcome = await setResolved(db, me(), input);
    await publish(outcome);
    return { thread: outcome.thread };
  });
  on('comment:reply', z.object({ threadId: z.uuid(), replyToId: z.uuid(), body: z.unknown() }), async (input) => {
    await throttle();
    const outcome = await reply(db, me(), input);
    await publish(outcome);
    return { comment: outcome.comment };
  });
  on('comment:edit', z.object({ commentId: z.uuid(), body: z.unknown() }), async (input) => {
    const outcome = await editComment(db, me(), input);
    await publish(outcome);
    return { comment: outcome.comment };
  });
  on('comment:delete', z.object({ commentId: z.uuid() }), async (input) => {
    const outcome = await deleteComment(db, me(), input);
    await publish(outcome);
    return { comment: outcome.comment };
  });
  on('comment:report', z.object({ commentId: z.uuid(), reason: z.unknown() }), async (input) => {
    await reportComment(db, me(), input);
    return {};
  });
  on('notifications:count', z.object({}).optional(), async () => ({ unread: await unreadCount(db, me().id) }));
}

/** The live side of comments and notifications, for `Realtime`. */
export function commentBroadcasts(io: SocketServer, db: Database, watched: WatchedPlaces): Pick<Realtime, 'commentsChanged' | 'notificationsChanged' | 'roundChanged'> {
  return {
    /**
     * A round's invitations, visibility, deadline or phase changed: whoever watches its threads
     * and may no longer read them leaves the room (and is told), so no later comment reaches them.
     */
    async roundChanged(roundId) {
      for (const [room, { place, roundId: ofRound }] of watched) {
        if (ofRound !== roundId) continue;
        const sockets = await io.local.in(room).fetchSockets(); // each node lets its own go
        if (sockets.length === 0) {
          watched.delete(room);
          continue;
        }
        const where = await placeFacts(db, place).catch(() => null);
        for (const s of sockets) {
          const user = (s.data as SocketData).user;
          if (where && can(user, 'read', { type: 'thread', thread: { ...where.facts, createdById: null } })) continue;
          s.leave(room);
          s.emit('comments:refused', { place });
        }
      }
    },
    commentsChanged({ place, thread, comment }) {
      // Exactly these three: what every reader of the place may see, nothing else.
      io.to(placeRoom(place)).emit('comments:changed', { place, thread, comment });
    },
    notificationsChanged(userIds) {
      if (userIds.length) io.to(userIds.map((id) => `user:${id}`)).emit('notifications:changed', {});
    },
  };
}

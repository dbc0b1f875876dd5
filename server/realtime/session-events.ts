/**
 * The live room of a consultation session. A socket joins a session (attendance starts, `can`
 * says who may); every change goes through domain/sessions and the new state, read back from
 * the database, goes to the session's room through the socket.io adapter (so a second node
 * only needs another adapter). Actions name their session and must come from a socket in it.
 */
import { z } from 'zod';
import { InvalidInput, Throttled } from '../../domain/errors.ts';
import {
  answerRollCall,
  attachStatement,
  getSession,
  sessionResource,
  statementSchema,
  callRoll,
  closeSession,
  extendSpeaker,
  giveFloor,
  join,
  leave,
  linkPapers,
  moveToItem,
  openSession,
  presenceFor,
  presentIn,
  removeRequest,
  reorderRequest,
  requestFloor,
  setMultipleRequests,
  takeFloorBack,
  withdrawRequest,
  type SessionState,
} from '../../domain/sessions/sessions.ts';
import type { Database } from '../../db/client.ts';
import { can } from '../../domain/permissions.ts';
import type { Services, SocketServer } from '../services.ts';
import { defineEvent } from './define-event.ts';
import type { AppSocket, SocketData } from './index.ts';

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Those in a session's room who may read its attendance person by person (IOM staff). */
export const attendanceRoom = (sessionId: string) => `attendance:${sessionId}`;

/**
 * A round changed (invitations, phase): whoever is in one of its sessions' rooms and may no
 * longer attend leaves the room and is told, so no later state reaches them.
 */
export async function recheckSessionRooms(io: SocketServer, db: Database, roundId: string) {
  for (const room of [...io.of('/').adapter.rooms.keys()]) {
    if (!room.startsWith('session:')) continue;
    const sessionId = room.slice('session:'.length);
    const found = await getSession(db, sessionId).catch(() => null);
    if (!found || found.session.roundId !== roundId) continue;
    // This node's sockets: a round change reaches every node, and each rechecks its own.
    for (const s of await io.local.in(room).fetchSockets()) {
      if (can((s.data as SocketData).user, 'attend', sessionResource(found.session, found.facts))) continue;
      s.leave(room);
      s.emit('session:refused', { sessionId });
    }
  }
}

/**
 * One socket's person changed (a representative status): it leaves the session rooms it may no
 * longer attend, and is told, so no later state reaches it.
 */
export async function recheckSocketSessionRooms(socket: { rooms: Set<string>; data: unknown; leave(room: string): void; emit(event: string, payload: unknown): boolean }, db: Database) {
  for (const room of socket.rooms) {
    if (!room.startsWith('session:')) continue;
    const sessionId = room.slice('session:'.length);
    if (!z.uuid().safeParse(sessionId).success) continue; // the person's own sign-in session room
    const found = await getSession(db, sessionId).catch(() => null);
    if (found && can((socket.data as SocketData).user, 'attend', sessionResource(found.session, found.facts))) continue;
    socket.leave(room);
    socket.emit('session:refused', { sessionId });
  }
}

const ref = z.object({ sessionId: z.uuid() });

/**
 * `leaving` holds the departures still being written when sockets close, so a shutdown can wait
 * for them before it closes the database.
 */
export function registerSessionEvents(socket: AppSocket, services: Omit<Services, 'documents'>, leaving: Set<Promise<unknown>>) {
  const { db } = services;
  const me = () => socket.data.user;
  const joined = new Set<string>();
  // Joins and leaves of one socket run one after the other: a leave racing a join (a tab
  // reloading, React's double effect) must not end the attendance the join just continued.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };
  const publish = (state: SessionState) => {
    services.realtime.sessionChanged(state);
    return { state };
  };
  /** An action for a session this socket is not in is refused: it is another session's. */
  const inRoom = (sessionId: string) => {
    if (!joined.has(sessionId)) throw new InvalidInput({ session: 'errors.session.notJoined' });
  };
  const on = <S extends z.ZodType<{ sessionId: string }>>(event: string, schema: S, handler: (payload: z.infer<S>) => Promise<SessionState>) =>
    defineEvent(socket, services, event, schema, async (payload) => {
      inRoom(payload.sessionId);
      return publish(await handler(payload));
    });

  /** The person's last socket in the room is gone: their attendance ends. */
  const left = async (sessionId: string) => {
    joined.delete(sessionId);
    await socket.leave(sessionRoom(sessionId));
    // On every node (several nodes); with the others out of reach, on this one.
    const room = sessionRoom(sessionId);
    const stillHere = (await socket.nsp.in(room).fetchSockets().catch(() => socket.nsp.local.in(room).fetchSockets())).some((s) => (s.data as { user?: { id: string } }).user?.id === me().id);
    if (stillHere) return;
    await socket.leave(attendanceRoom(sessionId));
    if (await leave(db, me().id, sessionId)) services.realtime.presenceChanged({ sessionId, left: me().id, present: await presentIn(db, sessionId) });
  };

  defineEvent(socket, services, 'session:join', ref, ({ sessionId }) =>
    serially(async () => {
      const { state, present, joined: arrived, resource } = await join(db, me(), sessionId);
      await socket.join(sessionRoom(sessionId));
      if (can(me(), 'read-attendance', resource)) await socket.join(attendanceRoom(sessionId));
      joined.add(sessionId);
      if (arrived) services.realtime.presenceChanged({ sessionId, joined: arrived, present });
      return { state, present: presenceFor(me(), resource, present) };
    }),
  );
  defineEvent(socket, services, 'session:leave', ref, ({ sessionId }) =>
    serially(async () => {
      if (joined.has(sessionId)) await left(sessionId);
      return {};
    }),
  );
  socket.on('disconnect', () => {
    for (const sessionId of joined) {
      const departure = serially(() => left(sessionId)).catch((error) => console.warn(`could not record a departure from ${sessionId}: ${(error as Error).message}`));
      leaving.add(departure);
      void departure.finally(() => leaving.delete(departure));
    }
  });

  on('session:open', ref, ({ sessionId }) => openSession(db, me(), sessionId));
  on('session:close', ref, async ({ sessionId }) => {
    const state = await closeSession(db, me(), sessionId);
    services.realtime.presenceChanged({ sessionId, present: [] });
    return state;
  });
  on('session:item', ref.extend({ itemId: z.uuid() }), ({ sessionId, itemId }) => moveToItem(db, me(), sessionId, itemId));
  on('session:item-papers', ref.extend({ itemId: z.uuid(), paperIds: z.array(z.uuid()).max(500) }), ({ sessionId, itemId, paperIds }) => linkPapers(db, me(), sessionId, itemId, paperIds));
  on('session:allow-multiple', ref.extend({ allowed: z.boolean() }), ({ sessionId, allowed }) => setMultipleRequests(db, me(), sessionId, allowed));
  on('floor:give', ref.extend({ requestId: z.uuid().optional() }), ({ sessionId, requestId }) => giveFloor(db, me(), sessionId, requestId));
  on('floor:take-back', ref, ({ sessionId }) => takeFloorBack(db, me(), sessionId));
  on('floor:extend', ref.extend({ seconds: z.number().int().min(15).max(900) }), ({ sessionId, seconds }) => extendSpeaker(db, me(), sessionId, seconds));
  on('floor:reorder', ref.extend({ requestId: z.uuid(), index: z.number().int().min(0).max(1000) }), ({ sessionId, requestId, index }) => reorderRequest(db, me(), sessionId, requestId, index));
  on('floor:remove', ref.extend({ requestId: z.uuid() }), ({ sessionId, requestId }) => removeRequest(db, me(), sessionId, requestId));
  on('rollcall:start', ref, ({ sessionId }) => callRoll(db, me(), sessionId));
  on('rollcall:answer', ref, ({ sessionId }) => answerRollCall(db, me(), sessionId));
  on('statement:attach', ref.extend({ interventionId: z.uuid(), statement: statementSchema }), ({ sessionId, interventionId, statement }) => attachStatement(db, me(), sessionId, interventionId, statement));
  on('floor:withdraw', ref, ({ sessionId }) => withdrawRequest(db, me(), sessionId));
  on('floor:request', ref.extend({ kind: z.enum(['intervention', 'reply', 'point-of-order']) }), async ({ sessionId, kind }) => {
    const wait = await services.floorLimiter.hit(me().id);
    if (wait > 0) throw new Throttled(Math.ceil(wait / 1000));
    return requestFloor(db, me(), sessionId, kind);
  });
}

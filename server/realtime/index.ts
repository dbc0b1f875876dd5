/**
 * socket.io on the shared http.Server. The handshake is refused from a foreign Origin or
 * without a valid session; every event goes through `defineEvent` (zod + can + error ack).
 */
import type http from 'node:http';
import { Server as SocketServer, type ServerOptions, type Socket } from 'socket.io';
import { findSession, validateSessionToken } from '../../domain/auth/sessions.ts';
import type { User } from '../../db/schema.ts';
import { parseCookies, sessionCookieName } from '../cookies.ts';
import { tooManyConnections } from '../connection-limits.ts';
import { compileTrustProxy, expectedOrigin, isSameOrigin } from '../security.ts';
import type { Realtime, Services } from '../services.ts';
import { registerOrganizationEvents } from './organization-events.ts';
import { paperRoom, registerPaperEvents } from './paper-events.ts';
import { registerReviewEvents, reviewRoom } from './review-events.ts';
import { attendanceRoom, recheckSessionRooms, recheckSocketSessionRooms, registerSessionEvents, sessionRoom } from './session-events.ts';
import { organizationsPresent } from '../../domain/sessions/sessions.ts';
import { commentBroadcasts, registerCommentEvents, type WatchedPlaces } from './comment-events.ts';

export interface SocketData {
  user: { id: string; role: 'observer' | 'facilitator' | 'secretariat' | 'admin'; organizationId: string | null; isRepresentative: boolean; name: string };
  sessionId: string;
}

function socketUser(user: User): SocketData['user'] {
  return { id: user.id, role: user.role, organizationId: user.organizationId, isRepresentative: user.isRepresentative, name: user.name };
}

export type AppSocket = Socket<Record<string, never>, Record<string, (...args: unknown[]) => void>, Record<string, never>, SocketData>;

export function attachRealtime(
  httpServer: http.Server,
  services: Omit<Services, 'realtime' | 'documents'>,
  options: { /** Several nodes: the Redis streams adapter, so that rooms span every node. */ adapter?: ServerOptions['adapter'] } = {},
): { io: SocketServer; realtime: Realtime; drain: () => Promise<unknown> } {
  const trust = compileTrustProxy(services.config.trustProxy);
  const io = new SocketServer(httpServer, {
    ...(options.adapter ? { adapter: options.adapter } : {}),
    path: '/socket.io/',
    // Other upgrades (/collab) are routed by server/upgrades.ts; socket.io must not close them.
    destroyUpgrade: false,
    serveClient: false,
    maxHttpBufferSize: 100_000,
    allowRequest: (req, callback) => {
      const ok = isSameOrigin(req.headers, expectedOrigin(req, services.config, trust));
      callback(ok ? null : 'foreign origin', ok);
    },
  });

  io.use(async (socket, next) => {
    try {
      const token = parseCookies(socket.request.headers.cookie)[sessionCookieName];
      const session = token ? await validateSessionToken(services.db, token, services.config.sessionTimeouts) : null;
      if (!session) return next(new Error('unauthorized'));
      const { user } = session;
      socket.data.user = socketUser(user);
      socket.data.sessionId = session.sessionId;
      // At most so many live sockets per person (server/connection-limits.ts).
      const release = services.connectionLimits.sockets.take(user.id);
      if (!release) return next(new Error(tooManyConnections));
      try {
        await socket.join([`user:${user.id}`, `session:${session.sessionId}`]);
      } catch (error) {
        release();
        throw error;
      }
      socket.once('disconnect', release);
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });

  const watched: WatchedPlaces = new Map();
  const leaving = new Set<Promise<unknown>>();
  const comments = commentBroadcasts(io, services.db, watched);
  const realtime: Realtime = {
    ...comments,
    async roundChanged(roundId) {
      await comments.roundChanged(roundId);
      await recheckSessionRooms(io, services.db, roundId);
    },
    sessionChanged(state) {
      io.to(sessionRoom(state.id)).emit('session:state', state);
    },
    presenceChanged(change) {
      const room = sessionRoom(change.sessionId);
      const { present, ...rest } = change;
      // Person by person to those who may read the attendance (IOM staff) …
      io.to(attendanceRoom(change.sessionId)).emit('session:presence', 'joined' in rest || 'left' in rest ? rest : { sessionId: change.sessionId, present });
      // … and the organizations present to everyone else in the room.
      io.to(room).except(attendanceRoom(change.sessionId)).emit('session:presence', { sessionId: change.sessionId, present: organizationsPresent(present) });
    },
    organizationChanged(organizationId) {
      io.to(`organization:${organizationId}`).emit('organization:changed', { organizationId });
    },
    paperSubmitted(paperId) {
      io.to(paperRoom(paperId)).emit('paper:changed', { paperId });
    },
    reviewChanged(roundId) {
      io.to(reviewRoom(roundId)).emit('review:changed', { roundId });
    },
  };

  /**
   * A person's access changed: each of their sockets (of the one session, or all) is judged on
   * the facts read again. A session that ended, or a person whose role or organization changed
   * (the rooms they joined were granted on the old facts), is disconnected: the page reconnects
   * as who they are now, or is sent to sign in. A change of representative status is applied in
   * place, and the session rooms they may no longer attend are left. Fails closed: facts that
   * cannot be read disconnect.
   */
  services.access.listen(async ({ userId, sessionId }) => {
    // This node's sockets only: each node judges its own (the change reaches every node).
    const sockets = (await io.local.in(`user:${userId}`).fetchSockets()).filter((s) => !sessionId || (s.data as SocketData).sessionId === sessionId);
    const facts = new Map<string, Promise<Awaited<ReturnType<typeof findSession>>>>();
    for (const s of sockets) {
      const data = s.data as SocketData;
      let found = facts.get(data.sessionId);
      if (!found) facts.set(data.sessionId, (found = findSession(services.db, data.sessionId)));
      const now = await found.catch(() => null);
      if (!now || now.user.role !== data.user.role || now.user.organizationId !== data.user.organizationId) {
        s.disconnect(true);
        continue;
      }
      data.user = socketUser(now.user);
      await recheckSocketSessionRooms(s, services.db);
    }
  });
  io.on('connection', (socket) => {
    registerOrganizationEvents(socket as unknown as AppSocket, services);
    registerPaperEvents(socket as unknown as AppSocket, services);
    registerReviewEvents(socket as unknown as AppSocket, services);
    registerCommentEvents(socket as unknown as AppSocket, { ...services, realtime }, watched);
    registerSessionEvents(socket as unknown as AppSocket, { ...services, realtime }, leaving);
  });
  /** Resolves when the departures of closed sockets are written (shutdown). */
  const drain = () => Promise.all([...leaving]);
  return { io, realtime, drain };
}

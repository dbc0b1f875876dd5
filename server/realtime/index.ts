/**
 * socket.io on the shared http.Server. The handshake is refused from a foreign Origin or
 * without a valid session; every event goes through `defineEvent` (zod + can + error ack).
 */
import type http from 'node:http';
import { Server as SocketServer, type Socket } from 'socket.io';
import { validateSessionToken } from '../../domain/auth/sessions.ts';
import { parseCookies, sessionCookieName } from '../cookies.ts';
import { expectedOrigin, isSameOrigin } from '../security.ts';
import type { Realtime, Services } from '../services.ts';
import { registerOrganizationEvents } from './organization-events.ts';
import { paperRoom, registerPaperEvents } from './paper-events.ts';
import { recheckSessionRooms, registerSessionEvents, sessionRoom } from './session-events.ts';
import { commentBroadcasts, registerCommentEvents, type WatchedPlaces } from './comment-events.ts';

export interface SocketData {
  user: { id: string; role: 'observer' | 'facilitator' | 'secretariat' | 'admin'; organizationId: string | null; isRepresentative: boolean; name: string };
  sessionId: string;
}
export type AppSocket = Socket<Record<string, never>, Record<string, (...args: unknown[]) => void>, Record<string, never>, SocketData>;

export function attachRealtime(httpServer: http.Server, services: Omit<Services, 'realtime' | 'documents'>): { io: SocketServer; realtime: Realtime; drain: () => Promise<unknown> } {
  const io = new SocketServer(httpServer, {
    path: '/socket.io/',
    // Other upgrades (/collab) are routed by server/upgrades.ts; socket.io must not close them.
    destroyUpgrade: false,
    serveClient: false,
    maxHttpBufferSize: 100_000,
    allowRequest: (req, callback) => {
      const ok = isSameOrigin(req.headers, expectedOrigin({ headers: req.headers, protocol: protocolOf(req) }, services.config.appOrigin));
      callback(ok ? null : 'foreign origin', ok);
    },
  });

  io.use(async (socket, next) => {
    try {
      const token = parseCookies(socket.request.headers.cookie)[sessionCookieName];
      const session = token ? await validateSessionToken(services.db, token, services.config.sessionTimeouts) : null;
      if (!session) return next(new Error('unauthorized'));
      const { user } = session;
      socket.data.user = { id: user.id, role: user.role, organizationId: user.organizationId, isRepresentative: user.isRepresentative, name: user.name };
      socket.data.sessionId = session.sessionId;
      await socket.join([`user:${user.id}`, `session:${session.sessionId}`]);
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
      io.to(sessionRoom(change.sessionId)).emit('session:presence', change);
    },
    organizationChanged(organizationId) {
      io.to(`organization:${organizationId}`).emit('organization:changed', { organizationId });
    },
    paperSubmitted(paperId) {
      io.to(paperRoom(paperId)).emit('paper:changed', { paperId });
    },
    async userChanged(userId, change) {
      for (const s of await io.in(`user:${userId}`).fetchSockets()) {
        const data = s.data as SocketData;
        data.user = { ...data.user, ...change };
      }
    },
    disconnectUser(userId, sessionId) {
      io.in(sessionId ? `session:${sessionId}` : `user:${userId}`).disconnectSockets(true);
    },
  };
  io.on('connection', (socket) => {
    registerOrganizationEvents(socket as unknown as AppSocket, services);
    registerPaperEvents(socket as unknown as AppSocket, services);
    registerCommentEvents(socket as unknown as AppSocket, { ...services, realtime }, watched);
    registerSessionEvents(socket as unknown as AppSocket, { ...services, realtime }, leaving);
  });
  /** Resolves when the departures of closed sockets are written (shutdown). */
  const drain = () => Promise.all([...leaving]);
  return { io, realtime, drain };
}

function protocolOf(req: http.IncomingMessage): string {
  return (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
}

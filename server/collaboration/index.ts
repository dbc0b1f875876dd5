/**
 * The collaboration endpoint at /collab: Hocuspocus inside our server, one extension per
 * concern. The upgrade itself is authenticated (session cookie, Origin), so no unauthenticated
 * socket ever reaches Hocuspocus; a socket that opens no document within a few seconds is
 * closed; messages over the size limit close their connection, and their total is bounded per
 * connection and per person (flood-gate.ts); a signed-in session holds at most 20 sockets.
 * When a person's access changes (the access event), their sockets are judged again at once.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Connection } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import { validateSessionToken } from '../../domain/auth/sessions.ts';
import type { Actor } from '../../domain/permissions.ts';
import { parseCookies, sessionCookieName } from '../cookies.ts';
import { compileTrustProxy, expectedOrigin, isSameOrigin } from '../security.ts';
import type { Services } from '../services.ts';
import { authentication } from './extensions/authentication.ts';
import { persistence } from './extensions/persistence.ts';
import { readOnlyPresence } from './extensions/read-only-presence.ts';
import { createFloodGate, documentSizeLimit } from './flood-gate.ts';

/**
 * What every hook knows of the connection: the person, identified at the upgrade and read again
 * whenever their access may have changed. Hocuspocus gives each document a shallow copy of this
 * object: `user` and `link` are shared by every document of one socket, and updated in place.
 */
export interface CollaborationContext {
  user: Actor & { name: string };
  sessionId: string;
  link: SocketLink;
  /** Set when a writing connection lost the right to edit while open (a deadline passed). */
  editClosed?: boolean;
}

/** One socket, as the revocation sees it. */
export interface SocketLink {
  ws: WebSocket;
  /** A judgement of the person under way: the socket's messages wait for it. */
  recheck: Promise<void> | null;
  /** When the person's facts were last read. */
  checkedAt: number;
}

export const maxMessageBytes = 2 * 1024 * 1024;
export const openDocumentWithinMs = 5000;
/** Collaboration sockets one signed-in session may hold open on a node. */
export const maxSocketsPerSession = 20;

export function createCollaboration(services: Omit<Services, 'realtime' | 'documents'>, log: (message: string) => void = console.warn, options: { maxDocumentBytes?: number } = {}) {
  const store = persistence(services, log);
  const access = authentication(services, (link) => connectionsOf(link));
  const gate = createFloodGate(log);
  const hocuspocus = new Hocuspocus({
    name: 'idm-consult',
    quiet: true,
    // Stores (derived text, compaction) 2 s after the last change, at least every 10 s; the
    // update log already holds every change as it arrives.
    debounce: 2000,
    maxDebounce: 10_000,
    extensions: [access, readOnlyPresence(log), documentSizeLimit(log, options.maxDocumentBytes), store],
  });
  /** The open sockets of each person, to judge them again when their access changes. */
  const sockets = new Map<string, Set<CollaborationContext>>();
  const perSession = new Map<string, number>();

  function connectionsOf(link: SocketLink): Connection[] {
    const found: Connection[] = [];
    for (const document of hocuspocus.documents.values()) {
      const entry = document.connections.get(link.ws as never);
      if (entry) found.push(entry.connection);
    }
    return found;
  }

  services.access.listen(async ({ userId, sessionId }) => {
    const open = [...(sockets.get(userId) ?? [])].filter((c) => !sessionId || c.sessionId === sessionId);
    await Promise.all(open.map((context) => access.judgeAgain(context)));
  });
  const trust = compileTrustProxy(services.config.trustProxy);
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });

  async function handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer) {
    if (!isSameOrigin(req.headers, expectedOrigin(req, services.config, trust))) return reject(socket, 403, 'Forbidden');
    const token = parseCookies(req.headers.cookie)[sessionCookieName];
    const session = token ? await validateSessionToken(services.db, token, services.config.sessionTimeouts).catch(() => null) : null;
    if (!session) return reject(socket, 401, 'Unauthorized');
    if ((perSession.get(session.sessionId) ?? 0) >= maxSocketsPerSession) return reject(socket, 429, 'Too Many Requests');
    const { user } = session;
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const context: CollaborationContext = {
        user: { id: user.id, role: user.role, organizationId: user.organizationId, isRepresentative: user.isRepresentative, name: user.name },
        sessionId: session.sessionId,
        link: { ws, recheck: null, checkedAt: Date.now() },
      };
      perSession.set(session.sessionId, (perSession.get(session.sessionId) ?? 0) + 1);
      const mine = sockets.get(user.id) ?? new Set();
      sockets.set(user.id, mine.add(context));
      const idle = setTimeout(() => ws.close(4408, 'no document opened'), openDocumentWithinMs);
      ws.once('message', () => clearTimeout(idle));
      ws.once('close', () => {
        clearTimeout(idle);
        mine.delete(context);
        if (mine.size === 0) sockets.delete(user.id);
        const left = (perSession.get(session.sessionId) ?? 1) - 1;
        if (left > 0) perSession.set(session.sessionId, left);
        else perSession.delete(session.sessionId);
      });
      ws.on('error', (error) => log(`collaboration socket closed: ${error.message}`));
      gate.admit(ws, user.id);
      hocuspocus.handleConnection(ws, req, context);
    });
  }

  return {
    hocuspocus,
    handleUpgrade: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      handleUpgrade(req, socket, head).catch((error) => {
        log(`collaboration upgrade failed: ${(error as Error).message}`);
        reject(socket, 503, 'Service Unavailable');
      });
    },
    /**
     * Closes every connection and waits until the updates received are stored and each
     * document's last store (compaction, derived text) has run (shutdown).
     */
    async close() {
      hocuspocus.closeConnections();
      wss.clients.forEach((ws) => ws.terminate());
      // Each document's last store runs once its connections have gone (a few ticks later), then
      // the document unloads: wait for that, so no store reaches a database already closed.
      const deadline = Date.now() + 10_000;
      while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await store.drain();
      wss.close();
    },
    drain: () => store.drain(),
    forgetFacts: () => access.forgetFacts(),
  };
}

export type Collaboration = ReturnType<typeof createCollaboration>;

function reject(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

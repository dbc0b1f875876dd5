/**
 * The collaboration endpoint at /collab: Hocuspocus inside our server, one extension per
 * concern. The upgrade itself is authenticated (session cookie, Origin), so no unauthenticated
 * socket ever reaches Hocuspocus; a socket that opens no document within a few seconds is
 * closed; messages over the size limit close their connection, and their total is bounded per
 * connection and per person (flood-gate.ts); a person holds at most 20 sockets and 20 open
 * documents (connection-limits.ts), beyond which documents are refused with a reason.
 * When a person's access changes (the access event), their sockets are judged again at once.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Connection, type Extension } from '@hocuspocus/server';
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
import { documentLimit } from './extensions/document-limit.ts';

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
  /** The documents this socket holds open, each with the release of its place (connection limits). */
  openDocuments?: Map<string, () => void>;
  /** The person already holds as many co-editing sockets as allowed: every document is refused. */
  overLimit?: boolean;
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

export function createCollaboration(
  services: Omit<Services, 'realtime' | 'documents'>,
  log: (message: string) => void = console.warn,
  options: { onWrite?: () => void; maxDocumentBytes?: number; /** Several nodes: the documents shared through Redis. */ shared?: Extension } = {},
) {
  const store = persistence(services, log, options);
  const access = authentication(services, (link) => connectionsOf(link));
  const gate = createFloodGate(log);
  const limits = services.connectionLimits;
  const hocuspocus = new Hocuspocus({
    name: 'idm-consult',
    quiet: true,
    // Stores (derived text, compaction) 2 s after the last change, at least every 10 s; the
    // update log already holds every change as it arrives.
    debounce: 2000,
    maxDebounce: 10_000,
    extensions: [access, documentLimit(limits.documents), readOnlyPresence(log), documentSizeLimit(log, options.maxDocumentBytes), store, ...(options.shared ? [options.shared] : [])],
  });
  /** The open sockets of each person, to judge them again when their access changes. */
  const sockets = new Map<string, Set<CollaborationContext>>();

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
    const { user } = session;
    // Over the limit of sockets per person, the socket is still opened, to refuse its documents
    // with a reason the editor shows in words, and then closed.
    const release = limits.collabSockets.take(user.id) ?? undefined;
    const openDocuments = new Map<string, () => void>();
    let upgraded = false;
    socket.once('close', () => upgraded || release?.());
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      upgraded = true;
      const context: CollaborationContext = {
        user: { id: user.id, role: user.role, organizationId: user.organizationId, isRepresentative: user.isRepresentative, name: user.name },
        sessionId: session.sessionId,
        link: { ws, recheck: null, checkedAt: Date.now() },
        openDocuments,
        overLimit: !release,
      };
      const mine = sockets.get(user.id) ?? new Set();
      sockets.set(user.id, mine.add(context));
      const idle = setTimeout(() => ws.close(4408, 'no document opened'), openDocumentWithinMs);
      ws.once('message', () => clearTimeout(idle));
      const overLimit = release ? undefined : setTimeout(() => ws.close(4429, 'too many connections'), 2000);
      ws.once('close', () => {
        clearTimeout(idle);
        clearTimeout(overLimit);
        mine.delete(context);
        if (mine.size === 0) sockets.delete(user.id);
        release?.();
        openDocuments.forEach((give) => give());
        openDocuments.clear();
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
      // With the database away, updates still waiting are given a few seconds, then reported
      // (the editors keep them and send them again when they reconnect to the next process).
      await store.drain({ deadlineMs: 5000 });
      store.stop();
      wss.close();
    },
    drain: (options?: { documentName?: string; deadlineMs?: number }) => store.drain(options),
    forgetFacts: () => access.forgetFacts(),
  };
}

export type Collaboration = ReturnType<typeof createCollaboration>;

function reject(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

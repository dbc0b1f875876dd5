/**
 * The services one process holds, created once in server/ and handed to Remix through
 * getLoadContext and to socket handlers: a route module never opens its own database.
 */
import type { Server as SocketServer } from 'socket.io';
import type { Database } from '../db/client.ts';
import type { Mailer } from '../domain/mail.ts';
import { RateLimiter, type Limiter } from '../domain/rate-limiter.ts';
import type { Health } from './health.ts';
import type { ConnectionLimits } from './connection-limits.ts';
import type { Config } from './config.ts';
import type { CommentView, Place, ThreadView } from '../domain/comments/threads.ts';
import type { Present, SessionState } from '../domain/sessions/sessions.ts';
import type { AccessEvents } from './access-events.ts';

/**
 * Someone arrived in or left a session's room: `present` is everyone there now. IOM staff are
 * told who (`joined`, `left`); participants get the organizations present (see `presenceFor`).
 */
export type PresenceChange = { sessionId: string; present: Present[] } & ({ joined: Present } | { left: string } | object);

export interface Services {
  db: Database;
  config: Config;
  mailer: Mailer;
  /** Whether the database answers; a query that failed for an outage is reported here. */
  health: Pick<Health, 'databaseAvailable' | 'report'>;
  /** 100 sign-in requests a minute per address. */
  signInLimiter: Limiter;
  /** 10 comments a minute per person. */
  commentLimiter: Limiter;
  /** 6 requests for the floor a minute per person. */
  floorLimiter: Limiter;
  /** What one person may hold open at once: sockets, co-editing sockets, documents. */
  connectionLimits: ConnectionLimits;
  /** Live updates; absent until the socket server is attached. */
  realtime: Realtime;
  /** "This person's access changed": their live connections (socket.io, /collab) are judged again at once. */
  access: AccessEvents;
  /** Work done after the answer has gone (a reset mail): failures are logged, shutdown waits for it. */
  background: BackgroundWork;
  /** The collaborative documents being edited. */
  documents: {
    /**
     * Resolves when every update received so far (of one document, or of all) is in the
     * database, or after the deadline (default 10 s); to the number of updates still unstored.
     */
    drain(options?: { documentName?: string; deadlineMs?: number }): Promise<number>;
  };
}

/** What routes may tell the live layer; it only broadcasts, it decides nothing. */
export interface Realtime {
  organizationChanged(organizationId: string): void;
  /** A version of a paper was submitted: every open copy of its page reloads its data. */
  paperSubmitted(paperId: string): void;
  /** Something changed in a round's review of attributions (an answer, a response, the deadline). */
  reviewChanged(roundId: string): void;
  /** Tells these people's open pages that their inbox changed (the unread count). */
  notificationsChanged(userIds: readonly string[]): void;
  /** Tells the pages showing a place's threads what changed. */
  commentsChanged(change: CommentsChange): void;
  /** A session's state changed: everyone in its room gets it. */
  sessionChanged(state: SessionState): void;
  /** Someone arrived in or left a session's room (or everyone, when it closes). */
  presenceChanged(change: PresenceChange): void;
  /** A round's facts changed: watchers of its threads who lost access are let go. */
  roundChanged(roundId: string): Promise<void>;
}

/** Work that runs after the response, so that its cost (or its absence) is not seen in the answer. */
export interface BackgroundWork {
  run(what: string, task: () => Promise<unknown>): void;
  /** Resolves when everything started so far has finished (shutdown, tests). */
  drain(): Promise<void>;
}

export function createBackgroundWork(log: (message: string) => void): BackgroundWork {
  const running = new Set<Promise<unknown>>();
  return {
    run(what, task) {
      const done: Promise<unknown> = new Promise((resolve) => setImmediate(resolve))
        .then(task)
        .catch((error) => log(`${what} failed: ${(error as Error).message}`))
        .finally(() => running.delete(done));
      running.add(done);
    },
    async drain() {
      while (running.size) await Promise.all([...running]);
    },
  };
}

export interface CommentsChange {
  place: Place;
  thread: ThreadView;
  comment?: CommentView;
}

/** The limits of one node alone; several nodes share theirs (server/cluster/shared-limits.ts). */
export function createRateLimiters(): Pick<Services, 'signInLimiter' | 'commentLimiter' | 'floorLimiter'> {
  return { signInLimiter: new RateLimiter(100, 60_000), commentLimiter: new RateLimiter(10, 60_000), floorLimiter: new RateLimiter(6, 60_000) };
}

export interface RequestContext {
  services: Services;
  /** The nonce of this response's Content-Security-Policy. */
  cspNonce: string;
  clientIp: string | null;
  /** The public address links in mail use: `config.appOrigin`, never the request's Host. */
  origin: string;
  /** Whether cookies must carry `Secure` (an https public address or request). */
  secure: boolean;
}

export type { SocketServer };

declare module '@remix-run/server-runtime' {
  // Routes read the services from the load context: `context.services.db`.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}

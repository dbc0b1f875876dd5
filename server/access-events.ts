/**
 * "A person's access changed": one event for every way a person loses (or changes) the right to
 * be where they are — signing out, signing out everywhere, a password changed or reset, removal
 * from their organization, a new role, a new representative status. Routes raise it through
 * `services.access.changed(…)` after the change is stored; every live layer that holds that
 * person's connections (socket.io, the collaboration server) judges them again at once, reading
 * the facts from the database: a connection whose session ended is closed, one that may no
 * longer write becomes read-only, one that may no longer read is closed.
 *
 * Today the event travels inside the process. With several nodes (ADR 014) the same event is
 * published on a shared channel (Redis) and each node's listeners handle their own connections;
 * the callers do not change.
 */

export interface AccessChange {
  userId: string;
  /** Only this session (signing out of one browser); every session of the person when absent. */
  sessionId?: string;
  reason: 'signed-out' | 'signed-out-everywhere' | 'password-changed' | 'password-reset' | 'member-removed' | 'role-changed' | 'representative-changed';
}

export type AccessListener = (change: AccessChange) => Promise<void>;

export interface AccessEvents {
  /** Resolves once every live connection of the person on this node has been judged again. */
  changed(change: AccessChange): Promise<void>;
  /** A live layer listens; answers a function that stops listening. */
  listen(listener: AccessListener): () => void;
}

export function createAccessEvents(log: (message: string) => void = console.warn): AccessEvents {
  const listeners = new Set<AccessListener>();
  return {
    async changed(change) {
      await Promise.all(
        [...listeners].map((listener) =>
          listener(change).catch((error) => log(`could not apply an access change for user ${change.userId}: ${(error as Error).message}`)),
        ),
      );
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

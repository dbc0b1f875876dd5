/**
 * "A person's access changed": one event for every way a person loses (or changes) the right to
 * be where they are — signing out, signing out everywhere, a password changed or reset, removal
 * from their organization, a new role, a new representative status. Routes raise it through
 * `services.access.changed(…)` after the change is stored; every live layer that holds that
 * person's connections (socket.io, the collaboration server) judges them again at once, reading
 * the facts from the database: a connection whose session ended is closed, one that may no
 * longer write becomes read-only, one that may no longer read is closed.
 *
 * With one node the event travels inside the process. With several nodes (ADR 014, ADR 021)
 * it is sent to every other node too (server/cluster/node-bus.ts) and each node's listeners
 * judge their own connections; the callers do not change.
 */

export interface AccessChange {
  userId: string;
  /** Only this session (signing out of one browser); every session of the person when absent. */
  sessionId?: string;
  reason: 'signed-out' | 'signed-out-everywhere' | 'password-changed' | 'password-reset' | 'member-removed' | 'role-changed' | 'representative-changed';
}

export type AccessListener = (change: AccessChange) => Promise<void>;

export interface AccessEvents {
  /**
   * Resolves once every live connection of the person has been judged again: on this node, and
   * on every other node that answered within its deadline.
   */
  changed(change: AccessChange): Promise<void>;
  /** Judges this node's connections only (a change announced by another node). */
  judgeHere(change: AccessChange): Promise<void>;
  /** Several nodes: how a change reaches the other nodes. */
  reachOtherNodes(send: (change: AccessChange) => Promise<unknown>): void;
  /** A live layer listens; answers a function that stops listening. */
  listen(listener: AccessListener): () => void;
}

export function createAccessEvents(log: (message: string) => void = console.warn): AccessEvents {
  const listeners = new Set<AccessListener>();
  let otherNodes: (change: AccessChange) => Promise<unknown> = async () => {};
  const judgeHere = async (change: AccessChange) => {
    await Promise.all(
      [...listeners].map((listener) =>
        listener(change).catch((error) => log(`could not apply an access change for user ${change.userId}: ${(error as Error).message}`)),
      ),
    );
  };
  return {
    async changed(change) {
      await Promise.all([judgeHere(change), otherNodes(change)]);
    },
    judgeHere,
    reachOtherNodes(send) {
      otherNodes = send;
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Sane limits per person on what stays open: live sockets (socket.io), co-editing sockets
 * (/collab) and documents open for co-editing. A browser tab uses one of each (two documents on
 * some pages), so these leave room for a score of tabs while keeping one account (or a script
 * using its cookie) from holding thousands of connections. Beyond a limit the connection is
 * refused with a reason the page shows in words. Counted per process.
 */
export const perPersonLimits = { sockets: 20, collabSockets: 20, documents: 20 } as const;

/** Counts what one person holds open; `take` answers a release function, or null when full. */
export class PerPersonCounter {
  private readonly held = new Map<string, number>();
  constructor(readonly max: number) {}

  take(userId: string): (() => void) | null {
    const count = this.held.get(userId) ?? 0;
    if (count >= this.max) return null;
    this.held.set(userId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(userId) ?? 1) - 1;
      if (left > 0) this.held.set(userId, left);
      else this.held.delete(userId);
    };
  }

  count(userId: string): number {
    return this.held.get(userId) ?? 0;
  }
}

export function createConnectionLimits(limits: { sockets: number; collabSockets: number; documents: number } = perPersonLimits) {
  return {
    sockets: new PerPersonCounter(limits.sockets),
    collabSockets: new PerPersonCounter(limits.collabSockets),
    documents: new PerPersonCounter(limits.documents),
  };
}

export type ConnectionLimits = ReturnType<typeof createConnectionLimits>;

/** The reason given when a limit refuses a connection (socket.io error message, collaboration refusal). */
export const tooManyConnections = 'too-many-connections';

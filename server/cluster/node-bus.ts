/**
 * Messages between the nodes of one deployment, for the events that act on each node's own
 * connections (a person's access changed, a round changed, a paper to be drained before its
 * submission). They travel as socket.io server-side events through the Redis adapter, so no
 * pub/sub of our own; each is parsed with zod on arrival, and one that does not parse is logged
 * and dropped. With one node the bus reaches nobody else.
 */
import type { z } from 'zod';
import type { Server as SocketServer } from 'socket.io';

export interface NodeBus {
  /**
   * Runs `event` on every other node and resolves to their answers once all answered, or with
   * those that did within `timeoutMs` (a node that died or a Redis that is away answers nothing).
   */
  toOthers<T = unknown>(event: string, payload: unknown, timeoutMs?: number): Promise<T[]>;
  /** What this node does when another one sends `event`. */
  on<S extends z.ZodType>(event: string, schema: S, handler: (payload: z.infer<S>) => Promise<unknown>): void;
}

/** One process: there is nobody else to tell. */
export const aloneBus: NodeBus = {
  toOthers: async () => [],
  on: () => {},
};

export function socketNodeBus(io: SocketServer, log: (message: string) => void): NodeBus {
  const failing = new Set<string>();
  return {
    async toOthers<T>(event: string, payload: unknown, timeoutMs = 5000) {
      // The adapter waits 5 s for every node it knows; a shorter deadline answers with those heard.
      const heard: T[] = [];
      const outcome = await new Promise<Error | null>((resolve) => {
        const timer = setTimeout(() => resolve(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        try {
          io.serverSideEmit(`node:${event}`, payload, (error: Error | null, answers: T[]) => {
            clearTimeout(timer);
            heard.push(...(answers ?? []));
            resolve(error);
          });
        } catch (error) {
          clearTimeout(timer);
          resolve(error as Error);
        }
      });
      if (outcome) {
        // Logged once until it works again: an outage must not fill the log.
        if (!failing.has(event)) log(`not every node answered "${event}": ${outcome.message}`);
        failing.add(event);
      } else failing.delete(event);
      return heard;
    },
    on(event, schema, handler) {
      io.on(`node:${event}`, (payload: unknown, answer?: unknown) => {
        const reply = typeof answer === 'function' ? (answer as (value: unknown) => void) : () => {};
        const parsed = schema.safeParse(payload);
        if (!parsed.success) {
          log(`dropped a "${event}" message from another node that does not parse`);
          return reply(null);
        }
        handler(parsed.data).then(reply, (error) => {
          log(`"${event}" from another node failed here: ${(error as Error).message}`);
          reply(null);
        });
      });
    },
  };
}

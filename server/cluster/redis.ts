/**
 * The connections to the Redis every node shares (several-node mode, ADR 021). At start Redis
 * must answer within a few seconds, or the node says so in one line and exits non-zero; once
 * started, an outage never ends the process: ioredis reconnects on its own, the outage and the
 * return are logged once each, and the live layers are told (`onChange`) so that they resync.
 */
import { Redis, type RedisOptions } from 'ioredis';

export const connectWithinMs = 3000;

export class RedisUnreachableError extends Error {}

export type RedisState = 'ready' | 'reconnecting';

export interface SharedRedis {
  /** For the socket.io adapter and the co-editing channels: commands wait through an outage. */
  client: Redis;
  /** For the shared limits: commands fail at once while Redis is away (the limiter falls back to memory). */
  limits: Redis;
  /** A fresh connection with the same settings (the co-editing extension wants two of its own). */
  duplicate(): Redis;
  readonly state: RedisState;
  /** Called whenever Redis goes away or comes back. */
  onChange(listener: (state: RedisState) => void): () => void;
  close(): Promise<void>;
}

/** Connects, or throws RedisUnreachableError with one line that names the address (never a password). */
export async function connectRedis(url: string, log: (message: string) => void): Promise<SharedRedis> {
  const where = describe(url);
  const base: RedisOptions = {
    lazyConnect: true,
    connectTimeout: connectWithinMs,
    // Reconnects forever, at most every 2 s: an outage never ends the process.
    retryStrategy: (times) => Math.min(100 * times, 2000),
    maxRetriesPerRequest: null,
  };
  const client = new Redis(url, { ...base, connectionName: 'idm-consult' });
  const limits = new Redis(url, { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'idm-consult-limits' });
  let lastError: Error | undefined;
  const quiet = (error: Error) => void (lastError = error); // reported through the state, once per outage
  client.on('error', quiet);
  limits.on('error', quiet);
  try {
    await withinDeadline(Promise.all([client.connect(), limits.connect()]), connectWithinMs + 500);
    await client.ping();
  } catch (error) {
    client.disconnect();
    limits.disconnect();
    const reason = (lastError as NodeJS.ErrnoException | undefined)?.code ?? ((error as Error).message || 'no answer');
    throw new RedisUnreachableError(`Cannot reach Redis at ${where} (${reason}). Check REDIS_URL, and that Redis is running and accepts connections from this machine; or unset REDIS_URL to run a single node.`);
  }

  let state: RedisState = 'ready';
  const listeners = new Set<(state: RedisState) => void>();
  const set = (next: RedisState) => {
    if (next === state) return;
    state = next;
    log(next === 'ready' ? `Redis at ${where} is back: live updates across nodes resume.` : `Redis at ${where} is out of reach: live updates across nodes wait for it (reconnecting).`);
    listeners.forEach((listener) => listener(next));
  };
  client.on('ready', () => set('ready'));
  client.on('close', () => set('reconnecting'));
  const extra = new Set<Redis>();

  return {
    client,
    limits,
    duplicate() {
      const copy = client.duplicate({ lazyConnect: false });
      copy.on('error', quiet);
      extra.add(copy);
      return copy;
    },
    get state() {
      return state;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      for (const connection of [client, limits, ...extra]) connection.disconnect(false);
    },
  };
}

/** host:port of a Redis URL, without its password. */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 6379}`;
  } catch {
    return 'REDIS_URL';
  }
}

function withinDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]);
}

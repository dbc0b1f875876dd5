/** The browser's one socket.io connection, shared by every page that listens live. */
import { io, type Socket } from 'socket.io-client';

let socket: Socket | undefined;

export function connectSocket(): Socket {
  if (!socket) {
    socket = io({ path: '/socket.io/', withCredentials: true, transports: ['websocket', 'polling'] });
    followLiveState(socket);
  }
  return socket;
}

/**
 * Whether live updates may be late: the socket was connected and is reconnecting (its server
 * went away: the proxy sends it to another node), or the server said that the other nodes are
 * out of its reach for now (several nodes, Redis away). Pages show it (LiveStatus).
 */
export type LiveState = 'ok' | 'reconnecting';
let liveState: LiveState = 'ok';
const liveListeners = new Set<() => void>();

export function getLiveState(): LiveState {
  return liveState;
}
export function onLiveState(listener: () => void): () => void {
  liveListeners.add(listener);
  return () => liveListeners.delete(listener);
}

function followLiveState(s: Socket) {
  let serverSays: LiveState = 'ok';
  const update = () => {
    const next: LiveState = (s.active && !s.connected) || serverSays === 'reconnecting' ? 'reconnecting' : 'ok';
    if (next === liveState) return;
    liveState = next;
    liveListeners.forEach((listener) => listener());
  };
  let wasConnected = false;
  s.on('connect', () => {
    wasConnected = true;
    serverSays = 'ok';
    update();
  });
  s.on('disconnect', () => wasConnected && update());
  s.on('live:state', (message: { state?: string }) => {
    serverSays = message?.state === 'reconnecting' ? 'reconnecting' : 'ok';
    update();
  });
}

export type Ack<T = Record<string, unknown>> = ({ ok: true } & T) | { ok: false; error: string; fields?: Record<string, string>; retryAfter?: number };

/** Sends an event and waits for its acknowledgement; a lost connection answers `unavailable`. */
export function ask<T = Record<string, unknown>>(event: string, payload: unknown, timeoutMs = 10_000): Promise<Ack<T>> {
  return new Promise((resolve) => {
    connectSocket()
      .timeout(timeoutMs)
      .emit(event, payload, (error: Error | null, ack: Ack<T>) => resolve(error || !ack ? { ok: false, error: 'unavailable' } : ack));
  });
}

/** The message key (and values) that explains a refused acknowledgement. */
export function ackProblem(ack: { ok: false; error: string; fields?: Record<string, string>; retryAfter?: number }): { key: string; vars?: Record<string, string | number> } {
  if (ack.error === 'invalid-payload') {
    const key = Object.values(ack.fields ?? {}).find((v) => v.startsWith('errors.'));
    return { key: key ?? 'errors.live.invalid' };
  }
  if (ack.error === 'throttled') return { key: 'errors.live.throttled', vars: { seconds: ack.retryAfter ?? 60 } };
  if (ack.error === 'forbidden') return { key: 'errors.live.forbidden' };
  if (ack.error === 'not-found') return { key: 'errors.live.notFound' };
  return { key: 'errors.live.unavailable' };
}

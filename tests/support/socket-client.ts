/** A socket.io client in Node as a browser would open it: the session cookie and the Origin. */
import { io as connect, type Socket } from 'socket.io-client';

/** Connects signed in with `cookie`; rejects when the handshake is refused. */
export async function openSocket(base: string, cookie: string): Promise<Socket> {
  const socket = connect(base, { path: '/socket.io/', transports: ['websocket'], reconnection: false, extraHeaders: { cookie, origin: base } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Emits and waits for the acknowledgement (5 s at most). */
export function ask<T>(socket: Socket, event: string, payload?: unknown): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload);
}

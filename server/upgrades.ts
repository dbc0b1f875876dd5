/**
 * WebSocket upgrades, routed by path: /socket.io/ belongs to socket.io (which listens for it
 * itself), /collab to the collaboration server, anything else is refused.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';

export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;

export function routeUpgrades(server: http.Server, routes: { collab?: UpgradeHandler }) {
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path.startsWith('/socket.io/')) return; // socket.io's own listener answers it.
    if (path === '/collab' || path.startsWith('/collab/')) {
      if (routes.collab) return routes.collab(req, socket, head);
      return reject(socket, 503, 'Service Unavailable');
    }
    reject(socket, 404, 'Not Found');
  });
}

function reject(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

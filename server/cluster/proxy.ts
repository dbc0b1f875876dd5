/**
 * A small proxy in front of several nodes, for trying several-node mode on one machine and for
 * the tests (`npm run cluster`); in production a real one (nginx, HAProxy, a cloud balancer)
 * does the same job, described in the README. What it must do:
 * - keep one browser on one node (a cookie, `idm_node`): socket.io's first requests are
 *   long-polling, and each must reach the node that holds that socket;
 * - carry WebSocket upgrades (/socket.io/ and /collab) and leave the Host header as it came, so
 *   that the nodes' Origin check sees the public address;
 * - add X-Forwarded-For (the nodes believe it from TRUST_PROXY, loopback by default);
 * - when a node does not answer, send the browser to another one (its pages reload their data,
 *   its sockets reconnect there and resync).
 */
import http from 'node:http';
import type net from 'node:net';
import { createProxyServer } from 'http-proxy-3';

export interface ClusterProxy {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

const nodeCookie = 'idm_node';
const downForMs = 2000;

export async function startProxy(options: { upstreams: string[]; port: number; host?: string; log?: (message: string) => void }): Promise<ClusterProxy> {
  const log = options.log ?? (() => {});
  const proxy = createProxyServer({ xfwd: true, ws: true, proxyTimeout: 60_000 });
  const downUntil = new Map<number, number>();
  let next = 0;

  const alive = (i: number) => (downUntil.get(i) ?? 0) < Date.now();
  /** The node this browser is on, if it is alive; otherwise the next alive one in turn. */
  const choose = (req: http.IncomingMessage, avoid?: number): { index: number; sticky: boolean } => {
    const asked = Number(/(?:^|;\s*)idm_node=(\d+)/.exec(req.headers.cookie ?? '')?.[1] ?? NaN);
    if (Number.isInteger(asked) && asked < options.upstreams.length && asked !== avoid && alive(asked)) return { index: asked, sticky: true };
    for (let tried = 0; tried < options.upstreams.length; tried++) {
      const index = next++ % options.upstreams.length;
      if (index !== avoid && alive(index)) return { index, sticky: false };
    }
    return { index: (avoid ?? -1) + 1 >= options.upstreams.length ? 0 : (avoid ?? -1) + 1, sticky: false };
  };
  const markDown = (index: number, error: Error) => {
    if (alive(index)) log(`node ${options.upstreams[index]} did not answer (${(error as NodeJS.ErrnoException).code ?? error.message}): sending its clients elsewhere`);
    downUntil.set(index, Date.now() + downForMs);
  };

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, avoid?: number) => {
    const { index, sticky } = choose(req, avoid);
    if (!sticky) res.setHeader('Set-Cookie', `${nodeCookie}=${index}; Path=/; HttpOnly; SameSite=Lax`);
    proxy.web(req, res, { target: options.upstreams[index] }, (error) => {
      const refused = ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH'].includes((error as NodeJS.ErrnoException).code ?? '');
      if (refused) markDown(index, error);
      // A request without a body may be tried once more on another node.
      if (refused && avoid === undefined && (req.method === 'GET' || req.method === 'HEAD') && !res.headersSent) return forward(req, res, index);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('Bad Gateway: no node answered');
    });
  };

  const server = http.createServer((req, res) => forward(req, res));
  /** Upgraded sockets are not the http.Server's to close: kept here for close(). */
  const upgraded = new Set<net.Socket>();
  server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const { index } = choose(req);
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    socket.on('error', () => socket.destroy());
    proxy.ws(req, socket, head, { target: options.upstreams[index] }, (error) => {
      if (['ECONNREFUSED', 'EHOSTUNREACH'].includes((error as NodeJS.ErrnoException).code ?? '')) markDown(index, error);
      socket.destroy();
    });
  });
  // Errors without a callback (a socket cut mid-way): the connection is closed, nothing else.
  proxy.on('error', (_error, _req, res) => {
    if (res && 'destroy' in res) (res as net.Socket).destroy();
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        upgraded.forEach((socket) => socket.destroy());
        proxy.close();
        server.close(() => resolve());
      }),
  };
}

/**
 * A TCP proxy in front of Postgres, to inject outages into tests and benchmarks: `stop()` cuts
 * every connection and refuses new ones (the database has stopped), `blackhole()` accepts
 * connections and lets nothing through either way (a network that drops packets: the case that
 * hangs without bounds), `restore()` forwards again.
 */
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** The Postgres URL, pointed at the proxy instead of the server. */
  url(databaseUrl: string): string;
  stop(): Promise<void>;
  blackhole(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
  let mode: 'forward' | 'blackhole' = 'forward';
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket | null }>();
  let server: net.Server;

  const onConnection = (client: net.Socket) => {
    const pair = { client, upstream: null as net.Socket | null };
    pairs.add(pair);
    client.on('error', () => {});
    client.on('close', () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    if (mode === 'blackhole') return; // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    pair.upstream = upstream;
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server = net.createServer(onConnection);
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const actualPort = await listen(port);

  const cutAll = () => {
    for (const pair of pairs) {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
    pairs.clear();
  };

  return {
    port: actualPort,
    url(databaseUrl) {
      const parsed = new URL(databaseUrl);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(actualPort);
      return parsed.toString();
    },
    async stop() {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    blackhole() {
      mode = 'blackhole';
      // Existing connections stop carrying anything, in either direction.
      for (const pair of pairs) {
        pair.client.unpipe();
        pair.upstream?.unpipe();
        pair.client.pause();
        pair.upstream?.pause();
      }
    },
    async restore() {
      if (mode === 'blackhole') {
        mode = 'forward';
        cutAll(); // the frozen connections are dead for the client; it opens new ones
        return;
      }
      if (!server.listening) await listen(actualPort);
    },
    async close() {
      cutAll();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

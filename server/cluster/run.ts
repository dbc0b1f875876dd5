/**
 * `npm run cluster`: two nodes and the small proxy in front of them, on this machine, on the
 * Postgres and Redis named by DATABASE_URL and REDIS_URL. The proxy listens on PORT (3000 by
 * default), the nodes on the two ports after it. For trying several-node mode; in production
 * each node is started alone (`npm start` with REDIS_URL) behind a real proxy (README).
 * Ctrl-C stops all three; a node that dies is reported and not restarted (to try failover).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { startProxy } from './proxy.ts';

const port = Number(process.env.PORT ?? 3000);
const host = '127.0.0.1';
if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
  console.error('npm run cluster needs DATABASE_URL (a Postgres both nodes share) and REDIS_URL (e.g. redis://127.0.0.1:6379).');
  process.exit(1);
}
const publicUrl = process.env.APP_ORIGIN ?? `http://localhost:${port}`;
const nodes: ChildProcess[] = [];
const upstreams = [port + 1, port + 2].map((nodePort) => `http://${host}:${nodePort}`);

for (const [i, upstream] of upstreams.entries()) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { DEMO_SEED: '1', ...process.env, NODE_ENV: 'production', PORT: new URL(upstream).port, HOST: host, APP_ORIGIN: publicUrl, TRUST_PROXY: process.env.TRUST_PROXY ?? 'loopback' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const name = `node ${String.fromCharCode(65 + i)}`;
  child.stdout!.on('data', (chunk: Buffer) => process.stdout.write(prefixed(name, chunk)));
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(prefixed(name, chunk)));
  child.once('exit', (code, signal) => console.log(`${name} (${upstream}) stopped (${signal ?? `exit ${code}`}).`));
  nodes.push(child);
}

const proxy = await startProxy({ upstreams, port, host: process.env.HOST ?? host, log: (m) => console.log(`proxy: ${m}`) });
console.log(`proxy: ${proxy.url} in front of ${upstreams.join(' and ')}; open ${publicUrl} once both nodes say they are ready.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    nodes.forEach((child) => child.kill('SIGTERM'));
    await Promise.all(nodes.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)));
    await proxy.close();
    process.exit(0);
  });
}

function prefixed(name: string, chunk: Buffer) {
  return chunk
    .toString()
    .split('\n')
    .map((line, i, all) => (line || i < all.length - 1 ? `[${name}] ${line}` : ''))
    .join('\n');
}

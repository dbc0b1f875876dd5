/**
 * The pieces of several-node mode on a real, private redis-server: limits counted across nodes
 * (and in memory while Redis is away), the bus between nodes (answers, and a message that does
 * not parse logged and dropped), and the one-line refusal when Redis is out of reach at start.
 */
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { z } from 'zod';
import { freePort } from '../../tests/support/ports.ts';
import { startRedisServer } from '../../tests/support/redis-server.ts';
import { connectRedis, RedisUnreachableError, type SharedRedis } from './redis.ts';
import { sharedLimiter } from './shared-limits.ts';
import { socketNodeBus } from './node-bus.ts';

let port: number;
let server: ChildProcess;
const opened: Array<() => unknown> = [];

beforeAll(async () => {
  port = await freePort();
  server = await startRedisServer(port);
});
afterAll(async () => {
  try {
    for (const close of opened.reverse()) await close();
  } finally {
    server?.kill('SIGKILL'); // never left running, whatever failed above
  }
});

async function node(logs: string[] = []): Promise<SharedRedis> {
  const redis = await connectRedis(`redis://127.0.0.1:${port}`, (m) => logs.push(m));
  opened.push(() => redis.close());
  return redis;
}

describe('several nodes, on a real Redis', () => {
  it('counts a limit across nodes: the 11th comment in a minute is refused whichever node takes it', async () => {
    const [a, b] = [await node(), await node()];
    const onA = sharedLimiter(a.limits, 'test:comment', 10, 60_000);
    const onB = sharedLimiter(b.limits, 'test:comment', 10, 60_000);
    const waits = [];
    for (let i = 0; i < 11; i++) waits.push(await (i % 2 ? onB : onA).hit('olena'));
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(waits[10]).toBeGreaterThan(0);
    expect(waits[10]).toBeLessThanOrEqual(60_000);
    expect(await onA.hit('taras')).toBe(0); // per person
  });

  it('carries events between nodes, with their answers; drops and logs one that does not parse', async () => {
    const [a, b] = [await node(), await node()];
    const [ioA, ioB] = [a, b].map((redis) => new Server(http.createServer(), { adapter: createAdapter(redis.client, { streamName: 'test:socket.io', channelPrefix: 'test:socket.io', heartbeatInterval: 200 }) }));
    opened.push(() => ioA!.close(), () => ioB!.close());
    const logsB: string[] = [];
    const busA = socketNodeBus(ioA!, () => {});
    const busB = socketNodeBus(ioB!, (m) => logsB.push(m));
    const heard: string[] = [];
    busB.on('round-changed', z.object({ roundId: z.string() }), async ({ roundId }) => {
      heard.push(roundId);
      return 'judged';
    });
    // The adapter learns of the other node from its heartbeat.
    const until = Date.now() + 5000;
    while ((await ioA!.of('/').adapter.serverCount()) < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(await busA.toOthers('round-changed', { roundId: 'r1' })).toEqual(['judged']);
    expect(heard).toEqual(['r1']);
    expect(await busA.toOthers('round-changed', { roundId: 42 })).toEqual([null]);
    expect(heard).toEqual(['r1']);
    expect(logsB).toEqual(['dropped a "round-changed" message from another node that does not parse']);
  });

  it('refuses to start, in one line, when Redis does not answer', async () => {
    const nobody = await freePort();
    const started = Date.now();
    const error = await connectRedis(`redis://:secret@127.0.0.1:${nobody}`, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnreachableError);
    expect((error as Error).message).toMatch(new RegExp(`^Cannot reach Redis at 127\\.0\\.0\\.1:${nobody} \\(ECONNREFUSED\\)\\. Check REDIS_URL`));
    expect((error as Error).message).not.toContain('secret');
    expect((error as Error).message).not.toContain('\n');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps counting, per node, while Redis is away, and says so once', async () => {
    const logs: string[] = [];
    const a = await node(logs);
    const limiter = sharedLimiter(a.limits, 'test:floor', 6, 60_000);
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    const until = Date.now() + 5000;
    while (a.state === 'ready' && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(a.state).toBe('reconnecting');
    const waits = [];
    for (let i = 0; i < 7; i++) waits.push(await limiter.hit('olena'));
    expect(waits.slice(0, 6)).toEqual(Array(6).fill(0));
    expect(waits[6]).toBeGreaterThan(0);
    server = await startRedisServer(port);
    const back = Date.now() + 10_000;
    while (a.state !== 'ready' && Date.now() < back) await new Promise((r) => setTimeout(r, 20));
    expect(a.state).toBe('ready');
    expect(logs.filter((l) => l.includes('out of reach'))).toHaveLength(1);
    expect(logs.filter((l) => l.includes('is back'))).toHaveLength(1);
  });
});

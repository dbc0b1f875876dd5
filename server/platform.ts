/**
 * The whole process, built once: database, mail, one Express app hosting Remix, socket.io on
 * the same http.Server, upgrades routed by path, and a clean shutdown.
 */
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import type { AppLoadContext } from '@remix-run/node';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { isEmpty, seedDemo, type SeedResult } from '../db/seed/demo.ts';
import { createMailer } from '../domain/mail.ts';
import type { Config } from './config.ts';
import { attachRealtime } from './realtime/index.ts';
import { bodyLimit, compileTrustProxy, originCheck, securityHeaders } from './security.ts';
import { inputGuard } from './input-guard.ts';
import { maxWordFileBytes } from '../domain/papers/docx-package.ts';

/** Where a Word document is sent to be imported into a paper (app/routes/rounds.$roundId.papers.$paperId.import.tsx). */
const wordImportPath = /^\/rounds\/[^/]+\/papers\/[^/]+\/import$/;
import { remixHandler } from './remix-handler.ts';
import { publicRevalidation } from './public-pages.ts';
import { createBackgroundWork, createRateLimiters, type Services } from './services.ts';
import { createAccessEvents } from './access-events.ts';
import { sendDailyDigests } from '../domain/digest.ts';
import { scheduleReminders } from './reminders.ts';
import { routeUpgrades } from './upgrades.ts';
import { createCollaboration, type Collaboration } from './collaboration/index.ts';
import { watchHealth } from './health.ts';
import { createConnectionLimits } from './connection-limits.ts';
import { vacuumWhenIdle } from '../db/maintenance.ts';
import { endAttendanceLeftOpen } from '../domain/sessions/sessions.ts';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { unavailableAnswer } from './unavailable.ts';
import { connectRedis, type SharedRedis } from './cluster/redis.ts';
import { aloneBus, socketNodeBus } from './cluster/node-bus.ts';
import { sharedRateLimiters } from './cluster/shared-limits.ts';
import { sharedDocuments } from './collaboration/extensions/shared-documents.ts';
import { exclusively, unlessRunningElsewhere } from '../db/advisory-locks.ts';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { z } from 'zod';

export interface PlatformOptions {
  config: Config;
  /** How pages are served: the production build, Vite in development, or not at all (tests of the server alone). */
  web: 'build' | 'vite' | 'none';
  /** Open an already open database instead of the configured one (tests). */
  database?: DatabaseHandle;
  log?: (message: string) => void;
  /** A smaller bound on a shared document's size (tests of the bound). */
  maxDocumentBytes?: number;
  /** How often the database is checked in the background (tests slow it down to see the first failure). */
  healthIntervalMs?: number;
}

export interface Platform {
  server: http.Server;
  collaboration: Collaboration;
  services: Services;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** What of the demo data this start added (null: none was asked for). */
  seeded: SeedResult | null;
  /** Several-node mode: the shared Redis (null for a single node). */
  redis: SharedRedis | null;
  /** Sends the daily digests that are due now, unless another node is at it (null then): the hourly job. */
  sendDigests(now?: Date): Promise<number | null>;
}

export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config } = options;
  const log = options.log ?? (() => {});
  // Several nodes (ADR 021): Redis first, so that a node that cannot reach it stops before anything else.
  const redis = config.cluster ? await connectRedis(config.cluster.redisUrl, log) : null;
  let database: DatabaseHandle;
  try {
    database = options.database ?? (await openDatabase(config));
  } catch (error) {
    await redis?.close();
    throw error;
  }
  // Two nodes started together on an empty database: one migrates and seeds, the other waits.
  const seeded = await exclusively(database, options.database ? undefined : config.databaseUrl, 'idm-consult:start', async () => {
    await database.migrate();
    // Attendance left open by a previous process that did not end cleanly: those people are
    // gone. With several nodes the others' attendance is live: it is not touched (README).
    if (!redis) {
      const leftOpen = await endAttendanceLeftOpen(database.db);
      if (leftOpen > 0) log(`Ended ${leftOpen} attendance(s) left open by the previous process (it did not shut down cleanly).`);
    }
    // A demo gets whatever of its data is missing at every start; otherwise the NGOs of IOM's
    // paper are added once, as a starting directory, to an empty database (no accounts).
    return config.demoSeed || (await isEmpty(database.db)) ? await seedDemo(database.db, { accounts: config.demoSeed }) : null;
  });
  const mailer = await createMailer(database.db, { smtpUrl: config.smtpUrl, from: config.mailFrom });

  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-* is believed only from the proxies TRUST_PROXY names (none by default): behind
  // no proxy, anyone could otherwise choose their address and escape the per-address limits.
  app.set('trust proxy', config.trustProxy);
  const trust = compileTrustProxy(config.trustProxy);
  const health = watchHealth(database, log, { intervalMs: options.healthIntervalMs, redis: redis ? () => redis.state : undefined });
  // The health check has a path of its own, before Express and without a query: it answers from
  // what the background check last saw, however busy the pages are.
  const server = http.createServer((req, res) => {
    if (req.url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return health.answer(res, closing);
    app(req, res);
  });
  const access = createAccessEvents(log);
  const background = createBackgroundWork(log);
  const limits = redis && config.cluster ? sharedRateLimiters(redis.limits, config.cluster.prefix) : createRateLimiters();
  const base = { db: database.db, config, mailer, access, background, health, connectionLimits: createConnectionLimits(), ...limits };
  const prefix = config.cluster?.prefix ?? '';
  const adapter = redis ? createAdapter(redis.client, { streamName: `${prefix}:socket.io`, channelPrefix: `${prefix}:socket.io`, sessionKeyPrefix: `${prefix}:socket.io:session:` }) : undefined;
  const { io, realtime, drain: realtimeDrain } = attachRealtime(server, base, { adapter });
  const bus = redis ? socketNodeBus(io, log) : aloneBus;
  // While Redis is away, live updates reach only this node's pages: they say "reconnecting".
  if (redis) {
    const liveState = () => ({ state: redis.state === 'ready' ? 'ok' : 'reconnecting' });
    redis.onChange(() => io.local.emit('live:state', liveState()));
    io.on('connection', (socket) => {
      if (redis.state !== 'ready') socket.emit('live:state', liveState());
    });
  }
  // The embedded database has no autovacuum: vacuumed once the editors have been quiet a while.
  const maintenance = vacuumWhenIdle(database, { log });
  const nodeName = `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const shared = redis ? sharedDocuments(redis, { prefix, identifier: nodeName, log }) : undefined;
  const collaboration = createCollaboration(base, log, { onWrite: () => maintenance.changed(), maxDocumentBytes: options.maxDocumentBytes, shared });

  // What acts on each node's own connections reaches every node (ADR 021).
  access.reachOtherNodes((change) => bus.toOthers('access-changed', change));
  bus.on('access-changed', accessChangeSchema, (change) => access.judgeHere(change));
  /** A round's deadline or phase may have changed: open editors and watchers are judged on the new facts at once. */
  const roundChangedHere = async (roundId: string) => {
    collaboration.forgetFacts();
    await realtime.roundChanged(roundId);
  };
  bus.on('round-changed', z.object({ roundId: z.string().max(100) }), ({ roundId }) => roundChangedHere(roundId));
  const drainEverywhere = async ({ documentName, deadlineMs }: { documentName?: string; deadlineMs?: number } = {}) => {
    const [here, elsewhere] = await Promise.all([
      collaboration.drain({ documentName, deadlineMs }),
      bus.toOthers<number | null>('drain', { documentName, deadlineMs }, (deadlineMs ?? 10_000) + 1000),
    ]);
    return here + elsewhere.reduce<number>((sum, left) => sum + (typeof left === 'number' ? left : 0), 0);
  };
  bus.on('drain', z.object({ documentName: z.string().max(200).optional(), deadlineMs: z.number().int().min(0).max(60_000).optional() }), (asked) => collaboration.drain(asked));

  const services: Services = {
    ...base,
    realtime: {
      ...realtime,
      async roundChanged(roundId) {
        await Promise.all([roundChangedHere(roundId), bus.toOthers('round-changed', { roundId })]);
      },
    },
    // The drain before a submission reaches every node that holds the paper.
    documents: { drain: drainEverywhere },
  };
  routeUpgrades(server, { collab: collaboration.handleUpgrade });
  const digests = scheduleDigests(services, database, log);
  const reminderJob = scheduleReminders(services, log);

  app.use(securityHeaders({ dev: options.web === 'vite' }));

  // A Word document imported into a paper may be up to 10 MB (ADR 025).
  app.use(bodyLimit(config.bodyLimit, [{ path: wordImportPath, limit: maxWordFileBytes + 64 * 1024, tooLarge: 'errors.import.too-large' }]));
  app.use(originCheck(config, trust));
  app.use(inputGuard());
  // gzip only: Brotli cost twice the CPU per page for 20% fewer bytes, and on two cores the
  // CPU spent compressing is CPU not spent answering (docs/benchmarks.md).
  app.use(preferGzip);
  app.use(compression({ level: 4 }));

  const vite = options.web === 'vite' ? await startVite() : null;
  if (vite) app.use(vite.middlewares);
  if (options.web === 'build') {
    const client = path.resolve('build/client');
    app.use('/assets', express.static(path.join(client, 'assets'), { immutable: true, maxAge: '1y' }));
    // Other files at the root (favicon): only paths that name a file reach the disk.
    const rootFiles = express.static(client, { maxAge: '1h', index: false });
    app.use((req, res, next) => (/\.\w+$/.test(req.path) ? rootFiles(req, res, next) : next()));
  }
  // While the database is out of reach, pages answer "temporarily unavailable" at once.
  app.use(health.gate());
  if (options.web !== 'none') {
    const build = vite
      ? () => vite.ssrLoadModule('virtual:remix/server-build')
      : await import(pathToFileURL(path.resolve('build/server/index.js')).href);
    // The public record's pages answer 304 to a cache that has them (server/public-pages.ts).
    app.use(publicRevalidation(database.db, vite ? `dev-${Date.now()}` : String((build as { assets?: { version?: string } }).assets?.version ?? 'build')));
    const handler: RequestHandler = remixHandler({
      build,
      mode: config.nodeEnv === 'production' ? 'production' : 'development',
      origin: config.appOrigin,
      getLoadContext: (req, res): AppLoadContext => ({
        services,
        cspNonce: String(res.locals.cspNonce ?? ''),
        clientIp: req.ip ?? null,
        origin: config.appOrigin,
        // Secure cookies whenever the public address or this request is https; the demo on
        // http://localhost keeps working, a production on https never sends them in clear.
        secure: req.protocol === 'https' || config.appOrigin.startsWith('https:'),
      }),
    });
    app.all('*', handler);
  }
  // Errors that reach Express itself: a database outage gets the unavailable page, anything else a
  // plain 500 with no details.
  app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    health.report(error);
    if (isDatabaseUnavailable(error)) {
      const answer = unavailableAnswer(req.headers, req.originalUrl);
      return res.status(answer.status).set(answer.headers).send(answer.body);
    }
    log(`request failed: ${req.method} ${req.path}: ${(error as Error)?.name ?? 'error'}`);
    res.status(500).type('text/plain').send('Internal Server Error');
  });

  let closing = false;
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    server,
    collaboration,
    services,
    seeded,
    redis,
    sendDigests: (now) => sendDigestsOnce(services, database, now),
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          resolve(`http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${actualPort}`);
        });
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      log('Shutting down: no new connections, closing sockets and the database.');
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Requests still running get a few seconds to finish, then their connections are cut.
      const force = setTimeout(() => sockets.forEach((s) => s.destroy()), 5000);
      clearInterval(digests);
      await reminderJob.stop();
      await background.drain();
      health.close();
      maintenance.close();
      await collaboration.close().catch((error) => log(`collaboration did not close cleanly: ${(error as Error).message}`));
      await io.close().catch(() => {});
      // Departures from live sessions are written before the database closes.
      await realtimeDrain();
      server.closeIdleConnections();
      await stopped;
      clearTimeout(force);
      await vite?.close();
      mailer.close();
      await maintenance.settled();
      await redis?.close();
      if (!options.database) await database.close();
    },
  };
}

/**
 * Checks every hour for daily digests that are due (each person gets one a day at most). With
 * several nodes every node checks, and one at a time sends (sendDigestsOnce).
 */
function scheduleDigests(services: Services, database: DatabaseHandle, log: (message: string) => void) {
  const timer = setInterval(() => {
    sendDigestsOnce(services, database).catch((error) => log(`daily digest failed: ${(error as Error).message}`));
  }, 3600_000);
  timer.unref();
  return timer;
}

async function startVite() {
  const { createServer } = await import('vite');
  return createServer({ server: { middlewareMode: true }, appType: 'custom' });
}

/** Hides Brotli (and zstd) from the compression middleware, which would otherwise prefer it. */
function preferGzip(req: express.Request, _res: express.Response, next: express.NextFunction) {
  const accepted = req.headers['accept-encoding'];
  if (accepted) req.headers['accept-encoding'] = accepted.replace(/\b(br|zstd)\b(;q=[\d.]+)?\s*,?\s*/g, '').replace(/,\s*$/, '');
  next();
}

/**
 * The daily digests, sent by one node at a time: under an advisory lock, so that a node
 * finding another one at it leaves it to that node; the digests it sends are marked as sent
 * before the lock is let go, so the next node finds them done. Answers how many went out
 * (null: another node was sending).
 */
export function sendDigestsOnce(services: Pick<Services, 'db' | 'mailer' | 'config'>, database: DatabaseHandle, now?: Date): Promise<number | null> {
  return unlessRunningElsewhere(database, 'idm-consult:daily-digest', () => sendDailyDigests(services.db, services.mailer, { origin: services.config.appOrigin, now }));
}

const accessChangeSchema = z.object({
  userId: z.string().max(100),
  sessionId: z.string().max(200).optional(),
  reason: z.enum(['signed-out', 'signed-out-everywhere', 'password-changed', 'password-reset', 'member-removed', 'role-changed', 'representative-changed']),
});

/**
 * Whether the process can serve: the database is watched in the background (a trivial query
 * every second; on Postgres on a connection of its own and bounded, on the embedded database a
 * query that waits its turn), and the event loop's delay is measured.
 * `/healthz` answers from what was last seen, on a path of its own before Express, so that it
 * stays fast when pages queue for the database; while the database is out of reach, pages
 * answer the "temporarily unavailable" page at once instead of waiting for their queries to
 * fail one by one.
 */
import type http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { DatabaseHandle } from '../db/client.ts';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { unavailableAnswer } from './unavailable.ts';

export interface Health {
  /** What the last check saw (true until a check or a query says otherwise). */
  readonly databaseAvailable: boolean;
  /** A query failed: if the error says the database is away, believe it until the next check succeeds. */
  report(error: unknown): void;
  /** The `/healthz` answer, written straight on the response (no Express, no query). */
  answer(res: http.ServerResponse, closing: boolean): void;
  /** Express middleware: the unavailable page while the database is away. */
  gate(): (req: Request, res: Response, next: NextFunction) => void;
  close(): void;
}

export function watchHealth(
  database: DatabaseHandle,
  log: (message: string) => void,
  options: { intervalMs?: number; timeoutMs?: number; /** Several nodes: whether Redis answers (reported, not a reason to refuse: the node still serves). */ redis?: () => string } = {},
): Health {
  const intervalMs = options.intervalMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 1500;
  let available = true;
  let checking = false;
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  let loopDelay = { p99: 0, max: 0 };

  let retry: NodeJS.Timeout | undefined;
  const set = (ok: boolean) => {
    if (ok === available) return;
    available = ok;
    log(ok ? 'The database answers again.' : 'The database does not answer: pages show "temporarily unavailable" (503) until it does.');
    // While it is away, it is asked every second, whatever the usual interval.
    clearInterval(retry);
    if (!ok) {
      retry = setInterval(() => void check(), 1000);
      retry.unref();
    }
  };
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      set(await database.ping(timeoutMs));
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => {
    loopDelay = { p99: Math.round(loop.percentile(99) / 1e6), max: Math.round(loop.max / 1e6) };
    loop.reset();
    void check();
  }, intervalMs);
  timer.unref();

  return {
    get databaseAvailable() {
      return available;
    },
    report(error) {
      if (database.kind === 'postgres' && isDatabaseUnavailable(error)) {
        set(false);
        void check();
      }
    },
    answer(res, closing) {
      const ok = !closing && available;
      res.writeHead(ok ? 200 : 503, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      });
      res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: database.kind, databaseAvailable: available, ...(options.redis ? { redis: options.redis() } : {}), eventLoopDelayMs: loopDelay }));
    },
    gate() {
      return (req, res, next) => {
        if (available) return next();
        const answer = unavailableAnswer(req.headers, req.originalUrl);
        res.status(answer.status).set(answer.headers).send(answer.body);
      };
    },
    close() {
      clearInterval(timer);
      clearInterval(retry);
      loop.disable();
    },
  };
}

/**
 * Opens the database: Postgres through postgres-js when DATABASE_URL is set, otherwise an
 * embedded PGlite in DATA_DIR, guarded by a lock file so that two processes never share it.
 * Both drivers get the same schema and the same SQL migrations.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import { acquireFolderLock, type FolderLock } from './folder-lock.ts';
import { DatabaseTimeoutError } from './errors.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The handle a `db.transaction` callback receives. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Applies the committed SQL migrations. */
  migrate(): Promise<void>;
  /**
   * Answers true when a trivial query succeeds within the timeout. On Postgres it has a
   * connection of its own, so that a health check never queues behind the pages' queries.
   */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  /** Folder for PGlite; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /**
   * Postgres: the longest a statement may run (server side) and, with a margin, the longest a
   * connection may wait for an answer before it is cut (client side). 0: no bound (bulk loads).
   */
  statementTimeoutMs?: number;
  /** Called with each query's SQL (never its values): tests count queries with it. */
  onQuery?: (query: string) => void;
}

/** The bounds of a Postgres connection: nothing waits on the database longer than this. */
export const defaultStatementTimeoutMs = 4000;
const connectWithinMs = 3000;

export const migrationsFolder = path.resolve(projectRoot(), 'db/migrations');

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const logger = options.onQuery ? { logQuery: (query: string) => options.onQuery!(query) } : undefined;
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.statementTimeoutMs ?? defaultStatementTimeoutMs, logger)
    : openPglite(options.dataDir ?? '.data', logger);
}

async function openPostgres(url: string, statementTimeoutMs: number, logger?: { logQuery(query: string): void }): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // Every connection attempt and every statement is bounded, so that a database that is down,
  // or a network that drops everything, gives an error within seconds instead of a hang.
  const bounded = {
    onnotice: () => {},
    connect_timeout: connectWithinMs / 1000,
    socket: boundedSocket(connectWithinMs, statementTimeoutMs ? statementTimeoutMs + 1000 : 0),
    ...(statementTimeoutMs ? { connection: { statement_timeout: statementTimeoutMs } } : {}),
  };
  // A page runs a few queries in parallel; 20 connections serve 20 concurrent requests or so.
  const client = postgres(url, { ...bounded, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
  const health = postgres(url, { ...bounded, max: 1 });
  const db = drizzle(client, { schema, logger }) as unknown as Database;
  const healthDb = drizzle(health) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    // Migrations may build indexes on large tables: their own connection, without the bound.
    async migrate() {
      const unbounded = postgres(url, { onnotice: () => {}, connect_timeout: connectWithinMs / 1000, max: 1 });
      try {
        await migrate(drizzle(unbounded) as never, { migrationsFolder });
      } finally {
        await unbounded.end({ timeout: 5 });
      }
    },
    ping: (timeoutMs) => ping(healthDb, timeoutMs),
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), health.end({ timeout: 1 })]);
    },
  };
}

/**
 * Sockets for postgres-js that connect within `connectMs` and are cut when they have sent
 * something and heard nothing back for `answerMs` (the statement timeout, plus a margin, ends
 * any honest wait before that). postgres-js then fails the query with an error and opens a new
 * connection for the next one. The socket is handed over while it connects (writes wait in it),
 * so that a refused connection fails as postgres-js expects, through the socket's 'error'.
 * Over TLS the counters may not move, and the cut never happens: the statement timeout and TCP
 * keep-alive remain.
 */
function boundedSocket(connectMs: number, answerMs: number) {
  return (options: { host: string[]; port: number[]; path?: string }) => {
    const host = options.host[0]!;
    const port = options.port[0]!;
    const socket = options.path ? net.connect(options.path) : net.connect(port, host);
    Object.assign(socket, { host, port }); // postgres-js reads them for TLS
    const timer = setTimeout(() => socket.destroy(Object.assign(new Error(`could not connect to the database within ${connectMs} ms`), { code: 'CONNECT_TIMEOUT' })), connectMs);
    timer.unref();
    socket.once('connect', () => clearTimeout(timer));
    socket.once('close', () => clearTimeout(timer));
    if (answerMs) watchAnswers(socket, answerMs);
    return socket;
  };
}

function watchAnswers(socket: net.Socket, answerMs: number) {
  // The bytes written when the last answer came: anything written after it awaits an answer.
  let writtenAtAnswer = socket.bytesWritten;
  let waitingSince = 0;
  socket.on('data', () => {
    writtenAtAnswer = socket.bytesWritten;
    waitingSince = 0;
  });
  const check = setInterval(() => {
    if (socket.bytesWritten === writtenAtAnswer) return;
    waitingSince ||= Date.now();
    if (Date.now() - waitingSince > answerMs) socket.destroy(new DatabaseTimeoutError(answerMs));
  }, Math.min(250, answerMs / 4));
  check.unref();
  socket.once('close', () => clearInterval(check));
}

async function openPglite(dataDir: string, logger?: { logQuery(query: string): void }): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = dataDir.startsWith('memory://');
  let lock: FolderLock | undefined;
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireFolderLock(dataDir);
  }
  try {
    const client = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { pg_trgm } });
    const db = drizzle(client, { schema, logger }) as unknown as Database;
    const pingDb = drizzle(client) as unknown as Database; // not counted among the queries the code makes
    return {
      db,
      kind: 'pglite',
      migrate: () => migrate(db as never, { migrationsFolder }),
      // In-process: never "away", only busy; a ping waits its turn, and fails only if it is closed or broken.
      ping: () => pingDb.execute(sql`select 1`).then(() => true, () => false),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function ping(db: Database, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.execute(sql`select 1`).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Rows of a raw query: PGlite answers `{ rows }`, postgres-js an array. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** The project root, found from this file whether it runs from source or from a bundle. */
function projectRoot(): string {
  let dir = process.cwd();
  while (!fs.existsSync(path.join(dir, 'db', 'migrations'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

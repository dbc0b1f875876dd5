/** The environment, parsed once with zod. A wrong value stops the start with a clear message. */
import { z } from 'zod';
import { parseDuration } from '../domain/auth/durations.ts';

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      try {
        return parseDuration(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().default('.data'),
  /** The public address, e.g. https://consult.example.org; used in mailed links and the Origin check. */
  APP_ORIGIN: z
    .string()
    .url()
    .refine((value) => /^https?:\/\/[^/?#]+\/?$/.test(value), 'an origin: scheme and host (and port), e.g. https://consult.example.org, without a path')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Which proxies to believe about the client's address and scheme (`X-Forwarded-For`,
   * `X-Forwarded-Proto`, `X-Forwarded-Host`): unset trusts none; otherwise Express's
   * `trust proxy` value (`loopback`, a number of hops, or addresses and subnets).
   */
  TRUST_PROXY: z.string().optional().or(z.literal('').transform(() => undefined)),
  SMTP_URL: z.string().optional().or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().default('IDM Consult <no-reply@idm-consult.invalid>'),
  DEMO_SEED: z.enum(['0', '1']).optional(),
  SESSION_IDLE_TIMEOUT: duration('7d'),
  SESSION_ABSOLUTE_TIMEOUT: duration('30d'),
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT: z.coerce.number().int().positive().default(1_000_000),
  /** Postgres: the longest a statement may run; a connection waiting longer (+1 s) is cut. */
  DATABASE_STATEMENT_TIMEOUT: duration('4s'),
  /** How long a sender's claim on a reminder holds before another process may take it over (it died). */
  REMINDER_CLAIM_LEASE: duration('2m'),
  /** Several-node mode (ADR 021): the Redis every node shares, e.g. redis://127.0.0.1:6379. */
  REDIS_URL: z
    .string()
    .url()
    .refine((value) => /^rediss?:\/\//.test(value), 'a redis:// or rediss:// address')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** What every Redis key and channel of this deployment starts with (two deployments may share one Redis). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'letters, digits, "_", "." or "-" (at most 40)')
    .default('idm'),
  /** `off`: no automatic reminders are queued (deadlines, sessions); facilitators' reminders still go. Off by default under NODE_ENV=test. */
  REMINDERS_AUTOMATIC: z.enum(['on', 'off']).optional(),
});

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /**
   * The public address (APP_ORIGIN, or `http://localhost:<PORT>` when unset): mailed links are
   * built from it, never from a request's `Host` or `X-Forwarded-Host`.
   */
  appOrigin: string;
  /** Whether APP_ORIGIN was set: then every mutation must come from exactly it (the Origin check). */
  appOriginConfigured: boolean;
  /** Express's `trust proxy` setting; false believes no `X-Forwarded-*` header. */
  trustProxy: boolean | number | string;
  smtpUrl?: string;
  mailFrom: string;
  /**
   * Whether the demo (accounts, round, sessions) is added, whatever of it is missing, at every
   * start: yes on the embedded database and in development, unless DEMO_SEED=0; in production on
   * DATABASE_URL only with DEMO_SEED=1.
   */
  demoSeed: boolean;
  sessionTimeouts: { idleMs: number; absoluteMs: number };
  bodyLimit: number;
  statementTimeoutMs: number;
  reminderLeaseMs: number;
  /**
   * Several-node mode (REDIS_URL, with DATABASE_URL): socket.io, co-editing, limits and jobs are
   * shared through Redis and Postgres; absent, the process is the only node.
   */
  cluster?: { redisUrl: string; prefix: string };
  automaticReminders: boolean;
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`The environment is not valid:\n${problems}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.DATABASE_URL && !e.APP_ORIGIN) {
    throw new Error('APP_ORIGIN must be set when serving on DATABASE_URL in production: the public address, e.g. APP_ORIGIN=https://consult.example.org (mailed links are built from it).');
  }
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new Error('REDIS_URL (several nodes) needs DATABASE_URL too: the embedded database serves one process only. Set DATABASE_URL to a Postgres every node shares, or unset REDIS_URL.');
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    appOrigin: e.APP_ORIGIN?.replace(/\/$/, '') ?? `http://localhost:${e.PORT}`,
    appOriginConfigured: Boolean(e.APP_ORIGIN),
    // Several nodes stand behind a proxy: unless told otherwise, one on this machine (ADR 021).
    trustProxy: trustProxyValue(e.TRUST_PROXY ?? (e.REDIS_URL ? 'loopback' : undefined)),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    demoSeed: e.DEMO_SEED ? e.DEMO_SEED === '1' : e.NODE_ENV !== 'production' || !e.DATABASE_URL,
    sessionTimeouts: {
      idleMs: e.SESSION_IDLE_TIMEOUT,
      absoluteMs: Math.max(e.SESSION_ABSOLUTE_TIMEOUT, e.SESSION_IDLE_TIMEOUT),
    },
    bodyLimit: e.BODY_LIMIT,
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT,
    reminderLeaseMs: e.REMINDER_CLAIM_LEASE,
    ...(e.REDIS_URL ? { cluster: { redisUrl: e.REDIS_URL, prefix: e.REDIS_PREFIX } } : {}),
    // Tests count rows and mails: a reminder queued by the minute job (the demo session is tomorrow) would change them.
    automaticReminders: (e.REMINDERS_AUTOMATIC ?? (e.NODE_ENV === 'test' ? 'off' : 'on')) === 'on',
  };
}

/** `TRUST_PROXY` as Express takes it: a number of hops, or names and addresses; unset trusts nobody. */
function trustProxyValue(value: string | undefined): boolean | number | string {
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true') return true;
  return value;
}

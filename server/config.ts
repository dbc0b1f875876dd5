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
  /** The public address, e.g. https://consult.example.org; used in links and the Origin check. */
  APP_ORIGIN: z.string().url().optional(),
  SMTP_URL: z.string().optional().or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().default('IDM Consult <no-reply@idm-consult.invalid>'),
  DEMO_SEED: z.enum(['0', '1']).optional(),
  SESSION_IDLE_TIMEOUT: duration('7d'),
  SESSION_ABSOLUTE_TIMEOUT: duration('30d'),
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT: z.coerce.number().int().positive().default(1_000_000),
});

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  appOrigin?: string;
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
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`The environment is not valid:\n${problems}`);
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    appOrigin: e.APP_ORIGIN?.replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    demoSeed: e.DEMO_SEED ? e.DEMO_SEED === '1' : e.NODE_ENV !== 'production' || !e.DATABASE_URL,
    sessionTimeouts: {
      idleMs: e.SESSION_IDLE_TIMEOUT,
      absoluteMs: Math.max(e.SESSION_ABSOLUTE_TIMEOUT, e.SESSION_IDLE_TIMEOUT),
    },
    bodyLimit: e.BODY_LIMIT,
  };
}

/**
 * The security baseline every request goes through before Remix: headers with a CSP, an
 * Origin check on every mutation, and a body size limit.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Config } from './config.ts';
import { translate } from '../locales/index.ts';
import { localeFromAcceptLanguage } from '../locales/negotiate.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function securityHeaders(options: { dev: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    const scriptSrc = options.dev
      ? "'self' 'unsafe-inline' 'unsafe-eval'"
      : `'self' 'nonce-${nonce}' 'strict-dynamic'`;
    const connectSrc = options.dev ? "'self' ws: wss:" : "'self'";
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src ${scriptSrc}`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        `connect-src ${connectSrc}`,
        // The offline copy's service worker (public/sw.js, ADR 026); 'strict-dynamic' would not admit it.
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ].join('; '),
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (!options.dev) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    res.removeHeader('X-Powered-By');
    next();
  };
}

/** Whether a proxy at this address (the `hop`-th from us) may be believed about the client. */
export type TrustProxy = (address: string | undefined, hop: number) => boolean;

/**
 * Compiles `TRUST_PROXY` exactly as Express does (a throwaway app compiles it), so the pages,
 * the socket.io handshake and the collaboration upgrade believe the same proxies.
 */
export function compileTrustProxy(setting: boolean | number | string): TrustProxy {
  const app = express();
  app.set('trust proxy', setting);
  const trust = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  return (address, hop) => address !== undefined && trust(address, hop);
}

type IncomingRequest = Pick<IncomingMessage, 'headers' | 'socket'>;

/**
 * The origin a request was addressed to: its scheme and `Host`, or what a trusted proxy says in
 * `X-Forwarded-Proto` and `X-Forwarded-Host`. Never used to build a link (see `config.appOrigin`).
 */
export function requestOrigin(req: IncomingRequest, trust: TrustProxy): string {
  const fromProxy = trust(req.socket.remoteAddress, 0);
  const forwarded = (name: string) => (fromProxy ? String(req.headers[name] ?? '').split(',')[0]!.trim() || undefined : undefined);
  // Some proxies name the scheme of a WebSocket upgrade `ws`/`wss`: the page's origin is http(s).
  const proto = (forwarded('x-forwarded-proto') ?? ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http')).replace(/^ws(s?)$/, 'http$1');
  const host = forwarded('x-forwarded-host') ?? String(req.headers.host ?? '');
  return `${proto}://${host}`;
}

/**
 * The origin a request must come from: APP_ORIGIN when it is configured; otherwise the one the
 * request was addressed to (the embedded demo, reached as localhost or 127.0.0.1 alike).
 */
export function expectedOrigin(req: IncomingRequest, config: Pick<Config, 'appOrigin' | 'appOriginConfigured'>, trust: TrustProxy): string {
  return config.appOriginConfigured ? config.appOrigin : requestOrigin(req, trust);
}

/**
 * Whether a request's Origin (or, lacking it, its Referer) is ours. The expected origin must be
 * a real one (a `Host` such as `a b` makes none), so that nothing downstream fails to parse it.
 */
export function isSameOrigin(
  headers: Record<string, string | string[] | undefined>,
  expected: string,
): boolean {
  const origin = headers.origin ?? refererOrigin(headers.referer);
  return typeof origin === 'string' && origin === expected && isOrigin(expected);
}

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

function refererOrigin(referer: string | string[] | undefined): string | undefined {
  if (typeof referer !== 'string') return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/** Refuses mutations from another origin (on top of SameSite=Lax cookies). */
export function originCheck(config: Pick<Config, 'appOrigin' | 'appOriginConfigured'>, trust: TrustProxy) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (safeMethods.has(req.method)) return next();
    if (isSameOrigin(req.headers, expectedOrigin(req, config, trust))) return next();
    refuse(req, res, 403, 'errors.http.foreignOrigin');
  };
}

/** An address that takes larger bodies than the rest (a file upload), and what to say beyond it. */
export interface LargerBody {
  path: RegExp;
  limit: number;
  /** The message key when even this is exceeded. */
  tooLarge: string;
}

/** 413 for a body over the limit; 411 for a body of unknown length (we must count it first). */
export function bodyLimit(defaultLimit: number, larger: LargerBody[] = []) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (safeMethods.has(req.method)) return next();
    const allowance = larger.find((l) => l.path.test(req.path));
    const limit = allowance ? Math.max(allowance.limit, defaultLimit) : defaultLimit;
    const length = req.headers['content-length'];
    if (length === undefined) {
      if (req.headers['transfer-encoding']) return refuse(req, res, 411, 'errors.http.lengthRequired');
      return next();
    }
    if (!/^\d+$/.test(length)) return refuse(req, res, 400, 'errors.http.badRequest');
    if (Number(length) > limit) return refuse(req, res, 413, allowance?.tooLarge ?? 'errors.http.tooLarge');
    next();
  };
}

export function refuse(req: Pick<Request, 'headers'>, res: Response, status: number, key: string) {
  const locale = localeFromAcceptLanguage(req.headers['accept-language']);
  // The body was not read; closing the connection keeps a client from streaming it on.
  res.setHeader('Connection', 'close');
  res.status(status).type('text/plain; charset=utf-8').send(translate(locale, key));
}

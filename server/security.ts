/**
 * The security baseline every request goes through before Remix: headers with a CSP, an
 * Origin check on every mutation, and a body size limit.
 */
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
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

/** The origin this request is expected to come from: APP_ORIGIN, or the Host it was sent to. */
export function expectedOrigin(req: { headers: Record<string, string | string[] | undefined>; protocol?: string }, appOrigin?: string): string {
  if (appOrigin) return appOrigin;
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? '');
  const proto = req.protocol ?? 'http';
  return `${proto}://${host}`;
}

/** Whether a request's Origin (or, lacking it, its Referer) is ours. */
export function isSameOrigin(
  headers: Record<string, string | string[] | undefined>,
  expected: string,
): boolean {
  const origin = headers.origin ?? refererOrigin(headers.referer);
  return typeof origin === 'string' && origin === expected;
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
export function originCheck(appOrigin?: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (safeMethods.has(req.method)) return next();
    if (isSameOrigin(req.headers, expectedOrigin(req, appOrigin))) return next();
    refuse(req, res, 403, 'errors.http.foreignOrigin');
  };
}

/** 413 for a body over the limit; 411 for a body of unknown length (we must count it first). */
export function bodyLimit(limit: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (safeMethods.has(req.method)) return next();
    const length = req.headers['content-length'];
    if (length === undefined) {
      if (req.headers['transfer-encoding']) return refuse(req, res, 411, 'errors.http.lengthRequired');
      return next();
    }
    if (!/^\d+$/.test(length)) return refuse(req, res, 400, 'errors.http.badRequest');
    if (Number(length) > limit) return refuse(req, res, 413, 'errors.http.tooLarge');
    next();
  };
}

function refuse(req: Request, res: Response, status: number, key: string) {
  const locale = localeFromAcceptLanguage(req.headers['accept-language']);
  // The body was not read; closing the connection keeps a client from streaming it on.
  res.setHeader('Connection', 'close');
  res.status(status).type('text/plain; charset=utf-8').send(translate(locale, key));
}

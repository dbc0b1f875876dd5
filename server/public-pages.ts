/**
 * Revalidation of the public record's pages (/public…), before Remix: each answer carries a weak
 * ETag made of what the page shows (the round's revision, one small query), the language and
 * time zone it is written in, and the build; a request whose If-None-Match names it gets a 304
 * with no body, no page rendered and no data read. The pages are the same for everyone (the root
 * loader looks nobody up there), so any cache may keep them, and must ask again (`no-cache`).
 * A 304 carries no Content-Security-Policy: the stored page keeps the policy whose nonce its
 * scripts carry. The last answer of each ETag is kept and sent again, with a fresh nonce, to a
 * request that has no copy of its own.
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Database } from '../db/client.ts';
import { publicListRevision, publicRoundRevision } from '../domain/public-record/public-records.ts';
import { preferredLocale, preferredTimeZone } from './viewer-preferences.ts';

const roundPage = /^\/public\/rounds\/([^/]+)(?:\/positions\/[^/]+|\/participation\.(?:csv|json))?\/?$/;
const listPage = /^\/public(?:\/feed)?\/?$/;

export const publicCacheControl = 'public, no-cache';

/** The revision of what a public path shows, or null for a path that is not a public page (or a round that is not public). */
export async function publicRevisionOf(db: Database, path: string): Promise<string | null> {
  if (listPage.test(path)) return `list:${await publicListRevision(db)}`;
  const round = roundPage.exec(path);
  return round ? publicRoundRevision(db, round[1]!) : null;
}

/**
 * The answers last rendered, by ETag: a public page whose ETag has not changed is the same page,
 * byte for byte, but for the CSP nonce of its scripts, which is put back fresh for each request.
 * Bounded (the oldest goes first); each node keeps its own.
 */
const rendered = new Map<string, { headers: Record<string, string>; body: string; nonce: string }>();
/** The headers of a page's own answer that go with its body (the others are each request's). */
const bodyHeaders = ['Content-Type', 'Content-Disposition', 'Access-Control-Allow-Origin'];
const keepRendered = 32;

export function publicRevalidation(db: Database, build: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/public')) return next();
    let revision: string | null;
    try {
      revision = await publicRevisionOf(db, req.path);
    } catch {
      // The page itself will say what is wrong (unavailable, not found): no caching headers then.
      return next();
    }
    if (revision === null) return next();
    const headers = new Headers();
    for (const name of ['cookie', 'accept-language']) if (typeof req.headers[name] === 'string') headers.set(name, req.headers[name] as string);
    // The root loader looks nobody up on public pages: the visitor's preferences alone decide.
    const written = `${preferredLocale(headers)}|${preferredTimeZone(headers).zone}`;
    const tag = `W/"${createHash('sha256').update(`${build}|${req.path}|${written}|${revision}`).digest('base64url').slice(0, 27)}"`;
    res.setHeader('ETag', tag);
    res.setHeader('Cache-Control', publicCacheControl);
    res.setHeader('Vary', 'Accept-Language, Cookie');
    if (matches(req.headers['if-none-match'], tag)) {
      res.removeHeader('Content-Security-Policy');
      res.status(304).end();
      return;
    }
    const nonce = String(res.locals.cspNonce ?? '');
    const kept = rendered.get(tag);
    if (kept) {
      res.status(200).set(kept.headers);
      res.end(req.method === 'HEAD' ? undefined : kept.nonce ? kept.body.replaceAll(kept.nonce, nonce) : kept.body);
      return;
    }
    if (req.method === 'GET') keepWhatIsSent(res, (headers, body) => {
      rendered.delete(tag);
      rendered.set(tag, { headers, body, nonce });
      if (rendered.size > keepRendered) rendered.delete(rendered.keys().next().value!);
    });
    next();
  };
}

/** Collects what the page writes; hands it over if it was a whole 200 with no cookie set. */
function keepWhatIsSent(res: Response, keep: (headers: Record<string, string>, body: string) => void) {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as Response['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0]);
    const headers = Object.fromEntries(bodyHeaders.filter((name) => res.getHeader(name) !== undefined).map((name) => [name, String(res.getHeader(name))]));
    if (res.statusCode === 200 && !res.getHeader('Set-Cookie') && headers['Content-Type']) keep(headers, Buffer.concat(chunks).toString('utf8'));
    return end(chunk, ...rest);
  }) as Response['end'];
}

/** Whether If-None-Match names this tag (weak comparison, as RFC 9110 asks for GET). */
function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => opaque(t) === opaque(tag));
}

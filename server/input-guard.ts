/**
 * The edge of every page request, before Remix: the address and the body are read and checked
 * once, so that no route meets input it cannot handle.
 *
 * - An address whose path or query holds a NUL or a lone surrogate, or a malformed escape: 400.
 * - A mutation must send a form: `application/x-www-form-urlencoded` or `multipart/form-data`
 *   (an empty body counts as an empty form). JSON, `text/plain` and the rest: 415. A multipart
 *   body that does not parse: 400. A field (name or value) that holds a NUL or a lone
 *   surrogate: 400. Each with a sentence in the person's language, never a 500.
 *
 * The body is read here (its length is known and bounded: see `bodyLimit`) and handed to Remix
 * by `server/remix-handler.ts`.
 */
import type { Request as ExpressRequest, NextFunction, Response as ExpressResponse } from 'express';
import { isStorableText } from '../domain/storable-text.ts';
import { refuse } from './security.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The body a mutation sent, read and checked; Remix reads it from here. */
export interface GuardedBody {
  bytes: Buffer;
  contentType: string;
}

const bodies = new WeakMap<ExpressRequest, GuardedBody>();

export function guardedBody(req: ExpressRequest): GuardedBody | undefined {
  return bodies.get(req);
}

export function inputGuard() {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (!addressIsStorable(req.originalUrl)) return refuse(req, res, 400, 'errors.http.badAddress');
    if (safeMethods.has(req.method)) return next();
    let bytes: Buffer;
    try {
      bytes = await readBody(req);
    } catch {
      return; // the client went away
    }
    const declared = String(req.headers['content-type'] ?? '').trim();
    const type = declared.split(';')[0]!.trim().toLowerCase();
    // An empty body is an empty form, whatever it says it is: there is nothing to misread.
    if (bytes.length === 0) {
      bodies.set(req, { bytes, contentType: 'application/x-www-form-urlencoded' });
      return next();
    }
    let fields: Array<[string, string]>;
    if (type === 'application/x-www-form-urlencoded') {
      fields = [...new URLSearchParams(bytes.toString('utf8'))];
    } else if (type === 'multipart/form-data') {
      try {
        const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': declared } }).formData();
        fields = [...form].map(([name, value]) => [name, typeof value === 'string' ? value : value.name]);
      } catch {
        return refuse(req, res, 400, 'errors.http.badForm');
      }
    } else {
      return refuse(req, res, 415, 'errors.http.unsupportedType');
    }
    if (fields.some(([name, value]) => !isStorableText(name) || !isStorableText(value))) return refuse(req, res, 400, 'errors.input.unstorable');
    bodies.set(req, { bytes, contentType: declared });
    next();
  };
}

/** Whether the path and query decode to text that can be stored and used. */
function addressIsStorable(url: string): boolean {
  const [path = '', query = ''] = url.split(/\?(.*)/s);
  try {
    if (!path.split('/').every((segment) => isStorableText(decodeURIComponent(segment)))) return false;
  } catch {
    return false;
  }
  for (const [name, value] of new URLSearchParams(query)) if (!isStorableText(name) || !isStorableText(value)) return false;
  return true;
}

function readBody(req: ExpressRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('aborted')));
  });
}

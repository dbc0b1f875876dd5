/**
 * Express → Remix, written here rather than taken from `@remix-run/express` for two reasons:
 * the request's URL is built on the configured origin (APP_ORIGIN, or localhost), never on the
 * `Host` or `X-Forwarded-Host` a client sends (a malformed one used to answer 500, a forged one
 * to reach the links built from it); and the body is the one `input-guard.ts` already read and
 * checked.
 */
import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable } from '@remix-run/node';
import type { NextFunction, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express';
import { guardedBody } from './input-guard.ts';

export function remixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  origin: string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}): RequestHandler {
  const handle = createRemixHandler(options.build as never, options.mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const controller = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
      const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers: headersOf(req), signal: controller.signal };
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const body = guardedBody(req);
        init.body = new Uint8Array(body?.bytes ?? []);
        if (body) (init.headers as Headers).set('content-type', body.contentType);
      }
      const response = await handle(new Request(new URL(`${options.origin}${req.originalUrl.startsWith('/') ? '' : '/'}${req.originalUrl}`).href, init), options.getLoadContext(req, res));
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The request's headers for Remix. The Origin of a mutation was checked already (security.ts);
 * Remix checks it again against `X-Forwarded-Host` or `Host` and answered 500 when they differed
 * (a proxy's Host, or a forged forwarded host): Remix is given the host of that checked origin,
 * and no forwarded host, which nothing here believes unless a trusted proxy sent it.
 */
function headersOf(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === 'x-forwarded-host') continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const origin = headers.get('origin');
  if (origin && origin !== 'null') {
    try {
      headers.set('host', new URL(origin).host);
    } catch {
      headers.delete('origin');
    }
  }
  return headers;
}

async function sendRemixResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

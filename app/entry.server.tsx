/**
 * Server rendering with the CSP nonce of this response: every inline script Remix writes
 * carries it, so the policy can forbid all others.
 *
 * Pages wait for all their data (no deferred data here) and go out as one body: a page written
 * to the socket in a few hundred small chunks costs more CPU than the rendering itself.
 */
import { PassThrough } from 'node:stream';
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { NonceContext } from './utils/nonce.tsx';
import { describeDatabaseError, isDatabaseError, isDatabaseUnavailable } from '../db/errors.ts';
import { unavailableAnswer } from '../server/unavailable.ts';

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // A loader failed because the database is out of reach: the "temporarily unavailable" page
  // (503, translated, Retry-After) rather than an error page that itself needs the database.
  const errors = Object.values(remixContext.staticHandlerContext.errors ?? {});
  if (errors.some(isDatabaseUnavailable)) {
    const answer = unavailableAnswer(request.headers, new URL(request.url).pathname);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  }
  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          const chunks: Buffer[] = [];
          const body = new PassThrough();
          body.on('data', (chunk: Buffer) => chunks.push(chunk));
          body.on('end', () => {
            responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
            resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
          });
          body.on('error', reject);
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Errors of loaders and actions, logged: a database error by its code only (drizzle's message
 * holds the query's values, a paper's text among them); an outage is reported to the health
 * watch (which logs its start and end), so that the next pages get the unavailable page at once.
 */
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (isDatabaseUnavailable(error)) {
    // Logged once, when the health watch sees the outage begin and end; not once per page.
    context.services?.health.report(error);
    return;
  }
  if (isDatabaseError(error)) {
    console.error(`${request.method} ${new URL(request.url).pathname}: ${describeDatabaseError(error)}`);
    return;
  }
  console.error(error);
}

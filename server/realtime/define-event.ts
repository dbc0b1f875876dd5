/**
 * One way to handle a socket event: parse the payload with zod, ask `can`, run the handler,
 * and always answer through the acknowledgement, with `{ ok: false, error }` when refused.
 */
import type { z } from 'zod';
import { recordAudit } from '../../domain/audit.ts';
import { Forbidden, InvalidInput, NotFound, Throttled } from '../../domain/errors.ts';
import { findUnstorable } from '../../domain/storable-text.ts';
import type { Services } from '../services.ts';
import type { AppSocket } from './index.ts';

export type Ack = (response: { ok: true; [key: string]: unknown } | { ok: false; error: string; fields?: Record<string, string>; retryAfter?: number }) => void;

/** Every event name ever registered: the access table (docs/security.md) must list each one. */
export const definedEvents = new Set<string>();

export function defineEvent<S extends z.ZodType>(
  socket: AppSocket,
  services: Omit<Services, 'realtime' | 'documents'>,
  event: string,
  schema: S,
  handler: (payload: z.infer<S>) => Promise<Record<string, unknown>>,
) {
  definedEvents.add(event);
  socket.on(event, async (...args: unknown[]) => {
    const maybeAck = args[args.length - 1];
    const ack: Ack = typeof maybeAck === 'function' ? (maybeAck as Ack) : () => {};
    const payload = args[0];
    // A NUL or a lone surrogate would fail the write half-way (Postgres refuses them): refused here.
    const unstorable = findUnstorable(payload);
    if (unstorable !== null) {
      ack({ ok: false, error: 'invalid-payload', fields: { [unstorable || 'payload']: 'errors.input.unstorable' } });
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      ack({ ok: false, error: 'invalid-payload', fields: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'payload', i.message])) });
      return;
    }
    try {
      ack({ ok: true, ...(await handler(parsed.data)) });
    } catch (error) {
      if (error instanceof Forbidden) {
        await recordAudit(services.db, {
          action: 'permission-refused',
          actorId: socket.data.user.id,
          subject: error.resource,
          details: { action: error.action, via: `socket:${event}` },
        }).catch(() => {});
        ack({ ok: false, error: 'forbidden' });
      } else if (error instanceof NotFound) ack({ ok: false, error: 'not-found' });
      else if (error instanceof InvalidInput) ack({ ok: false, error: 'invalid-payload', fields: error.fields });
      else if (error instanceof Throttled) ack({ ok: false, error: 'throttled', retryAfter: error.retryAfterSeconds });
      else {
        console.error(`socket event ${event} failed`, error);
        ack({ ok: false, error: 'unavailable' });
      }
    }
  });
}

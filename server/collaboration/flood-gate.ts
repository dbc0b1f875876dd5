/**
 * Bounds on what a /collab connection may send, before Hocuspocus reads it. Each message is
 * capped by the socket (`maxPayload`); here their total is bounded too, per connection and per
 * person over time (token buckets), so that no one can make the server apply, store and relay
 * megabytes a second: 28 updates of 1.9 MB in 9 s once made /healthz take 45 s.
 *
 * - Beyond the bytes or the messages allowed, the socket is closed with 4429 and a reason the
 *   editor shows; the provider reconnects after a pause and nothing typed is lost (Yjs resends
 *   what the server has not acknowledged).
 * - Presence (awareness: carets, names) beyond 10 a second per connection is held back, and
 *   only the latest held is relayed when the rate allows: a caret never stays where it was.
 * - A document may not grow beyond `maxDocumentBytes` (see `documentSizeLimit`).
 *
 * Limits are per node; with several nodes a person's share is per node (ADR 014).
 */
import type { beforeHandleMessagePayload, Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';

export const collaborationLimits = {
  connection: {
    bytes: { burst: 4 * 1024 * 1024, perSecond: 256 * 1024 },
    messages: { burst: 300, perSecond: 60 },
    awareness: { burst: 20, perSecond: 10 },
  },
  person: {
    bytes: { burst: 8 * 1024 * 1024, perSecond: 512 * 1024 },
    messages: { burst: 1000, perSecond: 200 },
  },
  /** A document's stored state: about 80 times a 100,000-character paper. */
  maxDocumentBytes: 8 * 1024 * 1024,
};

/** Close codes and reasons the editor turns into words. */
export const floodClose = {
  code: 4429,
  tooMuchData: 'too-much-data',
  tooManyMessages: 'too-many-messages',
} as const;

/** A token bucket: `burst` at most, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private at = performance.now();
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  take(amount = 1): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}

interface PersonBudget {
  bytes: TokenBucket;
  messages: TokenBucket;
  sockets: number;
}

const awarenessMessage = 1;

/**
 * The gate of one node: `admit(ws, userId)` makes every message of that socket go through the
 * connection's and the person's buckets before Hocuspocus sees it.
 */
export function createFloodGate(log: (message: string) => void) {
  const people = new Map<string, PersonBudget>();
  const admitted = new WeakSet<object>();

  return {
    admit(ws: WebSocket, userId: string) {
      const limits = collaborationLimits;
      const connection = {
        bytes: new TokenBucket(limits.connection.bytes.burst, limits.connection.bytes.perSecond),
        messages: new TokenBucket(limits.connection.messages.burst, limits.connection.messages.perSecond),
        awareness: new TokenBucket(limits.connection.awareness.burst, limits.connection.awareness.perSecond),
      };
      let person = people.get(userId);
      if (!person) {
        person = { bytes: new TokenBucket(limits.person.bytes.burst, limits.person.bytes.perSecond), messages: new TokenBucket(limits.person.messages.burst, limits.person.messages.perSecond), sockets: 0 };
        people.set(userId, person);
      }
      person.sockets += 1;
      const budget = person;
      /** The latest presence held back, relayed when the rate allows (a later one replaces it). */
      let heldPresence: unknown[] | null = null;
      let presenceTimer: NodeJS.Timeout | null = null;
      const relayHeldPresence = () => {
        presenceTimer = null;
        if (!heldPresence || closing) return;
        if (!connection.awareness.take()) {
          presenceTimer = setTimeout(relayHeldPresence, 100);
          return;
        }
        const args = heldPresence;
        heldPresence = null;
        if (typeof args[0] === 'object' && args[0] !== null) admitted.add(args[0]);
        emit('message', ...args);
      };
      ws.once('close', () => {
        budget.sockets -= 1;
        if (budget.sockets <= 0) people.delete(userId);
        if (presenceTimer) clearTimeout(presenceTimer);
        heldPresence = null;
      });

      const emit = ws.emit.bind(ws);
      let closing = false;
      const refuse = (reason: string) => {
        if (closing) return false;
        closing = true;
        log(`closed a collaboration connection of user ${userId}: ${reason}`);
        ws.close(floodClose.code, reason);
        return false;
      };
      // Hocuspocus re-emits messages it queued while a document was opening: those passed already.
      ws.emit = ((event: string | symbol, ...args: unknown[]) => {
        if (event !== 'message') return emit(event, ...args);
        const data = args[0];
        if (typeof data === 'object' && data !== null && admitted.has(data)) return emit(event, ...args);
        if (closing) return false;
        const size = byteLength(data);
        if (!connection.messages.take() || !budget.messages.take()) return refuse(floodClose.tooManyMessages);
        if (!connection.bytes.take(size) || !budget.bytes.take(size)) return refuse(floodClose.tooMuchData);
        if (isAwareness(data) && (heldPresence !== null || !connection.awareness.take())) {
          heldPresence = args;
          presenceTimer ??= setTimeout(relayHeldPresence, 100);
          return false;
        }
        if (typeof data === 'object' && data !== null) admitted.add(data);
        return emit(event, ...args);
      }) as typeof ws.emit;
    },
  };
}

function byteLength(data: unknown): number {
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (Array.isArray(data)) return data.reduce((sum: number, part) => sum + byteLength(part), 0);
  return typeof data === 'string' ? Buffer.byteLength(data) : 0;
}

function isAwareness(data: unknown): boolean {
  try {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
    if (!bytes) return false;
    const decoder = decoding.createDecoder(bytes);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === awarenessMessage;
  } catch {
    return false;
  }
}

const syncMessage = 0;
const syncStep2 = 1;
const syncUpdate = 2;

/**
 * A document may not grow beyond `maxDocumentBytes`: an update that would take it there is
 * refused, the editor is told why, and the connection to that document is closed. What is
 * stored stays as it is: the draft still opens, to read and to edit within the bound.
 *
 * The size is followed cheaply (the state when loaded, plus each update applied: an upper
 * bound) and measured exactly only when that bound passes the limit.
 */
export function documentSizeLimit(log: (message: string) => void, maxBytes = collaborationLimits.maxDocumentBytes): Extension {
  const sizes = new Map<string, number>();
  return {
    extensionName: 'document-size-limit',
    async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
      sizes.set(documentName, Y.encodeStateAsUpdate(document).byteLength);
    },
    async beforeHandleMessage({ connection, update, document, documentName }: beforeHandleMessagePayload) {
      if (connection.readOnly || !isDocumentUpdate(update)) return;
      let size = (sizes.get(documentName) ?? 0) + update.byteLength;
      if (size > maxBytes) size = Y.encodeStateAsUpdate(document).byteLength + update.byteLength;
      if (size <= maxBytes) {
        sizes.set(documentName, size);
        return;
      }
      sizes.set(documentName, size - update.byteLength);
      log(`refused an update that would take ${documentName} beyond ${maxBytes} bytes`);
      connection.readOnly = true;
      connection.sendStateless(JSON.stringify({ type: 'read-only', reason: 'too-large' }));
      connection.close({ code: 4413, reason: 'document-too-large' });
    },
    async afterUnloadDocument({ documentName }) {
      sizes.delete(documentName);
    },
  };
}

function isDocumentUpdate(update: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(update);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== syncMessage) return false;
    const step = decoding.readVarUint(decoder);
    return step === syncStep2 || step === syncUpdate;
  } catch {
    return false;
  }
}

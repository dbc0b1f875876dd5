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
 *   what is held is relayed when the rate allows, merged: the latest state of each client, per
 *   document. (A provider also re-sends the states of others it receives, so the latest
 *   message alone may not hold its own last caret: keeping only it left carets behind.)
 * - A document may not grow beyond `maxDocumentBytes` (see `documentSizeLimit`).
 *
 * Limits are per node; with several nodes a person's share is per node (ADR 014).
 */
import type { beforeHandleMessagePayload, Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
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
      /** Presence held back: the latest state of each client, per document, relayed when the rate allows. */
      const heldPresence = new HeldPresence();
      let presenceTimer: NodeJS.Timeout | null = null;
      const relayHeldPresence = () => {
        presenceTimer = null;
        if (heldPresence.empty || closing) return;
        if (!connection.awareness.take()) {
          presenceTimer = setTimeout(relayHeldPresence, 100);
          return;
        }
        for (const message of heldPresence.takeMessages()) {
          admitted.add(message);
          emit('message', message, true);
        }
      };
      ws.once('close', () => {
        budget.sockets -= 1;
        if (budget.sockets <= 0) people.delete(userId);
        if (presenceTimer) clearTimeout(presenceTimer);
        heldPresence.clear();
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
        if (isAwareness(data) && (!heldPresence.empty || !connection.awareness.take())) {
          // Not readable as presence: Hocuspocus refuses it (and closes the connection) itself.
          if (!heldPresence.hold(data)) return emit(event, ...args);
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

/**
 * Presence messages held back, merged: for each document, the state of each client with the
 * highest clock seen. Relayed as one message per document, in the format a provider sends
 * (document name, message type, awareness update).
 */
class HeldPresence {
  private readonly documents = new Map<string, Map<number, { clock: number; state: string }>>();

  get empty() {
    return this.documents.size === 0;
  }

  /** Keeps what the message says of each client; false when it is not a readable presence message. */
  hold(data: unknown): boolean {
    try {
      const decoder = decoding.createDecoder(asBytes(data)!);
      const documentName = decoding.readVarString(decoder);
      decoding.readVarUint(decoder); // the message type: presence
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const clients = this.documents.get(documentName) ?? new Map<number, { clock: number; state: string }>();
      for (let count = decoding.readVarUint(update); count > 0; count--) {
        const clientId = decoding.readVarUint(update);
        const clock = decoding.readVarUint(update);
        const state = decoding.readVarString(update);
        const known = clients.get(clientId);
        if (!known || known.clock <= clock) clients.set(clientId, { clock, state });
      }
      if (clients.size > 0) this.documents.set(documentName, clients);
      return true;
    } catch {
      return false;
    }
  }

  /** One presence message per document, and nothing held any more. */
  takeMessages(): Uint8Array[] {
    const messages = [...this.documents].map(([documentName, clients]) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, clients.size);
      for (const [clientId, { clock, state }] of clients) {
        encoding.writeVarUint(update, clientId);
        encoding.writeVarUint(update, clock);
        encoding.writeVarString(update, state);
      }
      const message = encoding.createEncoder();
      encoding.writeVarString(message, documentName);
      encoding.writeVarUint(message, awarenessMessage);
      encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
      return encoding.toUint8Array(message);
    });
    this.clear();
    return messages;
  }

  clear() {
    this.documents.clear();
  }
}

function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
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

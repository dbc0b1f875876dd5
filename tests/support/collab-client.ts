/**
 * A co-editor in Node: @hocuspocus/provider over a real WebSocket carrying the session cookie
 * and the Origin a browser would send. Tests and benchmarks use it.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface CoEditor {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Resolves when the document is synced, rejects with the reason when access is refused. */
  ready: Promise<void>;
  /** Appends a paragraph to the paper (the fragment Tiptap edits). */
  type(text: string): void;
  text(): string;
  /** Resolves once the server says every update sent so far is stored. */
  flush(): Promise<void>;
  /** Every stateless message the server sent (`stored`, `storage`, `read-only`…), in order. */
  messages: Array<Record<string, unknown>>;
  close(): void;
}

/** A WebSocket class for the provider that sends the headers a browser would (cookie, Origin). */
export function browserLikeSocket(headers: Record<string, string>) {
  return class BrowserLikeSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
      // The provider removes its listeners before closing a socket that may still be connecting;
      // ws then emits "closed before the connection was established" on the next tick, and an
      // 'error' event with no listener is an uncaught exception that fails the whole test run.
      // The provider's own handlers still see every error while they are attached.
      this.on('error', () => {});
    }
  };
}

export function openCoEditor(options: { base: string; cookie: string; documentName: string; origin?: string; readOnly?: boolean }): CoEditor {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${options.base.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: browserLikeSocket({ cookie: options.cookie, origin: options.origin ?? options.base }),
    maxAttempts: 0,
    delay: 200,
    minDelay: 100,
    maxDelay: 1000,
  });
  let resolveReady!: () => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const waiting = new Map<string, () => void>();
  const messages: Array<Record<string, unknown>> = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.documentName,
    document: doc,
    token: 'session-cookie',
    // A reader shows no caret: the server closes a read-only connection that sends presence.
    ...(options.readOnly ? { awareness: null } : {}),
    onSynced: () => resolveReady(),
    onAuthenticationFailed: ({ reason }) => rejectReady(new Error(reason)),
    onStateless: ({ payload }) => {
      const message = JSON.parse(payload) as { type: string; id: string };
      messages.push(message);
      if (message.type === 'stored') waiting.get(message.id)?.();
    },
  });
  provider.attach();
  const fragment = doc.getXmlFragment('default');
  let flushes = 0;
  return {
    provider,
    doc,
    ready,
    messages,
    type(text) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.insert(fragment.length, [paragraph]);
    },
    text() {
      return fragment
        .toArray()
        .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((t) => t.toString()).join('') : ''))
        .join('\n');
    },
    async flush() {
      const until = Date.now() + 10_000;
      while (provider.hasUnsyncedChanges && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      const id = String(++flushes);
      const stored = new Promise<void>((resolve) => waiting.set(id, resolve));
      provider.sendStateless(JSON.stringify({ type: 'flush', id }));
      await stored;
      waiting.delete(id);
    },
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}

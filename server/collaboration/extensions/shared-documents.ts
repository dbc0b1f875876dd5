/**
 * Co-editing across nodes: `@hocuspocus/extension-redis` carries each document's updates and
 * cursors between the nodes that hold it (channels under the deployment's key prefix). What we
 * change of it, and why (ADR 022):
 * - its store lock is not used: every node stores what it received (the update log, appended
 *   by whichever node receives an update), and compaction takes the document's Postgres
 *   advisory lock (domain/collaboration/document-store.ts). Its lock would skip the store of
 *   all nodes but one, and throws an empty error (logged with console.error) when taken;
 * - a publish or subscribe that fails (Redis away) is caught and logged once per outage, never
 *   left to reject where Hocuspocus does not wait for it (an unhandled rejection ends Node);
 * - a document is not held up by a Redis that is away: its load waits for the subscription at
 *   most a second (the subscription is made when Redis returns);
 * - when Redis comes back, each node sends the first sync step of every document it holds, so
 *   that what was typed on either side while Redis was away converges.
 */
import type { afterLoadDocumentPayload, afterUnloadDocumentPayload, beforeBroadcastStatelessPayload, onAwarenessUpdatePayload, onChangePayload } from '@hocuspocus/server';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { SharedRedis } from '../../cluster/redis.ts';

/** Updates that reach a node through Redis from another node carry this origin. */
export const otherNodeOrigin = '__hocuspocus__redis__origin__';

export function sharedDocuments(redis: SharedRedis, options: { prefix: string; identifier: string; log: (message: string) => void }) {
  return new SharedDocuments(redis, options);
}

class SharedDocuments extends RedisExtension {
  private failing = false;

  constructor(
    redis: SharedRedis,
    private readonly options: { prefix: string; identifier: string; log: (message: string) => void },
  ) {
    super({ createClient: () => redis.duplicate(), prefix: `${options.prefix}:collab`, identifier: options.identifier, disconnectDelay: 1000 });
    // Each of its connections resubscribes on its own when Redis returns; a sync sent before the
    // other node listens again is lost, so each node sends it again a little later too.
    for (const connection of [this.pub, this.sub]) {
      connection.on('ready', () => {
        for (const delay of [200, 2500]) setTimeout(() => this.resync(), delay).unref();
      });
    }
  }

  /** Every node stores; compaction is serialized by Postgres (see above). */
  override async onStoreDocument() {}
  override async afterStoreDocument() {}

  override async afterLoadDocument(data: afterLoadDocumentPayload) {
    const subscribed = this.guard(super.afterLoadDocument(data));
    await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  }

  override async onChange(data: onChangePayload) {
    void this.guard(super.onChange(data));
  }

  override async onAwarenessUpdate(data: onAwarenessUpdatePayload) {
    void this.guard(super.onAwarenessUpdate(data));
    return undefined;
  }

  override async beforeBroadcastStateless(data: beforeBroadcastStatelessPayload) {
    void this.guard(super.beforeBroadcastStateless(data));
    return 0;
  }

  override async afterUnloadDocument(data: afterUnloadDocumentPayload) {
    await this.guard(super.afterUnloadDocument(data));
  }

  override async onDestroy() {
    await this.guard(super.onDestroy());
  }

  /** Redis is back: the first sync step of each document held here, and a query for cursors. */
  private resync() {
    if (!this.instance) return;
    for (const document of this.instance.documents.values()) {
      const self = this as unknown as { publishFirstSyncStep(name: string, document: unknown): Promise<unknown>; requestAwarenessFromOtherInstances(name: string): Promise<unknown> };
      void this.guard(self.publishFirstSyncStep(document.name, document));
      void this.guard(self.requestAwarenessFromOtherInstances(document.name));
    }
  }

  /** Never rejects; the first failure of an outage is logged, the next ones are not. */
  private async guard(work: Promise<unknown>): Promise<void> {
    try {
      await work;
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.options.log(`co-editing across nodes: Redis did not take a message (${(error as Error).message || 'no reason given'}); it resyncs when Redis answers`);
      this.failing = true;
    }
  }
}

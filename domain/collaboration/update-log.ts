/**
 * The queue of one document's updates on their way to the log: every update received is pushed
 * here at once (synchronously, in arrival order); a single writer takes everything waiting and
 * appends it in one INSERT, so that the time to store stays short however fast people type
 * (one round trip per batch, not per keystroke). A failed append keeps its updates at the head
 * of the queue and is retried, with a growing pause, until the database takes them.
 *
 * "Stored" is counted, not guessed: `whenStored(n)` resolves once the first `n` updates received
 * are in the database. The flush answer of the collaboration server waits for exactly that.
 */
import type { Database } from '../../db/client.ts';
import { describeDatabaseError } from '../../db/errors.ts';
import { appendUpdates } from './document-store.ts';

export interface UpdateLogOptions {
  /** One line per failure or recovery: ids and error codes, never content. */
  log: (message: string) => void;
  /** Told when appends start failing (true) and when the database takes them again (false). */
  onFailing?: (failing: boolean) => void;
  /** Pauses between retries, in ms; the last one repeats. */
  retryDelaysMs?: readonly number[];
}

const defaultRetryDelaysMs = [100, 250, 500, 1000, 2000, 5000];

export class UpdateLog {
  /** Updates received, in order, since this queue was made. */
  received = 0;
  /** How many of them are in the database. */
  stored = 0;
  /** How many appends (rows) succeeded: what compaction will have to fold. */
  appends = 0;
  private pending: Uint8Array[] = [];
  /** The batch being appended right now. */
  private inFlight: Uint8Array[] = [];
  private writing: Promise<void> | null = null;
  private failures = 0;
  private waiters: Array<{ through: number; resolve: () => void }> = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private wakeRetry: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    readonly documentName: string,
    private readonly options: UpdateLogOptions,
  ) {}

  /** True while appends fail and updates wait in memory only. */
  get failing(): boolean {
    return this.failures > 0;
  }

  /** True when nothing waits to be stored. */
  get idle(): boolean {
    return this.pending.length === 0 && this.writing === null;
  }

  /** The updates received and not yet stored (to reapply them if the document is loaded again). */
  unstored(): Uint8Array[] {
    return [...this.inFlight, ...this.pending];
  }

  /** Queues an update for the log; the writer starts at once if it is not already writing. */
  push(update: Uint8Array): void {
    this.pending.push(update);
    this.received += 1;
    if (!this.writing && !this.stopped) this.writing = this.write();
  }

  /** Resolves once the first `through` updates received (by default all so far) are stored. */
  whenStored(through = this.received): Promise<void> {
    if (this.stored >= through) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ through, resolve }));
  }

  /**
   * Waits until everything received is stored, or until `deadlineMs` has passed (shutdown with
   * the database away). Resolves to how many updates remain unstored.
   */
  async drain(deadlineMs: number): Promise<number> {
    const deadline = Date.now() + deadlineMs;
    while (!this.idle && Date.now() < deadline) {
      this.wakeRetry?.(); // no pause between retries when shutting down
      await Promise.race([this.whenStored(), new Promise((r) => setTimeout(r, Math.max(1, Math.min(100, deadline - Date.now()))))]);
    }
    return this.received - this.stored;
  }

  /** Stops retrying (the process is ending); what is still pending is reported by `drain`. */
  stop(): void {
    this.stopped = true;
    this.wakeRetry?.();
  }

  private async write(): Promise<void> {
    try {
      while (this.pending.length > 0 && !this.stopped) {
        const batch = this.pending;
        this.pending = [];
        this.inFlight = batch;
        try {
          await appendUpdates(this.db, this.documentName, batch);
        } catch (error) {
          // Back to the head of the queue, before what arrived meanwhile: order is kept.
          this.inFlight = [];
          this.pending = [...batch, ...this.pending];
          this.failures += 1;
          if (this.failures === 1) {
            this.options.log(`could not append ${batch.length} update(s) to ${this.documentName}: ${describeDatabaseError(error)}; retrying`);
            this.options.onFailing?.(true);
          }
          await this.pause();
          continue;
        }
        this.inFlight = [];
        this.stored += batch.length;
        this.appends += 1;
        if (this.failures > 0) {
          this.options.log(`stored the updates of ${this.documentName} waiting since the database refused them (${this.failures} failed attempt(s))`);
          this.failures = 0;
          this.options.onFailing?.(false);
        }
        this.resolveWaiters();
      }
    } finally {
      this.writing = null;
    }
  }

  private pause(): Promise<void> {
    const delays = this.options.retryDelaysMs ?? defaultRetryDelaysMs;
    const ms = delays[Math.min(this.failures - 1, delays.length - 1)]!;
    return new Promise((resolve) => {
      this.wakeRetry = () => {
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = null;
        this.wakeRetry = null;
        resolve();
      };
      this.retryTimer = setTimeout(this.wakeRetry, ms);
    });
  }

  private resolveWaiters() {
    const ready = this.waiters.filter((w) => w.through <= this.stored);
    this.waiters = this.waiters.filter((w) => w.through > this.stored);
    ready.forEach((w) => w.resolve());
  }
}

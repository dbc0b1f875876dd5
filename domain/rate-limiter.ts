/** A limit on how often one key (an address, a person) may do something. */
export interface Limiter {
  /** Counts one hit for `key`; answers how long to wait (ms) when over the limit, else 0. */
  hit(key: string): number | Promise<number>;
}

/**
 * A sliding-window counter kept in this process's memory: enough for one node. With several
 * nodes the count is shared through Redis instead (server/cluster/shared-limits.ts).
 */
export class RateLimiter implements Limiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one hit for `key`; answers how long to wait (ms) when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return recent[0]! + this.windowMs - now;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(since);
    return 0;
  }

  private sweep(since: number) {
    for (const [key, times] of this.hits) {
      if (times.every((t) => t <= since)) this.hits.delete(key);
    }
  }
}

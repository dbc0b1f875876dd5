/**
 * The sign-in, comment and floor-request limits counted across every node, in Redis
 * (rate-limiter-flexible): the 11th comment in a minute is refused whichever node it reaches.
 * While Redis is away each node counts on its own in memory (the insurance limiter), so a
 * Redis outage neither refuses everyone nor lifts the limits.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Limiter } from '../../domain/rate-limiter.ts';
import type { Services } from '../services.ts';

export function sharedRateLimiters(redis: Redis, prefix: string): Pick<Services, 'signInLimiter' | 'commentLimiter' | 'floorLimiter'> {
  return {
    signInLimiter: sharedLimiter(redis, `${prefix}:limit:sign-in`, 100, 60_000),
    commentLimiter: sharedLimiter(redis, `${prefix}:limit:comment`, 10, 60_000),
    floorLimiter: sharedLimiter(redis, `${prefix}:limit:floor`, 6, 60_000),
  };
}

/** `limit` hits per `windowMs` for each key, counted in Redis (a fixed window, as Redis counts it). */
export function sharedLimiter(redis: Redis, keyPrefix: string, limit: number, windowMs: number): Limiter {
  const duration = Math.ceil(windowMs / 1000);
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points: limit,
    duration,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: limit, duration }),
  });
  return {
    async hit(key) {
      try {
        await limiter.consume(key);
        return 0;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return Math.max(1, refusal.msBeforeNext);
        throw refusal;
      }
    },
  };
}

// A token bucket per key (a kiosk, an IP and login …). Written here rather than taken from
// express-rate-limit because the same limits must hold for Socket.IO commands, which never pass
// through Express middleware, and because tests drive it with their own clock.

export interface RateLimit {
  /** Requests allowed at once after a quiet period. */
  burst: number;
  /** One more request is allowed every this many milliseconds. */
  refillEveryMs: number;
}

export const RATE_LIMITS = {
  /** A kiosk serves one visitor at a time; anything faster is a stuck button or a script. */
  ticketIssue: { burst: 10, refillEveryMs: 1000 },
  /** Per IP and login: 5 attempts a minute make password guessing hopeless. */
  login: { burst: 5, refillEveryMs: 12_000 },
} as const satisfies Record<string, RateLimit>;

export type TakeResult = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  take(key: string): TakeResult;
}

interface Bucket {
  tokens: number;
  at: number;
}

// Above this many keys, full buckets (which mean the same as no bucket) are swept away.
const SWEEP_ABOVE = 10_000;

export function createRateLimiter({ burst, refillEveryMs }: RateLimit, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const refilled = (bucket: Bucket, t: number) => Math.min(burst, bucket.tokens + (t - bucket.at) / refillEveryMs);

  return {
    take(key) {
      const t = now();
      if (buckets.size > SWEEP_ABOVE) {
        for (const [k, b] of buckets) if (refilled(b, t) >= burst) buckets.delete(k);
      }
      const bucket = buckets.get(key);
      const tokens = bucket ? refilled(bucket, t) : burst;
      if (tokens < 1) return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) * refillEveryMs) };
      buckets.set(key, { tokens: tokens - 1, at: t });
      return { allowed: true };
    },
  };
}

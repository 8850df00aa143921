// What the public may ask of the messages' routes per address, counted across the organisation (one
// set per node, like public-limits.ts): a live page asks which channels are offered once per load and
// to be told once or twice; a stop link is followed once. More is a script trying ticket ids or tokens.
import { createRateLimiter, type RateLimit, type RateLimiter } from '../auth/rate-limit';

export const NOTIFY_LIMITS = {
  channels: { burst: 30, refillEveryMs: 2000 },
  contact: { burst: 10, refillEveryMs: 30_000 },
  stop: { burst: 10, refillEveryMs: 30_000 },
} as const satisfies Record<string, RateLimit>;

export type NotifyLimiters = Record<keyof typeof NOTIFY_LIMITS, RateLimiter>;

export function createNotifyLimiters(clock: () => number): NotifyLimiters {
  return {
    channels: createRateLimiter(NOTIFY_LIMITS.channels, clock),
    contact: createRateLimiter(NOTIFY_LIMITS.contact, clock),
    stop: createRateLimiter(NOTIFY_LIMITS.stop, clock),
  };
}

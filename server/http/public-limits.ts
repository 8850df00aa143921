// What the public may ask per address, counted across the whole organisation: with a count per
// office, a script could book, browse or guess ticket ids as many times faster as there are offices.
// Made once in app.ts and handed to every office's public routes.
import { createRateLimiter, type RateLimit, type RateLimiter } from '../auth/rate-limit';

export const PUBLIC_BOOKING_LIMITS = {
  /** Browsing days and slots: a person clicks through a few dozen; a scraper asks far more. */
  browse: { burst: 60, refillEveryMs: 1000 },
  /** Bookings: a family books a few visits; more from one address in minutes is abuse. */
  book: { burst: 5, refillEveryMs: 60_000 },
} as const satisfies Record<string, RateLimit>;

export const RATING_LIMITS = {
  /** Asking whether a visit can be rated: the page asks once per load. */
  look: { burst: 30, refillEveryMs: 2000 },
  /** Rating: a family rates a few visits; more from one address is someone trying ticket ids. */
  rate: { burst: 5, refillEveryMs: 60_000 },
} as const satisfies Record<string, RateLimit>;

/**
 * A visitor managing their booking (manage-booking-routes.ts): seeing it, moving and cancelling take
 * a few requests. A code and phone number can be guessed, a link's 128-bit token cannot, so asking by
 * code is limited far more, and a booking not found costs one more: about five wrong guesses an hour.
 */
export const MANAGE_BOOKING_LIMITS = {
  manageByLink: { burst: 30, refillEveryMs: 2000 },
  manageByCode: { burst: 10, refillEveryMs: 6 * 60_000 },
} as const satisfies Record<string, RateLimit>;

/**
 * Joining the queue from a phone (remote-join-routes.ts). Generous per address: phones at one entrance
 * often share one (the office's Wi-Fi, a carrier's NAT); each phone's own day is limited by the
 * office's rules, so this only stops a script.
 */
export const JOIN_LIMITS = {
  join: { burst: 20, refillEveryMs: 3000 },
  arrive: { burst: 30, refillEveryMs: 2000 },
} as const satisfies Record<string, RateLimit>;

export type PublicLimiters = Record<
  keyof typeof PUBLIC_BOOKING_LIMITS | keyof typeof RATING_LIMITS | keyof typeof MANAGE_BOOKING_LIMITS | keyof typeof JOIN_LIMITS,
  RateLimiter
>;

export function createPublicLimiters(clock: () => number = Date.now): PublicLimiters {
  return {
    browse: createRateLimiter(PUBLIC_BOOKING_LIMITS.browse, clock),
    book: createRateLimiter(PUBLIC_BOOKING_LIMITS.book, clock),
    look: createRateLimiter(RATING_LIMITS.look, clock),
    rate: createRateLimiter(RATING_LIMITS.rate, clock),
    manageByLink: createRateLimiter(MANAGE_BOOKING_LIMITS.manageByLink, clock),
    manageByCode: createRateLimiter(MANAGE_BOOKING_LIMITS.manageByCode, clock),
    join: createRateLimiter(JOIN_LIMITS.join, clock),
    arrive: createRateLimiter(JOIN_LIMITS.arrive, clock),
  };
}

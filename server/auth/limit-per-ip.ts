// Public endpoints have no signed-in user to limit, so they are limited per client address; the
// answer says when to try again.
import type { Request, Response } from 'express';
import { fail } from '../http/respond';
import type { RateLimiter } from './rate-limit';

export function limitPerIp(limiter: RateLimiter, req: Request, res: Response): void {
  const result = limiter.take(req.ip ?? 'unknown');
  if (result.allowed) return;
  const retryAfterSeconds = Math.ceil(result.retryAfterMs / 1000);
  res.setHeader('Retry-After', String(retryAfterSeconds));
  fail('rate-limited', 'Too many requests from this address; wait a minute and try again', { retryAfterSeconds });
}

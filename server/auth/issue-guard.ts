// Ticket issuing, limited per kiosk: a kiosk serves one visitor at a time, so anything faster than
// RATE_LIMITS.ticketIssue is a stuck button or a script. Staff are not limited — they issue for
// the visitor in front of them. A guard for CommandRunner, so REST and Socket.IO share the limit.
import type { CommandGuard } from '../engine/commands';
import { fail } from '../http/respond';
import { createRateLimiter, RATE_LIMITS } from './rate-limit';

export function issueRateGuard(clock: () => number = Date.now): CommandGuard {
  const limiter = createRateLimiter(RATE_LIMITS.ticketIssue, clock);
  return {
    beforeRun(name, principal) {
      if (name !== 'ticket:issue' || principal.kind !== 'device') return;
      const result = limiter.take(principal.device.id);
      if (!result.allowed) {
        fail('rate-limited', 'This kiosk is issuing tickets too fast; wait a moment', { retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) });
      }
    },
  };
}

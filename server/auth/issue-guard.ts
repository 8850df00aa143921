// Ticket issuing, limited per kiosk: a kiosk serves one visitor at a time, so anything faster than
// RATE_LIMITS.ticketIssue is a stuck button or a script. Staff are not limited — they issue for
// the visitor in front of them. A retry of a request that already made its ticket costs nothing: it
// only fetches that ticket, and a kiosk whose answer was lost must get it even with its rate spent.
// A guard for CommandRunner, so REST and Socket.IO share the limit.
import type { CommandInput } from '../../common/protocol';
import type { CommandGuard } from '../engine/commands';
import { fail } from '../http/respond';
import type { Principal } from './principal';
import { createRateLimiter, RATE_LIMITS } from './rate-limit';

/** Whether this issue request is a retry of one that already made its ticket. */
export type IsRetry = (input: CommandInput<'ticket:issue'>, principal: Principal) => boolean;

export function issueRateGuard(clock: () => number = Date.now, isRetry: IsRetry = () => false): CommandGuard {
  const limiter = createRateLimiter(RATE_LIMITS.ticketIssue, clock);
  return {
    beforeRun(name, principal, input) {
      if (name !== 'ticket:issue' || principal.kind !== 'device') return;
      if (input && isRetry(input as CommandInput<'ticket:issue'>, principal)) return;
      const result = limiter.take(principal.device.id);
      if (!result.allowed) {
        fail('rate-limited', 'This kiosk is issuing tickets too fast; wait a moment', { retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) });
      }
    },
  };
}

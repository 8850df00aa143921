import { describe, expect, it } from 'vitest';
import { issueRateGuard } from '../../server/auth/issue-guard';
import type { Principal } from '../../server/auth/principal';
import { createRateLimiter, RATE_LIMITS } from '../../server/auth/rate-limit';
import { ApiFailure } from '../../server/http/respond';

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const takeMany = (limiter: ReturnType<typeof createRateLimiter>, key: string, n: number) =>
  Array.from({ length: n }, () => limiter.take(key).allowed);

describe('token bucket rate limiter', () => {
  it('allows a full burst, then refuses and says how long to wait', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ burst: 3, refillEveryMs: 1000 }, clock.now);
    expect(takeMany(limiter, 'k', 3)).toEqual([true, true, true]);
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterMs: 1000 });
    clock.advance(400);
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterMs: 600 });
  });

  it('refills one request per interval, never beyond the burst', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ burst: 2, refillEveryMs: 1000 }, clock.now);
    takeMany(limiter, 'k', 2);
    clock.advance(1000);
    expect(takeMany(limiter, 'k', 2)).toEqual([true, false]);
    clock.advance(60_000);
    expect(takeMany(limiter, 'k', 3)).toEqual([true, true, false]);
  });

  it('keeps separate buckets per key', () => {
    const limiter = createRateLimiter({ burst: 1, refillEveryMs: 1000 }, fakeClock().now);
    expect(limiter.take('kiosk-1').allowed).toBe(true);
    expect(limiter.take('kiosk-1').allowed).toBe(false);
    expect(limiter.take('kiosk-2').allowed).toBe(true);
  });

  it('lets a kiosk issue 10 tickets at once and then one a second', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(RATE_LIMITS.ticketIssue, clock.now);
    expect(takeMany(limiter, 'kiosk', 11)).toEqual([...Array(10).fill(true), false]);
    clock.advance(1000);
    expect(takeMany(limiter, 'kiosk', 2)).toEqual([true, false]);
  });

  it('allows five sign-in attempts a minute', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(RATE_LIMITS.login, clock.now);
    expect(takeMany(limiter, 'ip|login', 6)).toEqual([true, true, true, true, true, false]);
    clock.advance(60_000);
    expect(takeMany(limiter, 'ip|login', 6)).toEqual([true, true, true, true, true, false]);
  });
});

describe('the ticket issuing guard', () => {
  const kiosk = (id: string): Principal => ({ kind: 'device', device: { id, officeId: 'main', kind: 'kiosk', name: id, zone: null, revoked: false, settings: {} } });
  const operator: Principal = {
    kind: 'user',
    user: { id: 'u1', login: 'op', name: 'Op', role: 'operator', active: true, organisationRole: null, offices: [{ officeId: 'main', role: 'operator' }] },
  };

  function refusal(run: () => void): unknown {
    try {
      run();
      return null;
    } catch (error) {
      return error instanceof ApiFailure ? error.error : error;
    }
  }

  it("stops an eleventh ticket from one kiosk within a second with 'rate-limited'", () => {
    const clock = fakeClock();
    const guard = issueRateGuard(clock.now);
    for (let i = 0; i < 10; i += 1) expect(refusal(() => guard.beforeRun?.('ticket:issue', kiosk('k1')))).toBeNull();
    expect(refusal(() => guard.beforeRun?.('ticket:issue', kiosk('k1')))).toMatchObject({ code: 'rate-limited', details: { retryAfterSeconds: 1 } });
    expect(refusal(() => guard.beforeRun?.('ticket:issue', kiosk('k2')))).toBeNull();
    clock.advance(1000);
    expect(refusal(() => guard.beforeRun?.('ticket:issue', kiosk('k1')))).toBeNull();
  });

  it('does not limit staff, nor other commands', () => {
    const guard = issueRateGuard(fakeClock().now);
    for (let i = 0; i < 20; i += 1) {
      expect(refusal(() => guard.beforeRun?.('ticket:issue', operator))).toBeNull();
      expect(refusal(() => guard.beforeRun?.('ticket:print-result', kiosk('k1')))).toBeNull();
    }
  });
});

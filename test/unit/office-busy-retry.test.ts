// A client call refused with 503 'office-busy' is asked again after growing pauses, because the
// refusal changed nothing; any other answer is final at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCode, Result } from '../../common/protocol';
import { HTTP_STATUS } from '../../common/protocol';
import { api } from '../../common/ui/api';
import { OFFICE_BUSY_PAUSES_MS, retryWhileOfficeBusy } from '../../common/ui/office-busy-retry';

const refusal = (code: ErrorCode) => new Response(JSON.stringify({ ok: false, error: { code, message: code } }), { status: HTTP_STATUS[code] });
const issued = () => new Response(JSON.stringify({ ok: true, data: { code: 'Д001' } }), { status: 200 });

/** A server that gives these answers in turn, the last one from then on, and counts the requests it was sent. */
function serverAnswering(...answers: (() => Response)[]) {
  const fetch = vi.fn(async () => (answers.length > 1 ? answers.shift()! : answers[0]!)());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const issueTicket = () => retryWhileOfficeBusy(() => api<{ code: string }>('/api/offices/main/tickets', { body: { serviceId: 'documents' } }));

/** Settles the call, letting every pause run out on the fake clock. */
async function settle(pending: Promise<Result<{ code: string }>>) {
  await vi.runAllTimersAsync();
  return pending;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('retryWhileOfficeBusy', () => {
  it('asks again after half a second and then a second while the office is busy, and returns the answer that got through', async () => {
    const fetch = serverAnswering(() => refusal('office-busy'), () => refusal('office-busy'), issued);
    const pending = issueTicket();
    await vi.advanceTimersByTimeAsync(OFFICE_BUSY_PAUSES_MS[0]! - 1);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(OFFICE_BUSY_PAUSES_MS[1]! - 1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await expect(settle(pending)).resolves.toEqual({ ok: true, data: { code: 'Д001' } });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('gives the office-busy refusal back once every pause is spent', async () => {
    const fetch = serverAnswering(() => refusal('office-busy'));
    const result = await settle(issueTicket());
    expect(result).toMatchObject({ ok: false, error: { code: 'office-busy' } });
    expect(fetch).toHaveBeenCalledTimes(1 + OFFICE_BUSY_PAUSES_MS.length);
  });

  it('does not ask again after any other refusal', async () => {
    const fetch = serverAnswering(() => refusal('daily-limit-reached'), issued);
    const result = await settle(issueTicket());
    expect(result).toMatchObject({ ok: false, error: { code: 'daily-limit-reached' } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('does not ask again after a success', async () => {
    const fetch = serverAnswering(issued, () => refusal('office-busy'));
    await expect(settle(issueTicket())).resolves.toMatchObject({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

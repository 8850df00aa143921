// The rules for joining the queue from a phone (server/domain/remote-join.ts), on a desk whose clock
// the test moves: when a phone may join, the phones' share of a daily limit, a phone's own day, and
// "I'm here" — a phone ticket waits in the postponed pool, is never called next until then, and is
// dropped as a no-show when its time to arrive is over.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMOTE_JOIN_SETTINGS, remoteJoinSettingsSchema, type Actor, type RemoteJoinSettings, type Ticket } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import {
  arrivalWait,
  confirmArrival,
  dropUnarrived,
  issuePhoneTicket,
  joinTime,
  phoneAllowance,
  type PhoneCounts,
} from '../../server/domain/remote-join';
import { callNextAt, callTicketAt, Desk, issue, makeConfig, makeService, MINUTE, openAt, type DomainCommand } from '../support/domain-fixtures';

const PUBLIC: Actor = { kind: 'public' };
const ZONE = 'Europe/Minsk';
const RULES: RemoteJoinSettings = { ...DEFAULT_REMOTE_JOIN_SETTINGS, enabled: true };
const NONE: PhoneCounts = { byService: new Map(), thisPhone: 0 };

const join =
  (serviceId: string, settings: RemoteJoinSettings = RULES, counts: PhoneCounts = NONE, phoneId = 'phone-one-0123456789'): DomainCommand<Ticket> =>
  (s, c, x) =>
    issuePhoneTicket(s, c, settings, { serviceId, phoneId }, counts, x);

const arrive =
  (ticketId: string, phoneId = 'phone-one-0123456789'): DomainCommand<Ticket> =>
  (s) =>
    confirmArrival(s, ticketId, phoneId);

let desk: Desk;

beforeEach(() => {
  desk = new Desk(makeConfig({ services: [makeService('A', { dailyLimit: 10 }), makeService('B')] }), zonedToEpoch('2030-01-15', '10:00', ZONE));
});

function refusal(command: DomainCommand<unknown>): string | undefined {
  const outcome = desk.run(command, PUBLIC);
  return outcome.ok ? undefined : outcome.error.code;
}

describe('joining from a phone', () => {
  it('numbers a phone ticket like every other, marks it as from a phone and never prints it', () => {
    desk.must(issue('A'), PUBLIC);
    const ticket = desk.must(join('A', { ...RULES, requireArrival: false }), PUBLIC);
    expect(ticket).toMatchObject({ code: 'A101', source: 'phone', print: 'not-requested', status: 'waiting', phoneId: 'phone-one-0123456789' });
    expect(ticket.awaitingArrival).toBeUndefined();
  });

  it('refuses while the office has phones off, or the service is off for phones', () => {
    expect(refusal(join('A', DEFAULT_REMOTE_JOIN_SETTINGS))).toBe('join-off');
    expect(refusal(join('A', { ...RULES, services: { A: { enabled: false, phoneShare: 1 } } }))).toBe('join-off');
    expect(refusal(join('B', { ...RULES, services: { A: { enabled: false, phoneShare: 1 } } }))).toBeUndefined();
  });

  it("gives phones only their share of a service's daily limit, and none of a limit-free service is refused", () => {
    const share = { ...RULES, defaultRule: { enabled: true, phoneShare: 0.3 } };
    expect(phoneAllowance({ dailyLimit: 10 }, share.defaultRule)).toBe(3);
    expect(refusal(join('A', share, { byService: new Map([['A', 3]]), thisPhone: 0 }))).toBe('phone-share-reached');
    expect(refusal(join('A', share, { byService: new Map([['A', 2]]), thisPhone: 0 }))).toBeUndefined();
    expect(refusal(join('B', share, { byService: new Map([['B', 500]]), thisPhone: 0 }))).toBeUndefined();
  });

  it('stops a phone at its tickets for the day', () => {
    expect(refusal(join('B', RULES, { byService: new Map(), thisPhone: 2 }))).toBe('phone-limit-reached');
    expect(refusal(join('B', RULES, { byService: new Map(), thisPhone: 1 }))).toBeUndefined();
  });

  it('hands a retried request its ticket back instead of a second one', () => {
    const first = desk.must((s, c, x) => issuePhoneTicket(s, c, RULES, { serviceId: 'A', phoneId: 'p-0123456789abcdef', requestId: 'phone:p:req-1' }, NONE, x), PUBLIC);
    const again = desk.must(
      (s, c, x) => issuePhoneTicket(s, c, RULES, { serviceId: 'A', phoneId: 'p-0123456789abcdef', requestId: 'phone:p:req-1' }, { byService: new Map(), thisPhone: 9 }, x),
      PUBLIC,
    );
    expect(again.id).toBe(first.id);
  });
});

describe('when a phone may join', () => {
  // Weekdays 09:00–18:00, lunch 13:00–14:00, no tickets in the last 15 minutes.
  const office = {
    timeZone: ZONE,
    schedule: {
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, hours: { open: '09:00', close: '18:00', breaks: [{ start: '13:00', end: '14:00' }] } })),
      holidays: [],
      exceptions: [],
      cutoffMinutes: 15,
    },
  };
  const at = (time: string, date = '2030-01-15') => zonedToEpoch(date, time, ZONE);
  const opening = (minutes: number) => ({ ...RULES, minutesBeforeOpening: minutes });

  it('joins while the kiosk issues, and not after the cut-off or at night', () => {
    expect(joinTime(opening(0), 'A', office, at('10:00')).kind).toBe('now');
    expect(joinTime(opening(0), 'A', office, at('17:50')).kind).toBe('closed');
    expect(joinTime(opening(60), 'A', office, at('22:00')).kind).toBe('closed');
  });

  it('joins within the minutes before opening on the same day, in the morning and before lunch ends', () => {
    expect(joinTime(opening(30), 'A', office, at('08:40'))).toEqual({ kind: 'before-opening', opensAt: at('09:00') });
    expect(joinTime(opening(30), 'A', office, at('08:20')).kind).toBe('closed');
    expect(joinTime(opening(0), 'A', office, at('08:59')).kind).toBe('closed');
    expect(joinTime(opening(30), 'A', office, at('13:45'))).toEqual({ kind: 'before-opening', opensAt: at('14:00') });
  });

  it('lets a service keep its own minutes before opening, the others following the office', () => {
    const rules = { ...opening(60), services: { A: { enabled: true, phoneShare: 0.5, minutesBeforeOpening: 0 }, C: { enabled: true, phoneShare: 0.5, minutesBeforeOpening: null } } };
    expect(joinTime(rules, 'A', office, at('08:30')).kind).toBe('closed');
    expect(joinTime(rules, 'A', office, at('10:00')).kind).toBe('now');
    expect(joinTime(rules, 'B', office, at('08:30'))).toEqual({ kind: 'before-opening', opensAt: at('09:00') });
    expect(joinTime(rules, 'C', office, at('08:30'))).toEqual({ kind: 'before-opening', opensAt: at('09:00') });
    expect(joinTime({ ...rules, minutesBeforeOpening: 0, services: { A: { enabled: true, phoneShare: 0.5, minutesBeforeOpening: 45 } } }, 'A', office, at('08:30')).kind).toBe('before-opening');
  });

  it("reads a service's rule stored before it had its own minutes as following the office", () => {
    const stored = { ...RULES, services: { A: { enabled: true, phoneShare: 0.5 } } };
    expect(remoteJoinSettingsSchema.safeParse(stored).success).toBe(true);
    expect(joinTime({ ...stored, minutesBeforeOpening: 30 }, 'A', office, at('08:40')).kind).toBe('before-opening');
  });

  it('gives a visitor who joined before opening their minutes to arrive from the opening', () => {
    const rules = { requireArrival: true, arriveWithinMinutes: 30 };
    expect(arrivalWait(rules, { kind: 'before-opening', opensAt: at('09:00') }, at('08:40'))).toEqual({ until: at('09:30') });
    expect(arrivalWait(rules, { kind: 'now' }, at('10:00'))).toEqual({ until: at('10:30') });
    expect(arrivalWait({ requireArrival: true, arriveWithinMinutes: null }, { kind: 'now' }, at('10:00'))).toEqual({ until: null });
    expect(arrivalWait({ requireArrival: false, arriveWithinMinutes: 30 }, { kind: 'now' }, at('10:00'))).toBeUndefined();
  });
});

describe("I'm here", () => {
  it('keeps a phone ticket in the postponed pool, skipped by "call next", until its visitor is here', () => {
    desk.must(openAt('c1'));
    const phone = desk.must(join('A'), PUBLIC);
    expect(phone).toMatchObject({ status: 'postponed', postponedUntil: null, awaitingArrival: { until: desk.clock.now + 60 * MINUTE } });
    expect(refusal(callNextAt('c1'))).toBe('queue-empty');

    desk.clock.advanceMinutes(5);
    const walkIn = desk.must(issue('A'), PUBLIC);
    desk.clock.advanceMinutes(5);
    const here = desk.must(arrive(phone.id), PUBLIC);
    expect(here.status).toBe('waiting');
    expect(here.awaitingArrival).toBeUndefined();
    expect(desk.journal.at(-1)).toMatchObject({ kind: 'ticket-arrived', ticketId: phone.id, from: 'postponed', to: 'waiting' });
    // Its place is by the time it was taken: ahead of the walk-in who came after.
    expect(desk.must(callNextAt('c1')).ticket?.id).toBe(phone.id);
    expect(desk.state.tickets.get(walkIn.id)?.status).toBe('waiting');
  });

  it("refuses another phone's word, and changes nothing when said twice", () => {
    const phone = desk.must(join('A'), PUBLIC);
    expect(refusal(arrive(phone.id, 'another-phone-0123456'))).toBe('not-found');
    desk.must(arrive(phone.id), PUBLIC);
    const before = desk.journal.length;
    expect(desk.must(arrive(phone.id), PUBLIC).status).toBe('waiting');
    expect(desk.journal.length).toBe(before);
  });

  it('lets staff call a phone ticket from the pool by choice, and then it waits for nothing more', () => {
    desk.must(openAt('c1'));
    const phone = desk.must(join('A'), PUBLIC);
    const called = desk.must(callTicketAt('c1', phone.id)).ticket!;
    expect(called.status).toBe('called');
    expect(called.awaitingArrival).toBeUndefined();
  });

  it('drops a phone ticket as a no-show once its time to arrive is over, and only then', () => {
    const phone = desk.must(join('A'), PUBLIC);
    const patient = desk.must(join('B', { ...RULES, arriveWithinMinutes: null }, NONE, 'phone-two-0123456789'), PUBLIC);
    desk.clock.advanceMinutes(59);
    expect(desk.must((s, _c, x) => dropUnarrived(s, x), { kind: 'system' })).toEqual([]);
    desk.clock.advanceMinutes(1);
    const dropped = desk.must((s, _c, x) => dropUnarrived(s, x), { kind: 'system' });
    expect(dropped.map((t) => [t.id, t.outcome])).toEqual([[phone.id, 'no-show']]);
    expect(desk.state.tickets.has(phone.id)).toBe(false);
    expect(desk.state.tickets.get(patient.id)?.status).toBe('postponed');
  });
});

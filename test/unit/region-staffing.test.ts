// The regional staffing advisor from digests equals the office's own staffing report from its day
// summaries, to the last bit, on four weeks of visitors and booths timed to the millisecond (as real
// journal instants are; generated history keeps whole seconds): recalls, no-shows, visitors who left
// unserved, two services with their own targets, a holiday, a Sunday worked outside the schedule —
// whether February comes as its days' digests or as the month's one, each through its stored bytes.
import { expect, it } from 'vitest';
import type { OfficeSchedule } from '../../common/protocol';
import type { StaffingSettings } from '../../common/protocol/analytics';
import { addDays, isoWeekday, zonedToEpoch } from '../../common/time/calendar';
import { addDigests, digestOf, type DayDigest } from '../../server/analytics/day-digest';
import { decodeDigest, encodeDigest } from '../../server/analytics/day-digest-codec';
import { summariseRecords } from '../../server/analytics/day-summary';
import { LocalClock } from '../../server/analytics/local-clock';
import { scheduledOpenHours } from '../../server/analytics/open-days';
import { DEFAULT_STAFFING, staffingAdvice } from '../../server/analytics/staffing';
import { buildVisit, type CounterInterval, type TicketEvent, type Visit } from '../../server/analytics/visits';
import { staffingFromDigests } from '../../server/region/region-staffing';
import { makeService } from '../support/domain-fixtures';

const KYIV = 'Europe/Kyiv';
const MINUTE = 60_000;
// Weekdays 9–13 with a lunch break, Saturdays 10–12; 23 February a holiday.
const schedule: OfficeSchedule = {
  weekly: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, hours: { open: '09:00', close: '13:00', breaks: [{ start: '11:00', end: '11:30' }] } })),
    { weekday: 6, hours: { open: '10:00', close: '12:00', breaks: [] } },
  ],
  holidays: [{ date: '2026-02-23', name: 'Holiday' }],
  exceptions: [],
  cutoffMinutes: 0,
};
const services = new Map([
  ['docs', makeService('docs')],
  ['pay', { ...makeService('pay'), targetWaitMinutes: 5 }],
]);
const february = { from: '2026-02-01', to: '2026-02-28' };

/** A fixed sequence in [0, 1): the same days every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function history(): { visits: Visit[]; intervals: CounterInterval[] } {
  const random = sequence(7);
  const visits: Visit[] = [];
  const intervals: CounterInterval[] = [];
  for (let date = february.from; date <= february.to; date = addDays(date, 1)) {
    // Sunday the 15th worked anyway, 14:00–16:00.
    const hours = isoWeekday(date) === 6 ? ['10:00', 2] : date === '2026-02-15' ? ['14:00', 2] : isoWeekday(date) === 7 ? null : ['09:00', 4];
    if (!hours) continue;
    const [open, length] = hours as [string, number];
    const opensAt = zonedToEpoch(date, open, KYIV);
    for (const counter of ['c1', 'c2', 'c3']) {
      const from = opensAt + Math.floor(random() * 90_000);
      intervals.push({ counterId: counter, specialistId: `u-${counter}`, state: 'open', pauseReason: null, from, to: from + length * 60 * MINUTE - Math.floor(random() * 20 * MINUTE) });
    }
    const arrivals = 10 + Math.floor(random() * 40);
    for (let i = 0; i < arrivals; i++) {
      const issuedAt = opensAt + Math.floor(random() * length * 60 * MINUTE);
      const counter = `c${1 + Math.floor(random() * 3)}`;
      const event = (at: number, kind: TicketEvent['kind'], to: string | null = null, counterId: string | null = counter): TicketEvent => ({ at, kind, counterId, actor: `user:u-${counter}`, to });
      const called = issuedAt + Math.floor(random() * 25 * MINUTE);
      const fate = random();
      const events =
        fate < 0.1
          ? [event(issuedAt + Math.floor(random() * 20 * MINUTE), 'ticket-finished', 'cancelled', null)]
          : fate < 0.2
            ? [event(called, 'ticket-called'), event(called + 61_234, 'ticket-finished', 'no-show')]
            : fate < 0.3
              ? [event(called, 'ticket-called'), event(called + 45_321, 'ticket-recalled'), event(called + 97_003, 'ticket-started'), event(called + 97_003 + Math.floor(random() * 15 * MINUTE), 'ticket-finished', 'served')]
              : [event(called, 'ticket-called'), event(called + 20_017, 'ticket-started'), event(called + 20_017 + Math.floor(random() * 15 * MINUTE), 'ticket-finished', 'served')];
      visits.push(
        buildVisit(
          { ticketId: `${date}-${i}`, code: `A${i}`, issuedServiceId: random() < 0.7 ? 'docs' : 'pay', source: 'kiosk', priorityKind: 'normal', slotStart: null, issuedAt, promisedWaitMinutes: null },
          events,
        ),
      );
    }
  }
  return { visits, intervals };
}

/** A digest as the regional view reads it: through the bytes of region_days. */
const stored = (digest: DayDigest) => decodeDigest(encodeDigest(digest));

it('advises from the digests exactly as the office’s own report does from its day summaries', () => {
  const { visits, intervals } = history();
  const days = summariseRecords(visits, intervals, new LocalClock(KYIV));
  const openHours = scheduledOpenHours(schedule, february, KYIV);
  const byDay = days.map((day) => ({ key: day.date, digest: stored(digestOf(day, services)) }));
  const month = [{ key: '2026-02', digest: stored(addDigests(days.map((day) => digestOf(day, services)))) }];
  const strict: StaffingSettings = { serviceLevel: 0.9, targetMinutes: 4, maxOccupancy: 0.7, shrinkage: 0.15 };
  for (const settings of [DEFAULT_STAFFING, strict]) {
    const own = staffingAdvice({ period: february, days, services, openHours }, settings);
    expect(own.cells.some((cell) => cell.weekday === 7 && cell.hour === 14)).toBe(true);
    expect(own.cells.some((cell) => cell.measuredServiceLevel !== null && cell.measuredServiceLevel > 0 && cell.measuredServiceLevel < 1)).toBe(true);
    expect(staffingFromDigests(byDay, february, openHours, settings)).toEqual(own);
    expect(staffingFromDigests(month, february, openHours, settings)).toEqual(own);
  }
});

// One office-day reduced to what the regional view reads (server/region/), about a kilobyte
// instead of the day summary's tens of kilobytes: a year of 200 offices is 73,000 days, and reading
// their full summaries takes minutes. Made and stored beside the day's summary (day-digest-store.ts).
// Counts and sums are exact, so visitors, no-shows, booked share, utilisation, the mean wait and the
// share within target equal the office's own reports; the 90th percentile comes from 30-second
// bins, within half a minute of the office's own figure.
import { dayOfMonth, isoWeekday } from '../../common/time/calendar';
import { appointments, outcomes } from './outcomes';
import type { DaySummary } from './day-summary-shape';
import { forEachBin, statsOf } from './histogram';
import { MINUTE, type ServiceTargets } from './measures';
import { forEachLevelSample } from './service-level';
import { specialistLoad } from './specialist-load';

/** Width of a wait bin. */
export const WAIT_BIN_MS = 30_000;

/** Cells of the weekday × hour arrays. */
export const WEEK_HOURS = 7 * 24;

export interface DayDigest {
  issued: number;
  noShow: number;
  bookedIssued: number;
  walkInIssued: number;
  busyMs: number;
  loggedInMs: number;
  waitCount: number;
  waitSumMs: number;
  waitMinMs: number;
  waitMaxMs: number;
  /** Visitors the service level counts, and those of them called within their service's target. */
  levelCounted: number;
  levelWithin: number;
  /** bins[i]: waits in bin binLow + i, a bin b covering ((b − 1) · 30 s, b · 30 s]. */
  binLow: number;
  bins: Uint32Array;
  /**
   * What the heat map reads (peak-hours.ts): arrivals per weekday × local hour, at (weekday − 1) · 24
   * + hour. A day fills one weekday; a month's sum keeps every weekday apart, so the heat map of a
   * year reads twelve digests an office instead of 365.
   */
  arrivalsByWeekdayHour: Uint32Array;
  /**
   * Index: day of the month, 1–31; a bit per local hour in which visitors arrived or a booth was
   * open — the hours open-days.ts counts as open beside the schedule's (which may change, so it is
   * applied when asked). Added up with OR: exact within one month, a union of no use across months.
   */
  activeHoursByDayOfMonth: Uint32Array;
}

export const EMPTY_DIGEST: DayDigest = {
  issued: 0,
  noShow: 0,
  bookedIssued: 0,
  walkInIssued: 0,
  busyMs: 0,
  loggedInMs: 0,
  waitCount: 0,
  waitSumMs: 0,
  waitMinMs: Number.POSITIVE_INFINITY,
  waitMaxMs: Number.NEGATIVE_INFINITY,
  levelCounted: 0,
  levelWithin: 0,
  binLow: 0,
  bins: new Uint32Array(0),
  arrivalsByWeekdayHour: new Uint32Array(WEEK_HOURS),
  activeHoursByDayOfMonth: new Uint32Array(32),
};

/** The day summary's histograms count whole seconds (histogram.ts); a second-bin falls in one 30-second bin. */
const binOfSeconds = (secondBin: number) => Math.ceil((secondBin * 1000) / WAIT_BIN_MS);

export function digestOf(day: DaySummary, services: ReadonlyMap<string, ServiceTargets>): DayDigest {
  const counts = outcomes({ days: [day] }).overall;
  const booking = appointments({ days: [day] });
  let busy = 0;
  let loggedIn = 0;
  for (const load of specialistLoad({ days: [day] })) {
    busy += load.busyMinutes;
    loggedIn += load.loggedInMinutes;
  }
  let levelCounted = 0;
  let levelWithin = 0;
  forEachLevelSample(day, services, (_key, counted, within) => {
    levelCounted += counted;
    levelWithin += within;
  });
  const { waits } = day.visits;
  let waitCount = 0;
  let waitSumMs = 0;
  let waitMinMs = Number.POSITIVE_INFINITY;
  let waitMaxMs = Number.NEGATIVE_INFINITY;
  const byBin = new Map<number, number>();
  waits.keys.forEach((_key, i) => {
    const stats = statsOf(waits, i);
    waitCount += stats.count;
    waitSumMs += stats.sum;
    waitMinMs = Math.min(waitMinMs, stats.min);
    waitMaxMs = Math.max(waitMaxMs, stats.max);
    forEachBin(waits, i, (secondBin) => {
      const bin = binOfSeconds(secondBin);
      byBin.set(bin, (byBin.get(bin) ?? 0) + 1);
    });
  });
  const present = [...byBin.keys()];
  const binLow = present.length === 0 ? 0 : Math.min(...present);
  const bins = new Uint32Array(present.length === 0 ? 0 : Math.max(...present) - binLow + 1);
  for (const [bin, n] of byBin) bins[bin - binLow] = n;
  const arrivalsByWeekdayHour = new Uint32Array(WEEK_HOURS);
  const weekdayAt = (isoWeekday(day.date) - 1) * 24;
  // The same test as open-days.ts: an hour with an arrival, or with any booth open.
  let active = 0;
  day.visits.arrivalsByHour.forEach((n, hour) => {
    arrivalsByWeekdayHour[weekdayAt + hour] = n;
    if (n > 0) active |= 1 << hour;
  });
  for (const counter of Object.values(day.counters)) counter.openMsByHour.forEach((ms, hour) => ms > 0 && (active |= 1 << hour));
  const activeHoursByDayOfMonth = new Uint32Array(32);
  activeHoursByDayOfMonth[dayOfMonth(day.date)] = active;
  return {
    issued: counts.issued,
    noShow: counts.noShow,
    bookedIssued: booking.booked.issued,
    walkInIssued: booking.walkIn.issued,
    busyMs: busy * MINUTE,
    loggedInMs: loggedIn * MINUTE,
    waitCount,
    waitSumMs,
    waitMinMs,
    waitMaxMs,
    levelCounted,
    levelWithin,
    binLow,
    bins,
    arrivalsByWeekdayHour,
    activeHoursByDayOfMonth,
  };
}

/** Digests of any days and offices add up to one digest: counts and sums added, wait bins merged. */
export function addDigests(digests: readonly DayDigest[]): DayDigest {
  const total = {
    ...EMPTY_DIGEST,
    arrivalsByWeekdayHour: new Uint32Array(WEEK_HOURS),
    activeHoursByDayOfMonth: new Uint32Array(32),
  };
  let high = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  for (const d of digests) {
    total.issued += d.issued;
    total.noShow += d.noShow;
    total.bookedIssued += d.bookedIssued;
    total.walkInIssued += d.walkInIssued;
    total.busyMs += d.busyMs;
    total.loggedInMs += d.loggedInMs;
    total.levelCounted += d.levelCounted;
    total.levelWithin += d.levelWithin;
    for (let cell = 0; cell < WEEK_HOURS; cell++) total.arrivalsByWeekdayHour[cell]! += d.arrivalsByWeekdayHour[cell]!;
    for (let day = 1; day <= 31; day++) total.activeHoursByDayOfMonth[day]! |= d.activeHoursByDayOfMonth[day]!;
    if (d.waitCount === 0) continue;
    total.waitCount += d.waitCount;
    total.waitSumMs += d.waitSumMs;
    total.waitMinMs = Math.min(total.waitMinMs, d.waitMinMs);
    total.waitMaxMs = Math.max(total.waitMaxMs, d.waitMaxMs);
    low = Math.min(low, d.binLow);
    high = Math.max(high, d.binLow + d.bins.length - 1);
  }
  if (total.waitCount === 0) return total;
  const bins = new Uint32Array(high - low + 1);
  for (const d of digests) {
    const at = d.binLow - low;
    const from = d.bins;
    for (let i = 0; i < from.length; i++) bins[at + i]! += from[i]!;
  }
  return { ...total, binLow: low, bins };
}

/** The digest's format, part of every fingerprint: a digest stored in another format is built again. */
const DIGEST_FORMAT = 3;

/** The format and the service targets as they judge the service level: a digest is rebuilt when either changes. */
export function targetsFingerprint(services: ReadonlyMap<string, ServiceTargets>): string {
  const targets = [...services.values()].map((s) => `${s.id}:${s.targetWaitMinutes}/${s.bookedTargetWaitMinutes}`).sort();
  return [`v${DIGEST_FORMAT}`, ...targets].join(',');
}

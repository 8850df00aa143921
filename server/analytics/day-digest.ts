// One office-day reduced to what the regional view reads (server/region/), under four kilobytes
// instead of the day summary's tens of kilobytes: a year of 200 offices is 73,000 days, and reading
// their full summaries takes minutes. Made and stored beside the day's summary (day-digest-store.ts).
// Counts and sums are exact, so visitors, no-shows, booked share, utilisation, the mean wait and the
// share within target equal the office's own reports, and so does the staffing advice (it adds up the
// same totals, staffing-totals.ts); the 90th percentile comes from 30-second bins, within half a
// minute of the office's own figure.
import { dayOfMonth } from '../../common/time/calendar';
import { appointments, outcomes } from './outcomes';
import type { DaySummary } from './day-summary-shape';
import { forEachBin, statsOf } from './histogram';
import type { ServiceTargets } from './measures';
import { activeHoursOf } from './open-days';
import { loggedInMsOf } from './specialist-load';
import { addStaffingTotals, emptyStaffingTotals, staffingTotalsOfDay, type StaffingTotals } from './staffing-totals';

/** Width of a wait bin. */
export const WAIT_BIN_MS = 30_000;

/**
 * What the staffing advisor adds up comes from StaffingTotals, and two of its fields serve the table
 * too: busyMs (utilisation) and the service-level counts per weekday × hour (their sums). The
 * arrivals per weekday × hour are what the heat map reads (peak-hours.ts): a day fills one weekday,
 * and a month's sum keeps every weekday apart, so the heat map of a year reads twelve digests an
 * office instead of 365.
 */
export interface DayDigest extends StaffingTotals {
  issued: number;
  noShow: number;
  bookedIssued: number;
  walkInIssued: number;
  loggedInMs: number;
  waitCount: number;
  waitSumMs: number;
  waitMinMs: number;
  waitMaxMs: number;
  /** bins[i]: waits in bin binLow + i, a bin b covering ((b − 1) · 30 s, b · 30 s]. */
  binLow: number;
  bins: Uint32Array;
  /**
   * Index: day of the month, 1–31; a bit per local hour in which visitors arrived or a booth was
   * open — the hours open-days.ts counts as open beside the schedule's (which may change, so it is
   * applied when asked). Added up with OR: exact within one month, a union of no use across months.
   */
  activeHoursByDayOfMonth: Uint32Array;
}

/** The day summary's histograms count whole seconds (histogram.ts); a second-bin falls in one 30-second bin. */
const binOfSeconds = (secondBin: number) => Math.ceil((secondBin * 1000) / WAIT_BIN_MS);

export function digestOf(day: DaySummary, services: ReadonlyMap<string, ServiceTargets>): DayDigest {
  const counts = outcomes({ days: [day] }).overall;
  const booking = appointments({ days: [day] });
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
  const activeHoursByDayOfMonth = new Uint32Array(32);
  activeHoursByDayOfMonth[dayOfMonth(day.date)] = activeHoursOf(day);
  // Its own fields, then the staffing totals: the order of emptyDigest and decodeDigest, so every digest has the same shape.
  return {
    issued: counts.issued,
    noShow: counts.noShow,
    bookedIssued: booking.booked.issued,
    walkInIssued: booking.walkIn.issued,
    loggedInMs: loggedInMsOf(day),
    waitCount,
    waitSumMs,
    waitMinMs,
    waitMaxMs,
    binLow,
    bins,
    activeHoursByDayOfMonth,
    ...staffingTotalsOfDay(day, services),
  };
}

/** A digest of nothing, each array its own (sums are added into it). */
function emptyDigest(): DayDigest {
  return {
    issued: 0,
    noShow: 0,
    bookedIssued: 0,
    walkInIssued: 0,
    loggedInMs: 0,
    waitCount: 0,
    waitSumMs: 0,
    waitMinMs: Number.POSITIVE_INFINITY,
    waitMaxMs: Number.NEGATIVE_INFINITY,
    binLow: 0,
    bins: new Uint32Array(0),
    activeHoursByDayOfMonth: new Uint32Array(32),
    ...emptyStaffingTotals(),
  };
}

/** Digests of any days and offices add up to one digest: counts and sums added, wait bins merged. */
export function addDigests(digests: readonly DayDigest[]): DayDigest {
  const total = emptyDigest();
  let high = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  for (const d of digests) {
    total.issued += d.issued;
    total.noShow += d.noShow;
    total.bookedIssued += d.bookedIssued;
    total.walkInIssued += d.walkInIssued;
    total.loggedInMs += d.loggedInMs;
    addStaffingTotals(total, d);
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

/** The digest's format, part of every fingerprint: a digest stored in another format is built again. 4: the staffing totals. */
const DIGEST_FORMAT = 4;

/** The format and the service targets as they judge the service level: a digest is rebuilt when either changes. */
export function targetsFingerprint(services: ReadonlyMap<string, ServiceTargets>): string {
  const targets = [...services.values()].map((s) => `${s.id}:${s.targetWaitMinutes}/${s.bookedTargetWaitMinutes}`).sort();
  return [`v${DIGEST_FORMAT}`, ...targets].join(',');
}

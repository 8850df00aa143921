// The definitions every report shares, in one place so two reports never disagree: what a wait is,
// what a service time is, which target applies.
import type { LocalDate, Service } from '../../common/protocol';
import type { LocalClock } from './local-clock';
import type { DaySummary } from './day-summary-shape';
import type { CounterInterval, Visit, VisitLeg } from './visits';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export type ServiceTargets = Pick<Service, 'id' | 'targetWaitMinutes' | 'bookedTargetWaitMinutes'>;

/** Everything a report needs: the day summaries of one period and the office's targets. */
export interface ReportInput {
  /** Local dates, both inclusive. */
  period: { from: LocalDate; to: LocalDate };
  /** One per summarised date of the period, in order (dates without records may be missing). */
  days: readonly DaySummary[];
  services: ReadonlyMap<string, ServiceTargets>;
  /** The schedule's open hours per date of the period (open-days.ts); averages stand on these days. */
  openHours: ReadonlyMap<LocalDate, readonly number[]>;
}

export const DEFAULT_TARGET_MINUTES = 15;
export const DEFAULT_BOOKED_TARGET_MINUTES = 5;

export function isBooked(visit: Visit): boolean {
  return visit.priorityKind === 'booked' && visit.slotStart !== null;
}

/** When the wait starts: issue, or for a booked visitor the later of arrival and slot start. */
export function waitStart(visit: Visit): number {
  return isBooked(visit) ? Math.max(visit.issuedAt, visit.slotStart!) : visit.issuedAt;
}

/** Wait in ms: last call (in the first queue) minus its start; null if never called. */
export function waitMs(visit: Visit): number | null {
  if (visit.calledAt === null) return null;
  return Math.max(0, visit.calledAt - waitStart(visit));
}

/** How long (ms) someone who was never called waited before leaving (cancel, end of day). */
export function abandonedAfterMs(visit: Visit): number | null {
  if (visit.calledAt !== null || visit.finishedAt === null) return null;
  return Math.max(0, visit.finishedAt - waitStart(visit));
}

/** The target a service sets for walk-ins or booked visitors, in minutes. */
export function targetMinutes(serviceId: string, booked: boolean, services: ReadonlyMap<string, ServiceTargets>): number {
  const service = services.get(serviceId);
  if (booked) return service?.bookedTargetWaitMinutes ?? DEFAULT_BOOKED_TARGET_MINUTES;
  return service?.targetWaitMinutes ?? DEFAULT_TARGET_MINUTES;
}

/** Service time (ms) of a leg that was worked on: end minus start (or minus the last call). */
export function serviceMs(leg: VisitLeg): number | null {
  if (leg.end !== 'served' && leg.end !== 'transferred') return null;
  const begin = leg.startedAt ?? leg.calledAt;
  if (begin === null || leg.endedAt === null) return null;
  return Math.max(0, leg.endedAt - begin);
}

/** Time a counter spent on a leg from the first call to the end, no-shows included. */
export function busyMs(leg: VisitLeg): number {
  if (leg.firstCalledAt === null || leg.endedAt === null) return 0;
  return Math.max(0, leg.endedAt - leg.firstCalledAt);
}

/** Every local date of the period, in order. */
export function datesOf(period: ReportInput['period']): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let d = new Date(`${period.from}T00:00:00Z`); d.toISOString().slice(0, 10) <= period.to; d.setUTCDate(d.getUTCDate() + 1)) {
    dates.push(d.toISOString().slice(0, 10));
  }
  return dates;
}

/** Splits each interval at local hour boundaries and hands every piece to `visit`. */
export function forEachHourPiece(
  intervals: readonly CounterInterval[],
  clock: LocalClock,
  visit: (interval: CounterInterval, slot: ReturnType<LocalClock['slot']>, ms: number) => void,
): void {
  for (const interval of intervals) {
    let at = interval.from;
    while (at < interval.to) {
      const next = Math.min(interval.to, clock.nextHourBoundary(at));
      visit(interval, clock.slot(at), next - at);
      at = next;
    }
  }
}

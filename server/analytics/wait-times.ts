// How long people wait and how long they are served: mean, median and 90th percentile per service,
// per hour of arrival, per day and per specialist; and the longest waits of the period.
import type { Distribution, LongWait, TimesRow, WaitTimes } from '../../common/protocol/analytics';
import { ticketRef } from '../realtime/redact';
import type { DaySummary, KeptLongWait } from './day-summary-shape';
import { describe } from './distribution';
import { Histogram, type HistogramFamily } from './histogram';
import { abandonedAfterMs, MINUTE, type ReportInput, waitMs } from './measures';
import type { Visit } from './visits';

/** Merges the keys of one family, across days, into one histogram per group. */
export class GroupedHistograms {
  private readonly groups = new Map<string, Histogram>();

  add<K extends readonly (string | number)[]>(family: HistogramFamily<K>, groupOf: (key: K) => string): void {
    family.keys.forEach((key, i) => {
      const group = groupOf(key);
      let histogram = this.groups.get(group);
      if (!histogram) this.groups.set(group, (histogram = new Histogram()));
      histogram.addKey(family, i);
    });
  }

  describeAll(): Map<string, Distribution> {
    return new Map([...this.groups].map(([key, histogram]) => [key, histogram.describe()]));
  }
}

function rows(waits: Map<string, Distribution>, services: Map<string, Distribution>): TimesRow[] {
  const keys = [...new Set([...waits.keys(), ...services.keys()])].sort();
  return keys.map((key) => ({ key, wait: waits.get(key) ?? describe([]), service: services.get(key) ?? describe([]) }));
}

const hourKey = (hour: number) => String(hour).padStart(2, '0');

/** The period's waits (or service times) over all keys, described once. */
export function overallDistribution(days: readonly DaySummary[], family: (day: DaySummary) => HistogramFamily<readonly (string | number)[]>): Distribution {
  const all = new GroupedHistograms();
  for (const day of days) all.add(family(day), () => 'all');
  return all.describeAll().get('all') ?? describe([]);
}

export function waitTimes(input: ReportInput): WaitTimes {
  const tables = {
    overall: [new GroupedHistograms(), new GroupedHistograms()],
    byService: [new GroupedHistograms(), new GroupedHistograms()],
    byHour: [new GroupedHistograms(), new GroupedHistograms()],
    bySpecialist: [new GroupedHistograms(), new GroupedHistograms()],
  } as const;
  const byDay: TimesRow[] = [];
  for (const day of input.days) {
    const { visits } = day;
    tables.overall[0].add(visits.waits, () => 'all');
    tables.overall[1].add(visits.serviceTimes, () => 'all');
    tables.byService[0].add(visits.waits, ([service]) => service);
    tables.byService[1].add(visits.serviceTimes, ([service]) => service);
    tables.byHour[0].add(visits.waits, ([, , hour]) => hourKey(hour));
    tables.byHour[1].add(visits.serviceTimes, ([, hour]) => hourKey(hour));
    tables.bySpecialist[0].add(visits.waitsBySpecialist, ([specialist]) => specialist);
    tables.bySpecialist[1].add(visits.serviceTimesBySpecialist, ([specialist]) => specialist);
    if (visits.day.wait.count > 0 || visits.day.service.count > 0) byDay.push({ key: day.date, ...visits.day });
  }
  const [overallWait, overallService] = tables.overall.map((t) => t.describeAll().get('all') ?? describe([]));
  const table = (pair: readonly [GroupedHistograms, GroupedHistograms]) => rows(pair[0].describeAll(), pair[1].describeAll());
  return {
    overall: { wait: overallWait!, service: overallService! },
    byService: table(tables.byService),
    byHour: table(tables.byHour),
    byDay: byDay.sort((a, b) => a.key.localeCompare(b.key)),
    bySpecialist: table(tables.bySpecialist),
  };
}

/** A visit as a row of the longest-waits list; null if it neither was called nor left. */
export function longWaitOf(visit: Visit): KeptLongWait | null {
  const called = waitMs(visit);
  const ms = called ?? abandonedAfterMs(visit);
  if (ms === null) return null;
  return {
    ticketId: visit.ticketId,
    code: visit.code,
    serviceId: visit.issuedServiceId,
    issuedAt: visit.issuedAt,
    calledAt: visit.calledAt,
    waitMinutes: ms / MINUTE,
    called: called !== null,
    booked: visit.priorityKind === 'booked',
    outcome: visit.outcome,
  };
}

/** Longest first; equal waits by time of issue. */
export function byLongestWait(a: KeptLongWait, b: KeptLongWait): number {
  return b.waitMinutes - a.waitMinutes || a.issuedAt - b.issuedAt;
}

/** Each day keeps its own longest waits, so the period's are among theirs. Analysts see each ticket by its reference. */
export function longestWaits(input: ReportInput, limit = 20): LongWait[] {
  return input.days
    .flatMap((day) => day.visits.longest.slice(0, limit))
    .sort(byLongestWait)
    .slice(0, limit)
    .map(({ ticketId, ...wait }) => ({ ticketRef: ticketRef(ticketId), ...wait }));
}

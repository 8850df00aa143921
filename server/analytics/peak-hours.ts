// When people come: a weekday × hour heat map of arrivals, arrivals per hour of day beside tickets
// served and booths open, and arrivals by day of the month (pension days, deadlines).
import { dayOfMonth, isoWeekday } from '../../common/time/calendar';
import type { HeatCell, PeakHours } from '../../common/protocol/analytics';
import { HOUR, type ReportInput, weekdayOccurrences } from './measures';

export function peakHours(input: ReportInput): PeakHours {
  const cells = Array.from({ length: 8 }, () => new Array<number>(24).fill(0));
  const arrivals = new Array<number>(24).fill(0);
  const served = new Array<number>(24).fill(0);
  const boothMs = new Array<number>(24).fill(0);
  const monthArrivals = new Array<number>(32).fill(0);
  const monthServed = new Array<number>(32).fill(0);
  let workingDays = 0;
  for (const { date, visits, counters } of input.days) {
    const weekday = isoWeekday(date);
    let total = 0;
    visits.arrivalsByHour.forEach((count, hour) => {
      cells[weekday]![hour]! += count;
      arrivals[hour]! += count;
      served[hour]! += visits.servedByHour[hour]!;
      total += count;
    });
    if (total > 0) workingDays += 1;
    monthArrivals[dayOfMonth(date)]! += total;
    for (const [day, count] of Object.entries(visits.servedByDayOfMonth)) monthServed[Number(day)]! += count;
    for (const counter of Object.values(counters)) counter.openMsByHour.forEach((ms, hour) => (boothMs[hour]! += ms));
  }
  const occurrences = weekdayOccurrences(input.period);
  const perDay = (n: number) => (workingDays === 0 ? 0 : n / workingDays);
  const heatmap: HeatCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const count = cells[weekday]![hour]!;
      heatmap.push({ weekday, hour, arrivals: count, meanArrivals: occurrences[weekday] ? count / occurrences[weekday]! : 0 });
    }
  }
  return {
    workingDays,
    heatmap,
    byHour: arrivals.map((count, hour) => ({
      hour,
      arrivals: count,
      served: served[hour]!,
      meanArrivals: perDay(count),
      meanServed: perDay(served[hour]!),
      meanBoothsOpen: perDay(boothMs[hour]! / HOUR),
    })),
    byDayOfMonth: monthArrivals.slice(1).map((count, i) => ({ dayOfMonth: i + 1, arrivals: count, served: monthServed[i + 1]! })),
  };
}

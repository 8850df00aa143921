// When people come: a weekday × hour heat map of arrivals, arrivals per hour of day beside tickets
// served and booths open, and arrivals by day of the month (pension days, deadlines). Every mean is
// per day the office was open (open-days.ts), and says how many such days it stands on.
import { dayOfMonth, isoWeekday } from '../../common/time/calendar';
import type { HeatCell, PeakHours } from '../../common/protocol/analytics';
import { HOUR, type ReportInput } from './measures';
import { openDayCounts, perOpenDay } from './open-days';

export function peakHours(input: ReportInput): PeakHours {
  const cells = Array.from({ length: 8 }, () => new Array<number>(24).fill(0));
  const arrivals = new Array<number>(24).fill(0);
  const served = new Array<number>(24).fill(0);
  const boothMs = new Array<number>(24).fill(0);
  const monthArrivals = new Array<number>(32).fill(0);
  const monthServed = new Array<number>(32).fill(0);
  for (const { date, visits, counters } of input.days) {
    const weekday = isoWeekday(date);
    let total = 0;
    visits.arrivalsByHour.forEach((count, hour) => {
      cells[weekday]![hour]! += count;
      arrivals[hour]! += count;
      served[hour]! += visits.servedByHour[hour]!;
      total += count;
    });
    monthArrivals[dayOfMonth(date)]! += total;
    for (const [day, count] of Object.entries(visits.servedByDayOfMonth)) monthServed[Number(day)]! += count;
    for (const counter of Object.values(counters)) counter.openMsByHour.forEach((ms, hour) => (boothMs[hour]! += ms));
  }
  const open = openDayCounts(input);
  const heatmap: HeatCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const count = cells[weekday]![hour]!;
      const openDays = open.byCell[weekday]![hour]!;
      heatmap.push({ weekday, hour, arrivals: count, openDays, meanArrivals: perOpenDay(count, openDays) });
    }
  }
  return {
    workingDays: open.days,
    heatmap,
    byHour: arrivals.map((count, hour) => {
      const openDays = open.byHour[hour]!;
      return {
        hour,
        arrivals: count,
        served: served[hour]!,
        openDays,
        meanArrivals: perOpenDay(count, openDays),
        meanServed: perOpenDay(served[hour]!, openDays),
        meanBoothsOpen: perOpenDay(boothMs[hour]! / HOUR, openDays),
      };
    }),
    byDayOfMonth: monthArrivals.slice(1).map((count, i) => {
      const openDays = open.byDayOfMonth[i + 1]!;
      return {
        dayOfMonth: i + 1,
        arrivals: count,
        served: monthServed[i + 1]!,
        openDays,
        meanArrivals: perOpenDay(count, openDays),
        meanServed: perOpenDay(monthServed[i + 1]!, openDays),
      };
    }),
  };
}

// The schedule's open hours per date (open-days.ts), remembered: working them out takes about a
// millisecond a date, so a year of 200 offices would cost seconds on every heat map. Offices with the
// same schedule and time zone share the answers; a changed schedule is a new key.
import type { LocalDate, OfficeSchedule } from '../../common/protocol';
import { addDays } from '../../common/time/calendar';
import { datesOf, type ReportInput } from '../analytics/measures';
import { scheduledOpenHours, type OpenHours } from '../analytics/open-days';

export class OpenHoursMemo {
  /** Per schedule and time zone, per date: its open hours (none when closed). */
  private readonly known = new Map<string, Map<LocalDate, readonly number[]>>();

  of(schedule: OfficeSchedule, timeZone: string, period: ReportInput['period']): OpenHours {
    const key = `${timeZone}|${JSON.stringify(schedule)}`;
    let dates = this.known.get(key);
    if (!dates) this.known.set(key, (dates = new Map()));
    const all = datesOf(period);
    const missing = all.filter((date) => !dates.has(date));
    // Consecutive missing dates are worked out together, as one period.
    for (let i = 0; i < missing.length; ) {
      let j = i;
      while (j + 1 < missing.length && addDays(missing[j]!, 1) === missing[j + 1]) j++;
      const open = scheduledOpenHours(schedule, { from: missing[i]!, to: missing[j]! }, timeZone);
      for (let k = i; k <= j; k++) dates.set(missing[k]!, open.get(missing[k]!) ?? []);
      i = j + 1;
    }
    const result = new Map<LocalDate, readonly number[]>();
    for (const date of all) {
      const hours = dates.get(date)!;
      if (hours.length > 0) result.set(date, hours);
    }
    return result;
  }
}

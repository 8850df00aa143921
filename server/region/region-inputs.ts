// Every office's full day summaries of one period, for the per-hour answers (heat map, staffing):
// finished days from the stored summaries in one query over analytics_days, the days that can still
// change (today, in each office's own time zone) from the office's analytics store. Each office
// counts the period's dates in its own time zone, as its own analytics does.
import type { LocalDate, OfficeId } from '../../common/protocol';
import { addDays, localDate } from '../../common/time/calendar';
import { ALL_VISITS, readStoredDaySummaries } from '../analytics/analytics-store';
import type { ReportInput } from '../analytics/measures';
import type { Database } from '../store/database';
import type { OpenHoursMemo } from './region-open-hours';
import type { RegionOffice } from './region-offices';

export type Period = ReportInput['period'];

/** One ReportInput per office, with the schedule's open hours the per-hour averages stand on. */
export async function officeInputs(db: Database, offices: readonly RegionOffice[], period: Period, now: number, openHours: OpenHoursMemo): Promise<Map<OfficeId, ReportInput>> {
  const todays = new Map(offices.map((office) => [office.id, localDate(now, office.config.office.timeZone)]));
  // A finished day nobody has asked about yet is summarised (and stored) first; once known, this is a look-up in memory.
  for (const office of offices) {
    const lastFinished = earlier(period.to, addDays(todays.get(office.id)!, -1));
    if (period.from <= lastFinished) await office.analytics.summarise(period.from, lastFinished, office.config.office.timeZone);
  }
  const stored = await readStoredDaySummaries(
    db,
    offices.map((office) => ({ officeId: office.id, timeZone: office.config.office.timeZone })),
    period,
  );
  const inputs = new Map<OfficeId, ReportInput>();
  for (const office of offices) {
    const { timeZone, schedule } = office.config.office;
    const today = todays.get(office.id)!;
    let days = stored.get(office.id) ?? [];
    if (period.to >= today) {
      const liveFrom = later(period.from, today);
      const live = await office.analytics.days({ from: liveFrom, to: period.to, timeZone, scope: ALL_VISITS });
      days = [...days.filter((day) => day.date < liveFrom), ...live];
    }
    inputs.set(office.id, {
      period,
      days,
      services: office.config.services,
      openHours: openHours.of(schedule, timeZone, period),
    });
  }
  return inputs;
}

const earlier = (a: LocalDate, b: LocalDate) => (a < b ? a : b);
const later = (a: LocalDate, b: LocalDate) => (a > b ? a : b);

// Every report flattened to one table, for CSV downloads: one row per thing the report lists,
// distributions spread over count/mean/median/p90/max columns.
import type { Appointments, Comparison, Distribution, EstimateAccuracy, KpiName, LevelCell, LongWait, OutcomeCounts, Outcomes, PeakHours, ServiceLevel, SpecialistLoad, Staffing, WaitTimes } from '../../common/protocol/analytics';
import type { Cell, Table } from './csv';

const DIST = ['count', 'mean', 'median', 'p90', 'max'] as const;
const distColumns = (prefix: string) => DIST.map((d) => `${prefix}_${d}`);
const distCells = (d: Distribution): Cell[] => DIST.map((k) => d[k]);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function peakHoursTable(r: PeakHours): Table {
  return {
    columns: ['section', 'weekday', 'hour', 'day_of_month', 'open_days', 'arrivals', 'mean_arrivals', 'served', 'mean_served', 'mean_booths_open'],
    rows: [
      ...r.heatmap.map((c): Cell[] => ['heatmap', c.weekday, c.hour, null, c.openDays, c.arrivals, c.meanArrivals, null, null, null]),
      ...r.byHour.map((h): Cell[] => ['hour', null, h.hour, null, h.openDays, h.arrivals, h.meanArrivals, h.served, h.meanServed, h.meanBoothsOpen]),
      ...r.byDayOfMonth.map((d): Cell[] => ['day-of-month', null, null, d.dayOfMonth, d.openDays, d.arrivals, d.meanArrivals, d.served, d.meanServed, null]),
    ],
  };
}

export function waitTimesTable(r: WaitTimes): Table {
  const section = (name: string, rows: WaitTimes['byService']) => rows.map((row): Cell[] => [name, row.key, ...distCells(row.wait), ...distCells(row.service)]);
  return {
    columns: ['group', 'key', ...distColumns('wait_min'), ...distColumns('service_min')],
    rows: [
      ['overall', 'all', ...distCells(r.overall.wait), ...distCells(r.overall.service)],
      ...section('service', r.byService),
      ...section('hour', r.byHour),
      ...section('day', r.byDay),
      ...section('specialist', r.bySpecialist),
    ],
  };
}

const levelCells = (c: LevelCell): Cell[] => [c.counted, c.within, c.share];

export function serviceLevelTable(r: ServiceLevel): Table {
  return {
    columns: ['service', 'walk_in_target_min', 'booked_target_min', 'walk_in_counted', 'walk_in_within', 'walk_in_share', 'booked_counted', 'booked_within', 'booked_share', 'all_counted', 'all_within', 'all_share'],
    rows: [
      ['all', null, null, ...levelCells(r.overall.walkIn), ...levelCells(r.overall.booked), ...levelCells(r.overall.all)],
      ...r.byService.map((s): Cell[] => [s.serviceId, s.walkInTargetMinutes, s.bookedTargetMinutes, ...levelCells(s.walkIn), ...levelCells(s.booked), ...levelCells(s.all)]),
    ],
  };
}

const OUTCOME_KEYS = ['issued', 'served', 'noShow', 'cancelled', 'dayEnded', 'transferred', 'recalled', 'servedRatio', 'noShowRate', 'cancelRate', 'walkOutRate', 'transferRate'] as const;
const outcomeCells = (c: OutcomeCounts): Cell[] => OUTCOME_KEYS.map((k) => c[k]);

export function outcomesTable(r: Outcomes): Table {
  return {
    columns: ['service', ...OUTCOME_KEYS],
    rows: [['all', ...outcomeCells(r.overall)], ...r.byService.map((s): Cell[] => [s.serviceId, ...outcomeCells(s)])],
  };
}

export function appointmentsTable(r: Appointments): Table {
  return { columns: ['kind', ...OUTCOME_KEYS], rows: [['booked', ...outcomeCells(r.booked)], ['walk-in', ...outcomeCells(r.walkIn)]] };
}

export function longestWaitsTable(r: LongWait[]): Table {
  return {
    columns: ['ticket_ref', 'code', 'service', 'issued_at', 'called_at', 'wait_min', 'called', 'booked', 'outcome'],
    rows: r.map((w) => [w.ticketRef, w.code, w.serviceId, iso(w.issuedAt), iso(w.calledAt), w.waitMinutes, w.called, w.booked, w.outcome]),
  };
}

export function specialistLoadTable(r: (SpecialistLoad & { name: string | null })[]): Table {
  return {
    columns: ['specialist_id', 'name', 'served', 'handled', 'busy_min', 'open_min', 'idle_min', 'lunch_min', 'technical_min', 'other_pause_min', 'logged_in_min', 'utilisation', 'band'],
    rows: r.map((s) => [
      s.specialistId, s.name, s.served, s.handled, s.busyMinutes, s.openMinutes, s.idleMinutes,
      s.pausedMinutes.lunch, s.pausedMinutes.technical, s.pausedMinutes.other, s.loggedInMinutes, s.utilisation, s.band,
    ]),
  };
}

export function estimateAccuracyTable(r: EstimateAccuracy): Table {
  return {
    columns: ['service', ...distColumns('error_min'), 'accurate_share', 'late_share'],
    rows: [
      ['all', ...distCells(r.overall.error), r.overall.accurateShare, r.overall.lateShare],
      ...r.byService.map((s): Cell[] => [s.serviceId, ...distCells(s.error), s.accurateShare, s.lateShare]),
    ],
  };
}

export function comparisonTable(r: Comparison): Table {
  const names = Object.keys(r.change) as KpiName[];
  return {
    columns: ['measure', `current (${r.current.from}..${r.current.to})`, `previous (${r.previous.from}..${r.previous.to})`, 'change'],
    rows: names.map((n) => [n, r.current[n], r.previous[n], r.change[n]]),
  };
}

export function staffingTable(r: Staffing): Table {
  return {
    columns: ['weekday', 'hour', 'open_days', 'arrivals_per_hour', 'occupied_min_per_arrival', 'load_erlangs', 'recommended_booths', 'staff_to_roster', 'p_wait', 'service_level', 'mean_wait_min', 'occupancy', 'mean_booths_open', 'measured_service_level'],
    rows: r.cells.map((c) => {
      const chosen = c.options.find((o) => o.counters === c.recommendedBooths)!;
      return [
        c.weekday, c.hour, c.openDays, c.arrivalsPerHour, c.serviceMinutes, c.load, c.recommendedBooths, c.staffToRoster,
        chosen.probabilityOfWait, chosen.serviceLevel, chosen.averageWaitMinutes, chosen.occupancy, c.meanBoothsOpen, c.measuredServiceLevel,
      ];
    }),
  };
}

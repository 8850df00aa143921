// The regional answers flattened to tables for CSV downloads (csv.ts): one row per office (and one
// for the region as a whole), one per heat-map cell, one per office and hour of staffing advice.
import type { HeatCell } from '../../common/protocol/analytics';
import { REGION_MEASURES, regionOfficeName, type RegionFigures, type RegionReport, type RegionStaffing } from '../../common/protocol/region';
import type { Lang } from '../../common/protocol';
import type { Cell, Table } from '../analytics/csv';
import { staffingTable } from '../analytics/report-tables';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function regionReportTable(report: RegionReport, lang: Lang | undefined): Table {
  const measureCells = (current: RegionFigures, previous: RegionFigures, change: RegionReport['region']['change']): Cell[] => [
    ...REGION_MEASURES.flatMap((m) => [current[m], previous[m], change[m]]),
    current.ratings,
    previous.ratings,
  ];
  const { region } = report;
  return {
    columns: [
      'office_id',
      'office',
      'time_zone',
      ...REGION_MEASURES.flatMap((m) => [snake(m), `${snake(m)}_previous`, `${snake(m)}_change`]),
      'ratings',
      'ratings_previous',
    ],
    rows: [
      ...report.offices.map((row): Cell[] => [row.officeId, regionOfficeName(row, lang), row.timeZone, ...measureCells(row.current, row.previous, row.change)]),
      ['', 'all', null, ...measureCells(region.current, region.previous, region.change)],
    ],
  };
}

export function regionHeatMapTable(heatmap: readonly HeatCell[]): Table {
  return {
    columns: ['weekday', 'hour', 'office_open_days', 'arrivals', 'mean_arrivals'],
    rows: heatmap.map((c) => [c.weekday, c.hour, c.openDays, c.arrivals, c.meanArrivals]),
  };
}

/** The office's own staffing table (report-tables.ts), each row led by the office id. */
export function regionStaffingTable(answer: RegionStaffing): Table {
  const tables = answer.offices.map((row) => ({ officeId: row.officeId, table: staffingTable(row.staffing) }));
  return {
    // The columns do not depend on the advice; with no office there is nothing to head.
    // The days the advice stands on end every row, so a file read on its own says so.
    columns: ['office_id', ...(tables[0]?.table.columns ?? []), 'based_on_from', 'based_on_to'],
    rows: tables.flatMap(({ officeId, table }) => table.rows.map((cells) => [officeId, ...cells, answer.basedOn.from, answer.basedOn.to])),
  };
}

// The regional view's answers (docs/analytics.md, "The regional view"): every office of the
// organisation side by side for one period, the region's weekday × hour heat map and the staffing
// advisor per office. Regional admins and analysts only. The server computes them in server/region/
// from the same day summaries and measures as an office's own analytics, so the two never disagree.
import { z } from 'zod';
import { COMPARE_WITH, type CompareWith, type HeatCell, type Staffing } from './analytics';
import { localDate } from './calendar-date';
import { LANGUAGES, type Lang, type LocalizedText } from './model';
import { officeIdSchema, type OfficeId } from './offices';

/** The columns of the side-by-side table, in the order it shows them. */
export const REGION_MEASURES = [
  'visitors',
  'meanWaitMinutes',
  'p90WaitMinutes',
  /** Share of visitors called within their service's target. */
  'serviceLevel',
  'noShowRate',
  'utilisation',
  /** Mean visitor rating, 1–5. */
  'satisfaction',
  /** Share of visitors who came with a booking. */
  'bookedShare',
] as const;
export type RegionMeasure = (typeof REGION_MEASURES)[number];

/** Every measure of one office (or of the whole region) over one period; null where nothing stands behind it. */
export type RegionFigures = Record<RegionMeasure, number | null> & {
  /** How many ratings `satisfaction` stands on. */
  ratings: number;
};

export interface RegionPeriod {
  from: string;
  to: string;
}

export interface RegionOfficeRow {
  officeId: OfficeId;
  name: LocalizedText;
  defaultLanguage: Lang;
  timeZone: string;
  current: RegionFigures;
  previous: RegionFigures;
  /** current − previous, null where either side has no value. */
  change: Record<RegionMeasure, number | null>;
}

/** How an office is named on the screen and in files. */
export type RegionOfficeName = Pick<RegionOfficeRow, 'officeId' | 'name' | 'defaultLanguage'>;

export interface RegionReport {
  /** Local dates: each office counts them in its own time zone. */
  period: RegionPeriod;
  previousPeriod: RegionPeriod;
  compareWith: CompareWith;
  offices: RegionOfficeRow[];
  /** Every office together: waits and shares over all their visitors, not a mean of office means. */
  region: Pick<RegionOfficeRow, 'current' | 'previous' | 'change'>;
}

/**
 * The region's weekday × hour arrivals. Per cell: `arrivals` over all chosen offices, `openDays` the
 * office-days open at that hour, `meanArrivals` the sum of each office's arrivals per open day (what
 * the chosen offices together receive in that hour on a typical day).
 */
export interface RegionHeatMap {
  period: RegionPeriod;
  /** The offices the map adds up. */
  officeIds: OfficeId[];
  /** Every office, to choose from. */
  offices: RegionOfficeName[];
  heatmap: HeatCell[];
}

/** The staffing advisor's answer for one office, and its busiest hour at a glance. */
export interface RegionStaffingRow extends RegionOfficeName {
  /** The hour needing the most booths (ties: more arrivals); null when the period has no visitors. */
  peak: { weekday: number; hour: number; arrivalsPerHour: number; recommendedBooths: number; meanBoothsOpen: number } | null;
  /** Weekday × hours in which fewer booths were open, on average, than the advisor recommends. */
  understaffedHours: number;
  /** … and in which more were open than it recommends. */
  overstaffedHours: number;
  staffing: Staffing;
}

export interface RegionStaffing {
  period: RegionPeriod;
  /**
   * The days the advice stands on: the last four weeks of the period (all of it when shorter), each
   * weekday counted four times, as a roster is planned. A year of full day summaries for every office
   * is more than the server can read at once.
   */
  basedOn: RegionPeriod;
  offices: RegionStaffingRow[];
}

/** Sort keys of the side-by-side table: the name, any measure, or any measure's change. */
export type RegionSortKey = 'name' | RegionMeasure | `${RegionMeasure}:change`;
export const REGION_SORT_KEYS = ['name', ...REGION_MEASURES, ...REGION_MEASURES.map((m) => `${m}:change` as const)] as const satisfies readonly RegionSortKey[];

const officeList = z
  .string()
  .max(41_000)
  .transform((text) => text.split(',').filter(Boolean))
  .pipe(z.array(officeIdSchema).max(1000));

/** GET /api/region/{report,heatmap,staffing}: the period, what it is compared with, and for the heat map a selection of offices. */
export const regionQuerySchema = z.object({
  from: localDate.optional(),
  to: localDate.optional(),
  compareWith: z.enum(COMPARE_WITH).default('week'),
  /** Comma-separated office ids; absent or empty: every office. */
  offices: officeList.optional(),
  sort: z.enum(REGION_SORT_KEYS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  /** The language office names are sorted and written in (CSV); each office's own default otherwise. */
  lang: z.enum(LANGUAGES).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  slGoal: z.coerce.number().gt(0).lt(1).optional(),
  targetMinutes: z.coerce.number().gt(0).max(600).optional(),
  maxOccupancy: z.coerce.number().gt(0).max(1).optional(),
  shrinkage: z.coerce.number().min(0).lt(1).optional(),
});
export type RegionQuery = z.output<typeof regionQuerySchema>;

/** An office's name in `lang`, else in its own default language, else its id. */
export function regionOfficeName(row: RegionOfficeName, lang: Lang | undefined): string {
  return (lang && row.name[lang]) || row.name[row.defaultLanguage] || row.officeId;
}

/**
 * The table's order, the same on the screen and in the CSV file: by name, by a measure or by its
 * change; offices without a value last whichever the direction, ties by name.
 */
export function sortRegionRows(rows: readonly RegionOfficeRow[], key: RegionSortKey, direction: 'asc' | 'desc', lang?: Lang): RegionOfficeRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: RegionOfficeRow, b: RegionOfficeRow) => regionOfficeName(a, lang).localeCompare(regionOfficeName(b, lang), lang) || a.officeId.localeCompare(b.officeId);
  if (key === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  const [measure, change] = key.split(':') as [RegionMeasure, 'change' | undefined];
  const valueOf = (row: RegionOfficeRow) => (change ? row.change[measure] : row.current[measure]);
  return [...rows].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

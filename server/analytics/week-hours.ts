// The weekday × local hour grid the heat map and the staffing advisor count in, laid out flat:
// Monday 00:00 first, Sunday 23:00 last, so a day's hours are 24 neighbouring cells and adding two
// grids up is one loop.
import type { LocalDate } from '../../common/protocol';
import { isoWeekday } from '../../common/time/calendar';

/** Cells of a weekday × hour grid. */
export const WEEK_HOURS = 7 * 24;

/** The cell of an ISO weekday (1 = Monday) and a local hour. */
export const weekHour = (weekday: number, hour: number): number => (weekday - 1) * 24 + hour;

/** The cell of a date's midnight: its hours follow. */
export const weekHourOfDate = (date: LocalDate): number => weekHour(isoWeekday(date), 0);

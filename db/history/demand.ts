// What the simulated visitors want and when they come: services with their shares and times, the
// shape of a day, the weekday and the season.
import type { LocalDate } from '../../common/protocol';
import { dayOfMonth, isoWeekday } from '../../common/time/calendar';
import type { Random } from './random';

// Share of visitors per service and how long each takes at the booth, in minutes.
export const MIX: Record<string, { share: number; minutes: number }> = {
  certificates: { share: 0.45, minutes: 5 },
  documents: { share: 0.35, minutes: 14 },
  consultation: { share: 0.2, minutes: 9 },
};
export const MEAN_SERVICE = Object.values(MIX).reduce((s, m) => s + m.share * m.minutes, 0);
const WEEKDAY_LOAD = [0, 1.3, 1.05, 1.0, 1.0, 0.85, 0.6, 0];

/** Relative arrival intensity at a local hour (fractional): peaks late morning and mid-afternoon. */
export function intensity(hour: number): number {
  const bump = (centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));
  return 0.5 + 1.2 * bump(10.5, 1.3) + 0.8 * bump(14.5, 1.4) - 0.25 * bump(12.8, 0.5);
}

/** Winter and early-autumn seasons, and benefit days at the start of the month. */
export function dayLoad({ between }: Random, date: LocalDate): number {
  const dayOfYear = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${date.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000;
  const season = 1 + 0.18 * Math.cos((2 * Math.PI * (dayOfYear - 20)) / 365) + 0.12 * Math.exp(-(((dayOfYear - 255) / 15) ** 2));
  const benefitDays = dayOfMonth(date) <= 5 ? 1.2 : 1;
  return WEEKDAY_LOAD[isoWeekday(date)]! * season * benefitDays * between(0.9, 1.1);
}

// Dates and times on the booking page: slot times in the office's time zone (a visitor booking from
// elsewhere still sees the office's clock), calendar days as plain dates.
import type { Lang, LocalDate } from '../../../common/protocol';

const DAY_FORMAT = { weekday: 'short', day: 'numeric', month: 'short' } as const;

export function formatSlotTime(instant: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** The office's calendar day of a slot, worded like the day buttons. */
export function formatSlotDay(instant: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone, ...DAY_FORMAT }).format(instant);
}

export function formatDay(date: LocalDate, lang: Lang): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', ...DAY_FORMAT }).format(Date.UTC(year, month - 1, day));
}

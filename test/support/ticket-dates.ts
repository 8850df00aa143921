// What a printed ticket's issue line should read, worked out independently of the server's own
// formatting: the office's calendar date from Intl's ISO-like parts, month names from this table.
import type { Lang } from '../../common/protocol';

/** Month names as they stand in a date ("2 декабря"): the genitive in Russian and Ukrainian. */
export const MONTHS_IN_DATES: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  uk: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
};

/** "2 December 2026 09:05" in the office's time zone. */
export function printedDateTime(at: number, lang: Lang, timeZone: string): string {
  // sv-SE writes "2026-12-02 09:05:00", whatever the machine's locale.
  const [date = '', time = ''] = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(at).split(' ');
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS_IN_DATES[lang][(month ?? 1) - 1]} ${year} ${time}`;
}

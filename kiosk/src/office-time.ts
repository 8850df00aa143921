// Times on the kiosk are the office's local times, whatever zone the kiosk's own clock is set to.
import { dateAfterOn, intlLocale } from '../../common/i18n';
import type { Lang } from '../../common/protocol';
import { localDate } from '../../common/time/calendar';

export function clockTime(at: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { hour: '2-digit', minute: '2-digit', timeZone }).format(at);
}

/** "среду, 3 марта" for "в {day}": the office's day of `at` after a preposition (see dateAfterOn). */
export function dayAfterPreposition(at: number, lang: Lang, timeZone: string): string {
  return dateAfterOn(lang, localDate(at, timeZone), { day: 'numeric', month: 'long' });
}

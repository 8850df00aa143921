// Times on the kiosk are the office's local times, whatever zone the kiosk's own clock is set to.
import { translate } from '../../common/i18n';
import type { Lang } from '../../common/protocol';

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', uk: 'uk-UA', en: 'en-GB' };
const WEEKDAY_KEYS = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' } as const;

export function clockTime(at: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', timeZone }).format(at);
}

/**
 * "среду, 3 марта" for "в {day}": a day after a preposition. Intl names weekdays only in the
 * nominative ("среда"), so the weekday comes from the catalogue in the case the preposition takes;
 * the date ("3 марта", already in the genitive) from Intl.
 */
export function dayAfterPreposition(at: number, lang: Lang, timeZone: string): string {
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(at) as keyof typeof WEEKDAY_KEYS;
  const date = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', timeZone }).format(at);
  return `${translate(lang, `common.weekdayAfterPreposition.${WEEKDAY_KEYS[weekday]}`)}, ${date}`;
}

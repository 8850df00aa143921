// Times on the kiosk are the office's local times, whatever zone the kiosk's own clock is set to.
import type { Lang } from '../../common/protocol';

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', uk: 'uk-UA', en: 'en-GB' };

export function clockTime(at: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', timeZone }).format(at);
}

/** "Monday, 3 March at 08:30": for the next opening, which may be days away. */
export function dayAndTime(at: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);
}

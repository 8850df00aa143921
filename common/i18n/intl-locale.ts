// Which Intl locale writes dates and times for each language: English as in Britain, so that a
// date reads day first (3 December, 03.12) like the Russian and Ukrainian ones beside it.
import type { Lang } from '../protocol/model';

const INTL_LOCALES: Record<Lang, string> = { ru: 'ru-RU', uk: 'uk-UA', en: 'en-GB' };

export const intlLocale = (lang: Lang): string => INTL_LOCALES[lang];

// The language of the staff screen: the specialist's own choice, remembered on this computer,
// else the browser's language when Talon speaks it.
import { LANGUAGES, type Lang } from '../../../common/protocol';

const STORAGE_KEY = 'talon.panel.lang';

function isLang(value: string | null | undefined): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

export function initialLanguage(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLang(saved)) return saved;
  const browser = navigator.language.slice(0, 2);
  return isLang(browser) ? browser : 'en';
}

export function rememberLanguage(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
}

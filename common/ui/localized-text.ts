// Picks the visitor's language from a LocalizedText, falling back to the office's default language
// (always present by contract) and then to any language that has text.
import type { Lang, LocalizedText } from '../protocol';

export function localized(text: LocalizedText, lang: Lang, fallback: Lang): string {
  return text[lang] || text[fallback] || Object.values(text).find((value) => value) || '';
}

// How a visitor's booking page starts: the office its link names and the language to speak first.
import type { BookingInfo, Lang } from '../../../common/protocol';
import type { OfficeId } from '../../../common/protocol/offices';

export const browserLanguage = (): string => navigator.language.slice(0, 2);

/** The browser's language when the office speaks it, else the office's own. */
export function preferredLanguage(info: Pick<BookingInfo, 'office'>): Lang {
  return info.office.languages.find((l) => l === browserLanguage()) ?? info.office.defaultLanguage;
}

export function officeFromUrl(): OfficeId | null {
  return new URLSearchParams(location.search).get('office') || null;
}

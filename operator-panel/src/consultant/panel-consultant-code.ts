// Booking codes as a consultant gives them to a visitor: in groups of three to read at a glance,
// spelled character by character to say over the phone, and told apart from a phone number when
// typed into one search field.
import { letterName, spellNumber } from '../../../common/i18n';
import type { AppointmentSearch } from './panel-consultant-api';
import type { Lang } from '../../../common/protocol';
import { isAppointmentCode, normalizeAppointmentCode } from '../../../common/appointment-codes';

const GROUP = 3;

// On an English phone line letters are given by the ICAO spelling alphabet, which every caller knows;
// Russian and Ukrainian speakers name Latin letters the way the hall announcements do.
const ICAO: Readonly<Record<string, string>> = {
  A: 'Alfa', C: 'Charlie', D: 'Delta', E: 'Echo', F: 'Foxtrot', H: 'Hotel', J: 'Juliett', K: 'Kilo', M: 'Mike',
  N: 'November', P: 'Papa', R: 'Romeo', T: 'Tango', U: 'Uniform', V: 'Victor', W: 'Whiskey', X: 'X-ray', Y: 'Yankee',
};

function groups(code: string): string[] {
  const plain = normalizeAppointmentCode(code);
  return Array.from({ length: Math.ceil(plain.length / GROUP) }, (_, i) => plain.slice(i * GROUP, (i + 1) * GROUP));
}

/** 'K7H4MP' → 'K7H 4MP'. */
export function groupCode(code: string): string {
  return groups(code).join(' ');
}

function spellCharacter(character: string, lang: Lang): string {
  if (/\d/.test(character)) return spellNumber(Number(character), lang);
  return lang === 'en' ? (ICAO[character] ?? letterName(character, lang)) : letterName(character, lang);
}

/** 'K7H4MP' → 'Kilo, seven, Hotel — four, Mike, Papa' (en); «ка, семь, аш — четыре, эм, пэ» (ru). */
export function spellCode(code: string, lang: Lang): string {
  return groups(code)
    .map((group) => [...group].map((c) => spellCharacter(c, lang)).join(', '))
    .join(' — ');
}

/** What one search field was given: a booking code, a phone number (3+ digits), or neither. */
export function searchFor(text: string): AppointmentSearch | null {
  const code = normalizeAppointmentCode(text.trim());
  if (isAppointmentCode(code)) return { code };
  const phone = text.trim();
  return /^\+?[\d\s()-]+$/.test(phone) && phone.replace(/\D/g, '').length >= 3 ? { phone } : null;
}

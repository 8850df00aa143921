// A visitor's contact as typed by different specialists on different days — "+7 (900) 123-45-67",
// "89001234567", " Mail@Example.org" — reduced to one key, so a repeat visit is recognised.

/** Russian and Ukrainian numbers differ only in their trunk prefix: the last ten digits identify a phone. */
const PHONE_DIGITS_KEPT = 10;
const MIN_PHONE_DIGITS = 6;

export function contactKey(contact: string): string | null {
  const trimmed = contact.trim().toLowerCase();
  if (trimmed === '') return null;
  if (trimmed.includes('@')) return `mail:${trimmed.replace(/\s+/g, '')}`;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length >= MIN_PHONE_DIGITS && /^[\d\s()+\-.]+$/.test(trimmed)) return `phone:${digits.slice(-PHONE_DIGITS_KEPT)}`;
  return `text:${trimmed.replace(/\s+/g, ' ')}`;
}

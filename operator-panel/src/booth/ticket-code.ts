// Ticket codes use Cyrillic prefixes (С, Д, К …), but a specialist may type them on a Latin
// keyboard layout. Latin letters that look the same are read as their Cyrillic twins, so "c101"
// finds "С101".
const LATIN_TWINS: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
};

export function normalizeCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[A-Z]/g, (letter) => LATIN_TWINS[letter] ?? letter);
}

/** Whether a ticket code contains what was typed (an empty query matches everything). */
export function codeMatches(code: string, query: string): boolean {
  return normalizeCode(code).includes(normalizeCode(query));
}

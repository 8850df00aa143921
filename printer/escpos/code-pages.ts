// The single-byte Cyrillic code pages our printers carry, as tables of their upper halves
// (bytes 0x80–0xFF; 0x00–0x7F is ASCII in all of them). TextEncoder only writes UTF-8, and
// node-thermal-printer's encoder silently prints '?' for a missing letter, so we keep our own tables:
// knowing exactly which letters a page has is what lets the layout pick a page or refuse.

export const CODE_PAGES = ['cp866', 'cp1251', 'cp1125'] as const;
export type CodePage = (typeof CODE_PAGES)[number];

const DOS_BOX_DRAWING = '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀';
const DOS_CYRILLIC_80_EF = 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп' + DOS_BOX_DRAWING + 'рстуфхцчшщъыьэюя';

/** Upper half of each page, byte 0x80 first; U+FFFD marks a byte the page leaves unassigned. */
const UPPER_HALVES: Record<CodePage, string> = {
  // Russian DOS page: has Є є Ї ї Ў ў but not І і Ґ ґ, so Ukrainian text does not fit.
  cp866: DOS_CYRILLIC_80_EF + 'ЁёЄєЇїЎў°∙·√№¤■\u00A0',
  // Ukrainian DOS page (RST 2018-91): cp866 with Ґ ґ І і in place of Ў ў and two symbols.
  cp1125: DOS_CYRILLIC_80_EF + 'ЁёҐґЄєІіЇї·√№¤■\u00A0',
  cp1251:
    'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\uFFFD™љ›њќћџ' +
    '\u00A0ЎўЈ¤Ґ¦§Ё©Є«¬\u00AD®Ї°±Ііґµ¶·ё№є»јЅѕї' +
    'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ' +
    'абвгдежзийклмнопрстуфхцчшщъыьэюя',
};

function byteTable(upperHalf: string): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  [...upperHalf].forEach((char, index) => {
    if (char !== '\uFFFD') table.set(char, 0x80 + index);
  });
  return table;
}

const BYTE_OF: Record<CodePage, ReadonlyMap<string, number>> = {
  cp866: byteTable(UPPER_HALVES.cp866),
  cp1125: byteTable(UPPER_HALVES.cp1125),
  cp1251: byteTable(UPPER_HALVES.cp1251),
};

/** Printable ASCII only: control characters in ticket text would be read as printer commands. */
function isPrintableAscii(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= 0x20 && code < 0x7f;
}

/**
 * Characters no page holds that have a look-alike, best first. The Ukrainian apostrophe U+02BC is
 * what Ukrainian keyboards and spell-checkers put in «пʼять»; on paper it is the right single quote,
 * or the ASCII one on pages without it.
 */
const STAND_INS: ReadonlyMap<string, readonly string[]> = new Map([['\u02BC', ['\u2019', "'"]]]);

function byteOf(char: string, page: CodePage): number | undefined {
  return isPrintableAscii(char) ? char.charCodeAt(0) : BYTE_OF[page].get(char);
}

/** The byte for `char` (or its stand-in) in `page`, or undefined when the page has neither. */
export function byteInPage(char: string, page: CodePage): number | undefined {
  const own = byteOf(char, page);
  if (own !== undefined) return own;
  for (const standIn of STAND_INS.get(char) ?? []) {
    const byte = byteOf(standIn, page);
    if (byte !== undefined) return byte;
  }
  return undefined;
}

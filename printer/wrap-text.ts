// Line breaking for ticket text. Printers wrap by themselves, but mid-word, and a centred wrapped
// line loses its centring; so the layout breaks lines itself, at spaces, the way people read:
// - a phone number is one word: "+7 (3952) 12-34-56" never breaks inside, only between phones;
// - a short last word (the house number in "ул. Пушкина, 12") is not left alone on the last line:
//   the word before it comes down with it.

/** Up to this many characters a last word is too short to stand alone: "12", "12а", "5/2". */
const SHORT_LAST_WORD = 4;
/** A phone number has at least this many digits; shorter runs of numbers are anything else. */
const PHONE_MIN_DIGITS = 7;
/** One space-separated part of a phone number: "+7", "(3952)", "12-34-56", "4-56-78," … */
const PHONE_PART = /^\+?[\d()-]*\d[\d()-]*[,;]?$/;

const length = (text: string): number => [...text].length;
const digitCount = (text: string): number => text.replace(/\D/g, '').length;

/** The text's words, with the parts of each phone number joined into one word. */
function words(text: string): string[] {
  const result: string[] = [];
  let run: string[] = [];
  const endRun = () => {
    const phone = run.join(' ');
    if (run.length > 1 && digitCount(phone) >= PHONE_MIN_DIGITS) result.push(phone);
    else result.push(...run);
    run = [];
  };
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!PHONE_PART.test(word)) {
      endRun();
      result.push(word);
      continue;
    }
    // "+" starts a number; a comma or semicolon ends one.
    if (word.startsWith('+')) endRun();
    run.push(word);
    if (/[,;]$/.test(word)) endRun();
  }
  endRun();
  return result;
}

/** Greedy filling: as many words on a line as fit; a word longer than a line is cut. */
function fill(lineWords: readonly string[], width: number): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  const place = (word: string) => {
    if (length([...line, word].join(' ')) <= width) {
      line.push(word);
      return;
    }
    if (line.length > 0) lines.push(line);
    line = [];
    // A phone number longer than the line itself breaks at its spaces after all.
    if (length(word) > width && word.includes(' ')) return word.split(' ').forEach(place);
    let rest = [...word];
    while (rest.length > width) {
      lines.push([rest.slice(0, width).join('')]);
      rest = rest.slice(width);
    }
    line = [rest.join('')];
  };
  lineWords.forEach(place);
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Moves the second-last line's last word down when the last line would be one short word. */
function keepShortLastWord(lines: string[][], width: number): string[][] {
  const last = lines.at(-1);
  const before = lines.at(-2);
  if (last?.length !== 1 || before === undefined || before.length < 2) return lines;
  const moved = [before.at(-1) ?? '', ...last];
  if (length(last.join(' ')) > SHORT_LAST_WORD || length(moved.join(' ')) > width) return lines;
  return [...lines.slice(0, -2), before.slice(0, -1), moved];
}

/** Breaks text into lines of at most `width` characters (see the rules above). */
export function wrapText(text: string, width: number): string[] {
  return keepShortLastWord(fill(words(text), width), width).map((line) => line.join(' '));
}

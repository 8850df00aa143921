// Announcement text reaches command lines (espeak-ng) and a Festival Scheme string (`say`), and an
// office may edit the templates, so only what an announcement needs gets through: letters, digits,
// spaces and plain punctuation. Quotes, backslashes and brackets never pass, which is what keeps
// text inside Festival's `(SayText "…")` and out of espeak-ng's `[[phoneme]]` syntax.

export const MAX_ANNOUNCEMENT_LENGTH = 500;

// Ukrainian is typed with several apostrophes; espeak-ng reads only the ASCII one as a separator.
const APOSTROPHES = /[\u2019\u02bc\u2018`\u00b4]/g;
const NOT_ALLOWED = /[^\p{L}\p{N}\s,.:;!?'-]/gu;
const LEADING_PUNCTUATION = /^[^\p{L}\p{N}]+/u;

export function cleanSpeechText(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(APOSTROPHES, "'")
    .replace(NOT_ALLOWED, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // A leading '-' would read as an option on a command line.
    .replace(LEADING_PUNCTUATION, '');
  if (cleaned === '') throw new Error(`Nothing to say in "${text}"`);
  if (cleaned.length > MAX_ANNOUNCEMENT_LENGTH) {
    throw new Error(`Announcement is ${cleaned.length} characters long; the limit is ${MAX_ANNOUNCEMENT_LENGTH}`);
  }
  return cleaned;
}

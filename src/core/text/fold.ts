/**
 * Folding for matching: a copy of the text with the same length, lower-cased, with typographic
 * apostrophes, quotes and hyphens mapped to their ASCII forms, so that an offset into the folded text
 * is an offset into the submitted text.
 */

// Each key maps one UTF-16 unit to one UTF-16 unit, so folding never shifts an offset.
const FOLD_MAP: Readonly<Record<string, string>> = {
  '\u2018': "'", // left single quotation mark
  '\u2019': "'", // right single quotation mark / typographic apostrophe
  '\u201B': "'", // single high-reversed-9
  '\u2032': "'", // prime, often typed for an apostrophe
  '\u02BC': "'", // modifier letter apostrophe
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u00A0': ' ', // no-break space
  '\u2007': ' ',
  '\u202F': ' ',
};

const NOT_ASCII = /[^\u0000-\u007f]/;
const FOLD_PATTERN = /[\u2018\u2019\u201B\u2032\u02BC\u201C-\u201F\u2033\u00AB\u00BB\u2010\u2011\u00A0\u2007\u202F]/g;

/** Lower-cases and folds typographic punctuation; the result always has `text.length` UTF-16 units. */
export function foldForMatching(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = lowerUnitByUnit(text);
  // Every character folded is outside ASCII, and many texts have none: one quick search says so.
  if (!NOT_ASCII.test(lower)) return lower;
  return lower.replace(FOLD_PATTERN, (ch) => FOLD_MAP[ch] ?? ch);
}

// A few characters (U+0130 'İ') lower-case to two units; fold those unit by unit and keep the rest.
function lowerUnitByUnit(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text[i] as string;
    const lower = unit.toLowerCase();
    out += lower.length === 1 ? lower : unit;
  }
  return out;
}

/**
 * Whether text[start, start + word.length) lower-cases to `word` (lower-case ASCII letters), compared in place:
 * no slice and no lower-cased copy. `| 0x20` lower-cases an ASCII capital and makes no other unit equal to an
 * ASCII letter (the Kelvin sign and dotted capital I, which toLowerCase takes to ASCII, are outside ASCII and
 * stay unequal: for the words tested here, key words and cue words, that is what a copy compared too).
 */
export function isAsciiWordAt(text: string, start: number, word: string): boolean {
  if (start < 0 || start + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(start + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

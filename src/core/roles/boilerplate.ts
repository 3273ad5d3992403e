/**
 * Site boilerplate anywhere in a short paragraph ("subscribe to our newsletter", "all rights reserved"), and
 * the key words that tell the line rules which of their patterns can match a line at all, read on its
 * tokens. These patterns stay in code because they are phrase grammar (a verb, then up to 60 characters,
 * then its object) rather than word lists; English, like the other line shapes in classify.ts.
 */
import { isAsciiWordAt } from '../text/fold.ts';
import { CASE, tokenIds, type TokenTable } from '../text/tokens.ts';
import { formOfWord, tableByWordIdOnce, vocabularySize } from '../text/vocabulary.ts';

/**
 * The patterns, in the order they are tried, each with its key words: for every match, one of them stands in
 * the line as a whole word (a maximal run of [A-Za-z0-9_], in any case), so a line with none of them cannot
 * match the pattern's unanchored alternatives (`^` ones are tested on their own, at the line's start only).
 * A pattern's keys are the rarer words it needs, not always its first: "can", "all" and "we" are in most news.
 */
export const BOILERPLATE: readonly (readonly [string, RegExp, readonly string[]])[] = [
  ['alternate-addresses', /\b(?:can )?also be accessed at\b|\balternate (?:addresses|domains|links)\b|\bmirror sites?\b/i, ['accessed', 'alternate', 'mirror']],
  ['newsletter', /\b(?:sign up|subscribe|register)\b[^.!?]{0,60}\b(?:newsletters?|briefings?|alerts|inbox|updates)\b/i, ['newsletter', 'newsletters', 'briefing', 'briefings', 'alerts', 'inbox', 'updates']],
  ['app-plug', /\bdownload (?:the|our)\b[^.!?]{0,40}\bapps?\b|\bget (?:the|our) app\b|\bavailable on (?:the )?(?:app store|google play)\b/i, ['app', 'apps', 'google']],
  ['follow-us', /\bfollow (?:us|[a-z ]{1,30}) on (?:twitter|x|facebook|instagram|telegram|youtube|tiktok|linkedin|whatsapp)\b|\bjoin (?:us|our [a-z ]{1,20}) on (?:telegram|whatsapp)\b/i, ['follow', 'telegram', 'whatsapp']],
  ['comments', /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$|\bleave a (?:comment|reply)\b|\byour email address will not be published\b|\b(?:log|sign) in to (?:comment|reply)\b|\bcomments? (?:are|is) (?:closed|moderated)\b|\bview (?:all )?\d* ?comments\b/i, ['leave', 'email', 'log', 'sign', 'closed', 'moderated', 'view']],
  ['cookies', /\b(?:we|this (?:site|website)) uses? cookies\b|\bcookie (?:policy|settings|preferences)\b|\baccept (?:all )?cookies\b/i, ['cookies', 'cookie']],
  ['copyright', /\ball rights reserved\b|^(?:\u00A9|\(c\)|copyright)\s/i, ['reserved']],
  ['related-links', /^(?:related(?: articles| stories| coverage| news| content)?|read (?:more|also|next)|see also|more (?:on this|from|stories|news)|recommended(?: for you)?|trending(?: now)?|most (?:read|popular|viewed)|top stories|latest (?:news|stories)|you (?:may|might) also like|editor'?s picks)\b\s*:?/i, []],
  ['advertisement', /^(?:advertisement|sponsored(?: content)?|promoted(?: content)?|story continues below(?: advertisement)?|skip (?:to|ad)\b.*)$/i, []],
  ['tags', /^(?:tags|topics|filed under|keywords)\s*:/i, []],
  ['click-here', /\bclick here\b|\btap here\b/i, ['click', 'tap']],
  ['press-release-furniture', /^(?:for immediate release|embargoed (?:until|for)\b.{0,60}|(?:media|press) (?:contact|enquiries|inquiries)\b.{0,200}|notes to editors:?|###|-30-|- ?ends ?-)$/i, []],
];

/** Bits of `lineKeyWords`: which patterns may match the line. */
export const LINE = { boilerplateWord: 1, pictured: 2 } as const;

// Caption markers outside brackets: `pictured`, `file photo` (classify.ts's PICTURED), by the same keys.
const PICTURED_KEYS = ['pictured', 'file'];

// All of them at once (each is case-insensitive only, so the alternation matches exactly when one of them
// does), with the alternatives that open with a word boundary gathered under one `\b` and the anchored ones
// under one `^`: the engine then tests the boundary once per position rather than once per alternative.
// ANCHORED_BOILERPLATE is the `^` part alone, for a line without any key word.
const ALTERNATIVES = BOILERPLATE.flatMap(([, pattern]) => topLevelAlternatives(pattern.source));
if (ALTERNATIVES.some((alternative) => !alternative.startsWith('\\b') && !alternative.startsWith('^'))) throw new Error('a boilerplate alternative opens with neither \\b nor ^: key words cannot rule it out');
/** Any boilerplate pattern (one search; which one is then asked in order). */
export const ANY_BOILERPLATE = new RegExp(
  [`\\b(?:${unprefixed('\\b').join('|')})`, `^(?:${unprefixed('^').join('|')})`].join('|'),
  'i',
);
const ANCHORED_BOILERPLATE = new RegExp(`^(?:${unprefixed('^').join('|')})`, 'i');

function unprefixed(prefix: string): string[] {
  return ALTERNATIVES.filter((alternative) => alternative.startsWith(prefix)).map((alternative) => alternative.slice(prefix.length));
}

// A pattern's alternatives at the top level: split at `|` outside groups, classes and escapes.
function topLevelAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      alternatives.push(source.slice(start, i));
      start = i + 1;
    }
  }
  alternatives.push(source.slice(start));
  return alternatives;
}

// The key words with their LINE bit, by word id (made once, and the tokens' ids read after it).
const KEY_WORDS: ReadonlyMap<string, number> = new Map([
  ...BOILERPLATE.flatMap(([, , keys]) => keys.map((key): [string, number] => [key, LINE.boilerplateWord])),
  ...PICTURED_KEYS.map((key): [string, number] => [key, LINE.pictured]),
]);
const KEY_LENGTHS = [...KEY_WORDS.keys()].map((key) => key.length);
const SHORTEST_KEY = Math.min(...KEY_LENGTHS);
const LONGEST_KEY = Math.max(...KEY_LENGTHS);

// Registered as a table by id (once), so that token tables read before read their ids again (tokenIds): every
// key word has an id, and a token whose folded form is no registered word is no key word.
let keysRegistered = false;

/** `tokens` with the key words' ids current: call before lineKeyWords. */
export function withKeyWordIds(tokens: TokenTable): TokenTable {
  if (!keysRegistered) {
    tableByWordIdOnce(KEY_WORDS, 0);
    keysRegistered = true;
  }
  return tokenIds(tokens);
}

// Per word id, the LINE bits of the key words among its form's runs of word characters, or UNKNOWN until a
// token first asks (made as tokens meet a word, not for the whole vocabulary at start). A token written in
// ASCII has its lower case as its folded form, and a key word matches in any case, so its runs as written
// hold the same key words as its form's: its id answers, with no read of its offsets and no walk over its
// units ("don't", "U.S", "3.5" included).
const UNKNOWN = 0xff;
let keyBitsById = new Uint8Array(0);

function keyBitsOfWord(id: number): number {
  if (id >= keyBitsById.length) {
    const grown = new Uint8Array(vocabularySize()).fill(UNKNOWN);
    grown.set(keyBitsById);
    keyBitsById = grown;
  }
  let found = keyBitsById[id] as number;
  if (found === UNKNOWN) {
    const form = formOfWord(id);
    found = keyWordsInRuns(form, 0, form.length);
    keyBitsById[id] = found;
  }
  return found;
}

/**
 * LINE bits of the key words among tokens [from, to) of `text` (LINE.boilerplateWord, LINE.pictured), read
 * as the patterns' `\b` sees words: runs of word characters. A token written in ASCII with a registered form
 * is read by its id (keyBitsOfWord); one with none holds a key word only in a run of a joined word (a key
 * word is all letters and registered); any other token (a letter outside ASCII) by its runs as written.
 * No bit means no such pattern can match.
 */
export function lineKeyWords(text: string, tokens: TokenTable, from: number, to: number): number {
  // The columns as locals: the loop calls out, and a column read through `tokens` is read again after each call.
  const { ids, shape, start: starts, end: ends, letters } = tokens;
  let found = 0;
  for (let t = from; t < to; t++) {
    const id = ids[t] as number;
    if (((shape[t] as number) & CASE.ascii) !== 0) {
      if (id >= 0) {
        const known = id < keyBitsById.length ? (keyBitsById[id] as number) : UNKNOWN;
        found |= known !== UNKNOWN ? known : keyBitsOfWord(id);
        continue;
      }
      const start = starts[t] as number;
      const end = ends[t] as number;
      if ((letters[t] as number) !== end - start) found |= keyWordsInRuns(text, start, end);
      continue;
    }
    found |= keyWordsInRuns(text, starts[t] as number, ends[t] as number);
  }
  return found;
}

// Word characters as a pattern without the u flag sees them: [A-Za-z0-9_].
const isWordUnit = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

function keyWordsInRuns(text: string, start: number, end: number): number {
  let found = 0;
  for (let i = start; i < end; ) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && isWordUnit(text.charCodeAt(j))) j++;
    if (j - i >= SHORTEST_KEY && j - i <= LONGEST_KEY) found |= keyWordAt(text, i, j);
    i = j;
  }
  return found;
}

// The key words by length, for keyWordAt.
const KEYS_BY_LENGTH: readonly (readonly (readonly [string, number])[])[] = Array.from({ length: LONGEST_KEY + 1 }, (_, length) => [...KEY_WORDS].filter(([key]) => key.length === length));

// The LINE bit of the key word text[start, end) is, in any case (0: none), compared in place: a lower-cased
// copy of each run was most of this scan's time (these runs are the parts of numbers, contractions and
// hyphenated words, some 20,000 a pass over PolNeAR). Keys are lower-case ASCII letters.
function keyWordAt(text: string, start: number, end: number): number {
  const keys = KEYS_BY_LENGTH[end - start] as readonly (readonly [string, number])[];
  // (Indexed, not destructured: destructuring a pair runs the iterator protocol.)
  for (let k = 0; k < keys.length; k++) {
    const entry = keys[k] as readonly [string, number];
    if (isAsciiWordAt(text, start, entry[0])) return entry[1];
  }
  return 0;
}
/** The decision of the first pattern of `decisions` (BOILERPLATE's, in order) that matches `line`, or null; `keyWords` are its lineKeyWords. */
export function boilerplateOf<T>(line: string, keyWords: number, decisions: readonly (readonly [RegExp, T])[]): T | null {
  // Most lines have no key word and do not start like furniture: the anchored part alone says so.
  if ((keyWords & LINE.boilerplateWord) === 0 ? !ANCHORED_BOILERPLATE.test(line) : !ANY_BOILERPLATE.test(line)) return null;
  for (let k = 0; k < decisions.length; k++) {
    const [pattern, decided] = decisions[k] as readonly [RegExp, T];
    if (pattern.test(line)) return decided;
  }
  return null;
}

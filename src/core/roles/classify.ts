/**
 * Block roles: which paragraphs are the article's body and which are page furniture (breadcrumb, headline,
 * byline, date line, photo captions and credits, pull quotes, site boilerplate). Only the body is scored.
 *
 * Rules run in three passes, each decision naming its rule:
 *   1. markup hints from HTML extraction, when there are any (`html/figcaption`);
 *   2. rules that hold anywhere: boilerplate phrases, credits, captions with photo markers, bylines, date
 *      lines, breadcrumbs;
 *   3. rules of position: before the first paragraph of prose (the head), the first short line without a
 *      full stop is the headline and name-like labels are captions; after the last paragraph of prose (the
 *      tail), short lines that follow boilerplate are boilerplate too.
 * Every pattern is anchored or bounded and runs on one paragraph of bounded length, so the pass is linear.
 */
import type { WordLists } from '../data/index.ts';
import type { ParagraphSpan, SegmentedArticle, TokenTable } from '../text/index.ts';
import type { BlockHint, BlockRole } from './block-roles.ts';
import { listOf } from '../text/lists.ts';
import { BOILERPLATE, boilerplateOf, LINE, lineKeyWords, withKeyWordIds } from './boilerplate.ts';
import { markRepeatedQuotes } from './pull-quotes.ts';

export type BlockDecision = { role: BlockRole; rule: string };

// Every decision a rule makes is one of a few (role, rule) pairs: one frozen object each, shared by every
// paragraph it decides (a megabyte of one-word paragraphs is 170,000 decisions).
const decisionCache = new Map<string, BlockDecision>();
function decision(role: BlockRole, rule: string): BlockDecision {
  const key = `${role}\0${rule}`;
  let found = decisionCache.get(key);
  if (found === undefined) {
    found = Object.freeze({ role, rule });
    decisionCache.set(key, found);
  }
  return found;
}
const BODY = decision('body', 'block/body');
const SINGLE_PARAGRAPH = decision('body', 'block/single-paragraph');
const HEADLINE_TITLE = decision('headline', 'block/headline-title');
const HEADLINE_FIRST_LINE = decision('headline', 'block/headline-first-line');
const SECTION_LABEL = decision('breadcrumb', 'block/section-label');
const CAPTION_LABEL = decision('caption', 'block/caption-label');
const TAIL_FURNITURE = decision('boilerplate', 'block/tail-furniture');
const PULL_QUOTE = decision('pull-quote', 'block/pull-quote-repeated');
const SHARE_BAR = decision('boilerplate', 'block/share-bar');
const PHOTO_CREDIT_LINE = decision('credit', 'block/photo-credit-line');
const BYLINE_DECISION = decision('byline', 'block/byline');
const REPORTING_CREDIT_DECISION = decision('byline', 'block/reporting-credit');
const DATE_LINE = decision('dateline', 'block/date-line');
const BREADCRUMB = decision('breadcrumb', 'block/breadcrumb');

/** Roles whose words count in the article's scores (a standfirst is the outlet's own prose). */
export const SCORED_ROLES: ReadonlySet<BlockRole> = new Set<BlockRole>(['body', 'standfirst']);

// Line rules only look at paragraphs this short; longer ones are prose whatever they contain.
const LINE_MAX_CHARS = 400;
const LINE_MAX_WORDS = 60;
const SHORT_WORDS = 12;
const HEADLINE_MAX_WORDS = 30;
const HEADLINE_MAX_CHARS = 250;
const PROSE_MIN_WORDS = 8;
// A credit names a photographer or an agency; a longer line with a credit is a caption.
const CREDIT_MAX_WORDS = 7;

// A line ends a sentence (full stop) when its last mark, before any closing quotes and brackets, is one of
// these: . ! ? … (. and … only). Read as bits of the unit by comparisons, not Set look-ups: every paragraph
// asks at least once, and a Set's hashing was most of the scan.
const SENTENCE = 1;
const FULL_STOP = 2;
function endMarkOf(c: number): number {
  if (c === 0x2e || c === 0x2026) return SENTENCE | FULL_STOP;
  return c === 0x21 || c === 0x3f ? SENTENCE : 0;
}
// The marks a credit pattern's `[^.!?]` refuses.
const isSentenceEndMark = (c: number): boolean => c === 0x2e || c === 0x21 || c === 0x3f;
// " ' ” ’ ) ]
const isClosingMark = (c: number): boolean => c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x201d || c === 0x2019;

// Whether the paragraph text[start, end) ends with a mark of `marks` (SENTENCE or FULL_STOP) followed only by
// closing marks: a scan back from the end (an end-anchored pattern was tried from every position), on the
// text itself, not a slice.
function endsWithMarkIn(text: string, start: number, end: number, marks: number): boolean {
  let i = end;
  while (i > start && isClosingMark(text.charCodeAt(i - 1))) i--;
  return i > start && (endMarkOf(text.charCodeAt(i - 1)) & marks) !== 0;
}
const endsSentence = (line: string): boolean => endsWithMarkIn(line, 0, line.length, SENTENCE);
const endsFullStop = (line: string): boolean => endsWithMarkIn(line, 0, line.length, FULL_STOP);

// Anywhere in a short paragraph: site boilerplate (boilerplate.ts), each pattern with its decision.
const BOILERPLATE_DECISIONS: readonly (readonly [RegExp, BlockDecision])[] = BOILERPLATE.map(([name, pattern]) => [pattern, decision('boilerplate', `block/${name}`)]);

// Photo credits, whole paragraph: "(Photo by AFP)", "Photo: Reuters", "AFP/Getty Images" (agencies: lineWordsOf).
// The credit and caption patterns stay in code: they are phrase grammar around a few words (photo, by, courtesy of).
const CREDIT_LINE = /^\(?\s*(?:photo(?:graph)?s?|image|picture|credit|illustration|video|file photo|graphic)\s*(?:by|credit|courtesy(?: of)?)?\s*[:/\u2013\u2014-]?\s*[^.!?]{1,80}\)?$/i;
// Caption markers inside a paragraph: a credit in brackets, a position marker, an agency's credit at the end
// (lineWordsOf builds it, between these and "pictured").
const CAPTION_MARKERS: readonly (readonly [string, RegExp])[] = [
  ['photo-credit', /\((?:photo|image|picture|file photo|photograph|video grab|screengrab|screenshot|illustration)s?(?:\s+(?:by|via|courtesy(?: of)?))?\s*:?\s*[^()]{0,80}\)/i],
  ['agency-photo', /\((?:[A-Z][A-Za-z.&-]*\s?){1,3}(?:photo|file photo|photos|pictures|images)\)\s*$/],
  ['position-marker', /\((?:L|R|C|left|right|centre|center|front|rear|top|bottom|[0-9](?:st|nd|rd|th)? (?:L|R|left|right))\)/],
];
const PICTURED: readonly [string, RegExp] = ['pictured', /\b(?:pictured|file photo)\b/i];

// Bylines and credits: grammar (a phrase, then a capitalised name or the end of the line), kept in code with their few words.
const BYLINE = /^(?:by|written by|words by|story by|reported by)\s+[\p{Lu}]/iu;
const BYLINE_ROLE = /^(?:staff (?:writer|reporter)|(?:[\p{L}.]+ )?correspondent|news desk|agencies|(?:[\p{L}]+ )?(?:news )?desk)$/iu;
// What every BYLINE and BYLINE_ROLE match holds, under the same flags: tested first, as their Unicode classes
// under the i flag cost a start ~1 ms to compile and most short lines are neither.
const MAY_BE_BYLINE = /^(?:by|written|words|story|reported)\s/iu;
const MAY_BE_BYLINE_ROLE = /(?:writer|reporter|correspondent|desk|agencies)$/iu;
// The last units a BYLINE_ROLE match may end in (writer, correspondent, desk, agencies) under its flags: simple
// case folding adds the Kelvin sign for k and the long s for s. Tested first: the end-anchored patterns are
// tried from every position of a line.
const BYLINE_ROLE_ENDS: ReadonlySet<number> = new Set([0x72, 0x52, 0x74, 0x54, 0x6b, 0x4b, 0x212a, 0x73, 0x53, 0x17f]);
const REPORTING_CREDIT = /^\(?\s*(?:reporting|additional reporting|writing|editing|compiled|produced) by\b/i;

// Date lines: every word is a date, a time, a weekday, a month or a date-line word (lexicons/<language>/).
const YEAR_OR_TIME = String.raw`\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b`;
const DATE_SHAPE = /^(?:\d{1,2}(?:st|nd|rd|th)?|\d{4}|\d{1,2}:\d{2}(?::\d{2})?(?:am|pm)?|\d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$/;

// Breadcrumbs: short items joined by separators ("News / Russia", "Home > World > Europe").
const BREADCRUMB_SEPARATOR = /\s[/\u203A\u00BB>|\u2022\u00B7]\s/;
const BREADCRUMB_MAX_WORDS = 10;

// A paragraph wholly in quotation marks: it opens with a quote (" “ „ «) and ends with one (" ” »), maybe
// followed by a sentence mark. Read on the units at its ends: no slice, no pattern (most paragraphs ask).
const isQuoteOpen = (c: number): boolean => c === 0x22 || c === 0x201c || c === 0x201e || c === 0xab;
const isQuoteClose = (c: number): boolean => c === 0x22 || c === 0x201d || c === 0xbb;

function opensAndClosesQuote(text: string, start: number, end: number): boolean {
  if (end <= start || !isQuoteOpen(text.charCodeAt(start))) return false;
  const last = text.charCodeAt(end - 1);
  return isQuoteClose(last) || (isSentenceEndMark(last) && end - 1 > start && isQuoteClose(text.charCodeAt(end - 2)));
}

/** What the line rules read from the language's word lists, compiled once per lexicon set. */
// A caption marker: its decision, its pattern, and what a line must hold for it to match (cheap tests that
// spare most lines the pattern), as bits: a key word's LINE bit, or HOLDS' (0: nothing).
type CaptionMarker = readonly [BlockDecision, RegExp, number];
// What else a line holds, as bits beside LINE's: a bracket, a separator of a trailing credit.
const HOLDS = { bracket: 1 << 4, separator: 1 << 5 } as const;
const SEPARATOR = /[|/:]/;
// `creditsEndOpen`: no agency's name or form ends in a sentence mark (see lineRule).
type LineWords = { shareBar: WordLists['shareBar']; dateWords: ReadonlySet<string>; hasDate: RegExp; agencyLine: RegExp; captionMarkers: readonly CaptionMarker[]; creditsEndOpen: boolean };
const lineWordsCache = new WeakMap<WordLists, LineWords>();

function lineWordsOf(words: WordLists): LineWords {
  let compiled = lineWordsCache.get(words);
  if (compiled !== undefined) return compiled;
  const { weekdays, months, datelineWords } = words;
  // A line is worth checking as a date line when it has a year, a time, a word that begins like a month
  // ("Sept", "Mar."), or a date-line cue ("ago").
  const monthStarts = [...new Set([...months.names].map((name) => name.slice(0, 3)))];
  const hasDate = `${YEAR_OR_TIME}|\\b${alternation(monthStarts)}[a-z]*\\b|\\b${alternation([...datelineWords.cues])}\\b`;
  // A line that is only an agency's credit, whole ("AP Photo") or with a photographer ("AFP/John Smith", "Reuters via X");
  // at the end of a caption the credit may run on after the name ("| EPA-EFE/John Smith"), so the name alone is enough.
  const { photoAgencies } = words;
  compiled = {
    agencyLine: new RegExp(`^${alternation(photoAgencies.forms)}(?:\\s*(?:\\/|via)\\s*[^.!?]{1,60})?$`, 'i'),
    captionMarkers: [
      ...CAPTION_MARKERS.map(([name, pattern]): CaptionMarker => [captionDecision(name), pattern, pattern.source.startsWith('\\(') ? HOLDS.bracket : 0]),
      [captionDecision('trailing-credit'), new RegExp(`(?:\\s[|/]\\s*|\\s(?:photo|image|picture|credit)\\s*:\\s*)${alternation(photoAgencies.names)}\\b[^.!?]{0,40}$`, 'i'), HOLDS.separator],
      [captionDecision(PICTURED[0]), PICTURED[1], LINE.pictured],
    ],
    shareBar: words.shareBar,
    dateWords: new Set([...months.names, ...months.short, ...weekdays.names, ...weekdays.short, ...datelineWords.words]),
    hasDate: new RegExp(hasDate, 'i'),
    creditsEndOpen: [...photoAgencies.names, ...photoAgencies.forms].every((name) => !isSentenceEndMark(name.charCodeAt(name.length - 1))),
  };
  lineWordsCache.set(words, compiled);
  return compiled;
}

const captionDecision = (name: string): BlockDecision => decision('caption', `block/caption-${name}`);

// A regular-expression group matching any of `words` literally; one that never matches when there are none.
function alternation(words: readonly string[]): string {
  return words.length === 0 ? '(?!)' : `(?:${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
}

/**
 * One decision per paragraph of `article`, in order, reading dates and share bars with `words` (the
 * language's word lists). `hints` are markup roles from HTML extraction; `title` is the page's title,
 * which marks the headline when a paragraph repeats it.
 */
export function classifyBlocks(article: SegmentedArticle, words: WordLists, options: { hints?: readonly BlockHint[]; title?: string } = {}): BlockDecision[] {
  const { paragraphs, text } = article;
  const count = paragraphs.length;
  // One paragraph is the article itself: nothing to tell apart. Packed like the list below (listOf): map inlined
  // into optimised code made a holey one, and the first one-paragraph article after that deoptimised its readers.
  if (count < 2) return listOf(count, () => SINGLE_PARAGRAPH);
  // Packed (listOf), not made by `new Array(n)`: that is holey, and filling one went through the runtime (~1 us
  // an article), as did every read of it after; grown by push past a large object's size, a megabyte's 170,000
  // entries regrew in V8's large-object space, on fresh pages each time.
  const decisions: (BlockDecision | null)[] = listOf(count, () => null);
  // What the rules read of a paragraph is its word count, whether it is prose, and (for short ones only) its
  // text, sliced when a rule reads it: no record per paragraph.
  const prose = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const p = paragraphs[i] as ParagraphSpan;
    prose[i] = p.tokenEnd - p.tokenStart >= PROSE_MIN_WORDS && endsWithMarkIn(text, p.start, p.end, SENTENCE) ? 1 : 0;
  }

  applyHints(article, options.hints ?? [], decisions);
  const lineWords = lineWordsOf(words);
  const tokens = withKeyWordIds(article.tokens);
  for (let i = 0; i < count; i++) if (decisions[i] === null) decisions[i] = lineRule(text, tokens, paragraphs[i] as ParagraphSpan, lineWords);

  // The head: everything before the first paragraph of prose that no rule claimed.
  let firstProse = 0;
  while (firstProse < count && !(decisions[firstProse] === null && prose[firstProse] === 1)) firstProse++;
  let lastProse = -1;
  for (let i = count - 1; i >= 0; i--) {
    if (decisions[i] === null && prose[i] === 1) {
      lastProse = i;
      break;
    }
  }
  const normalisedTitle = options.title === undefined ? '' : normaliseLine(options.title);
  let headlineSeen = false;
  for (let i = 0; i < count && !headlineSeen; i++) headlineSeen = decisions[i]?.role === 'headline';
  for (let i = 0; i < firstProse; i++) {
    if (decisions[i] !== null) continue;
    const p = paragraphs[i] as ParagraphSpan;
    const words = p.tokenEnd - p.tokenStart;
    const line = text.slice(p.start, p.end);
    if (!headlineSeen && normalisedTitle !== '' && normaliseLine(line) === normalisedTitle) {
      decisions[i] = HEADLINE_TITLE;
      headlineSeen = true;
    } else if (!headlineSeen && looksLikeHeadline(line, words) && i + 1 < count) {
      // A one- or two-word capitalised line right before a headline is a section label.
      const next = paragraphs[i + 1] as ParagraphSpan;
      if (words <= 2 && decisions[i + 1] === null && looksLikeHeadline(text.slice(next.start, next.end), next.tokenEnd - next.tokenStart) && i + 1 < firstProse && isCapitalised(line)) {
        decisions[i] = SECTION_LABEL;
        continue;
      }
      decisions[i] = HEADLINE_FIRST_LINE;
      headlineSeen = true;
    } else if (headlineSeen && words <= SHORT_WORDS && !endsFullStop(line) && isNameLike(line)) {
      decisions[i] = CAPTION_LABEL;
    }
  }
  // The tail: once boilerplate starts after the last prose, short lines without a full stop belong to it.
  let inFurniture = false;
  for (let i = lastProse + 1; i < count && lastProse >= 0; i++) {
    const decided = decisions[i] ?? null;
    if (decided !== null) {
      inFurniture ||= decided.role === 'boilerplate';
      continue;
    }
    const p = paragraphs[i] as ParagraphSpan;
    if (inFurniture && p.tokenEnd - p.tokenStart <= SHORT_WORDS && !endsWithMarkIn(text, p.start, p.end, FULL_STOP)) decisions[i] = TAIL_FURNITURE;
  }
  markPullQuotes(article, decisions);
  for (let i = 0; i < count; i++) if (decisions[i] === null) decisions[i] = BODY;
  return decisions as BlockDecision[];
}

function applyHints(article: SegmentedArticle, hints: readonly BlockHint[], decisions: (BlockDecision | null)[]): void {
  if (hints.length === 0) return;
  const { paragraphs } = article;
  // HTML extraction makes one hint per paragraph, in text order and apart, so a paragraph's hints are the run
  // from the first that ends after its start: read from there, not every hint per paragraph (1 MB of figures
  // with captions was quadratic, x19 the time of 100 KB). Hints in any other order are all read, as before.
  const ordered = inTextOrder(hints, paragraphs);
  let first = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i] as ParagraphSpan;
    // The hint that covers most of the paragraph decides; ties go to the earlier hint.
    let best: BlockHint | undefined;
    let bestOverlap = 0;
    if (ordered) while (first < hints.length && (hints[first] as BlockHint).end <= p.start) first++;
    for (let h = ordered ? first : 0; h < hints.length; h++) {
      const hint = hints[h] as BlockHint;
      if (ordered && hint.start >= p.end) break;
      const overlap = Math.min(hint.end, p.end) - Math.max(hint.start, p.start);
      if (overlap > bestOverlap) {
        best = hint;
        bestOverlap = overlap;
      }
    }
    if (best !== undefined && bestOverlap * 2 >= p.end - p.start) decisions[i] = { role: best.role, rule: best.rule };
  }
}

// Whether the hints follow one another apart (each starting at or after the last one's end) and the paragraphs'
// starts never go back: then a hint that ends at or before a paragraph's start overlaps no later paragraph, and
// one that starts at or after its end overlaps it no more than the hints after it.
function inTextOrder(hints: readonly BlockHint[], paragraphs: readonly ParagraphSpan[]): boolean {
  for (let h = 1; h < hints.length; h++) if ((hints[h] as BlockHint).start < (hints[h - 1] as BlockHint).end || (hints[h] as BlockHint).end < (hints[h] as BlockHint).start) return false;
  for (let i = 1; i < paragraphs.length; i++) if ((paragraphs[i] as ParagraphSpan).start < (paragraphs[i - 1] as ParagraphSpan).start) return false;
  return true;
}

function lineRule(text: string, tokens: TokenTable, p: ParagraphSpan, words: LineWords): BlockDecision | null {
  const wordCount = p.tokenEnd - p.tokenStart;
  if (p.end - p.start > LINE_MAX_CHARS || wordCount > LINE_MAX_WORDS) return null;
  const line = text.slice(p.start, p.end);
  // Its key words say which patterns can match it at all (most lines: no boilerplate, no `pictured`).
  const keyWords = lineKeyWords(text, tokens, p.tokenStart, p.tokenEnd);
  const boilerplate = boilerplateOf(line, keyWords, BOILERPLATE_DECISIONS);
  if (boilerplate !== null) return boilerplate;
  // (Loops over the rules below are indexed: destructuring each entry ran the iterator protocol per line.)
  if (wordCount > 0 && wordCount <= SHORT_WORDS && isShareBar(line, p, tokens, words.shareBar)) return SHARE_BAR;
  // The credit patterns (a credit line, an agency's, a trailing credit) each end in `[^.!?]{n,m}$`, `\)?$` or an
  // agency's name: none can match a line that ends in . ! or ? (most prose) when no name ends in one of them.
  const last = line.charCodeAt(line.length - 1);
  const mayEndCredit = !(words.creditsEndOpen && isSentenceEndMark(last));
  if (wordCount <= CREDIT_MAX_WORDS && mayEndCredit && (CREDIT_LINE.test(line) || words.agencyLine.test(line))) return PHOTO_CREDIT_LINE;
  // A marker that opens with a bracket cannot match a line without one, nor a trailing credit one without its
  // separator or where no credit may end, nor `pictured` without its word (most lines have none).
  const holds = keyWords | (line.indexOf('(') >= 0 ? HOLDS.bracket : 0) | (mayEndCredit && SEPARATOR.test(line) ? HOLDS.separator : 0);
  for (let m = 0; m < words.captionMarkers.length; m++) {
    const marker = words.captionMarkers[m] as CaptionMarker;
    if ((marker[2] === 0 || (holds & marker[2]) !== 0) && marker[1].test(line)) return marker[0];
  }
  if (wordCount <= SHORT_WORDS + 3 && ((MAY_BE_BYLINE.test(line) && BYLINE.test(line)) || (BYLINE_ROLE_ENDS.has(last) && MAY_BE_BYLINE_ROLE.test(line) && BYLINE_ROLE.test(line)))) return BYLINE_DECISION;
  if (wordCount <= 2 * SHORT_WORDS && REPORTING_CREDIT.test(line)) return REPORTING_CREDIT_DECISION;
  if (wordCount <= SHORT_WORDS && isDateLine(line, words)) return DATE_LINE;
  if (wordCount <= BREADCRUMB_MAX_WORDS && !endsSentence(line) && BREADCRUMB_SEPARATOR.test(line.replace(/[\u00A0\u2000-\u200A\u202F]/g, ' '))) return BREADCRUMB;
  return null;
}

// `line` is paragraph `p`'s text, `tokens` the article's.
function isShareBar(line: string, p: ParagraphSpan, tokens: TokenTable, shareBar: LineWords['shareBar']): boolean {
  // Every word (a run of letters and digits) must be a share-bar word and one of them a cue. While the line is
  // ASCII its words are read in place, one at a time, and the first that is none decides: most lines fail at
  // their first or second word ("This is", "On Monday"), where a lower-cased copy of the line split into words
  // (with a Unicode pattern) was most of the rule's time. A line with a unit outside ASCII (where lower-casing
  // may move offsets, and a word may run on past ASCII) is split as a whole.
  let cue = false;
  let token = p.tokenStart;
  for (let i = 0; i < line.length; ) {
    const c = line.charCodeAt(i);
    if (c > 0x7f) return isShareBarLowered(line, shareBar);
    if (!isAsciiAlnum(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < line.length && isAsciiAlnum(line.charCodeAt(j))) j++;
    if (j < line.length && line.charCodeAt(j) > 0x7f) return isShareBarLowered(line, shareBar);
    // A token that is exactly the word has its lower case as its folded form: no copy made to look it up.
    const start = p.start + i;
    while (token < p.tokenEnd && (tokens.end[token] as number) <= start) token++;
    const word = token < p.tokenEnd && tokens.start[token] === start && tokens.end[token] === p.start + j ? (tokens.norm[token] as string) : line.slice(i, j).toLowerCase();
    if (!shareBar.words.has(word)) return false;
    cue ||= shareBar.cues.has(word);
    i = j;
  }
  return cue;
}

const isAsciiAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);

function isShareBarLowered(line: string, shareBar: LineWords['shareBar']): boolean {
  const lower = line.toLowerCase();
  // The first word found by index (no match array: a megabyte of one-word paragraphs asks this 170,000 times).
  const start = lower.search(WORD_CHARACTER);
  if (start < 0) return false;
  WORD_RUN.lastIndex = start;
  WORD_RUN.test(lower);
  if (!shareBar.words.has(lower.slice(start, WORD_RUN.lastIndex))) return false;
  const words = lower.match(/[\p{L}\p{N}]+/gu);
  return words !== null && words.length > 0 && words.some((w) => shareBar.cues.has(w)) && words.every((w) => shareBar.words.has(w));
}

// The first word of a line: where its first letter or digit is, and (sticky, from there) where the run ends.
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const WORD_RUN = /[\p{L}\p{N}]+/uy;

function isDateLine(line: string, { dateWords, hasDate }: LineWords): boolean {
  if (!hasDate.test(line)) return false;
  const words = line.toLowerCase().match(/[\p{L}\p{N}.:/-]+/gu) ?? [];
  return words.length > 0 && words.every((w) => {
    const bare = w.replace(/^[.:/-]+|[.:/-]+$/g, '');
    return bare === '' || dateWords.has(bare) || DATE_SHAPE.test(bare);
  });
}

function looksLikeHeadline(line: string, words: number): boolean {
  return words > 0 && words <= HEADLINE_MAX_WORDS && line.length <= HEADLINE_MAX_CHARS && !endsFullStop(line);
}

// Mostly capitalised words: a name or a title ("Kremlin spokesperson Dmitry Peskov"), not a sentence.
function isNameLike(line: string): boolean {
  const ascii = asciiWords(line);
  // All capitals is a label or a shout, not a name.
  if (ascii === null ? line === line.toUpperCase() : !ascii.lowerCase) return false;
  const { words, capitalised } = ascii ?? capitalisedWords(line);
  return words > 0 && capitalised >= 1 && capitalised * 2 >= words;
}

function isCapitalised(line: string): boolean {
  const { words, capitalised } = asciiWords(line) ?? capitalisedWords(line);
  return words > 0 && capitalised === words;
}

function capitalisedWords(line: string): { words: number; capitalised: number } {
  const words = line.match(/[\p{L}][\p{L}\p{M}'\u2019.-]*/gu) ?? [];
  return { words: words.length, capitalised: words.filter((w) => /^\p{Lu}/u.test(w)).length };
}

// capitalisedWords for a line of ASCII only, where a letter is [A-Za-z], there are no marks and no ’, and
// whether it has a lower-case letter (else it is its own upper case); null for any other line. The head of a
// page with no prose is every paragraph, and a match array and an upper-cased copy of each cost 30-odd MB on
// a megabyte of one-word paragraphs.
function asciiWords(line: string): { words: number; capitalised: number; lowerCase: boolean } | null {
  let words = 0;
  let capitalised = 0;
  let lowerCase = false;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c > 0x7f) return null;
    const upper = c >= 0x41 && c <= 0x5a;
    const lower = c >= 0x61 && c <= 0x7a;
    lowerCase ||= lower;
    if (upper || lower) {
      if (!inWord) {
        words++;
        if (upper) capitalised++;
      }
      inWord = true;
    } else inWord &&= c === 0x27 || c === 0x2e || c === 0x2d; // ' . - carry a word on
  }
  return { words, capitalised, lowerCase };
}

// A paragraph that is only a quotation repeating words the body already has is a pull quote (pull-quotes.ts).
function markPullQuotes(article: SegmentedArticle, decisions: (BlockDecision | null)[]): void {
  const { paragraphs, text } = article;
  const candidates: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i] as ParagraphSpan;
    const words = p.tokenEnd - p.tokenStart;
    if (decisions[i] !== null || words < 4 || words > LINE_MAX_WORDS) continue;
    if (opensAndClosesQuote(text, p.start, p.end)) candidates.push(i);
  }
  markRepeatedQuotes(article, decisions, candidates, PULL_QUOTE);
}

/** The folded words of tokens [from, to) joined by single spaces: punctuation-blind, for comparing passages. */
export function wordsBetween(article: SegmentedArticle, from: number, to: number): string {
  return article.tokens.norm.slice(from, to).join(' ');
}

/** Lower case, letters and digits only, single spaces: for comparing lines whatever their punctuation. */
export function normaliseLine(line: string): string {
  return line
    .toLowerCase()
    .replace(/[\u2019']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

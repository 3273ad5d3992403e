/**
 * What an outlet's name is doing where it stands: the publisher speaking of itself (`Press TV's website`,
 * a footer line, `© 2021 Press TV`), an agency dateline (`MOSCOW (Reuters) -`), a byline, a credit
 * (`(AFP photo)`, `REUTERS/Jane Doe`), or a citation (`according to Reuters`, `Reuters reported`,
 * `told the BBC`). Every test reads a bounded window around the name, on its own line, so classifying all
 * the names of a text stays linear in its length.
 */
import type { NameMatch } from './names.ts';
import { isAsciiWordAt } from '../text/fold.ts';
import { isSpaceUnit } from '../text/space.ts';
import { mapped } from '../text/lists.ts';

export type CueKind = 'dateline' | 'byline' | 'copyright' | 'website' | 'footer' | 'credit' | 'according-to' | 'reported' | 'mention';
/** A classified name: `start..end` is the evidence (the whole cue phrase, the name included). */
export type Cue = { readonly kind: CueKind; readonly start: number; readonly end: number };
/** Where a name stands: the start of the text's closing part, where a publisher's own lines sit. */
export type CueContext = { readonly text: string; readonly tailStart: number };

const WINDOW = 160;
// Up to four words that may stand between a cue and the outlet: "according to Russia's state news agency
// TASS", "told Iranian state television". Only describing words, so "told reporters that Reuters" is no cue.
const DESCRIPTOR_WORD = String.raw`(?:the|a|an|its|their|state(?:-run|-owned|-controlled|-backed|-affiliated)?|official|semi-official|government-(?:run|owned|controlled)|pro-government|independent|public|private|news|wire|agency|broadcaster|media|outlet|newspaper|daily|paper|channel|network|television|tv|radio|website|site|magazine|tabloid|service|business|financial|online|weekly|[\p{L}]+(?:'s|’s)|[\p{L}]+-(?:backed|funded|owned|run|controlled|affiliated|based)|[\p{L}]+(?:an|ese|i|ish|ch))`;
const DESCRIPTORS = String.raw`(?:${DESCRIPTOR_WORD}\s+){0,4}?`;
const PHOTO_WORDS = /\b(?:photo|photograph|pic|picture|image|file|video|footage|handout|pool|via|getty|credit|screenshot|screengrab)\b/i;

const BEFORE_ACCORDING = new RegExp(String.raw`\b(?:according\s+to|citing|cited\s+by|quoted\s+by|per)\s+${DESCRIPTORS}(?:(?:report|reports|article|story|broadcast|statement|dispatch|interview)\s+(?:by|in|from|on)\s+(?:the\s+)?)?$`, 'iu');
// What every BEFORE_ACCORDING and BEFORE_REPORTED match holds: one of their cue words, under the same flags, so
// the test passes wherever they could match. Most names stand after none, and the two long patterns are costly
// to compile (their Unicode letter classes under the i flag: ~4 ms each, a one-article command's first run).
const MAY_FOLLOW_ACCORDING = /according|citing|cited|quoted|per/iu;
const MAY_FOLLOW_REPORTED = /tell|told|speaking|spoke|talk|interview|comments|remarks|statement|report|broadcast|aired|published|wrote|writing|op-ed|column|appear|article|obtained|seen|reviewed|quoted|cited|questions|request/iu;
const BEFORE_REPORTED = new RegExp(
  String.raw`\b(?:told|tells|telling|tell|speaking\s+(?:to|with)|spoke\s+(?:to|with)|talking\s+to|talked\s+to|interview\s+with|interviewed\s+by|in\s+comments\s+to|in\s+remarks\s+to|statement\s+to|reported\s+by|broadcast\s+by|aired\s+(?:by|on)|published\s+(?:by|in)|wrote\s+(?:in|for)|writing\s+(?:in|for)|op-ed\s+in|column\s+in|appear(?:ed|ing)\s+on|reports?\s+(?:by|in|from)|article\s+in|obtained\s+by|seen\s+by|reviewed\s+by|quoted\s+in|cited\s+in|(?:questions|requests?(?:\s+for\s+comment)?)\s+from|(?:additional\s+)?reporting\s+(?:by|from))\s+${DESCRIPTORS}$`,
  'iu',
);
const AFTER_REPORTED =
  /^(?:\s*\([^()\n]{1,20}\))?(?:\s+(?:news\s+agency|news\s+service|newspaper|daily|news|tv|television|channel|radio|broadcaster|network|website|magazine|agency|wire|online))?(?:\s*,\s*[^,\n]{1,60}?,)?(?:\s+(?:also|earlier|later|first|previously|has|had|have|exclusively|separately|initially|originally|on\s+\p{L}+day))*\s+(?:reported|reports|reporting|said|says|quoted|cited|wrote|writes|published|broadcast|aired|revealed|learned|learnt|confirmed|announced|obtained|claimed|noted|added|stated|tweeted|posted|carried|showed|shows|contributed)\b/iu;
// What every AFTER_REPORTED match holds (one of its verbs), under the same flags: ~1.5 ms to compile otherwise.
const MAY_PRECEDE_VERB = /report|said|says|quoted|cited|wrote|writes|published|broadcast|aired|revealed|learn|confirmed|announced|obtained|claimed|noted|added|stated|tweeted|posted|carried|show|contributed/iu;
const AFTER_POSSESSIVE = /^\s+(?:(?:own|latest|new|exclusive|recent|earlier)\s+)?(?:report|reporting|reporter|correspondent|journalist|investigation|interview|analysis|coverage|footage|account|article|story|survey|poll|sources?)\b/iu;
const AFTER_WEBSITE = /^\s+(?:official\s+|mobile\s+|news\s+)?(?:website|web\s?site|site|homepage|app|apps)\b/iu;
const SELF_FOLLOW_UP = /^[^\n]{0,40}?\b(?:can\s+(?:also\s+)?be\s+(?:accessed|reached|viewed|found)|is\s+(?:also\s+)?available|alternate\s+addresses)/iu;
const BEFORE_PHOTO = /\b(?:photo(?:graph)?s?|pic(?:ture)?s?|images?|credit|footage|video)\s*(?:by|:|credit:?)\s*(?:[^\n:()]{0,40}\/)?\s*$/iu;
const DATELINE_BEFORE = /^\s*(?:[\p{Lu}][\p{Lu}\p{M}.'’ /-]*[\p{Lu}.](?:\s*,\s*[\p{L}\p{N}. ]{1,30})?\s*)?\($/u;
const DATELINE_AFTER = /^\)\s*[-\u2013\u2014]{1,2}(?=\s)/u;
const BYLINE_BEFORE = /^\s*by\s+(?:[\p{Lu}][\p{L}\p{M}.'’ -]{1,60}?\s*(?:,|\||\bfor\b|[-\u2013\u2014]|\band\b)\s*)?(?:the\s+)?$/iu;
const MAY_BE_BYLINE = /^\s*by\s/iu;
const BYLINE_REST = /^[\s|,·•\u2013\u2014-]*(?:[\p{Lu}\p{N}][^\n]{0,40})?$/u;
const COPYRIGHT_BEFORE = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*)?(?:the\s+)?$/iu;
// After a one-word name, what may follow when the name is the whole noun phrase: punctuation, the end, or
// a function word, adverb or verb ("told the BBC so", "according to Reuters on Monday"), but not a noun
// that continues the phrase ("the Australian government", "Gulf officials", "MENA region").
const ENDS_PHRASE = new RegExp(
  String.raw`^(?:['’]s?\b|\s*[,.;:)!?"”’\u2013\u2014-]|\s*$|\s+(?:and|or|but|nor|so|that|which|who|whom|whose|as|than|if|when|while|because|although|though|where|whether|the|a|an|this|these|those|it|its|they|he|she|we|you|i|there|here|on|in|at|for|with|about|to|from|of|by|over|after|before|since|during|until|under|into|onto|via|per|late|early|last|earlier|later|also|again|too|then|now|today|yesterday|tonight|recently|previously|first|still|only|just|even|not|never|has|had|have|is|was|were|are|will|would|could|can|may|might|must|should|did|does|do|said|says|reported|reports|news|correspondent|reporter|journalists?|tv|television|radio|newspaper|website|agency|[\p{Ll}]+ed|[\p{Ll}]+ly)\b)`,
  'u',
);
const FOOTER_NOT = /\b(?:contributed|reporting|reported|said|says|according|told|writes|wrote|editing)\b/iu;

/**
 * The name matches of one scan of a text with their cues, classified once: detection and citation both read
 * them (assessSources), so neither classifies a match the other has.
 */
export type ClassifiedNames = { readonly context: CueContext; readonly cues: readonly (Cue | null)[] };

/** Classifies every match of `names` (one findNames scan of `context.text`), in order. */
export function classifyNames(context: CueContext, names: readonly NameMatch[]): ClassifiedNames {
  return { context, cues: mapped(names, (match) => classifyName(context, match)) };
}

/** Classifies one name match; null when the name stands in no cue and is not distinctive enough alone. */
export function classifyName(context: CueContext, match: NameMatch): Cue | null {
  const { text } = context;
  // The windows on the name's line, found by reading units: one slice each, and no slice to search for the line.
  const back = Math.max(0, match.start - WINDOW);
  let newline = match.start - 1;
  while (newline >= back && text.charCodeAt(newline) !== 10) newline--;
  const lineKnown = newline >= back || back === 0;
  const lineStart = newline >= back ? newline + 1 : back;
  const before = text.slice(lineStart, match.start);
  const after = text.slice(match.tokenEnd, lineEndWithin(text, match.tokenEnd));
  // Without a possessive the name ends where its token does: the same line end, the same slice.
  const afterName = match.tokenEnd === match.end ? after : text.slice(match.end, lineEndWithin(text, match.end));
  // Read twice below (the publisher's copyright line, a credit), run once.
  const copyright = COPYRIGHT_BEFORE.exec(before);

  // The publisher's own lines.
  if (lineKnown && copyright !== null && /^\s*(?:©|\(c\)|copyright)/i.test(before)) return { kind: 'copyright', start: lineStart + leading(before), end: match.end };
  if (match.possessive && AFTER_WEBSITE.test(after) && (match.start >= context.tailStart || SELF_FOLLOW_UP.test(after))) {
    const word = AFTER_WEBSITE.exec(after) as RegExpExecArray;
    return { kind: 'website', start: match.start, end: match.tokenEnd + word[0].length };
  }
  if (lineKnown && match.start >= context.tailStart && before.trim() === '') {
    const line = (before + text.slice(match.start, match.tokenEnd) + after).trim();
    const credit = afterName.startsWith('/') || PHOTO_WORDS.test(line);
    if (!credit && line.length <= 80 && line.split(/\s+/).length <= 8 && !/[.!?:;]["”’)]?$/.test(line) && !FOOTER_NOT.test(line)) {
      return { kind: 'footer', start: lineStart + leading(before), end: lineStart + leading(before) + line.length };
    }
  }

  // Who wrote or supplied the copy.
  // DATELINE_BEFORE ends in `\($`, BYLINE_BEFORE starts `^\s*by\s`, the slash patterns at a slash: tested first,
  // which spares compiling the patterns (their Unicode classes) where they cannot match.
  if (lineKnown && before.endsWith('(') && DATELINE_BEFORE.test(before)) {
    const dash = DATELINE_AFTER.exec(afterName);
    if (dash !== null) return { kind: 'dateline', start: lineStart + leading(before), end: match.end + dash[0].length };
  }
  if (lineKnown && MAY_BE_BYLINE.test(before) && BYLINE_BEFORE.test(before) && BYLINE_REST.test(after)) return { kind: 'byline', start: lineStart + leading(before), end: match.end };

  // Credits.
  const paren = enclosingParentheses(before, afterName);
  if (paren !== null) {
    const inner = text.slice(match.start - paren.open, match.end + paren.close);
    // "(Reuters)" alone credits only where a sentence or line ended; "Agence France-Presse (AFP)" is a gloss.
    const standalone = sameName(inner, text.slice(match.start, match.end)) && /(?:^|[.!?)"”’])\s*$/.test(before.slice(0, before.length - paren.open - 1));
    if (inner.length <= 80 && (standalone || PHOTO_WORDS.test(inner) || inner.includes('/') || /©/.test(inner))) {
      return { kind: 'credit', start: match.start - paren.open - 1, end: match.end + paren.close + 1 };
    }
  }
  const photo = mayEndPhotoCredit(before) ? BEFORE_PHOTO.exec(before) : null;
  if (photo !== null) return { kind: 'credit', start: match.start - photo[0].length, end: match.end };
  const slashAfter = afterName.startsWith('/') ? /^\/[\p{Lu}][\p{L}\p{M}.'’-]*(?: [\p{Lu}][\p{L}\p{M}.'’-]*){0,2}/u.exec(afterName) : null;
  if (slashAfter !== null) return { kind: 'credit', start: match.start, end: match.end + slashAfter[0].length };
  // Only a line that ends in a slash right before the name can hold one (the pattern would try every capital).
  const slashBefore = before.endsWith('/') ? /[\p{Lu}][\p{L}\p{M}.'’-]*\/$/u.exec(before) : null;
  if (slashBefore !== null) return { kind: 'credit', start: match.start - slashBefore[0].length, end: match.end };
  const photoAfter = /^\s+(?:file\s+)?(?:photo|via\s+getty\s+images)\b/iu.exec(afterName);
  if (photoAfter !== null) return { kind: 'credit', start: match.start, end: match.end + photoAfter[0].length };
  if (copyright !== null && /©|\(c\)|copyright/i.test(copyright[0])) return { kind: 'credit', start: match.start - copyright[0].length, end: match.end };

  // Citations. A one-word name after a cue must end its phrase: "according to Reuters, ..." but not
  // "according to Gulf officials".
  const phraseEnds = !match.oneWord || ENDS_PHRASE.test(text.slice(match.end, match.end + WINDOW));
  // Both cue patterns end the line before the name within their last CUE_RUNS runs of non-space: read there only.
  const cueTail = phraseEnds ? lastRuns(before, CUE_RUNS) : '';
  const according = phraseEnds && MAY_FOLLOW_ACCORDING.test(cueTail) ? BEFORE_ACCORDING.exec(cueTail) : null;
  if (according !== null) return { kind: 'according-to', start: match.start - according[0].length, end: match.end };
  const toldOrBy = phraseEnds && MAY_FOLLOW_REPORTED.test(cueTail) ? BEFORE_REPORTED.exec(cueTail) : null;
  if (toldOrBy !== null) return { kind: 'reported', start: match.start - toldOrBy[0].length, end: match.end };
  if (match.possessive) {
    const owned = AFTER_POSSESSIVE.exec(after);
    if (owned !== null) return { kind: 'reported', start: match.start, end: match.tokenEnd + owned[0].length };
  } else {
    const contributed = /^\s+contributed\b/iu.exec(after);
    if (contributed !== null) return { kind: 'credit', start: match.start, end: match.tokenEnd + contributed[0].length };
    const verb = MAY_PRECEDE_VERB.test(after) ? AFTER_REPORTED.exec(after) : null;
    if (verb !== null) return { kind: 'reported', start: match.start, end: match.tokenEnd + verb[0].length };
  }
  // A bare acronym followed by a noun is usually something else ("MENA region").
  return match.distinctive && phraseEnds ? { kind: 'mention', start: match.start, end: match.end } : null;
}

// BEFORE_PHOTO can match only a line that ends, but for white space (as `\s` reads it), in `by`, `credit`, a
// colon or a slash: tested at the end, where the pattern, anchored there, would be tried from every position.
// Read back from the end over units, with no trimmed copy or lower-cased slices (it runs for every name).
function mayEndPhotoCredit(before: string): boolean {
  let end = before.length;
  while (end > 0 && isSpaceUnit(before.charCodeAt(end - 1))) end--;
  // Nothing but white space: no credit, and no read before the start (a first one deoptimised this).
  if (end === 0) return false;
  const last = before.charCodeAt(end - 1);
  return last === 0x3a || last === 0x2f || isAsciiWordAt(before, end - 2, 'by') || isAsciiWordAt(before, end - 6, 'credit');
}

// A BEFORE_ACCORDING or BEFORE_REPORTED match is its cue (up to 2 and 4 runs of non-space: `according to`,
// `requests for comment from`), up to four describing words and, after `according to`, up to three more
// (`report by the`), each a whole run, ending the string: it lies within the last 9 runs. Searched from the
// start of the tenth-last run (white space before it, so `\b` reads there as it did in the whole line), the
// patterns find the same match, and the line's earlier words are not tried one by one.
const CUE_RUNS = 10;

// `value` from the start of its `runs`-th last run of non-space (as `\s` reads it); all of it when it has fewer.
function lastRuns(value: string, runs: number): string {
  let i = value.length;
  for (let seen = 0; seen < runs; seen++) {
    while (i > 0 && isSpaceUnit(value.charCodeAt(i - 1))) i--;
    if (i === 0) return value;
    while (i > 0 && !isSpaceUnit(value.charCodeAt(i - 1))) i--;
    if (i === 0) return value;
  }
  return value.slice(i);
}

// Where the line that holds `from` ends, looking no further than WINDOW units (the text's end at most).
function lineEndWithin(text: string, from: number): number {
  const limit = Math.min(text.length, from + WINDOW);
  let end = from;
  while (end < limit && text.charCodeAt(end) !== 10) end++;
  return end;
}

function leading(value: string): number {
  return value.length - value.trimStart().length;
}

function sameName(inner: string, name: string): boolean {
  return inner.trim() === name;
}

// The parentheses around a name on its line, as distances from the name: `open` chars before it up to
// "(", `close` chars after it up to ")"; null when the name is not inside a short parenthesis.
function enclosingParentheses(before: string, after: string): { open: number; close: number } | null {
  const open = before.lastIndexOf('(');
  if (open < 0 || before.indexOf(')', open) >= 0 || before.length - open - 1 > 60) return null;
  const close = after.indexOf(')');
  if (close < 0 || close > 60 || after.slice(0, close).includes('(')) return null;
  return { open: before.length - open - 1, close };
}

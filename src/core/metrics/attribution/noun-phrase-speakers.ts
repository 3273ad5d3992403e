/**
 * Speakers read from the noun phrase at a cue: before it ("Sergei Lavrov, Russia's foreign minister,
 * said"), after it ("said the minister"), or before a relative clause ("A diplomat, who asked not to be
 * named, said"). A speaker phrase holds capitalised words, titles, demonyms, actors and the few words of
 * `speakerWords`; a phrase with nothing meaningful in it is no speaker.
 */
import { bareCommaBefore, commaBefore, type Scan } from './context.ts';
import type { SentenceRef, Speaker } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

/** The speaker phrase ending just before token `cue`, looking back no further than `limit`; pronouns count. */
export function nounPhraseBefore(scan: Scan, cue: number, limit: number): Speaker {
  const { article, words, capital } = scan;
  const { tokens } = article;
  // "Holt (R-Maine) said", "Sen. Anna Berg (D-Maine), a supporter of the ferry, told": the name before the aside.
  const aside = asideOpening(scan, cue, limit);
  if (aside >= 0) return nounPhraseBefore(scan, aside, limit);
  // Skipped words, time words and time phrases, read by class (word-classes.ts).
  const { classes } = scan;
  let t = cue - 1;
  while (t >= limit && capital[t] === 0 && article.quotedToken[t] === 0 && tokens.breakBefore[t + 1] !== 1) {
    if (((classes[t] as number) & WORD_CLASS.verbSkip) !== 0 || isMannerAdverb(scan, t)) {
      t--;
      continue;
    }
    if (((classes[t] as number) & WORD_CLASS.timeWord) !== 0) {
      let k = t - 1;
      while (k >= limit && k >= t - 4 && ((classes[k] as number) & WORD_CLASS.timePhraseWord) !== 0) k--;
      t = k;
      continue;
    }
    break;
  }
  // Capitalised day names in a skipped time phrase ("on Tuesday").
  while (t >= limit && ((classes[t] as number) & WORD_CLASS.timeWord) !== 0 && t - 1 >= limit && ((classes[t - 1] as number) & WORD_CLASS.timePhraseWord) !== 0) t -= 2;
  if (t < limit) return null;
  const end = t + 1;
  if (inClass(classes, t, WORD_CLASS.pronoun)) return { t0: t, t1: end };
  let start = end;
  while (t >= limit && (isSpeakerWord(scan, t) || modifiesTitle(scan, t, limit) || (inClass(classes, t, WORD_CLASS.speakerLink) && t - 1 >= limit && isSpeakerWord(scan, t - 1) && start < end && (capitalWithin(scan, start, Math.min(end, start + 3)) || startsWithArticle(scan, start))))) {
    // A determiner opens its noun phrase: "In a statement the company said" is "the company", but "a
    // spokeswoman for the company" and "the mayor and the governor" go on.
    if (start < end && startsWithArticle(scan, start) && tokens.breakBefore[start] !== 1 && !inClass(classes, t, WORD_CLASS.speakerLink) && !(inClass(classes, t, WORD_CLASS.clauseWord) && words.clauseWords.get(tokens.norm[t] as string) === 'coordinator')) break;
    // Cross a comma only inside a list of names or an appositive ("Sergei Lavrov, Russia's foreign minister").
    start = t;
    if (tokens.breakBefore[t] === 1) {
      // "..., in June, council members said": a date before the comma is where the clause ended.
      if (!bareCommaBefore(scan, t) || t - 1 < limit || !isSpeakerWord(scan, t - 1) || isDate(scan, t - 1)) break;
    }
    t--;
  }
  // "Anna Berg, the harbour manager, said", "Berg, in an interview, said": role words the lists lack, or an adjunct.
  if (start === end) return nameWithAppositive(scan, cue, limit);
  // "the town's lawyer, Anna Berg": a possessive in lower case before a head, with its determiner.
  if (start - 1 >= limit && tokens.breakBefore[start] !== 1 && isHead(scan, start) && capital[start - 1] === 0 && article.quotedToken[start - 1] === 0 && POSSESSIVE.test(tokens.norm[start - 1] as string) && !words.pronouns.has(withoutHelper(tokens.norm[start - 1] as string))) {
    start--;
    if (start - 1 >= limit && tokens.breakBefore[start] !== 1 && words.determiners.has(tokens.norm[start - 1] as string)) start--;
  }
  // "Holt spoke in Dover and said ...": a second verb's subject is the sentence's, not the words before "and".
  if (inClass(classes, end - 1, WORD_CLASS.clauseWord) && words.clauseWords.get(tokens.norm[end - 1] as string) === 'coordinator') return coordinatedSubject(scan, limit, end - 1);
  start = withModifiers(scan, start, end, limit);
  // Trim introductory phrases: "In Moscow, Peskov said" -> "Peskov"; "Then, in 2017, Kerry said" -> "Kerry".
  for (let k = start + 1; k < end; k++) if (tokens.breakBefore[k] === 1 && inClass(classes, start, WORD_CLASS.introduction)) start = k;
  // "Then Holt said": a sentence adverb (an introduction that is no preposition or clause word) needs no comma.
  if (end - start > 1 && inClass(classes, start, WORD_CLASS.introduction) && !inClass(classes, start, WORD_CLASS.adjunct) && !inClass(classes, start, WORD_CLASS.clauseWord) && capital[start + 1] === 1) start++;
  // "But Berg said", "And the mayor said": a connective opening the clause is no part of the speaker.
  while (start < end && (inClass(classes, start, WORD_CLASS.speakerLink) || isConnective(scan, start) || opensSubordinateClause(scan, start))) start++;
  if (start >= end) return null;
  let meaningful = false;
  // "A report published Wednesday said": a date is when, not who. Read up to the first word that is no date
  // (most phrases' first): each test may look the word up among the months.
  let onlyDates = true;
  for (let k = start; k < end && onlyDates; k++) onlyDates = isDate(scan, k);
  if (onlyDates) return null;
  // Read up to the first meaningful word: the tests past it (a look-up, a pattern) could only say so again.
  for (let k = start; k < end && !meaningful; k++) if (capital[k] === 1 || scan.titleAt[k] !== undefined || scan.actorAt[k] !== -1 || scan.countryAt[k] !== undefined || inClass(classes, k, WORD_CLASS.speakerNoun) || (isPercentage(scan, k) && opensShare(scan, start, limit))) meaningful = true;
  // A lone sentence-initial capital that is not a name ("The", "But") is not a speaker.
  const loneStarter = end - start === 1 && scan.sentenceStarts.has(start) && scan.actorAt[start] === -1 && scan.titleAt[start] === undefined && scan.lexicons.abbreviations.starters.has(tokens.norm[start] as string);
  if (!meaningful || loneStarter) return null;
  return { t0: start, t1: end };
}

/**
 * Whether token `t` is an adverb of manner or degree before a verb, which the skip list cannot all hold
 * ("enthusiastically endorsed", "Holt angrily said", "is widely expected"): a lower-case word in -ly of five
 * letters or more that is no noun. A noun in -ly is listed (ly-nouns.jsonl: "The Berg family opposed") or
 * follows a determiner or a possessive ("Holt's family said", "Many of the elderly said").
 */
// The writer's stance adverbs ("Officials clearly hoped", subjectivity-words.jsonl) are the writer's inference, not the holder's view.
export function isMannerAdverb(scan: Scan, t: number): boolean {
  return isLyAdverb(scan, t) && scan.lexicons.subjectivityWords.get(scan.article.tokens.norm[t] as string) !== 'stance-adverb';
}

/** Whether token `t` is one of the writer's stance adverbs in -ly ("apparently", "clearly": subjectivity-words.jsonl). */
export function isStanceAdverb(scan: Scan, t: number): boolean {
  return isLyAdverb(scan, t) && scan.lexicons.subjectivityWords.get(scan.article.tokens.norm[t] as string) === 'stance-adverb';
}

// A lower-case word in -ly of five letters or more that is no noun or speaker word.
function isLyAdverb(scan: Scan, t: number): boolean {
  const word = scan.article.tokens.norm[t] as string;
  return word.length >= 5 && word.endsWith('ly') && scan.capital[t] === 0 && !isLyNoun(scan, t) && !isSpeakerListed(scan, t, word) && scan.titleAt[t] === undefined && scan.actorAt[t] === -1;
}

// Whether `word` at `t` is a speaker noun or word: the lists are read only when the token has a speaker class bit.
function isSpeakerListed(scan: Scan, t: number, word: string): boolean {
  return ((scan.classes[t] as number) & (WORD_CLASS.speakerNoun | WORD_CLASS.speakerWord)) !== 0 && (scan.words.speakerNouns.has(word) || scan.words.speakerWords.has(word));
}

/** Whether the word in -ly at token `t` is a noun: listed in ly-nouns.jsonl, or after a determiner or a possessive ("the elderly", "Holt's family"). */
export function isLyNoun(scan: Scan, t: number): boolean {
  const { words } = scan;
  const { tokens } = scan.article;
  if (words.lyNouns.has(tokens.norm[t] as string)) return true;
  if (t === 0 || tokens.breakBefore[t] === 1) return false;
  const before = tokens.norm[t - 1] as string;
  if (inClass(scan.classes, t - 1, WORD_CLASS.determiner | WORD_CLASS.possessive)) return true;
  // "Holt's family", "the riders' supply"; not a pronoun with its helper run into it ("he's repeatedly said").
  const owner = POSSESSIVE.exec(before)?.[1];
  return owner !== undefined && !words.pronouns.has(owner) && !words.clauseWords.has(owner) && !words.beForms.has(owner);
}

const POSSESSIVE = /^(.+?)['\u2019]s?$/u;

// The word a possessive ending or a helper run into it follows ("Holt's" -> "holt").
function withoutHelper(word: string): string {
  return POSSESSIVE.exec(word)?.[1] ?? word;
}

// Longest aside in parentheses read between a speaker and the verb ("(R-Maine)", "(who has 25 delegates so far)").
const ASIDE_MAX_TOKENS = 10;

// The first token inside a parenthesis that closes right before the cue at `cue` ("Holt (R-Maine) said"), or -1.
function asideOpening(scan: Scan, cue: number, limit: number): number {
  const { tokens, text, quotedToken } = scan.article;
  if (cue - 1 <= limit || tokens.breakBefore[cue] !== 1 || !/^\)[\s,]*$/.test(text.slice(tokens.end[cue - 1] as number, tokens.start[cue] as number))) return -1;
  for (let k = cue - 1; k > limit && k >= cue - ASIDE_MAX_TOKENS; k--) {
    if (quotedToken[k] === 1) return -1;
    if (tokens.breakBefore[k] !== 1) continue;
    const gap = text.slice(tokens.end[k - 1] as number, tokens.start[k] as number);
    if (gap.includes(')')) return -1;
    if (gap.includes('(')) return /^\s*\($/.test(gap) ? k : -1;
  }
  return -1;
}

/** The speaker phrase starting at token `from` ("the minister", "Sergei Lavrov, Russia's foreign minister"), ending by `limit`. */
export function nounPhraseAfter(scan: Scan, from: number, limit: number): Speaker {
  const { article, capital, classes } = scan;
  const { tokens } = article;
  // The speaker links, determiners, clause words and speaker nouns by word class (word-classes.ts), not by string:
  // 28,000 look-ups a PolNeAR pass in tables other passes had pushed out of the cache.
  let t = from;
  while (t < limit && tokens.breakBefore[t] === 0 && isLeadingArticle(scan, t)) t++;
  const start = from;
  let end = modifiersBefore(scan, from, t, limit);
  while (end < limit && (isSpeakerWord(scan, end) || (inClass(classes, end, WORD_CLASS.speakerLink) && end + 1 < limit && capital[end + 1] === 1)) && (end === t || tokens.breakBefore[end] === 0)) end++;
  if (end === modifiersBefore(scan, from, t, limit)) return null;
  // An appositive after a comma: ", Russia's foreign minister".
  if (end < limit && bareCommaBefore(scan, end)) {
    let k = end;
    while (k < limit && (isSpeakerWord(scan, k) || inClass(classes, k, WORD_CLASS.speakerLink)) && (k === end || tokens.breakBefore[k] === 0)) k++;
    if (k > end && (k === limit || tokens.breakBefore[k] === 1)) end = k;
  }
  // A phrase never ends on a function word ("As the race ..." is no speaker "As the").
  while (end > start && (inClass(classes, end - 1, WORD_CLASS.determiner | WORD_CLASS.speakerLink | WORD_CLASS.clauseWord) || scan.lexicons.words.notNames.has(tokens.norm[end - 1] as string))) end--;
  let meaningful = false;
  for (let k = start; k < end && !meaningful; k++) if ((capital[k] === 1 && !scan.lexicons.abbreviations.starters.has(tokens.norm[k] as string)) || scan.titleAt[k] !== undefined || scan.actorAt[k] !== -1 || inClass(classes, k, WORD_CLASS.speakerNoun)) meaningful = true;
  return meaningful ? { t0: start, t1: end } : null;
}

// Words an appositive may have between its commas ("a fisherman who has worked the harbour for years").
const APPOSITIVE_MAX_TOKENS = 14;

// "Anna Berg, the harbour manager," / "Berg, a local fisherman," right before the cue at `cue`: an appositive
// opened by a determiner or a possessive after a name, both kept, a relative clause on its role included ("a
// fisherman who has worked here"); or a phrase of where or when ("Berg, in an interview,"), left out; null
// when the words before the cue are neither (a clause: a verb's helper, a pronoun or a clause word with no
// relative pronoun before it; a quotation).
function nameWithAppositive(scan: Scan, cue: number, limit: number): Speaker {
  const { article, words } = scan;
  const { tokens } = article;
  if (!bareCommaBefore(scan, cue)) return null;
  // Words that belong to a clause: fine inside a relative clause on the role ("a fisherman who has worked here").
  let clause = false;
  // The lists by word class (word-classes.ts), not by string: a clause word's role is its class bit.
  for (let t = cue - 1; t > limit && t >= cue - APPOSITIVE_MAX_TOKENS; t--) {
    if (article.quotedToken[t] === 1) return null;
    const bits = scan.classes[t] as number;
    if ((bits & WORD_CLASS.relative) !== 0 && tokens.breakBefore[t] !== 1) clause = false;
    else if (inClass(scan.classes, t, WORD_CLASS.verbSkip | WORD_CLASS.beForm | WORD_CLASS.pronoun | WORD_CLASS.clauseWord)) clause = true;
    if (tokens.breakBefore[t] !== 1) continue;
    if (!bareCommaBefore(scan, t) || clause) return null;
    // "Berg, in a short interview on Monday, said": where or when, between the speaker and the verb.
    if ((bits & WORD_CLASS.adjunct) !== 0) return nounPhraseBefore(scan, t, limit);
    if (!((bits & WORD_CLASS.determiner) !== 0 || /['’]s$/.test(tokens.norm[t] as string)) || scan.capital[t - 1] !== 1) return null;
    const name = nounPhraseBefore(scan, t, limit);
    // "Sen. Anna Berg (D-Maine), a supporter of the ferry, told": past an aside in parentheses the name stands alone.
    if (name !== null && name.t1 < t) return name;
    return name === null ? null : { t0: name.t0, t1: cue };
  }
  return null;
}

/** "A senior Russian diplomat, who spoke on condition of anonymity ..., said": the subject before the relative clause. */
export function subjectBeforeRelativeClause(scan: Scan, cue: number, limit: number): Speaker {
  if (cue - 1 < limit || !bareCommaBefore(scan, cue)) return null;
  const near = Math.max(limit, cue - 1 - NEAR_TOKENS);
  for (let t = cue - 1; t > near; t--) {
    if (opensRelativeClause(scan, t)) return nounPhraseBefore(scan, t, limit);
  }
  if (near === limit) return null;
  const t = latestRelativeOpenings(scan)[near] as number;
  return t > limit ? nounPhraseBefore(scan, t, limit) : null;
}

// How many tokens back from a cue are read one by one for a relative clause's opening: past them the table
// of latest openings is read, made once an article. A walk to the sentence's start per cue made a long
// sentence of asides ("the ferry was late, said Holt, ...") quadratic.
const NEAR_TOKENS = 64;

function opensRelativeClause(scan: Scan, t: number): boolean {
  return inClass(scan.classes, t, WORD_CLASS.relative) && scan.article.tokens.breakBefore[t] === 1;
}

// Per scan: `latest[t]`, the last token at or before `t` that opens a relative clause after a break, or -1.
const relativeOpenings = new WeakMap<Scan, Int32Array>();

function latestRelativeOpenings(scan: Scan): Int32Array {
  let latest = relativeOpenings.get(scan);
  if (latest === undefined) {
    latest = new Int32Array(scan.article.tokens.count);
    let last = -1;
    for (let t = 0; t < latest.length; t++) {
      if (opensRelativeClause(scan, t)) last = t;
      latest[t] = last;
    }
    relativeOpenings.set(scan, latest);
  }
  return latest;
}

/** The country named in tokens [t0, t1) by a demonym or a possessive ("Russia's"), or null. */
export function countryIn(scan: Scan, t0: number, t1: number): string | null {
  for (let t = t0; t < t1; t++) {
    const country = scan.countryAt[t];
    if (country !== undefined) return country;
  }
  return null;
}

function isSpeakerWord(scan: Scan, t: number): boolean {
  if (scan.article.quotedToken[t] === 1) return false;
  const word = scan.article.tokens.norm[t] as string;
  // The regular expression last, and only for a word that opens with a digit.
  return scan.capital[t] === 1 || ((scan.classes[t] as number) & WORD_CLASS.speakerWord) !== 0 || scan.titleAt[t] !== undefined || scan.countryAt[t] !== undefined || scan.actorAt[t] !== -1 || (isDigit(word.charCodeAt(0)) && NUMBER.test(word));
}

// "60 percent", "2,000 workers": a number inside a speaker phrase.
const NUMBER = /^\d[\d.,]*$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Whether token `t` is a number with a percent sign after it ("42% say"): a share of the people polled, as
 * "42 percent" is. The sign is no token of its own, only the gap before the next word.
 */
export function isPercentage(scan: Scan, t: number): boolean {
  const { tokens, text } = scan.article;
  return NUMBER.test(tokens.norm[t] as string) && t + 1 < tokens.count && /^%\s*$/.test(text.slice(tokens.end[t] as number, tokens.start[t + 1] as number));
}

// Whether the phrase at `start` opens a clause, so that a share in it is the subject ("and 30% call
// themselves", "Of the riders, 42% say"), not a verb's object ("fares rose 5% said the report").
function opensShare(scan: Scan, start: number, limit: number): boolean {
  const { words } = scan;
  if (start <= limit || (scan.article.tokens.breakBefore[start] === 1 && !isPercentage(scan, start - 1))) return true;
  const before = scan.article.tokens.norm[start - 1] as string;
  return words.quantifiers.has(before) || words.adjuncts.has(before) || words.clauseWords.has(before) || words.subordinators.has(before) || words.verbSkips.has(before);
}

// Lower-case words between a determiner and a head this far apart are its modifiers ("one harbour official").
const MAX_MODIFIERS = 2;

function startsWithArticle(scan: Scan, t: number): boolean {
  return inClass(scan.classes, t, WORD_CLASS.determiner) && scan.article.tokens.breakBefore[t + 1] !== 1;
}

function isHead(scan: Scan, t: number): boolean {
  return scan.titleAt[t] !== undefined || inClass(scan.classes, t, WORD_CLASS.speakerNoun);
}

// "one harbour official", "the oil company": a phrase ending in a head takes the words between it and a
// determiner just before, when they are plain lower-case words (not verbs' helpers, pronouns or clause words).
function withModifiers(scan: Scan, start: number, end: number, limit: number): number {
  const { article } = scan;
  const { tokens } = article;
  if (startsWithArticle(scan, start) || !isHead(scan, end - 1)) return start;
  for (let k = start - 1; k >= limit && k >= start - 1 - MAX_MODIFIERS; k--) {
    if (tokens.breakBefore[k + 1] === 1 || article.quotedToken[k] === 1) return start;
    if (inClass(scan.classes, k, WORD_CLASS.determiner)) return k;
    if (!isPlainWord(scan, k)) return start;
  }
  return start;
}

// The subject opening the sentence (after an opening participle's clause), when it ends before `coordinator`
// ("Holt" in "Holt spoke in Dover and said").
function coordinatedSubject(scan: Scan, limit: number, coordinator: number): Speaker {
  const { tokens } = scan.article;
  // "Asked about it, Holt shook her head and said": an opening participle's clause runs to its comma.
  let from = limit;
  if (/(?:ed|ing)$/.test(tokens.norm[limit] as string) && scan.actorAt[limit] === -1) {
    for (let k = limit + 1; k < coordinator; k++) {
      if (commaBefore(scan, k)) {
        from = k;
        break;
      }
    }
  }
  const subject = nounPhraseAfter(scan, from, coordinator);
  return subject !== null && subject.t1 < coordinator ? subject : null;
}

function isLeadingArticle(scan: Scan, t: number): boolean {
  return inClass(scan.classes, t, WORD_CLASS.determiner);
}

// "said one harbour official": after a determiner, the plain words before a head are part of the phrase;
// returns where the phrase's speaker words start (at `t` when there are none).
function modifiersBefore(scan: Scan, from: number, t: number, limit: number): number {
  if (t === from || !inClass(scan.classes, t - 1, WORD_CLASS.determiner)) return t;
  for (let k = t; k < limit && k <= t + MAX_MODIFIERS; k++) {
    if (k > t && scan.article.tokens.breakBefore[k] === 1) return t;
    if (isHead(scan, k)) return k;
    if (!isPlainWord(scan, k)) return t;
  }
  return t;
}

// The classes no plain word is in.
const NOT_PLAIN = WORD_CLASS.verbSkip | WORD_CLASS.pronoun | WORD_CLASS.clauseWord | WORD_CLASS.beForm | WORD_CLASS.speakerLink | WORD_CLASS.locative | WORD_CLASS.timeWord | WORD_CLASS.determiner;

function isPlainWord(scan: Scan, k: number): boolean {
  return scan.capital[k] === 0 && scan.article.quotedToken[k] === 0 && !inClass(scan.classes, k, NOT_PLAIN);
}

// A lower-case word between a country or body and a title names the portfolio: "France's maritime
// minister", "the Kremlin's energy envoy".
function modifiesTitle(scan: Scan, t: number, limit: number): boolean {
  const { article } = scan;
  const { tokens } = article;
  if (t - 1 < limit || scan.titleAt[t + 1] === undefined || tokens.breakBefore[t] === 1 || tokens.breakBefore[t + 1] === 1 || article.quotedToken[t] === 1) return false;
  const before = t - 1;
  return scan.countryAt[before] !== undefined || scan.actorAt[before] !== -1 || tokens.norm[before] !== tokens.bare[before];
}

// A month or a weekday ("June", "Friday"): capitalised, but no name.
function isDate(scan: Scan, t: number): boolean {
  return inClass(scan.classes, t, WORD_CLASS.timeWord) || scan.lexicons.words.months.names.has(scan.article.tokens.norm[t] as string);
}

function capitalWithin(scan: Scan, t0: number, t1: number): boolean {
  for (let k = t0; k < t1; k++) if (scan.capital[k] === 1) return true;
  return false;
}

// "and", "but", "while": a word joining clauses, never the start of a speaker's name.
export function isConnective(scan: Scan, t: number): boolean {
  if (!inClass(scan.classes, t, WORD_CLASS.clauseWord)) return false;
  const role = scan.words.clauseWords.get(scan.article.tokens.norm[t] as string);
  return role === 'coordinator' || role === 'contrast';
}

/** Whether token `t` opens `sentence`, or opens it after a connective ("And asked ...", "But after ..."). */
export function opensSentence(scan: Scan, sentence: SentenceRef, t: number): boolean {
  return t === sentence.tokenStart || (t - 1 === sentence.tokenStart && isConnective(scan, t - 1));
}

/** Whether token `t` is a subordinator opening its sentence, or opening it after a connective ("While Berg said", "But after Holt left"). */
export function opensSubordinateClause(scan: Scan, t: number): boolean {
  if (!inClass(scan.classes, t, WORD_CLASS.subordinator)) return false;
  return scan.sentenceStarts.has(t) || (t > 0 && scan.sentenceStarts.has(t - 1) && isConnective(scan, t - 1));
}

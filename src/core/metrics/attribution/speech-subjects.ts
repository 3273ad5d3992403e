/**
 * Subjects of a speech verb that the speaker phrases beside it miss: a name opening the sentence before a
 * short appositive set off by commas ("Anna Berg, 52, a former sailor, said"; its plain stretch test is also
 * read by reported-speech.ts for inverted speakers) or a long appositive ("Anna Berg, wearing a yellow coat and a harbour badge, said"), the subject of the main
 * clause after an opening subordinate clause ("Even though the ferry is cheap, the riders say"), a subject
 * before the writer's stance adverb ("Holt was apparently referring to") and a pronoun with its helper run
 * into it ("he's predicting"), and the subject opening the sentence read without knowing its words ("A law
 * enforcement official familiar with the inquiry said"). Each is read only when the speaker phrases beside
 * the verb find nothing, and scans the tokens of one sentence once.
 */
import { commaBefore, skipBack, type Scan } from './context.ts';
import { isConnective, isLyNoun, isMannerAdverb, isStanceAdverb, nounPhraseAfter, nounPhraseBefore } from './noun-phrase-speakers.ts';
import type { SentenceRef, Speaker, TokenSpan } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// The longest stretch from a sentence's start to its verb read as a name and its appositive.
const LONG_SUBJECT_MAX = 40;

// Where a clause's words start: after a connective opening the sentence ("But Berg, ..., said").
function clauseStart(scan: Scan, sentence: SentenceRef): number {
  return isConnective(scan, sentence.tokenStart) && sentence.tokenEnd - sentence.tokenStart > 1 ? sentence.tokenStart + 1 : sentence.tokenStart;
}

/**
 * "Anna Berg, wearing a yellow coat and a harbour badge, said", "Berg, 35, the daughter of a fisherman, said
 * on Monday", "Sen. Anna Berg (D-Maine), a supporter of the ferry, told", "Holt - after a long pause - told":
 * a speaker phrase with a capital opening the sentence (or the clause after an opening phrase's comma) and
 * closed by a comma, a parenthesis or a dash, then anything but another cue or a quotation longer than a title
 * up to such an edge right before the verb at `cue`. The speaker is the opening phrase.
 */
export function nameBeforeLongAppositive(scan: Scan, sentence: SentenceRef, cue: number, cueEnd: Int32Array): Speaker {
  const start = clauseStart(scan, sentence);
  const end = skipBack(scan, cue, start);
  if (end - start < 3 || end - start > LONG_SUBJECT_MAX || !asideBreak(scan, end)) return null;
  const opening = appositiveFrom(scan, start, end, cueEnd);
  if (opening !== null) return opening;
  // "At Boca West, where it costs $70,000 to join, Jay DiPietro, the club's president, suggested": after an
  // opening phrase, the name opens the clause at a comma.
  for (let k = start + 1; k < end - 2; k++) {
    if (scan.capital[k] !== 1 || !commaBefore(scan, k)) continue;
    const phrase = appositiveFrom(scan, k, end, cueEnd);
    if (phrase !== null) return phrase;
  }
  return null;
}

// The speaker phrase opening at `start`, with its appositive running to the aside's edge at `end`, or null.
function appositiveFrom(scan: Scan, start: number, end: number, cueEnd: Int32Array): Speaker {
  const { article, words, capital } = scan;
  const { tokens } = article;
  const first = tokens.norm[start] as string;
  if (capital[start] !== 1 || words.introductions.has(first) || words.adjuncts.has(first) || words.pronouns.has(first) || (scan.lexicons.abbreviations.starters.has(first) && !words.determiners.has(first))) return null;
  const phrase = openingPhrase(scan, start, end);
  // "LONDON (Reuters) - Britain's Home Secretary ... said": a dateline's place is no speaker.
  if (phrase === null || phrase.t1 >= end || !asideBreak(scan, phrase.t1) || scan.excluded[phrase.t0] === 1) return null;
  // "Berg, who calls Holt a \"coward,\" said": a relative clause on the name may quote and report on its own.
  if (inClass(scan.classes, phrase.t1, WORD_CLASS.relative)) return phrase;
  let quoted = 0;
  for (let k = phrase.t1; k < end; k++) {
    // "Joe Scarborough, host of MSNBC's \"Morning Joe,\" suggested": a short quotation opening with a capital
    // names a title; a longer one, or one in lower case ("read \"the notice\" aloud"), may be someone's words.
    quoted = article.quotedToken[k] === 1 ? quoted + 1 : 0;
    if ((quoted === 1 && capital[k] !== 1) || quoted > TITLE_QUOTE_MAX || (cueEnd[k] as number) > 0) return null;
  }
  return phrase;
}

// The longest quotation read as a title inside an appositive ("the co-author of \"Going Viral,\"").
const TITLE_QUOTE_MAX = 4;

// The words before a name that a speaker phrase does not take in ("Florida delegate John Archer, wearing a hat,
// said"): the phrase may start a few words on when it then ends at the aside's edge.
const LEAD_MAX = 3;

// The speaker phrase opening the sentence at `start` and ending at an aside's edge before `end`, if any.
function openingPhrase(scan: Scan, start: number, end: number): Speaker {
  const first = nounPhraseAfter(scan, start, end);
  if (first === null || (first.t1 < end && asideBreak(scan, first.t1))) return first;
  for (let s = start + 1; s <= start + LEAD_MAX && s < end && scan.article.tokens.breakBefore[s] !== 1; s++) {
    if (scan.capital[s] !== 1) continue;
    const phrase = nounPhraseAfter(scan, s, end);
    if (phrase !== null && phrase.t0 === s && phrase.t1 < end && asideBreak(scan, phrase.t1)) return { t0: start, t1: phrase.t1 };
  }
  return first;
}

// An aside's edge: a comma, a parenthesis or a dash between words ("Holt (R-Maine), a former sailor, said",
// "Holt - after a long pause - told me").
const ASIDE_EDGE = /[,()\u2013\u2014]|\s-\s/;

/** Whether the gap before token `t` opens or closes an aside: a comma, a parenthesis or a dash. */
export function asideBreak(scan: Scan, t: number): boolean {
  const { tokens, text } = scan.article;
  return t > 0 && tokens.breakBefore[t] === 1 && ASIDE_EDGE.test(text.slice(tokens.end[t - 1] as number, tokens.start[t] as number));
}

// Longest subject read after an opening clause's comma ("most of the riders", "the harbour board's chief").
const CLAUSE_SUBJECT_MAX = 8;

/**
 * "Even though the ferry is cheap, the riders say", "And until the pier closed, most of the riders said":
 * when the sentence opens with a word that starts a subordinate clause (a sentence starter that is no
 * determiner, quantifier or pronoun), the subject is the run of plain words from the last comma before the
 * verb at `cue` to the verb, opening with a pronoun, a determiner, a quantifier or a capital.
 */
export function subjectAfterOpeningClause(scan: Scan, sentence: SentenceRef, cue: number, cueEnd: Int32Array): Speaker {
  const { article, capital } = scan;
  const { tokens } = article;
  const start = clauseStart(scan, sentence);
  const first = tokens.norm[start] as string;
  if (!scan.lexicons.abbreviations.starters.has(first) || inClass(scan.classes, start, WORD_CLASS.determiner | WORD_CLASS.quantifier | WORD_CLASS.pronoun)) return null;
  const end = skipBack(scan, cue, start);
  let t = end;
  while (t - 1 > start && end - t < CLAUSE_SUBJECT_MAX && tokens.breakBefore[t] !== 1) {
    if (article.quotedToken[t - 1] === 1 || (cueEnd[t - 1] as number) > 0 || inClass(scan.classes, t - 1, WORD_CLASS.verbSkip | WORD_CLASS.beForm | WORD_CLASS.clauseWord) || (inClass(scan.classes, t - 1, WORD_CLASS.pronoun) && t - 1 < end - 1) || !/^[\p{L}\p{N}]/u.test(tokens.norm[t - 1] as string)) return null;
    t--;
  }
  if (t === end || t - 1 <= start || !commaBefore(scan, t)) return null;
  const pronoun = inClass(scan.classes, t, WORD_CLASS.pronoun);
  const opens = pronoun || inClass(scan.classes, t, WORD_CLASS.determiner | WORD_CLASS.quantifier) || capital[t] === 1;
  if (!opens || (pronoun && end - t > 1)) return null;
  return { t0: t, t1: end };
}

/**
 * "Mr. Trump was apparently referring to", "One message, apparently referring to": the speaker phrase before
 * one of the writer's stance adverbs (with helpers and manner adverbs) standing before the speech verb at
 * `cue`; the stance is the writer's, the speech still the subject's. Null in the passive ("was apparently
 * told") and when no stance adverb stands there. Attitude verbs do not read it: there the adverb is the
 * writer's inference ("Officials clearly hoped").
 */
export function subjectPastStanceAdverb(scan: Scan, sentence: SentenceRef, cue: number): Speaker {
  const { article, capital } = scan;
  const { tokens } = article;
  let k = cue;
  let stance = false;
  let be = false;
  while (k - 1 > sentence.tokenStart && tokens.breakBefore[k] !== 1 && article.quotedToken[k - 1] === 0 && capital[k - 1] === 0) {
    if (isStanceAdverb(scan, k - 1)) stance = true;
    else if (!inClass(scan.classes, k - 1, WORD_CLASS.verbSkip) && !isMannerAdverb(scan, k - 1)) break;
    if (inClass(scan.classes, k - 1, WORD_CLASS.beForm)) be = true;
    k--;
  }
  if (!stance || (be && !(tokens.norm[cue] as string).endsWith('ing'))) return null;
  return nounPhraseBefore(scan, k, sentence.tokenStart);
}

// A pronoun with its helper run into it: "he's", "they've", "we're", "she'd".
const CONTRACTED = /^(\p{L}+)['\u2019](?:s|re|ve|d|ll|m)$/u;

/** The word before a helper run into it ("he's" -> "he", "they've" -> "they"), or `word` itself. */
export function withoutContraction(word: string): string {
  // The apostrophe stands two or three from the end ("he's", "they've"): other words are not run through the pattern.
  const n = word.length;
  if (n < 3) return word;
  const second = word.charCodeAt(n - 2);
  const third = word.charCodeAt(n - 3);
  if (second !== 39 && second !== 0x2019 && third !== 39 && third !== 0x2019) return word;
  return CONTRACTED.exec(word)?.[1] ?? word;
}

/**
 * "And he's predicting that ...", "they've offered no details", "she'd repeatedly said": a pronoun naming
 * a person or a group with its helper run into it, before the verb at `cue` (past the skip list's words and
 * manner adverbs); null otherwise, and for "it's" (an impersonal "it's said" names no one).
 */
export function contractedSubject(scan: Scan, sentence: SentenceRef, cue: number): Speaker {
  const { article, words, capital } = scan;
  const { tokens } = article;
  let k = cue;
  while (k - 1 > sentence.tokenStart && tokens.breakBefore[k] !== 1 && article.quotedToken[k - 1] === 0 && capital[k - 1] === 0 && (inClass(scan.classes, k - 1, WORD_CLASS.verbSkip) || isMannerAdverb(scan, k - 1))) k--;
  if (k - 1 < sentence.tokenStart || tokens.breakBefore[k] === 1 || article.quotedToken[k - 1] === 1) return null;
  const word = tokens.norm[k - 1] as string;
  const pronoun = withoutContraction(word);
  const role = pronoun === word ? undefined : words.pronouns.get(pronoun);
  return role !== undefined && role !== 'body' ? { t0: k - 1, t1: k } : null;
}

// Whether `t0..t1` is unquoted and holds no clause word, form of be or pronoun: a stretch of a noun phrase.
export function plainStretch(scan: Scan, t0: number, t1: number): boolean {
  const { article } = scan;
  for (let t = t0; t < t1; t++) {
    if (article.quotedToken[t] === 1 || inClass(scan.classes, t, WORD_CLASS.clauseWord | WORD_CLASS.beForm | WORD_CLASS.pronoun)) return false;
  }
  return true;
}

// Longest stretch between a subject's comma and its verb read as an appositive ("The mayor, 52, a former sailor from the north, said").
const APPOSITIVE_MAX = 16;

// "Anna Berg, 52, a former sailor from the north, said ...": a speaker phrase opening the sentence, then a
// comma, an unquoted stretch with no clause word, form of be or pronoun, and a comma right before the verb.
export function appositiveSubject(scan: Scan, sentence: SentenceRef, cue: number): Speaker {
  if (!commaBefore(scan, cue) || cue - sentence.tokenStart > APPOSITIVE_MAX) return null;
  const phrase = nounPhraseAfter(scan, sentence.tokenStart, cue);
  if (phrase === null || phrase.t1 >= cue || !commaBefore(scan, phrase.t1)) return null;
  return plainStretch(scan, phrase.t1, cue) ? phrase : null;
}

/**
 * Whether "to" at token `t` of a subject is a preposition before its object ("the deputy head of the delegation
 * to the forum said"), not an infinitive's mark (a verb after it makes the words a clause): a determiner, a
 * possessive, a number or a capitalised word follows it.
 */
export function prepositionalTo(scan: Scan, t: number): boolean {
  const { norm, count } = scan.article.tokens;
  if (t + 1 >= count || norm[t] !== 'to') return false;
  const next = norm[t + 1] as string;
  return scan.capital[t + 1] === 1 || /^\d/.test(next) || scan.words.determiners.has(next) || scan.words.possessives.has(next);
}

/**
 * Where an inverted speaker phrase starting at `from` ends: at `end`, or before a relative clause on it (", who
 * spoke on condition of anonymity", "who declined to be named"); -1 when a comma comes first ("said the campaign
 * has yet to reply, though ...": the words after the verb may be its clause).
 */
export function invertedSpeakerEnd(scan: Scan, from: number, end: number): number {
  for (let t = from + 1; t < end; t++) {
    if (inClass(scan.classes, t, WORD_CLASS.relative)) return t;
    if (commaBefore(scan, t)) return -1;
  }
  return end;
}

// The longest subject read from the start of a sentence to its verb without knowing its words.
const OPENING_SUBJECT_MAX = 24;
// The longest head taken from such a subject as the speaker.
const OPENING_HEAD_MAX = 8;

/**
 * "Sanders, a senator from Vermont and a self-described socialist, said", "A law enforcement official
 * familiar with the inquiry said", "Holt, who has led the board since May, has said": when no other rule
 * finds a subject, the words from the sentence's start (after a connective) to the verb at `cue`, unquoted,
 * with no other cue, opening with a capital, a determiner, a quantifier or a number, and not with a word
 * that starts other kinds of sentence ("If", "After"). The speaker is the subject's head: up to its first
 * comma or relative word, at most a few words.
 */
export function openingSubject(scan: Scan, sentence: SentenceRef, cue: number, cueEnd: Int32Array): Speaker {
  const { article, words, capital } = scan;
  const { tokens } = article;
  let start = sentence.tokenStart;
  // "TBILISI (Reuters) - Georgia's main opposition alliance said": a dateline is no part of the subject.
  while (start < cue && scan.excluded[start] === 1) start++;
  if (isConnective(scan, start)) start++;
  const end = skipBack(scan, cue, start);
  if (end - start < 2 || end - start > OPENING_SUBJECT_MAX || (tokens.norm[cue] as string).endsWith('ing')) return null;
  // "Officials clearly hoped": an adverb the skip list lacks is the writer's, and no end of a subject.
  if ((tokens.norm[end - 1] as string).endsWith('ly') && !isLyNoun(scan, end - 1)) return null;
  const first = tokens.norm[start] as string;
  // A capital at a sentence's start may be any word ("Recently", "Using"): a name shows by a second capital,
  // a possessive ("Georgia's main opposition alliance"), an appositive's comma, or the gazetteer.
  const named = capital[start] === 1 && (capital[start + 1] === 1 || /['\u2019]s$/.test(tokens.norm[start] as string) || commaBefore(scan, start + 1) || scan.actorAt[start] !== -1 || scan.titleAt[start] !== undefined || words.speakerNouns.has(first));
  const opensNounPhrase = named || inClass(scan.classes, start, WORD_CLASS.determiner | WORD_CLASS.quantifier) || /^\d/.test(first);
  if (!opensNounPhrase || (scan.lexicons.abbreviations.starters.has(first) && !inClass(scan.classes, start, WORD_CLASS.determiner | WORD_CLASS.quantifier))) return null;
  if (inClass(scan.classes, start, WORD_CLASS.pronoun | WORD_CLASS.introduction | WORD_CLASS.adjunct) || /(?:ing|ly)$/.test(first)) return null;
  // Verbs are expected inside a relative clause ("who has led the board"; 2: opened after a comma), elsewhere a clause's.
  let relative = 0;
  for (let t = start; t < end; t++) {
    if (inClass(scan.classes, t, WORD_CLASS.relative)) relative = commaBefore(scan, t) ? 2 : 1;
    else if (commaBefore(scan, t)) relative = 0;
    // "One rider, who spoke on condition of anonymity, said": a cue inside the relative clause is its own.
    if (article.quotedToken[t] === 1 || ((cueEnd[t] as number) > 0 && !relative)) return null;
    if (relative) continue;
    if (inClass(scan.classes, t, WORD_CLASS.beForm | WORD_CLASS.timeWord | WORD_CLASS.verbSkip)) return null;
    const word = tokens.norm[t] as string;
    if ((word === 'to' && !prepositionalTo(scan, t)) || (capital[t] === 0 && /^[a-z]+(?:ed|ing)$/.test(word))) return null;
  }
  // "A diplomat, who was not allowed to speak, said": a comma that opened the relative clause must close it.
  if (relative === 2 && !commaBefore(scan, end)) return null;
  // "The views expressed are ...": an -ed form before a form of be or an adjunct is a passive participle.
  const after = cueEnd[cue] as number;
  if ((tokens.norm[cue] as string).endsWith('ed') && after < sentence.tokenEnd && (inClass(scan.classes, after, WORD_CLASS.beForm) || inClass(scan.classes, after, WORD_CLASS.adjunct))) return null;

  let head = start + 1;
  // The head ends at a comma, or at an aside in parentheses or dashes ("Sen. Anna Berg (D-Maine), a supporter ...").
  while (head < end && head - start < OPENING_HEAD_MAX && !asideBreak(scan, head) && !inClass(scan.classes, head, WORD_CLASS.relative)) head++;
  return { t0: start, t1: head };
}

/**
 * A speaker phrase that runs into the infinitive of the verb after it ("Trump failed three times to | refuse",
 * "I had prepared a short statement to | read", "Cruz supporters required to | vote for") holds the clause
 * before that verb, not its subject. The subject is the words before the clause's first verb-like word: an
 * auxiliary or adverb the verb skips pass over (verb-skips.jsonl: "had", "has", "already"), a form of be, a
 * raising verb ("seemed") or a lower-case word ending in "-ed" ("failed", "required"). When none shows, only
 * the "to" is dropped: which word is the verb is then unknown, and the infinitive's subject may be its object
 * ("the companies rely on users to | report"). `speaker` as it is when it does not end in "to" right before the
 * token at offset `cueStart`.
 */
export function subjectBeforeInfinitive(scan: Scan, speaker: TokenSpan, cueStart: number): Speaker {
  const { tokens } = scan.article;
  const last = speaker.t1 - 1;
  if (last <= speaker.t0 || tokens.norm[last] !== 'to' || last + 1 >= tokens.count || tokens.start[last + 1] !== cueStart) return speaker;
  for (let t = speaker.t0 + 1; t < last; t++) {
    if (scan.capital[t] === 1) continue;
    const word = tokens.norm[t] as string;
    if (inClass(scan.classes, t, WORD_CLASS.beForm | WORD_CLASS.verbSkip) || scan.words.raisingVerbs.has(word) || (word.length > 4 && word.endsWith('ed'))) return { t0: speaker.t0, t1: t };
  }
  return { t0: speaker.t0, t1: last };
}

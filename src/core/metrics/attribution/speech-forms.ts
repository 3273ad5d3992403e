/**
 * Forms of a speech verb whose speaker or content the plain readings miss: the question put to a speaker
 * ("Asked whether the ferry would run, Holt said no": the asker is the reporter, or the agent after "by"),
 * and a participle after a subordinator whose subject is the main clause's ("won the vote by saying ...",
 * "After saying she was tired, the mayor left").
 */
import { commaBefore, skipBack, type Scan } from './context.ts';
import { clauseEnd, skipThat, skipTimePhrase, subjectAt, trimmedSpan } from './content-spans.ts';
import { isConnective, nounPhraseAfter, opensSentence, opensSubordinateClause } from './noun-phrase-speakers.ts';
import type { Cue, Range, SentenceRef, Speaker, TokenSpan } from './types.ts';
import { inClass, isWordAt, WORD_CLASS, wordRef } from './word-classes.ts';

// Words tested at every cue, by id.
const ASKED = wordRef('asked');
const BY = wordRef('by');

// How far past "asked" (and its adjuncts: "Asked on Monday in Dover whether") the question may start.
const QUESTION_REACH = 8;
// How far a clause's closing comma is looked for, in tokens: a sentence with no commas or stops (a list, a
// run of text) would otherwise be searched again from every verb in it.
const COMMA_REACH = 80;
// How far into a sentence a verb may stand and still be read as inside its opening subordinate clause.
const SUBORDINATE_REACH = 30;

// The first comma outside quotations in tokens (from, end), looking no further than COMMA_REACH; -1 when none.
function commaAfter(scan: Scan, from: number, end: number): number {
  const { quotedToken } = scan.article;
  for (let k = from; k < end && k < from + COMMA_REACH; k++) if (quotedToken[k] === 0 && quotedToken[k - 1] === 0 && commaBefore(scan, k)) return k;
  return -1;
}

/**
 * The question at a passive "asked" at `cue`: opening the sentence ("Asked whether ..., Holt said"), after
 * "when" ("when asked about the timetable") or after a form of be ("Holt was asked how"). The content runs
 * from the question word (after "about": its topic) to the clause's comma, or for "was asked" to the
 * clause's end; the speaker is the agent after "by", else none (a reporter's question). Null for any other
 * use of "asked" or when no question follows.
 */
export function askedQuestion(scan: Scan, cue: Cue, sentence: SentenceRef, cueEnd: Int32Array): { speaker: Speaker; content: Range } | null {
  const { article, words } = scan;
  const { tokens, quotedToken } = article;
  if (cue.t1 - cue.t0 !== 1 || !isWordAt(tokens, cue.t0, ASKED)) return null;
  const before = cue.t0 - 1;
  const opening = opensSentence(scan, sentence, cue.t0);
  const afterWhen = before >= sentence.tokenStart && tokens.breakBefore[cue.t0] !== 1 && tokens.norm[before] === 'when';
  const passive = before >= sentence.tokenStart && tokens.breakBefore[cue.t0] !== 1 && inClass(scan.classes, before, WORD_CLASS.beForm);
  if (!opening && !afterWhen && !passive) return null;
  const end = sentence.tokenEnd;
  let from = cue.t1;
  let speaker: Speaker = null;
  // "Asked by a reporter whether ...": the agent asked.
  if (from < end && tokens.norm[from] === 'by') {
    speaker = nounPhraseAfter(scan, from + 1, end);
    if (speaker === null) return null;
    from = speaker.t1;
  }
  let start = -1;
  for (let k = from; k < end && k < from + QUESTION_REACH; k++) {
    if (quotedToken[k] === 1 || (k > cue.t1 && commaBefore(scan, k))) break;
    const word = tokens.norm[k] as string;
    if (words.questionWords.has(word)) {
      start = word === 'about' ? k + 1 : k;
      break;
    }
    // "was asked a simple question about ...": the question is the object.
    if (k === from && passive && words.determiners.has(word)) {
      start = k;
      break;
    }
  }
  if (start < 0 || start >= end) return null;
  // Opening the sentence or after "when", the question is a clause of its own, closed by its comma.
  const comma = passive ? -1 : commaAfter(scan, start + 1, end);
  const stop = comma >= 0 ? comma : clauseEnd(scan, start, end, cueEnd);
  const content = trimmedSpan(article, start, stop);
  return content === null || stop - start < 2 ? null : { speaker, content };
}

/**
 * Whether the -ing cue at `cue` follows a subordinator ("by saying", "after announcing", "while noting"): a
 * participle whose subject is the main clause's. It must take something after it in its clause: "shut
 * without warning." or "left without comment" use the -ing word as a noun, not as a speech act.
 */
export function participleAfterSubordinator(scan: Scan, cue: Cue, sentence: SentenceRef): boolean {
  const { tokens, quotedToken } = scan.article;
  const before = cue.t0 - 1;
  const takesObject = cue.t1 < sentence.tokenEnd && tokens.breakBefore[cue.t1] !== 1;
  return before >= sentence.tokenStart && takesObject && (tokens.norm[cue.t0] as string).endsWith('ing') && tokens.breakBefore[cue.t0] !== 1 && quotedToken[before] === 0 && scan.words.participleSubordinators.has(tokens.norm[before] as string);
}

/**
 * "After saying she was tired, the mayor left": a participle clause opening the sentence at `at` (its
 * subordinator, after a connective) ends at its comma; returns that comma's token, or -1 when the clause
 * does not open the sentence or has no comma.
 */
export function openingClauseEnd(scan: Scan, sentence: SentenceRef, at: number, from: number): number {
  const opens = opensSentence(scan, sentence, at);
  return opens ? commaAfter(scan, from, sentence.tokenEnd) : -1;
}

/** The subject after an opening clause's comma at `comma` ("After saying she was tired, the mayor left"): a pronoun or a speaker phrase, or null. */
export function subjectAfterComma(scan: Scan, sentence: SentenceRef, comma: number): Speaker {
  const { quotedToken } = scan.article;
  if (comma < 0 || comma >= sentence.tokenEnd || quotedToken[comma] === 1) return null;
  if (inClass(scan.classes, comma, WORD_CLASS.pronoun)) return { t0: comma, t1: comma + 1 };
  return nounPhraseAfter(scan, comma, sentence.tokenEnd);
}

/**
 * The main clause's subject for a participle after a subordinator, when it reads as one: `subject` (from
 * `mainSubject`) kept unless it opens with a word that starts other kinds of sentence ("That's", "It's",
 * "Although Bloomberg"), an -ing form ("Recognizing") or a bare number ("Two", "Nine").
 */
export function plausibleSubject(scan: Scan, subject: Speaker): Speaker {
  if (subject === null) return null;
  const first = scan.article.tokens.norm[subject.t0] as string;
  if (inClass(scan.classes, subject.t0, WORD_CLASS.pronoun)) return subject;
  // "Two" or "Nine" alone is a count of something the phrase left out.
  if (inClass(scan.classes, subject.t0, WORD_CLASS.determiner | WORD_CLASS.quantifier)) return subject.t1 - subject.t0 > 1 ? subject : null;
  if (scan.lexicons.abbreviations.starters.has(first) || first.endsWith('ing') || startsWithDigit(first) || endsWithApostropheS(first)) return null;
  return subject;
}

// /^\d/ by its char code: an ASCII digit first.
function startsWithDigit(word: string): boolean {
  // An empty word is tested, not read past its end (V8 deoptimises the caller the first time a read falls there).
  if (word.length === 0) return false;
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
}

// /['\u2019]s$/ by char codes: an apostrophe and "s" at the end.
function endsWithApostropheS(word: string): boolean {
  const code = word.charCodeAt(word.length - 2);
  return word.charCodeAt(word.length - 1) === 115 && (code === 39 || code === 0x2019);
}

// Whether `word` ends in an apostrophe, or in one and "s" (/['\u2019]s?$/), read as char codes: asked at every cue.
function endsWithPossessive(word: string): boolean {
  let i = word.length - 1;
  if (i >= 0 && word.charCodeAt(i) === 115) i--;
  const code = i >= 0 ? word.charCodeAt(i) : 0;
  return code === 39 || code === 0x2019;
}

/** Whether a possessive stands right before token `t`: "Holt's", or a common noun's plural with its apostrophe ("Reporters' calls"). */
export function possessiveBefore(scan: Scan, t: number): boolean {
  const { tokens, text } = scan.article;
  if (t === 0) return false;
  const before = tokens.norm[t - 1] as string;
  if (tokens.breakBefore[t] !== 1) return endsWithPossessive(before);
  // A name ending in s ("Sanders' call for") is its speaker's: only a common noun's plural counts here.
  const name = scan.actorAt[t - 1] !== -1 || (scan.capital[t - 1] === 1 && !(scan.sentenceStarts.has(t - 1) && (scan.titleAt[t - 1] !== undefined || scan.words.speakerNouns.has(before))));
  return !name && before.endsWith('s') && /^['\u2019]\s*$/.test(text.slice(tokens.end[t - 1] as number, tokens.start[t] as number));
}

/**
 * "Emergency calls rose 20 percent", "Phone calls went unanswered": a verb cue whose word is also a noun
 * (noun-cues.jsonl) after a lone word opening the sentence that is no pronoun, actor or title, with no
 * object after it (a determiner, a pronoun, a possessive, a reflexive, "there", a capital, a number, a quotation,
 * "that" or an infinitive), is the noun.
 */
export function nounAfterModifier(scan: Scan, cue: Cue, sentence: SentenceRef, speaker: Speaker): boolean {
  const { article, words } = scan;
  const { tokens } = article;
  if (speaker === null || speaker.t1 - speaker.t0 !== 1 || speaker.t0 !== sentence.tokenStart || speaker.t1 !== cue.t0 || tokens.breakBefore[cue.t0] === 1) return false;
  if (!inClass(scan.classes, cue.t0, WORD_CLASS.nounCue)) return false;
  const first = tokens.norm[speaker.t0] as string;
  if (words.pronouns.has(first) || scan.actorAt[speaker.t0] !== -1 || scan.titleAt[speaker.t0] !== undefined || words.speakerNouns.has(first)) return false;
  const next = cue.t1;
  // "Cruz hopes to get": a cue ending in "to" has its infinitive for an object.
  if (tokens.norm[cue.t1 - 1] === 'to') return false;
  if (next >= sentence.tokenEnd) return true;
  const word = tokens.norm[next] as string;
  const object = article.quotedToken[next] === 1 || scan.capital[next] === 1 || startsWithDigit(word) || word.endsWith('self') || word.endsWith('selves') || word === 'there' || words.determiners.has(word) || words.pronouns.has(word) || words.possessives.has(word) || words.clauseWords.get(word) === 'complementiser' || infinitiveAfter(scan, next, sentence);
  return !object;
}

// "vow to boycott", "plans to help": "to" and a verb, not "calls to the office".
function infinitiveAfter(scan: Scan, t: number, sentence: SentenceRef): boolean {
  const { tokens } = scan.article;
  if (tokens.norm[t] !== 'to' || t + 1 >= sentence.tokenEnd || tokens.breakBefore[t + 1] === 1 || scan.capital[t + 1] === 1) return false;
  const word = tokens.norm[t + 1] as string;
  return /^\p{Ll}/u.test(word) && !scan.words.determiners.has(word) && !scan.words.possessives.has(word) && !scan.words.pronouns.has(word) && !scan.words.quantifiers.has(word);
}

/**
 * The question a non-response leaves open ("declined to say whether the ferry would run", "would not say
 * whether ..."): from the question word ending the cue or right after it to the clause's end; null when no
 * question follows ("declined to comment").
 */
export function unansweredQuestion(scan: Scan, cue: Cue, sentence: SentenceRef, cueEnd: Int32Array): Range | null {
  const { words } = scan;
  const { norm } = scan.article.tokens;
  const opens = (t: number): boolean => t < sentence.tokenEnd && scan.article.quotedToken[t] === 0 && words.questionWords.has(norm[t] as string) && norm[t] !== 'about' && norm[t] !== 'to';
  const start = opens(cue.t1 - 1) ? cue.t1 - 1 : opens(cue.t1) && scan.article.tokens.breakBefore[cue.t1] !== 1 ? cue.t1 : -1;
  if (start < 0) return null;
  const end = clauseEnd(scan, start, sentence.tokenEnd, cueEnd);
  return end - start >= 2 ? trimmedSpan(scan.article, start, end) : null;
}

/**
 * "While Berg said the pier was safe, the board closed it": when the sentence opens with a subordinate
 * clause holding the verb at `cue` (no comma between the clause's start and the verb), the first comma after
 * the verb outside quotations ends what was said; -1 otherwise.
 */
export function subordinateClauseEnd(scan: Scan, sentence: SentenceRef, cue: Cue): number {
  const { quotedToken } = scan.article;
  let start = sentence.tokenStart;
  if (!opensSubordinateClause(scan, start) && isConnective(scan, start)) start++;
  if (start >= cue.t0 || cue.t0 - start > SUBORDINATE_REACH || !opensSubordinateClause(scan, start)) return -1;
  for (let k = start + 1; k <= cue.t0; k++) if (quotedToken[k] === 0 && commaBefore(scan, k)) return -1;
  return commaAfter(scan, cue.t1, sentence.tokenEnd);
}


// The longest introductory phrase read before a subject ("In a subsequent interview with a local paper,").
const INTRODUCTORY_PHRASE_MAX = 16;

/**
 * Whether tokens [start, lead) (ending at a comma before a speaker phrase) are an introductory phrase rather
 * than reported content: a phrase opened by a preposition or a subordinator with no form of be, clause
 * word or pronoun in it ("In a press release earlier this month,"), or a few adverbs ("More
 * recently,"). No quotation may stand in it.
 */
export function isIntroductoryPhrase(scan: Scan, start: number, lead: number): boolean {
  const { article } = scan;
  const { norm } = article.tokens;
  if (lead - start > INTRODUCTORY_PHRASE_MAX) return false;
  for (let k = start; k < lead; k++) if (article.quotedToken[k] === 1) return false;
  // "Earlier in 2012,", "Later on Monday,": a time word before a preposition opens a phrase of when.
  const timed = inClass(scan.classes, start, WORD_CLASS.timeWord) && lead - start > 1 && inClass(scan.classes, start + 1, WORD_CLASS.adjunct);
  if (inClass(scan.classes, start, WORD_CLASS.introduction | WORD_CLASS.adjunct) || timed) {
    for (let k = start + 1; k < lead; k++) if (inClass(scan.classes, k, WORD_CLASS.beForm | WORD_CLASS.clauseWord | WORD_CLASS.pronoun)) return false;
    return true;
  }
  if (lead - start > 3) return false;
  for (let k = start; k < lead; k++) {
    if (!((norm[k] as string).endsWith('ly') || inClass(scan.classes, k, WORD_CLASS.timeWord | WORD_CLASS.quantifier))) return false;
  }
  return true;
}

// The longest role phrase read before a speaker's name in commas ("One Republican presidential hopeful, Carly Fiorina, says").
const OPENING_ROLE_MAX = 5;

/**
 * "Another rider, Tom Holt, wrote", "One hopeful, Anna Berg, says": whether tokens [start, lead), before the
 * speaker phrase at `lead` and its comma right before the verb at `cue`, are a short role phrase opened by a
 * determiner or a quantifier, with no clause word, form of be, pronoun, quotation or comma: the speaker's
 * role, not content said.
 */
export function isOpeningRole(scan: Scan, start: number, lead: number, cue: number): boolean {
  const { article } = scan;
  const nameEnd = skipBack(scan, cue, lead);
  if (lead - start > OPENING_ROLE_MAX || nameEnd <= lead || !inClass(scan.classes, start, WORD_CLASS.determiner | WORD_CLASS.quantifier) || !commaBefore(scan, nameEnd)) return false;
  for (let k = start; k < lead; k++) {
    if (article.quotedToken[k] === 1 || (k > start && commaBefore(scan, k)) || inClass(scan.classes, k, WORD_CLASS.clauseWord | WORD_CLASS.beForm | WORD_CLASS.pronoun)) return false;
  }
  return true;
}

// Words a tag inside a sentence may have after its verb before the comma ("she said in an interview,").
const TAG_TAIL_MAX = 6;

/**
 * "The question of whether to act, she said, is not so simple.", "And that, Holt said in an interview, was
 * the plan.": a speaker phrase starting at `start` after a comma (at least two tokens into the sentence),
 * the verb, at most a short phrase of when, where or how, and a comma with more of the sentence after it.
 */
export function parentheticalTag(scan: Scan, start: number, cue: Cue, sentence: SentenceRef): boolean {
  const { tokens, quotedToken } = scan.article;
  if (start - sentence.tokenStart < 2 || !commaBefore(scan, start) || quotedToken[start - 1] === 1) return false;
  const end = sentence.tokenEnd;
  for (let k = cue.t1; k < end && k <= cue.t1 + TAG_TAIL_MAX; k++) {
    if (quotedToken[k] === 1) return false;
    if (commaBefore(scan, k)) return k < end - 1 && (k === cue.t1 || inClass(scan.classes, cue.t1, WORD_CLASS.adjunct | WORD_CLASS.timeWord | WORD_CLASS.verbSkip));
    if (tokens.breakBefore[k] === 1 && k > cue.t1) return false;
  }
  return false;
}

/**
 * The clause a framing speech verb reports: "As the Herald reported, the ferry was late" (the frame opens
 * the sentence: the clause after its comma, past at most a short when/where phrase after the verb) and "the
 * ferry was late, as the Herald reported" (the frame ends the sentence: the clause before its comma). The
 * frame word (frame-words.jsonl) stands right before the speaker phrase [t0, t1) of the verb at `cue`. Null
 * for any other shape.
 */
export function framedClause(scan: Scan, speaker: TokenSpan, cue: Cue, sentence: SentenceRef): Range | null {
  const { article, words } = scan;
  const { tokens, quotedToken } = article;
  const at = speaker.t0 - 1;
  if (at < sentence.tokenStart || tokens.breakBefore[speaker.t0] === 1 || quotedToken[at] === 1 || !words.frameWords.has(tokens.norm[at] as string)) return null;
  const opens = opensSentence(scan, sentence, at);
  const end = sentence.tokenEnd;
  if (opens) {
    for (let k = cue.t1; k < end && k <= cue.t1 + TAG_TAIL_MAX; k++) {
      if (quotedToken[k] === 1 && k > cue.t1) return null;
      if (tokens.breakBefore[k] === 1) return k < end - 1 ? trimmedSpan(article, k, end) : null;
    }
    return null;
  }
  if (!commaBefore(scan, at) || at - sentence.tokenStart < 2) return null;
  for (let k = cue.t1; k < end; k++) if (quotedToken[k] === 1 || (k > cue.t1 + TAG_TAIL_MAX)) return null;
  return trimmedSpan(article, sentence.tokenStart, at);
}

// The longest subject taken as the content of a passive with its agent ("The meeting was first reported by").
const PASSIVE_SUBJECT_MAX = 16;

/**
 * "The meeting was first reported by the Dover Herald": a passive speech verb at `cue` with its agent after
 * "by". The agent speaks; the content is a that-clause after the agent, else the subject, from the clause's
 * start (the sentence's, or its last comma) to the form of be. Null without a form of be before the verb, an agent, or a subject.
 */
export function passiveWithAgent(scan: Scan, cue: Cue, sentence: SentenceRef, cueEnd: Int32Array): { speaker: NonNullable<Speaker>; content: Range } | null {
  const { article } = scan;
  const { tokens, quotedToken } = article;
  if (cue.t1 >= sentence.tokenEnd || tokens.breakBefore[cue.t1] === 1 || !isWordAt(tokens, cue.t1, BY)) return null;
  let be = cue.t0 - 1;
  while (be > sentence.tokenStart && tokens.breakBefore[be + 1] !== 1 && !inClass(scan.classes, be, WORD_CLASS.beForm) && inClass(scan.classes, be, WORD_CLASS.verbSkip)) be--;
  if (be <= sentence.tokenStart || tokens.breakBefore[be + 1] === 1 || !inClass(scan.classes, be, WORD_CLASS.beForm)) return null;
  // "has been", "had been": the helpers before the form of be belong to the verb, not the subject.
  let end = be;
  while (end - 1 > sentence.tokenStart && tokens.breakBefore[end] !== 1 && inClass(scan.classes, end - 1, WORD_CLASS.verbSkip)) end--;
  let start = end - 1;
  while (start > sentence.tokenStart && end - start < PASSIVE_SUBJECT_MAX && tokens.breakBefore[start] !== 1 && quotedToken[start - 1] === 0) start--;
  if (tokens.breakBefore[start] === 1 && start > sentence.tokenStart && !commaBefore(scan, start)) return null;
  if (start === sentence.tokenStart && isConnective(scan, start)) start++;
  const speaker = nounPhraseAfter(scan, cue.t1 + 1, sentence.tokenEnd);
  if (speaker === null) return null;
  // "The crew was told by the mayor that the pier was closed": the clause after the agent is what was said.
  const clause = skipThat(scan, speaker.t1, sentence.tokenEnd);
  const content = clause > speaker.t1 ? trimmedSpan(article, clause, clauseEnd(scan, clause, sentence.tokenEnd, cueEnd)) : trimmedSpan(article, start, end);
  return content === null ? null : { speaker, content };
}

// How much further than the adjuncts read before it a long adjunct closed by ", that" may run ("said Thursday
// during a taping of a town hall meeting in Buffalo, New York, that ...").
const LONG_ADJUNCT_REST = 14;

/** The token after ", that" + a subject past a long adjunct starting before `from`, with no quotation or clause word but commas on the way; -1 when there is none. */
export function thatAfterLongAdjunct(scan: Scan, from: number, end: number): number {
  for (let t = from; t < Math.min(end, from + LONG_ADJUNCT_REST); t++) {
    if (scan.article.quotedToken[t] === 1 || inClass(scan.classes, t, WORD_CLASS.contrast | WORD_CLASS.relative | WORD_CLASS.coordinator)) return -1;
    // "in Dover, Kent, that was built in 1850": a relative "that" has no subject of its own after it.
    if (inClass(scan.classes, t, WORD_CLASS.complementiser)) return commaBefore(scan, t) && subjectAt(scan, t + 1, end) ? t + 1 : -1;
  }
  return -1;
}

/** "invoices released under the records law", "a statement posted on its channel": whether an -ed act right after a common noun, with where, how or by whom after it, is a participle describing the noun, not a speech act. */
export function isReducedRelative(scan: Scan, cue: Cue, end: number): boolean {
  const { tokens } = scan.article;
  const before = tokens.norm[cue.t0 - 1] as string;
  if (cue.t1 - cue.t0 !== 1 || !(tokens.norm[cue.t0] as string).endsWith('ed') || tokens.breakBefore[cue.t0] === 1 || scan.capital[cue.t0 - 1] === 1) return false;
  if (!/^\p{Ll}+$/u.test(before) || inClass(scan.classes, cue.t0 - 1, WORD_CLASS.pronoun | WORD_CLASS.clauseWord | WORD_CLASS.verbSkip | WORD_CLASS.beForm) || scan.titleAt[cue.t0 - 1] !== undefined || isSpeakingNoun(scan, before)) return false;
  const next = skipTimePhrase(scan, cue.t1, end, true);
  return next < end && inClass(scan.classes, next, WORD_CLASS.adjunct);
}

// Whether a speaker noun names who can act (an agency, a company, a group), not a document or a poll.
function isSpeakingNoun(scan: Scan, word: string): boolean {
  const kind = scan.words.speakerNouns.get(word);
  return kind !== undefined && kind !== 'document' && kind !== 'poll';
}

/** Whether `speaker` follows ", which" (", which Holt said was final,"): the subject of a relative clause between commas. */
export function isRelativeSubject(scan: Scan, speaker: TokenSpan, sentence: SentenceRef): boolean {
  const at = speaker.t0 - 1;
  return at > sentence.tokenStart && commaBefore(scan, at) && inClass(scan.classes, at, WORD_CLASS.relative);
}

/**
 * Subjects that a reporting verb does not have beside it: the antecedent of a relative clause ("an
 * architect who said"), the subject of the main clause for a participle after it ("The council voted on
 * Monday, saying") and for a second coordinated verb ("She praised the crew and said"), and the short
 * phrase of a postposed attribution that the speaker phrases do not know ("..., another source said.").
 */
import { commaBefore, type Scan } from './context.ts';
import { isLyNoun, isMannerAdverb, isPercentage, nounPhraseAfter, nounPhraseBefore, opensSentence } from './noun-phrase-speakers.ts';
import { participleAsideBefore, participleBreakBefore, participleDashBefore, participleFrameHoldsSpeech, pastOpeners } from './participle-cues.ts';
import { participleAfterSubordinator, plausibleSubject } from './speech-forms.ts';
import type { Cue, SentenceRef, Speaker } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

/** How a verb finds its subject: beside it, through a relative pronoun, from the main clause, from the verb it is coordinated with, or before a participle's aside. */
export type VerbShape = { kind: 'finite' | 'relative' | 'participle' | 'coordinated' | 'aside'; at: number };

// Longest subject phrase taken without knowing its words ("another senior source", "an architect").
const LOOSE_PHRASE_MAX = 4;

/** The shape of the verb at `cue`: `at` is the relative pronoun or the "and" before it (skipping auxiliaries and adverbs), else the cue. */
export function verbShape(scan: Scan, cue: Cue, sentence: SentenceRef): VerbShape {
  const { tokens } = scan.article;
  let k = cue.t0 - 1;
  // "who has repeatedly said", "and then angrily denied": manner adverbs stand between the clause word and the verb as the helpers do.
  while (k >= sentence.tokenStart && tokens.breakBefore[k + 1] !== 1 && scan.article.quotedToken[k] === 0 && (inClass(scan.classes, k, WORD_CLASS.verbSkip) || isMannerAdverb(scan, k))) k--;
  if (k >= sentence.tokenStart && tokens.breakBefore[k + 1] !== 1 && scan.article.quotedToken[k] === 0) {
    if (inClass(scan.classes, k, WORD_CLASS.relative) && k > sentence.tokenStart) return { kind: 'relative', at: k };
    // "admitted the error, but said the ferry would run": "but" joins a second verb to the same subject.
    if (inClass(scan.classes, k, WORD_CLASS.coordinator | WORD_CLASS.contrast) && k > sentence.tokenStart) return { kind: 'coordinated', at: k };
  }
  const participle = isParticiple(scan, cue);
  if (participle && cue.t0 > sentence.tokenStart && participleBreakBefore(scan, cue.t0)) return { kind: 'participle', at: cue.t0 };
  // "The campaign issued a statement saying": the document is the object of another verb, whose subject speaks.
  const document = participle ? documentObjectStart(scan, cue.t0, sentence.tokenStart) : -1;
  if (document >= 0) return { kind: 'participle', at: document };
  // "won the vote by saying", "After announcing the plan, the mayor left": `at` is the subordinator.
  if (participleAfterSubordinator(scan, cue, sentence)) return { kind: 'participle', at: cue.t0 - 1 };
  // "Berg, citing a survey, said": the verb after a participle set off by commas has the subject before them.
  const aside = participleAsideBefore(scan, cue.t0, sentence.tokenStart);
  if (aside >= 0) return { kind: 'aside', at: aside };
  return { kind: 'finite', at: cue.t0 };
}

/** The antecedent of the relative pronoun at `at` ("Mayor Jane Holt, who", "an architect who"), or null. */
export function antecedent(scan: Scan, at: number, limit: number): Speaker {
  return nounPhraseBefore(scan, at, limit) ?? loosePhraseBefore(scan, at, limit, true);
}

/**
 * The subject of the sentence's main clause, read from its start after an introductory phrase ("On Monday,
 * the council voted"): a pronoun, a speaker phrase, or a determiner and up to three words before a verb
 * that looks finite (an auxiliary or a word in -ed); null when the sentence opens with a quotation.
 */
export function mainSubject(scan: Scan, sentence: SentenceRef, before: number): Speaker {
  const subject = subjectAt(scan, sentence.tokenStart, before);
  if (subject !== null) return subject;
  // "And then Holt went on the attack, saying", "But days later, Holt reversed herself, telling": past the openers.
  const start = pastOpeners(scan, sentence, before);
  return start > sentence.tokenStart ? plausibleSubject(scan, subjectAt(scan, start, before)) : null;
}

/**
 * The subject of the main clause for a participle cue after a comma or a dash (see mainSubject); null when
 * it is reached only by the wider readings (after a dash, or past the sentence's openers), no other cue in
 * the sentence (`cueEnd`) makes it speech, and the participle's frame holds no speech: "Meanwhile, the team
 * scored again – adding a third goal" is narrative.
 */
export function participleMainSubject(scan: Scan, sentence: SentenceRef, cue: Cue, cueEnd: Int32Array): Speaker {
  const plain = subjectAt(scan, sentence.tokenStart, cue.t0);
  const widened = plain === null || participleDashBefore(scan, cue.t0) || pastOpeners(scan, sentence, cue.t0) > sentence.tokenStart;
  if (widened && !otherCueIn(sentence, cue, cueEnd) && !participleFrameHoldsSpeech(scan, cue.t1, sentence.tokenEnd, cue.ref.act === true, (t) => looksFinite(scan, t))) return null;
  return plain ?? mainSubject(scan, sentence, cue.t0);
}

// Whether a cue other than `cue` stands in the sentence ("Durbin, noting the size of the list, said").
function otherCueIn(sentence: SentenceRef, cue: Cue, cueEnd: Int32Array): boolean {
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) if (t !== cue.t0 && (cueEnd[t] as number) > 0) return true;
  return false;
}

// The main clause's subject read from token `start` (see mainSubject).
function subjectAt(scan: Scan, start: number, before: number): Speaker {
  const { article } = scan;
  const { tokens } = article;
  let t = start;
  if (inClass(scan.classes, t, WORD_CLASS.introduction) || inClass(scan.classes, t, WORD_CLASS.adjunct)) {
    let k = t + 1;
    while (k < before && !commaBefore(scan, k)) k++;
    if (k >= before) return null;
    t = k;
  }
  if (t >= before || article.quotedToken[t] === 1) return null;
  if (inClass(scan.classes, t, WORD_CLASS.pronoun)) return { t0: t, t1: t + 1 };
  const phrase = nounPhraseAfter(scan, t, before);
  if (phrase !== null) return phrase;
  // "His mother refused ..., insisting": a possessive opens a subject as a determiner does.
  if (!inClass(scan.classes, t, WORD_CLASS.determiner) && !inClass(scan.classes, t, WORD_CLASS.possessive)) return null;
  for (let k = t + 1; k < Math.min(before, t + LOOSE_PHRASE_MAX); k++) {
    if (tokens.breakBefore[k] === 1 || article.quotedToken[k] === 1 || inClass(scan.classes, k, WORD_CLASS.adjunct)) return null;
    if (k > t + 1 && looksFinite(scan, k)) return { t0: t, t1: k };
  }
  return null;
}

// Longest plain subject taken at the start of a clause ("nearly a third of the voters").
const PLAIN_SUBJECT_MAX = 8;

/**
 * "Other harbour advocates also said", "Some of the fishermen said", ", and one in five say": a subject of
 * plain words that opens its sentence (or a clause after ", and" or after another verb's clause and "and") and runs up to the verb at `cue`
 * or to a relative clause before it ("Riders who took the ferry said"), skipping helpers and time words
 * before it; null when a word on the way is no part of a noun phrase (a helper, a pronoun, a clause word, a
 * cue in `cueEnd`), when the sentence opens with a word that starts other kinds of sentence ("If", "When")
 * and is not a quantifier, or when the verb is an infinitive, a bare -ing form, or an -ed form before a
 * preposition or a form of be (a passive participle).
 */export function plainSubject(scan: Scan, sentence: SentenceRef, cue: number, cueEnd: Int32Array): Speaker {
  return plainSubjectAt(scan, sentence, cue, cueEnd) ?? subjectOfBareRelative(scan, sentence, cue, cueEnd);
}

function plainSubjectAt(scan: Scan, sentence: SentenceRef, cue: number, cueEnd: Int32Array): Speaker {
  const { article, words } = scan;
  const { tokens } = article;
  const verb = tokens.norm[cue] as string;
  // "shares plunge after profit warning": a bare -ing form is no finite verb; "the views expressed in this
  // article", "the views expressed are her own": an -ed form before a preposition or a verb is a passive
  // participle, its noun no subject.
  if (verb.endsWith('ing') && !(cue > sentence.tokenStart && inClass(scan.classes, cue - 1, WORD_CLASS.beForm))) return null;
  const after = cueEnd[cue] as number;
  if (verb.endsWith('ed') && after > cue && after < sentence.tokenEnd && (inClass(scan.classes, after, WORD_CLASS.adjunct) || inClass(scan.classes, after, WORD_CLASS.beForm))) return null;
  let end = cue;
  const { classes } = scan;
  while (end - 1 >= sentence.tokenStart && tokens.breakBefore[end] !== 1 && inClass(classes, end - 1, WORD_CLASS.verbSkip | WORD_CLASS.timeWord)) {
    const time = inClass(classes, end - 1, WORD_CLASS.timeWord);
    end--;
    // "Riders this spring complained", "A group of pilots last week warned": the time phrase is when, not who.
    if (time) while (end - 2 >= sentence.tokenStart && tokens.breakBefore[end] !== 1 && inClass(classes, end - 1, WORD_CLASS.timePhraseWord)) end--;
  }
  if (end <= sentence.tokenStart || tokens.breakBefore[end] === 1) return null;
  const last = tokens.norm[end - 1] as string;
  // "Officials clearly hoped": an adverb the skip list lacks is the writer's, and no end of a subject.
  if (inClass(classes, end - 1, WORD_CLASS.speakerLink | WORD_CLASS.determiner | WORD_CLASS.adjunct) || (last.endsWith('ly') && !isLyNoun(scan, end - 1))) return null;
  let t = end;
  while (t - 1 >= sentence.tokenStart && end - (t - 1) <= PLAIN_SUBJECT_MAX) {
    const k = t - 1;
    const word = tokens.norm[k] as string;
    const pronoun = inClass(classes, k, WORD_CLASS.pronoun);
    const pronounAfterLink = pronoun && k > sentence.tokenStart && inClass(classes, k - 1, WORD_CLASS.speakerLink);
    // "Only half of the riders say": a quantifier opening the subject is no helper, though "would only say" skips it.
    if (article.quotedToken[k] === 1 || (cueEnd[k] as number) > 0 || (inClass(classes, k, WORD_CLASS.verbSkip) && !inClass(classes, k, WORD_CLASS.quantifier)) || inClass(classes, k, WORD_CLASS.beForm | WORD_CLASS.clauseWord | WORD_CLASS.subordinator) || (pronoun && !pronounAfterLink) || !startsWithLetterOrDigit(word)) break;
    t = k;
    // "Only 9% of the riders said": a percent sign is no edge of the subject.
    if (tokens.breakBefore[k] === 1 && !(k - 1 >= sentence.tokenStart && isPercentage(scan, k - 1))) break;
  }
  if (t === end) return null;
  const first = tokens.norm[t] as string;
  // After "and" a new clause opens with a comma before it, or after another verb's clause ("said the ferry
  // was late and one in four said"); "forces and the Front blamed" is one subject.
  const coordinator = t - 1;
  // "But some riders say": a connective opening the sentence leaves the clause's start after it.
  const opensClause = opensSentence(scan, sentence, t) || (coordinator > sentence.tokenStart && inClass(scan.classes, coordinator, WORD_CLASS.coordinator) && tokens.breakBefore[t] !== 1 && (commaBefore(scan, coordinator) || cueBefore(scan, cueEnd, sentence.tokenStart, coordinator))) || opensInnerClause(scan, sentence, coordinator, t);
  if (!opensClause) return null;
  if (scan.lexicons.abbreviations.starters.has(first) && !words.quantifiers.has(first) && !words.determiners.has(first)) return null;
  return { t0: t, t1: end };
}

// "..., although history says", "when the woman shouted", "..., but the government denied": a subordinator
// (subordinators.jsonl) or a contrast word after a comma right before the subject at `t` opens a clause of its own.
function opensInnerClause(scan: Scan, sentence: SentenceRef, word: number, t: number): boolean {
  const { tokens } = scan.article;
  if (word < sentence.tokenStart || tokens.breakBefore[t] === 1 || scan.article.quotedToken[word] === 1) return false;
  return inClass(scan.classes, word, WORD_CLASS.subordinator) || (inClass(scan.classes, word, WORD_CLASS.contrast) && word > sentence.tokenStart && commaBefore(scan, word));
}

// Whether a cue starts in tokens [from, to) with no comma after it ("said the ferry was late and", not "said
// on Friday, as forces and").
function cueBefore(scan: Scan, cueEnd: Int32Array, from: number, to: number): boolean {
  for (let k = to - 1; k >= from; k--) {
    if ((cueEnd[k] as number) > 0) return true;
    if (commaBefore(scan, k)) return false;
  }
  return false;
}

// Longest relative clause between a subject and its verb ("Riders who took the ferry on Sunday said").
const BARE_RELATIVE_MAX = 12;

// "Riders who took the ferry on Sunday said": a plain subject opening the sentence, then a relative clause
// with no commas running up to the verb at `cue`.
function subjectOfBareRelative(scan: Scan, sentence: SentenceRef, cue: number, cueEnd: Int32Array): Speaker {
  const { tokens, quotedToken } = scan.article;
  for (let r = cue - 1; r > sentence.tokenStart && cue - r <= BARE_RELATIVE_MAX; r--) {
    if (tokens.breakBefore[r + 1] === 1 || quotedToken[r] === 1) return null;
    if (!inClass(scan.classes, r, WORD_CLASS.relative)) continue;
    if (tokens.breakBefore[r] === 1) return null;
    const subject = plainSubjectAt(scan, sentence, r, cueEnd);
    return subject !== null && subject.t0 === sentence.tokenStart ? subject : null;
  }
  return null;
}

/** "..., another source said": the few words between the comma and the verb at `cue`, when the speaker phrases find none. */
export function postposedPhrase(scan: Scan, cue: number, limit: number): Speaker {
  const phrase = loosePhraseBefore(scan, cue, limit, false);
  return phrase !== null && phrase.t0 > limit && commaBefore(scan, phrase.t0) ? phrase : null;
}

// Most words between an article and a document noun it opens ("a brief written statement").
const DOCUMENT_MODIFIER_MAX = 3;

// Where the article opening a document noun right before token `t` stands ("issued a statement saying", "posted
// a short video showing") when a lower-case word other than a clause word, preposition or form of be comes before
// it (the verb the document is the object of), else -1.
function documentObjectStart(scan: Scan, t: number, sentenceStart: number): number {
  const { article, words } = scan;
  const { norm, breakBefore } = article.tokens;
  if (t - 1 <= sentenceStart || breakBefore[t] === 1 || !inClass(scan.classes, t - 1, WORD_CLASS.speakerNoun) || words.speakerNouns.get(norm[t - 1] as string) !== 'document') return -1;
  for (let k = t - 2; k > sentenceStart && k >= t - 2 - DOCUMENT_MODIFIER_MAX; k--) {
    if (breakBefore[k + 1] === 1 || article.quotedToken[k] === 1) return -1;
    if (inClass(scan.classes, k, WORD_CLASS.determiner) && words.determiners.get(norm[k] as string) === 'indefinite') {
      return breakBefore[k] !== 1 && scan.capital[k - 1] === 0 && !inClass(scan.classes, k - 1, WORD_CLASS.clauseWord | WORD_CLASS.adjunct | WORD_CLASS.beForm | WORD_CLASS.pronoun) ? k : -1;
    }
    if (inClass(scan.classes, k, WORD_CLASS.clauseWord | WORD_CLASS.adjunct | WORD_CLASS.determiner)) return -1;
  }
  return -1;
}

function isParticiple(scan: Scan, cue: Cue): boolean {
  return (scan.article.tokens.norm[cue.t0] as string).endsWith('ing');
}

// An auxiliary ("has", "will") or a word in -ed ("voted"): the verb after a subject we could not name.
function looksFinite(scan: Scan, t: number): boolean {
  if (inClass(scan.classes, t, WORD_CLASS.beForm | WORD_CLASS.verbSkip)) return true;
  const word = scan.article.tokens.norm[t] as string;
  return word.length > 3 && word.endsWith('ed');
}

// Up to four unquoted words back from `at`, stopping after a determiner or at a comma, a preposition or a
// function word: "an architect" (who), "another source" (said), "voters" (who). `acrossComma` steps over a
// comma just before `at` ("the architect, who").
function loosePhraseBefore(scan: Scan, at: number, limit: number, acrossComma: boolean): Speaker {
  const { article } = scan;
  const { tokens } = article;
  let t = at;
  while (t - 1 >= limit && at - t < LOOSE_PHRASE_MAX && (tokens.breakBefore[t] !== 1 || (t === at && acrossComma && commaBefore(scan, t)))) {
    const word = tokens.norm[t - 1] as string;
    if (article.quotedToken[t - 1] === 1 || inClass(scan.classes, t - 1, WORD_CLASS.adjunct | WORD_CLASS.clauseWord | WORD_CLASS.beForm | WORD_CLASS.verbSkip) || !startsWithLetterOrDigit(word)) break;
    t--;
    if (inClass(scan.classes, t, WORD_CLASS.determiner)) break;
  }
  return t < at ? { t0: t, t1: at } : null;
}

// /^[\p{L}\p{N}]/u: ASCII by its char code, anything else by the Unicode properties; asked of every word a subject walk crosses.
function startsWithLetterOrDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER_OR_DIGIT.test(word);
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

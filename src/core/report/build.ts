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
  type HeadlineFigures,
  type SentenceSubjectivity,
  type ScoredWord,
  type RawAttribution,
} from '../metrics/index.ts';
import { ANALYZER_VERSION } from '../version.ts';
import type { FindingCategory } from '../data/index.ts';
import {
  SCHEMA_VERSION,
  type Attribution,
  type DocumentInfo,
  type Exemption,
  type Finding,
  type ParagraphReport,
  type QuoteReport,
  type Report,
  type RuleInfo,
  type SentenceReport,
  type SentimentWord,
  type SubjectivityCue,
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
  const roleOf = (index: number): BlockDecision => blocks[index] ?? { role: 'body', rule: 'block/body' };
  const findingsByParagraph = groupByParagraph(metrics.loadedLanguage.findings, article.paragraphs.length);
  const exemptionsByParagraph = groupByParagraph(metrics.loadedLanguage.exemptions, article.paragraphs.length);
  const attributions = metrics.attribution.attributions.map(toAttribution);
  const attributionsByParagraph = groupIndexesByParagraph(attributions, article.paragraphs.length);
  // Rule metadata is listed once for the report, not per finding: every finding of a rule shares it.
  const rules = new Map<string, RuleInfo>();
  const categories = new Set<string>();
  let headlineFigures: HeadlineFigures | undefined;
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
    let authorWords = 0;
    for (const sentence of subjectivities) authorWords += sentence.authorWords;
    const quotedWords = words - authorWords;
    const scored: ScoredWord[] = [];
    for (const s of sentiments) for (const w of s.words) scored.push(w);
    const cues: SubjectivityCue[] = [];
    for (const s of subjectivities) for (const cue of s.cues) cues.push([cue.start, cue.end, round(cue.weight)]);
    for (const finding of findings) {
      categories.add(finding.category);
      noteRule(rules, finding);
    }
    let cursor = 0;
    const block = roleOf(index);
    let sentiment = 0;
    for (const w of scored) sentiment += w.score;
    const exempted = [...(exemptionsByParagraph[index] ?? []), ...sentiments.flatMap((s) => s.exempted)].sort((a, b) => a.start - b.start);
    for (const exemption of exempted) if (!rules.has(exemption.rule)) rules.set(exemption.rule, { source: exemption.source });
    const report: ParagraphReport = {
      index,
      start: paragraph.start,
      end: paragraph.end,
      role: block.role,
      roleRule: block.rule,
      scored: scoredMask[index] === 1,
      words,
      authorWords,
      quotedWords,
      domains: [...(metrics.domains.paragraphs[index] ?? [])],
      sentences: paragraph.sentences.map((sentence, s): SentenceReport => {
        // Subjectivity already counted each sentence's author words.
        const sentenceAuthorWords = subjectivities[s]?.authorWords ?? 0;
        while (cursor < findings.length && (findings[cursor] as RawFinding).start < sentence.start) cursor++;
        let last = cursor;
        while (last < findings.length && (findings[last] as RawFinding).start < sentence.end) last++;
        return [
          sentence.start,
          sentence.end,
          sentence.tokenEnd - sentence.tokenStart,
          sentiments[s]?.score ?? 0,
          round(subjectivities[s]?.score ?? 0),
          scoreLoadedLanguage(findings.slice(cursor, last), sentenceAuthorWords),
        ];
      }),
      quotes: quotesOf(paragraph).map((q): QuoteReport => [q.start, q.end, q.kind, q.group, q.continued ? 1 : 0, q.openEnded ? 1 : 0]),
      sentiment,
      subjectivity: summariseSubjectivity(subjectivities, lexicons, false).score,
      loadedLanguage: scoreLoadedLanguage(findings, authorWords),
      sentimentWords: scored.map((w): SentimentWord => [tokens.start[w.token] as number, tokens.end[w.token] as number, w.score, article.quotedToken[w.token] === 1 ? 1 : 0, w.negated ? 1 : 0]),
      subjectivityCues: cues,
      findings: findings.map((finding) => toFinding(finding, text)),
      exempted: exempted.map((e) => toExemption(e, text)),
      attributions: attributionsByParagraph[index] ?? [],
    };
    // The headline is compared with the body on the words themselves: the one paragraph given them here.
    if (block.role === 'headline' && headlineFigures === undefined) {
      headlineFigures = {
        index,
        start: paragraph.start,
        end: paragraph.end,
        text: text.slice(paragraph.start, paragraph.end),
        words,
        findings: report.findings,
        sentimentWords: scored.map((w) => ({ text: text.slice(tokens.start[w.token] as number, tokens.end[w.token] as number), score: w.score, voice: article.quotedToken[w.token] === 1 ? ('quoted' as const) : ('author' as const) })),
        sentiment: summariseSentiment(
          scored.map((w) => ({ score: w.score, quoted: article.quotedToken[w.token] === 1 })),
          words,
          authorWords,
          quotedWords,
        ),
        loadedLanguage: summariseLoadedLanguage(findings, authorWords, quotedWords),
      };
    }
    return report;
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
    body.map((p) => ({ score: p.loadedLanguage, words: p.words })),
    article.folded,
  );
  const lexiconVersions: Record<string, string> = {};
  for (const info of [...lexicons.info, ...sourceTables]) lexiconVersions[info.name] = info.version;
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    analyzer: { name: 'slant', version: ANALYZER_VERSION },
    lexicons: lexiconVersions,
    ...definedOnly(meta),
    text,
    categories: Object.fromEntries([...categories].sort().map((id) => [id, { name: lexicons.categories.get(id as FindingCategory)?.name ?? id }])),
    rules: Object.fromEntries([...rules.keys()].sort().map((rule) => [rule, rules.get(rule) as RuleInfo])),
    paragraphs,
    attributions,
    summary: {
      words,
      authorWords,
      quotedWords,
      paragraphs: body.length,
      sentences: allSubjectivity.length,
      quotes: body.reduce((sum, p) => sum + p.quotes.filter((q) => q[2] !== 'nested').length, 0),
      domains: [...metrics.domains.article],
      source: metrics.sources.source,
      citedSources: metrics.sources.citedSources,
      blocks: { byRole, scoredParagraphs: body.length, excludedWords: tokens.count - words },
      headline: compareHeadline(article, headlineFigures, { sentiment: sentimentSummary, loadedLanguage: loadedSummary }, scoredMask, metrics.attribution.attributions),
      captions: metrics.captions.map((check) => describeCaption(check, article)),
      attribution: metrics.attributionSummary,
      sentiment: sentimentSummary,
      subjectivity: articleSubjectivity(allSubjectivity, lexicons),
      loadedLanguage: loadedSummary,
    },
  };
  return report;
}

// The body's subjectivity with what moved it, feature -> [value, contribution], largest first.
function articleSubjectivity(sentences: readonly SentenceSubjectivity[], lexicons: Lexicons): Summary['subjectivity'] {
  const { score, cues, weight, contributions } = summariseSubjectivity(sentences, lexicons);
  const byFeature: Record<string, [number, number]> = {};
  for (const c of contributions) byFeature[c.feature] = [c.value, c.contribution];
  return { score, cues, weight, contributions: byFeature };
}

function groupByParagraph<T extends { paragraph: number }>(items: readonly T[], count: number): T[][] {
  const groups: T[][] = Array.from({ length: count }, () => []);
  for (const item of items) groups[item.paragraph]?.push(item);
  return groups;
}

// Each paragraph's attributions as indexes into the report's one list.
function groupIndexesByParagraph(items: readonly { paragraph: number }[], count: number): number[][] {
  const groups: number[][] = Array.from({ length: count }, () => []);
  items.forEach((item, index) => groups[item.paragraph]?.push(index));
  return groups;
}

// A finding's rule entry: its source, weight, polarity and stance are the same for every finding of the rule.
function noteRule(rules: Map<string, RuleInfo>, raw: RawFinding): void {
  const known = rules.get(raw.rule);
  if (known !== undefined && known.weight !== undefined) return;
  // Built field by field so that key order, and so the JSON, is the same for every rule.
  const rule: RuleInfo = { source: raw.source, weight: round(raw.weight) };
  if (raw.polarity !== undefined) rule.polarity = raw.polarity;
  if (raw.stance !== undefined) rule.stance = raw.stance;
  rules.set(raw.rule, rule);
}

function toFinding(raw: RawFinding, text: string): Finding {
  const finding: Finding = { start: raw.start, end: raw.end, text: text.slice(raw.start, raw.end), category: raw.category, rule: raw.rule, voice: raw.voice };
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

function toAttribution(raw: RawAttribution): Attribution {
  const attribution: Attribution = {
    paragraph: raw.paragraph,
    mode: raw.mode,
    cue: raw.cue === null ? null : [raw.cue.start, raw.cue.end, raw.cue.lemma, raw.cue.class],
    speaker: raw.speaker === null ? null : [raw.speaker.start, raw.speaker.end],
    content: raw.content === null ? null : [raw.content.start, raw.content.end],
    actor: raw.actor,
    side: raw.side,
    anonymous: raw.anonymous,
  };
  if (raw.anonymityReason !== undefined) attribution.anonymityReason = raw.anonymityReason;
  if (raw.speakerKind !== undefined) attribution.speakerKind = raw.speakerKind;
  if (raw.target !== undefined) attribution.target = [raw.target.start, raw.target.end, raw.target.actor, raw.target.side];
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

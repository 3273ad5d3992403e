/** Shared test helpers: render spans and findings as strings so tables read like linter output. */
import { loadLexicons, quoteAt, segmentArticle, type Finding, type Report } from '../src/index.ts';
import { formatFinding, lineIndex } from '../src/core/report/render-text.ts';
import { runMetrics } from '../src/core/metrics/index.ts';
import { classifyBlocks } from '../src/core/roles/index.ts';

export const lexicons = loadLexicons();

/** The sentences of `text`, as their text. */
export function sentencesOf(text: string): string[] {
  const article = segmentArticle(text, lexicons.abbreviations);
  const { sentences } = article;
  return Array.from({ length: sentences.count }, (_, s) => text.slice(sentences.start[s], sentences.end[s]));
}

/** The direct quotations of `text`, as their text with kind and flags. */
export function quotesOf(text: string): string[] {
  const article = segmentArticle(text, lexicons.abbreviations);
  return Array.from({ length: article.quotes.count }, (_, i) => quoteAt(article.quotes, i)).map((q) => `${q.kind}${q.continued ? ' continued' : ''}${q.openEnded ? ' open-ended' : ''} ${text.slice(q.start, q.end)}`);
}

/** Every finding of a report, rendered `line:col-line:col  rule  voice  message`. */
export function renderFindings(report: Report): string[] {
  const position = lineIndex(report.text);
  return report.paragraphs.flatMap((p) => p.findings).map((f: Finding) => formatFinding(f, report.categories, position));
}

/** Findings as `rule voice "text"`: compact rows for tables. */
export function findingRows(report: Report): string[] {
  return report.paragraphs.flatMap((p) => p.findings).map((f) => `${f.rule} ${f.voice} "${f.text}"`);
}

/** The loaded-language findings of one category in `text`, as written, with the block roles analyze() finds. */
export function loadedFindingsOf(text: string, category: string): string[] {
  const article = segmentArticle(text, lexicons.abbreviations);
  return runMetrics(article, lexicons, {}, classifyBlocks(article, lexicons.words))
    .loadedLanguage.findings.filter((f) => f.category === category)
    .map((f) => text.slice(f.start, f.end));
}

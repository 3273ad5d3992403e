/**
 * Comparing several reports of one story, side by side: a pure function of the reports and the word lists.
 * The order of the parts is stated once, in `compareReports`; each part is its own module.
 */
import { loadCompareWords, loadLexicons, type CompareWords, type Lexicons } from '../data/index.ts';
import type { Report } from '../report/schema.ts';
import { ANALYZER_VERSION } from '../version.ts';
import { articleKey, viewArticle } from './articles.ts';
import { compareDistinctive, DISTINCTIVE_METHOD } from './distinctive.ts';
import { compareFigures, compareHeadlines, compareOutlets } from './figures.ts';
import { COMPARISON_VERSION, MAX_ARTICLES, type Comparison } from './schema.ts';
import { summariseDifferences } from './summary.ts';
import { compareVoices } from './voices.ts';
import { compareWordChoice, findContestedTerms } from './word-choice.ts';

export { comparisonSchema, COMPARISON_VERSION, MAX_ARTICLES, VOICE_STATUSES, type Comparison, type Evidence, type SummaryLine, type VoiceRow, type WordChoice, type Distinctive } from './schema.ts';
export { renderComparison } from './render-text.ts';
export { findContestedTerms, type ContestedUse } from './word-choice.ts';
export { viewArticle, type ArticleView } from './articles.ts';
export { CARRIED_OVERLAP, DISTINCTIVE_METHOD } from './distinctive.ts';

/** A report to compare, with the name the caller knows it by (a file, a URL, an id). */
export type NamedReport = { readonly name: string; readonly report: Report };

export type CompareOptions = { lexicons?: Lexicons; words?: CompareWords };

/** Thrown for fewer than two or more than MAX_ARTICLES reports: a caller's mistake, never the text's. */
export class CompareInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompareInputError';
  }
}

/**
 * Compares 2 to MAX_ARTICLES reports (keys `A`, `B`... in the order given). Deterministic; never throws on
 * any report text. Throws CompareInputError on a wrong number of reports.
 */
export function compareReports(reports: readonly NamedReport[], options: CompareOptions = {}): Comparison {
  if (reports.length < 2 || reports.length > MAX_ARTICLES) throw new CompareInputError(`compare takes 2 to ${MAX_ARTICLES} articles, got ${reports.length}`);
  const lexicons = options.lexicons ?? loadLexicons();
  const words = options.words ?? loadCompareWords();
  const views = reports.map(({ name, report }, index) => viewArticle(report, articleKey(index), name, lexicons));
  const contested = new Map(views.map((view) => [view.key, findContestedTerms(view, words)]));
  const parts = {
    articles: views.map(({ key, name, report }) => ({
      key,
      name,
      title: report.summary.headline?.text ?? report.title ?? null,
      url: report.url ?? null,
      outlet: report.summary.source?.card.name ?? null,
      words: report.summary.words,
      text: report.text,
    })),
    headlines: compareHeadlines(views),
    outlets: compareOutlets(views),
    voices: compareVoices(views, lexicons),
    wordChoice: compareWordChoice(views, contested, words),
    distinctive: compareDistinctive(views, lexicons, words, contested),
    figures: compareFigures(views),
  };
  return {
    comparisonVersion: COMPARISON_VERSION,
    analyzer: { name: 'slant', version: ANALYZER_VERSION },
    lexicons: words.info.map(({ name, version }) => ({ name, version })),
    ...parts,
    summary: summariseDifferences(parts),
    method: {
      ...DISTINCTIVE_METHOD,
      voices: 'Per actor and per side, the strongest way it is heard in each article: quoted (direct or mixed quotation), paraphrased (indirect speech), summarised (a summary, an attitude, a refusal to comment), named but not heard, or absent.',
      wordChoice: 'Contested terms from lexicons/en/contested-terms.jsonl, grouped by what they name; uses inside quotation marks are the speaker\'s and counted apart.',
      figures: "The reports' own figures; percentiles place each article in the reference corpus named in its report.",
      summary: 'Statements of difference with their evidence; no verdict on which article is right.',
    },
  };
}

/**
 * The reports' own figures side by side: loaded language, subjectivity, sentiment and balance with their
 * percentiles in the reference corpus, the headlines, and who published each article. Nothing is computed
 * here that the reports do not already hold; the comparison only lines them up.
 */
import type { Report } from '../report/schema.ts';
import { evidenceOf, type ArticleView } from './articles.ts';
import type { Comparison } from './schema.ts';

type Percentiles = NonNullable<Report['summary']['percentiles']>;
const percentileOf = (report: Report, name: keyof Omit<Percentiles, 'baseline'>): number | null => report.summary.percentiles?.[name] ?? null;

/** One figures row per article. */
export function compareFigures(views: readonly ArticleView[]): Comparison['figures'] {
  return views.map(({ key, report }) => {
    const { summary } = report;
    return {
      article: key,
      words: summary.words,
      quotedShare: summary.words === 0 ? 0 : Math.round((summary.quotedWords / summary.words) * 1000) / 1000,
      loadedLanguage: { value: summary.loadedLanguage.score, percentile: percentileOf(report, 'loadedLanguage') },
      quotedLoadedLanguage: { value: summary.loadedLanguage.quoted.score, percentile: percentileOf(report, 'quotedLoadedLanguage') },
      subjectivity: { value: summary.subjectivity.score, percentile: percentileOf(report, 'subjectivity') },
      sentiment: { value: summary.sentiment.comparative, percentile: percentileOf(report, 'sentiment') },
      balance: { value: summary.attribution.balance, percentile: percentileOf(report, 'balance') },
      attributions: { value: summary.attribution.attributions, percentile: percentileOf(report, 'attributions') },
      topTerms: summary.loadedLanguage.topTerms.slice(0, 5).map(({ text, count }) => ({ text, count })),
    };
  });
}

/** Each article's headline as its report scored it (null when the report found none). */
export function compareHeadlines(views: readonly ArticleView[]): Comparison['headlines'] {
  return views.map((view) => {
    const headline = view.report.summary.headline;
    if (headline === null) return { article: view.key, text: null, evidence: [], sentiment: null, loadedLanguage: null, flags: [] };
    return {
      article: view.key,
      text: headline.text,
      evidence: [evidenceOf(view, headline.start, headline.end, `paragraphs[${headline.paragraph}]`)],
      sentiment: headline.sentiment.comparative,
      loadedLanguage: headline.loadedLanguage.score,
      flags: headline.flags.map((flag) => flag.message),
    };
  });
}

/** Each article's outlet card in short, and the outlets it cites. */
export function compareOutlets(views: readonly ArticleView[]): Comparison['outlets'] {
  return views.map(({ key, report }) => {
    const source = report.summary.source;
    const card = source?.card ?? null;
    return {
      article: key,
      name: card?.name ?? null,
      domain: card?.domain ?? null,
      country: card?.outlet?.country ?? null,
      ownership: card?.outlet?.ownership ?? null,
      owner: card?.outlet?.owner ?? null,
      reliability: card === null ? null : { label: card.reliability.label, score: card.reliability.score },
      detectedBy: source?.detectedBy ?? null,
      cited: [...new Set(report.summary.citedSources.map((cited) => cited.card?.name ?? cited.name))],
    };
  });
}

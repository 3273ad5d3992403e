/**
 * The headline set beside the body it sits over: flagged when it is markedly more loaded or more negative
 * in the outlet's own words, or when it quotes words the body never attributes to anyone.
 */
import type { SegmentedArticle } from '../text/index.ts';
import { wordsBetween } from '../roles/index.ts';
import { firstTokenAtOrAfter } from '../text/tokens.ts';
import type { Voice } from './loaded-language.ts';
import type { LoadedFigures } from './loaded-language-score.ts';

// A headline is "markedly" more loaded when its outlet-voice weight per 100 words is at least twice the
// body's and at least this much higher; more negative when its valence per word is this much lower.
const LOADED_DENSITY_GAP = 5;
const NEGATIVE_COMPARATIVE_GAP = 0.25;
// ...and its negative words add up to at least this much (one mild word such as "pay" is not a slant).
const NEGATIVE_MIN_VALENCE = -3;

/** What the comparison reads of the headline paragraph (a paragraph of the report has it). */
export type HeadlineFigures = {
  index: number;
  start: number;
  end: number;
  text: string;
  words: number;
  findings: readonly { text: string; voice: Voice }[];
  sentimentWords: readonly { text: string; score: number; voice: Voice }[];
  sentiment: { author: { score: number; comparative: number } };
  loadedLanguage: LoadedFigures;
};

/** What it reads of the body's summary. */
export type BodyFigures = { sentiment: { author: { comparative: number } }; loadedLanguage: LoadedFigures };

export type HeadlineFlag = {
  code: 'more-loaded' | 'more-negative' | 'unattributed-quote';
  message: string;
  start?: number;
  end?: number;
  text?: string;
};

export type HeadlineComparison = {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  words: number;
  sentiment: { score: number; comparative: number };
  loadedLanguage: LoadedFigures & { findings: number };
  body: { sentiment: { comparative: number }; loadedLanguage: { score: number; density: number } };
  flags: HeadlineFlag[];
};

/**
 * The headline compared with the body's summary; null when there is no headline. A quoted phrase counts as
 * attributed when a `scored` paragraph holding it quotes it or has an attribution (other than vague or a
 * non-response).
 */
export function compareHeadline(
  article: SegmentedArticle,
  headline: HeadlineFigures | undefined,
  body: BodyFigures,
  scored: Uint8Array,
  attributions: readonly { paragraph: number; mode: string }[],
): HeadlineComparison | null {
  if (headline === undefined) return null;
  const bodyLoaded = body.loadedLanguage;
  const outletFindings = headline.findings.filter((f) => f.voice !== 'quoted');
  const flags: HeadlineFlag[] = [];
  const density = headline.loadedLanguage.density;
  if (outletFindings.length > 0 && density >= Math.max(2 * bodyLoaded.density, bodyLoaded.density + LOADED_DENSITY_GAP)) {
    const terms = outletFindings.map((f) => `“${f.text}”`).join(', ');
    flags.push({ code: 'more-loaded', message: `The headline is more loaded than the body: ${density.toFixed(1)} per 100 words (${terms}) against ${bodyLoaded.density.toFixed(1)} in the body.` });
  }
  // Valence in the outlet's own words: a quotation in the headline is the speaker's.
  const comparative = headline.sentiment.author.comparative;
  const bodyComparative = body.sentiment.author.comparative;
  const negatives = headline.sentimentWords.filter((w) => w.score < 0 && w.voice === 'author');
  const negativeValence = negatives.reduce((sum, w) => sum + w.score, 0);
  if (negativeValence <= NEGATIVE_MIN_VALENCE && comparative <= bodyComparative - NEGATIVE_COMPARATIVE_GAP) {
    const words = negatives.map((w) => `“${w.text}”`).join(', ');
    flags.push({ code: 'more-negative', message: `The headline is more negative than the body: ${comparative.toFixed(2)} per word (${words}) against ${bodyComparative.toFixed(2)} in the body, outside quotation marks.` });
  }
  flags.push(...unattributedQuotes(article, headline, scored, attributions));
  return {
    paragraph: headline.index,
    start: headline.start,
    end: headline.end,
    text: headline.text,
    words: headline.words,
    sentiment: { score: headline.sentiment.author.score, comparative },
    loadedLanguage: { score: headline.loadedLanguage.score, density, weight: headline.loadedLanguage.weight, findings: outletFindings.length },
    body: { sentiment: { comparative: bodyComparative }, loadedLanguage: { score: bodyLoaded.score, density: bodyLoaded.density } },
    flags,
  };
}

// A phrase the headline puts in quotation marks should be someone's words in the body: inside a quotation
// there, or in a paragraph that says who spoke.
function unattributedQuotes(article: SegmentedArticle, headline: HeadlineFigures, scored: Uint8Array, attributions: readonly { paragraph: number; mode: string }[]): HeadlineFlag[] {
  const flags: HeadlineFlag[] = [];
  const quotes = article.quotes.filter((q) => q.kind !== 'nested' && q.start >= headline.start && q.end <= headline.end);
  if (quotes.length === 0) return flags;
  const attributed = new Set(attributions.filter((a) => a.mode !== 'vague' && a.mode !== 'non-response').map((a) => a.paragraph));
  const body = article.paragraphs.flatMap((p, index) => (scored[index] === 1 ? [{ index, text: ` ${wordsBetween(article, p.tokenStart, p.tokenEnd)} ` }] : []));
  for (const quote of quotes) {
    const quoted = article.text.slice(quote.start, quote.end);
    const phrase = wordsIn(article, quote.start, quote.end);
    if (phrase === '') continue;
    const holders = body.filter((p) => p.text.includes(` ${phrase} `));
    const where = { start: quote.start, end: quote.end, text: quoted };
    if (holders.length === 0) {
      flags.push({ code: 'unattributed-quote', message: `The headline quotes ${quoted}, words the body never uses.`, ...where });
    } else if (!holders.some((p) => attributed.has(p.index) || quotedIn(article, p.index, phrase))) {
      flags.push({ code: 'unattributed-quote', message: `The headline quotes ${quoted}; the body uses the words but attributes them to no one.`, ...where });
    }
  }
  return flags;
}

// Whether a quotation that starts in paragraph `index` holds `phrase`.
function quotedIn(article: SegmentedArticle, index: number, phrase: string): boolean {
  const paragraph = article.paragraphs[index] as { start: number; end: number };
  return article.quotes.some((q) => q.start >= paragraph.start && q.start < paragraph.end && ` ${wordsIn(article, q.start, q.end)} `.includes(` ${phrase} `));
}

function wordsIn(article: SegmentedArticle, start: number, end: number): string {
  const from = firstTokenAtOrAfter(article.tokens, start);
  let to = from;
  while (to < article.tokens.count && (article.tokens.end[to] as number) <= end) to++;
  return wordsBetween(article, from, to);
}

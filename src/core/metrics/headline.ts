/**
 * The headline set beside the body it sits over: flagged when it is markedly more loaded or more negative
 * in the outlet's own words, or when it quotes words the body never attributes to anyone.
 */
import { NESTED, type SegmentedArticle, type Span } from '../text/index.ts';
import { wordsBetween } from '../roles/index.ts';
import { firstTokenAtOrAfter } from '../text/tokens.ts';
import { isUnheld } from './attribution/attitudes.ts';
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

/** What the headline check reads of an attribution: its paragraph, its mode, where its speaker starts (-1: no one named) and the span of what was said (-1: none). */
export type HeadlineAttribution = { paragraph: number; mode: string; speakerStart: number; contentStart: number; contentEnd: number };

/**
 * The headline compared with the body's summary; null when there is no headline. A phrase the headline
 * quotes counts as someone's words when a `scored` paragraph has it inside a quotation or inside what an
 * attribution (other than vague, a non-response or a view held by no one named) says someone said.
 */
export function compareHeadline(
  article: SegmentedArticle,
  headline: HeadlineFigures | undefined,
  body: BodyFigures,
  scored: Uint8Array,
  attributions: readonly HeadlineAttribution[],
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
// there, or inside what an attribution says someone said. The same words in the writer's own voice, even in
// a paragraph where someone else speaks of something else, are no one's.
function unattributedQuotes(article: SegmentedArticle, headline: HeadlineFigures, scored: Uint8Array, attributions: readonly HeadlineAttribution[]): HeadlineFlag[] {
  const flags: HeadlineFlag[] = [];
  const quotes: Span[] = [];
  const { start, end, kind, count } = article.quotes;
  for (let q = 0; q < count && (start[q] as number) < headline.end; q++) {
    if (kind[q] !== NESTED && (start[q] as number) >= headline.start && (end[q] as number) <= headline.end) quotes.push({ start: start[q] as number, end: end[q] as number });
  }
  if (quotes.length === 0) return flags;
  // A view held by no one named ("is expected to") is the writer's words: no one said them.
  const spoken = attributions.flatMap((a) => (a.mode !== 'vague' && a.mode !== 'non-response' && !isUnheld(a) && a.contentStart >= 0 ? [{ start: a.contentStart, end: a.contentEnd }] : []));
  for (const quote of quotes) {
    const quoted = article.text.slice(quote.start, quote.end);
    const phrase = wordsIn(article, quote.start, quote.end);
    if (phrase === '') continue;
    const uses = occurrences(article, scored, phrase.split(' '));
    const where = { start: quote.start, end: quote.end, text: quoted };
    if (uses.length === 0) {
      flags.push({ code: 'unattributed-quote', message: `The headline quotes ${quoted}, words the body never uses.`, ...where });
    } else if (!uses.some((use) => voiced(article, use, spoken))) {
      flags.push({ code: 'unattributed-quote', message: `The headline quotes ${quoted}; the body uses the words but attributes them to no one.`, ...where });
    }
  }
  return flags;
}

// Where the body (its `scored` paragraphs) has `words` in a row, as token ranges [from, to).
function occurrences(article: SegmentedArticle, scored: Uint8Array, words: readonly string[]): { from: number; to: number }[] {
  const { norm } = article.tokens;
  const found: { from: number; to: number }[] = [];
  article.paragraphs.forEach((p, index) => {
    if (scored[index] !== 1) return;
    for (let t = p.tokenStart; t + words.length <= p.tokenEnd; t++) if (words.every((word, k) => norm[t + k] === word)) found.push({ from: t, to: t + words.length });
  });
  return found;
}

// Someone's words: a quotation holds one of them ("no "breakthroughs""), or an attribution's content holds them all.
function voiced(article: SegmentedArticle, { from, to }: { from: number; to: number }, spoken: readonly { start: number; end: number }[]): boolean {
  for (let t = from; t < to; t++) if (article.quotedToken[t] === 1) return true;
  const start = article.tokens.start[from] as number;
  const end = article.tokens.end[to - 1] as number;
  return spoken.some((content) => content.start <= start && end <= content.end);
}

function wordsIn(article: SegmentedArticle, start: number, end: number): string {
  const from = firstTokenAtOrAfter(article.tokens, start);
  let to = from;
  while (to < article.tokens.count && (article.tokens.end[to] as number) <= end) to++;
  return wordsBetween(article, from, to);
}

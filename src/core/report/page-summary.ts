/**
 * The page around the body, for the summary: the headline set beside the body (more loaded, more
 * negative, or quoting words the body never attributes) and what each caption names.
 */
import type { CaptionCheck, RawAttribution } from '../metrics/index.ts';
import type { SegmentedArticle } from '../text/index.ts';
import { wordsBetween } from '../roles/index.ts';
import { firstTokenAtOrAfter } from '../text/tokens.ts';
import type { HeadlineSummary, LoadedLanguageSummary, ParagraphReport, Report, SentimentSummary } from './schema.ts';

// A headline is "markedly" more loaded when its outlet-voice weight per 100 words is at least twice the
// body's and at least this much higher; more negative when its valence per word is this much lower.
const LOADED_DENSITY_GAP = 5;
const NEGATIVE_COMPARATIVE_GAP = 0.25;
// ...and its negative words add up to at least this much (one mild word such as "pay" is not a slant).
const NEGATIVE_MIN_VALENCE = -3;

/** The first headline paragraph compared with the body's summary; null when the text has no headline. */
export function compareHeadline(
  paragraphs: readonly ParagraphReport[],
  article: SegmentedArticle,
  attributions: readonly RawAttribution[],
  bodySentiment: SentimentSummary,
  bodyLoaded: LoadedLanguageSummary,
): HeadlineSummary | null {
  const headline = paragraphs.find((p) => p.role === 'headline');
  if (headline === undefined) return null;
  const outletFindings = headline.findings.filter((f) => f.voice !== 'quoted');
  const flags: HeadlineSummary['flags'] = [];
  const density = headline.loadedLanguage.density;
  if (outletFindings.length > 0 && density >= Math.max(2 * bodyLoaded.density, bodyLoaded.density + LOADED_DENSITY_GAP)) {
    const terms = outletFindings.map((f) => `“${f.text}”`).join(', ');
    flags.push({ code: 'more-loaded', message: `The headline is more loaded than the body: ${density.toFixed(1)} per 100 words (${terms}) against ${bodyLoaded.density.toFixed(1)} in the body.` });
  }
  // Valence in the outlet's own words: a quotation in the headline is the speaker's.
  const comparative = headline.sentiment.author.comparative;
  const bodyComparative = bodySentiment.author.comparative;
  const negatives = headline.sentimentWords.filter((w) => w.score < 0 && w.voice === 'author');
  const negativeValence = negatives.reduce((sum, w) => sum + w.score, 0);
  if (negativeValence <= NEGATIVE_MIN_VALENCE && comparative <= bodyComparative - NEGATIVE_COMPARATIVE_GAP) {
    const words = negatives.map((w) => `“${w.text}”`).join(', ');
    flags.push({ code: 'more-negative', message: `The headline is more negative than the body: ${comparative.toFixed(2)} per word (${words}) against ${bodyComparative.toFixed(2)} in the body, outside quotation marks.` });
  }
  flags.push(...unattributedQuotes(headline, paragraphs, article, attributions));
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
function unattributedQuotes(headline: ParagraphReport, paragraphs: readonly ParagraphReport[], article: SegmentedArticle, attributions: readonly RawAttribution[]): HeadlineSummary['flags'] {
  const flags: HeadlineSummary['flags'] = [];
  const quotes = article.quotes.filter((q) => q.kind !== 'nested' && q.start >= headline.start && q.end <= headline.end);
  if (quotes.length === 0) return flags;
  const attributed = new Set(attributions.filter((a) => a.mode !== 'vague' && a.mode !== 'non-response').map((a) => a.paragraph));
  const spans = article.paragraphs;
  const body = paragraphs.filter((p) => p.scored).map((p) => ({ index: p.index, text: ` ${wordsBetween(article, spans[p.index]?.tokenStart ?? 0, spans[p.index]?.tokenEnd ?? 0)} ` }));
  for (const quote of quotes) {
    const quoted = article.text.slice(quote.start, quote.end);
    const phrase = wordsIn(article, quote.start, quote.end);
    if (phrase === '') continue;
    const holders = body.filter((p) => p.text.includes(` ${phrase} `));
    const where = { start: quote.start, end: quote.end, text: quoted };
    if (holders.length === 0) {
      flags.push({ code: 'unattributed-quote', message: `The headline quotes ${quoted}, words the body never uses.`, ...where });
    } else if (!holders.some((p) => attributed.has(p.index) || quotedIn(article, paragraphs[p.index] as ParagraphReport, phrase))) {
      flags.push({ code: 'unattributed-quote', message: `The headline quotes ${quoted}; the body uses the words but attributes them to no one.`, ...where });
    }
  }
  return flags;
}

function quotedIn(article: SegmentedArticle, paragraph: ParagraphReport, phrase: string): boolean {
  return paragraph.quotes.some((q) => ` ${wordsIn(article, q.start, q.end)} `.includes(` ${phrase} `));
}

function wordsIn(article: SegmentedArticle, start: number, end: number): string {
  const from = firstTokenAtOrAfter(article.tokens, start);
  let to = from;
  while (to < article.tokens.count && (article.tokens.end[to] as number) <= end) to++;
  return wordsBetween(article, from, to);
}

/** A caption check as reported: its names with their text, and a message that says what matched. */
export function describeCaption(check: CaptionCheck, article: SegmentedArticle): Report['summary']['captions'][number] {
  const paragraph = article.paragraphs[check.paragraph] as { start: number; end: number };
  const names = check.names.map((n) => ({ start: n.start, end: n.end, text: article.text.slice(n.start, n.end), kind: n.kind, actor: n.actor, matched: n.matched }));
  const missing = names.filter((n) => !n.matched).map((n) => n.text);
  const people = names.filter((n) => n.kind === 'person');
  let message: string;
  if (names.length === 0) message = 'The caption names no one the body could mention.';
  else if (check.unrelated) message = `None of the ${people.length > 0 ? 'people' : 'names'} this caption gives (${(people.length > 0 ? people : names).map((n) => n.text).join(', ')}) appear in the article's body: the picture may not belong to the story.`;
  else if (missing.length > 0) message = `The body mentions ${names.length - missing.length} of the caption's ${names.length} names; not in the body: ${missing.join(', ')}.`;
  else message = 'The body mentions every name in the caption.';
  return { paragraph: check.paragraph, start: paragraph.start, end: paragraph.end, text: article.text.slice(paragraph.start, paragraph.end), names, unrelated: check.unrelated, message };
}

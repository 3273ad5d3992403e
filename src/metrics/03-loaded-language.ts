/**
 * Loaded language: lexicon matches (labels, hyperbole, emotive words, distancing, vague attribution,
 * boosters, hedges, intensifiers, absolutes, slanted reporting verbs) plus the scare-quote rule. One finding
 * per token: the longest phrase wins, then the category listed first in LOADED_CATEGORIES. A finding inside
 * a direct quotation belongs to the quoted voice.
 */
import { matchAt, type Lexicons, type LexiconRef, type PhraseCandidate } from '../lexicons/index.ts';
import type { SegmentedArticle, QuoteSpan } from '../text/index.ts';
import { firstTokenAtOrAfter } from '../text/04-tokens.ts';
import type { DomainResult } from './01-domains.ts';

export type Voice = 'author' | 'quoted';

export type RawFinding = {
  start: number;
  end: number;
  paragraph: number;
  category: LexiconRef['category'];
  rule: string;
  source: string;
  voice: Voice;
  weight: number;
  polarity?: -1 | 0 | 1;
  stance?: string;
  negated?: boolean;
  suggestion?: string;
  message: string;
};

export type RawExemption = { start: number; end: number; paragraph: number; rule: string; source: string; domain: string; message: string };

export type LoadedLanguageResult = { findings: RawFinding[]; exemptions: RawExemption[] };

// Scare quotes: a quotation this short, with no speaker in its sentence, is the writer's own distancing.
const SCARE_QUOTE_MAX_WORDS = 4;
const SCARE_QUOTE_WEIGHT = 0.5;
// A negator this many words before a finding marks it as negated ("not aggressive").
const NEGATION_WINDOW = 2;

const DESCRIPTIONS: Record<LexiconRef['category'], string> = {
  loaded: 'Emotive word',
  label: 'Label',
  hyperbole: 'Hyperbole',
  distancing: 'Distancing marker',
  'vague-attribution': 'Vague attribution',
  booster: 'Certainty booster',
  hedge: 'Hedge',
  intensifier: 'Intensifier',
  absolute: 'Absolute',
  'reporting-verb': 'Slanted reporting verb',
  'scare-quote': 'Scare quote',
};

/** Finds loaded language in every paragraph; findings are in text order, spans within the text. */
export function findLoadedLanguage(article: SegmentedArticle, lexicons: Lexicons, domains: DomainResult, rulesSource: string): LoadedLanguageResult {
  const { tokens, text } = article;
  const findings: RawFinding[] = [];
  const exemptions: RawExemption[] = [];
  const scratch: PhraseCandidate<LexiconRef>[] = [];
  // Sentences that name a speaker through a reporting verb or "according to"; scare quotes need neither.
  const attributedSentences = new Set<number>();
  let sentenceIndex = -1;
  article.paragraphs.forEach((paragraph, p) => {
    const active = new Set([...(domains.paragraphs[p] ?? []), ...domains.article]);
    for (const sentence of paragraph.sentences) {
      sentenceIndex++;
      let t = sentence.tokenStart;
      while (t < sentence.tokenEnd) {
        if (matchAt(lexicons.loaded, tokens, t, sentence.tokenEnd, scratch) === 0) {
          t++;
          continue;
        }
        const best = scratch[0] as PhraseCandidate<LexiconRef>;
        const ref = best.value;
        const first = t;
        const last = t + best.rest.length;
        const start = tokens.start[t] as number;
        const end = tokens.end[last] as number;
        const surface = text.slice(start, end);
        if (ref.category === 'reporting-verb' || ref.category === 'vague-attribution') attributedSentences.add(sentenceIndex);
        t = last + 1;
        const exemptDomain = ref.exempt?.find((domain) => active.has(domain));
        if (exemptDomain !== undefined) {
          exemptions.push({
            start,
            end,
            paragraph: p,
            rule: `${ref.category}/${ref.term}`,
            source: ref.lexicon,
            domain: exemptDomain,
            message: `\`${surface}\` is ordinary ${exemptDomain} language here, not counted`,
          });
          continue;
        }
        if (ref.weight <= 0) continue; // neutral reporting verbs: evidence of attribution, not loading
        const voice: Voice = article.quotedToken[first] === 1 ? 'quoted' : 'author';
        const finding: RawFinding = {
          start,
          end,
          paragraph: p,
          category: ref.category,
          rule: `${ref.category}/${ref.term}`,
          source: ref.lexicon,
          voice,
          weight: ref.weight,
          message: `${DESCRIPTIONS[ref.category]} \`${surface}\`${ref.alt !== undefined ? `; a neutral wording: \`${ref.alt}\`` : ''}`,
        };
        if (ref.polarity !== undefined) finding.polarity = ref.polarity;
        if (ref.stance !== undefined) finding.stance = ref.stance;
        if (ref.alt !== undefined) finding.suggestion = ref.alt;
        if (isNegated(article, lexicons, first, sentence.tokenStart)) finding.negated = true;
        findings.push(finding);
      }
    }
  });
  findings.push(...findScareQuotes(article, attributedSentences, rulesSource));
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings, exemptions };
}

function isNegated(article: SegmentedArticle, lexicons: Lexicons, token: number, sentenceStart: number): boolean {
  for (let k = 1; k <= NEGATION_WINDOW && token - k >= sentenceStart; k++) {
    if (lexicons.negators.has(article.tokens.norm[token - k] as string)) return true;
    if (article.tokens.breakBefore[token - k + 1] === 1) break;
  }
  return false;
}

/**
 * A short quotation (at most SCARE_QUOTE_MAX_WORDS words) in a sentence with no reporting verb, no
 * "according to" and no colon before it, whose words are not an echo of a quotation attributed elsewhere
 * in the article ("no breakthroughs" in a headline when the body quotes the speaker saying it).
 */
function findScareQuotes(article: SegmentedArticle, attributedSentences: ReadonlySet<number>, rulesSource: string): RawFinding[] {
  const { tokens, text, quotes } = article;
  const sentences = article.paragraphs.flatMap((paragraph, p) => paragraph.sentences.map((sentence) => ({ ...sentence, paragraph: p })));
  const quoteSentence = (quote: QuoteSpan): number => sentences.findIndex((s) => s.start <= quote.start && quote.start < s.end);
  const attributedWords = new Set<string>();
  const candidates: { quote: QuoteSpan; sentence: number; words: string[] }[] = [];
  for (const quote of quotes) {
    if (quote.kind === 'nested') continue;
    const words: string[] = [];
    for (let t = firstTokenAtOrAfter(tokens, quote.start); t < tokens.count && (tokens.end[t] as number) <= quote.end; t++) words.push(tokens.bare[t] as string);
    const sentence = quoteSentence(quote);
    const short = words.length > 0 && words.length <= SCARE_QUOTE_MAX_WORDS && !quote.continued && !quote.openEnded;
    const colonBefore = /:\s*$/.test(text.slice(Math.max(0, quote.start - 3), quote.start));
    const wholeSentence = sentence !== -1 && (sentences[sentence] as { start: number }).start === quote.start;
    if (short && !colonBefore && !wholeSentence && sentence !== -1 && !attributedSentences.has(sentence) && !hasAccordingTo(article, sentences[sentence] as { tokenStart: number; tokenEnd: number })) {
      candidates.push({ quote, sentence, words });
    } else {
      for (const word of words) attributedWords.add(word);
    }
  }
  const findings: RawFinding[] = [];
  for (const { quote, sentence, words } of candidates) {
    if (words.every((word) => attributedWords.has(word))) continue;
    const surface = text.slice(quote.start, quote.end);
    findings.push({
      start: quote.start,
      end: quote.end,
      paragraph: (sentences[sentence] as { paragraph: number }).paragraph,
      category: 'scare-quote',
      rule: 'scare-quote/short-unattributed-quote',
      source: rulesSource,
      voice: 'author',
      weight: SCARE_QUOTE_WEIGHT,
      suggestion: 'name who uses the phrase, or drop the quotation marks',
      message: `Scare quote ${surface}: a short quoted phrase with no speaker distances the writer from the words`,
    });
  }
  return findings;
}

function hasAccordingTo(article: SegmentedArticle, sentence: { tokenStart: number; tokenEnd: number }): boolean {
  const norm = article.tokens.norm;
  for (let t = sentence.tokenStart; t + 1 < sentence.tokenEnd; t++) {
    if (norm[t] === 'according' && norm[t + 1] === 'to') return true;
  }
  return false;
}

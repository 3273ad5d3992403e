/**
 * Each report as the comparison reads it: its text segmented again (the same segmentation the report was
 * built from, so paragraph indices agree), which paragraphs count (the scored body and the headline), and
 * the folded words of those paragraphs, for "does the other article say this too?".
 */
import type { Lexicons } from '../data/index.ts';
import type { Report } from '../report/schema.ts';
import { segmentArticle, type SegmentedArticle } from '../text/index.ts';
import type { Evidence } from './schema.ts';

export type ArticleView = {
  readonly key: string;
  readonly name: string;
  readonly report: Report;
  readonly article: SegmentedArticle;
  /** per paragraph: 1 when it counts (scored body, or the headline) */
  readonly counted: Uint8Array;
  /** per token: 1 when its paragraph counts */
  readonly countedToken: Uint8Array;
  /** folded words of the counted paragraphs, possessives and a plural `s` taken off */
  readonly words: ReadonlySet<string>;
  /** the counted paragraphs' folded text joined by newlines, for phrase look-ups */
  readonly folded: string;
  /** hasPhrase's answers and its index of `folded`'s words, made on first use */
  readonly phrases: PhraseLookups;
};

type PhraseLookups = { answers: Map<string, boolean>; wordsAt: Map<string, number[]> | undefined };

/** A figure in digits, thousands separators included ("100,000"). */
export const FIGURE = /\d+(?:,\d{3})+|\d+/g;

/** `A`, `B`... `Z`, then `A2`...: the keys articles are called by, in the order given. */
export function articleKey(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${letter}${Math.floor(index / 26) + 1}`;
}

/** The comparison's view of one report. */
export function viewArticle(report: Report, key: string, name: string, lexicons: Lexicons): ArticleView {
  const article = segmentArticle(report.text, lexicons.abbreviations);
  const counted = new Uint8Array(article.paragraphs.length);
  report.paragraphs.forEach((paragraph, index) => {
    if (index < counted.length && (paragraph.scored || paragraph.role === 'headline')) counted[index] = 1;
  });
  const countedToken = new Uint8Array(article.tokens.count);
  const words = new Set<string>();
  const parts: string[] = [];
  article.paragraphs.forEach((paragraph, index) => {
    if (counted[index] === 0) return;
    parts.push(article.folded.slice(paragraph.start, paragraph.end));
    for (let t = paragraph.tokenStart; t < paragraph.tokenEnd; t++) {
      countedToken[t] = 1;
      words.add(wordKey(article.tokens.bare[t] as string));
    }
  });
  const folded = `\n${parts.join('\n')}\n`;
  // Figures as one word whatever their separators: the tokenizer splits "100,000" at the comma.
  for (const figure of folded.match(FIGURE) ?? []) words.add(figure.replace(/,/g, ''));
  return { key, name, report, article, counted, countedToken, words, folded, phrases: { answers: new Map(), wordsAt: undefined } };
}

/** A folded word as the comparison matches it: a plural or third-person `s` taken off (`talks` = `talk`). */
export function wordKey(bare: string): string {
  return bare.length > 3 && bare.endsWith('s') && !bare.endsWith('ss') ? bare.slice(0, -1) : bare;
}

/** The evidence item for `[start, end)` of `view`'s text. */
export function evidenceOf(view: ArticleView, start: number, end: number, path?: string): Evidence {
  const item: Evidence = { article: view.key, start, end, text: view.report.text.slice(start, end) };
  if (path !== undefined) item.path = path;
  return item;
}

/**
 * True when `phrase` (folded) occurs in the view's counted text as whole words. Each finding of one article asks
 * this of the others, and a search of a whole text each was quadratic in the length of the texts (31% of the
 * comparison of two 1 MB articles). So each answer is kept, and a phrase with a word in it is looked up where
 * that word stands in the text: an occurrence whose first unit has no word unit before it and whose last has
 * none after starts where the phrase's first word (a run of word units) begins a run of the same units in the
 * text, since the units around that run in the phrase are not word units or the occurrence's edges.
 */
export function hasPhrase(view: ArticleView, phrase: string): boolean {
  const { answers } = view.phrases;
  let answer = answers.get(phrase);
  if (answer === undefined) {
    answer = findPhrase(view, phrase);
    answers.set(phrase, answer);
  }
  return answer;
}

function findPhrase(view: ArticleView, phrase: string): boolean {
  const { folded } = view;
  const wordStart = firstWordUnit(phrase);
  if (wordStart === phrase.length) {
    for (let from = 0; ; ) {
      const at = folded.indexOf(phrase, from);
      if (at === -1) return false;
      if (isWholeWordsAt(folded, phrase, at)) return true;
      from = at + 1;
    }
  }
  let wordEnd = wordStart + 1;
  while (wordEnd < phrase.length && isWordCode(phrase.charCodeAt(wordEnd))) wordEnd++;
  const positions = wordPositions(view).get(phrase.slice(wordStart, wordEnd));
  if (positions === undefined) return false;
  for (const position of positions) {
    const at = position - wordStart;
    if (at >= 0 && folded.startsWith(phrase, at) && isWholeWordsAt(folded, phrase, at)) return true;
  }
  return false;
}

// The phrase's first word unit (its length when it has none).
function firstWordUnit(phrase: string): number {
  let i = 0;
  while (i < phrase.length && !isWordCode(phrase.charCodeAt(i))) i++;
  return i;
}

function isWholeWordsAt(folded: string, phrase: string, at: number): boolean {
  return !isWordCode(folded.charCodeAt(at - 1)) && !isWordCode(folded.charCodeAt(at + phrase.length));
}

// Where each run of word units of the view's folded text starts, by the run.
function wordPositions(view: ArticleView): Map<string, number[]> {
  const { phrases, folded } = view;
  if (phrases.wordsAt !== undefined) return phrases.wordsAt;
  const wordsAt = new Map<string, number[]>();
  let i = 0;
  while (i < folded.length) {
    if (!isWordCode(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < folded.length && isWordCode(folded.charCodeAt(i))) i++;
    const word = folded.slice(start, i);
    const positions = wordsAt.get(word);
    if (positions === undefined) wordsAt.set(word, [start]);
    else positions.push(start);
  }
  phrases.wordsAt = wordsAt;
  return wordsAt;
}

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;
}

/**
 * Sentiment: AFINN-165 valences as the `sentiment` package ships them, with its English negation rule
 * (a valence flips when the previous word is one of its negators). Scored on our tokens so that every
 * scored word keeps its span and voice; per sentence, and summed by the report per paragraph and article.
 */
import { FIRST_WORD, type Lexicons } from '../data/index.ts';
import type { SegmentedArticle } from '../text/index.ts';

export type ScoredWord = { token: number; score: number; negated: boolean };
export type SentenceSentiment = { score: number; words: ScoredWord[] };

/** Per sentence of every paragraph (flattened in text order): AFINN score and the scored words. */
export function scoreSentiment(article: SegmentedArticle, lexicons: Lexicons, masks: Uint16Array): SentenceSentiment[] {
  const { tokens } = article;
  const results: SentenceSentiment[] = [];
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      let score = 0;
      const words: ScoredWord[] = [];
      for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
        if (((masks[t] as number) & FIRST_WORD.afinn) === 0) continue;
        const valence = lexicons.afinn.get(tokens.norm[t] as string);
        if (valence === undefined) continue;
        const negated = t > sentence.tokenStart && lexicons.afinnNegators.has(tokens.norm[t - 1] as string);
        const value = negated ? -valence : valence;
        score += value;
        words.push({ token: t, score: value, negated });
      }
      results.push({ score, words });
    }
  }
  return results;
}

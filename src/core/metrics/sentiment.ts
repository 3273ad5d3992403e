/**
 * Sentiment: AFINN-165 valences as the `sentiment` package ships them, with its English negation rule
 * (a valence flips when the previous word is one of its negators). Scored on our tokens so that every
 * scored word keeps its span and voice; per sentence, and summed per paragraph and for the article by
 * summariseSentiment, with the outlet's words and the quoted words apart. A word inside a proper name
 * ("United" in "the United Nations", "Liberty" in "Liberty Media") is what something is called, not the
 * writer's valence: it is left out and listed as exempt.
 */
import { FIRST_WORD, type Lexicons } from '../data/index.ts';
import type { SegmentedArticle } from '../text/index.ts';
import { tokenIds } from '../text/tokens.ts';
import { setByWordIdOnce, tableByWordIdOnce } from '../text/vocabulary.ts';
import type { RawExemption } from './loaded-language.ts';
import { insideLongerName, nameTextAt, type ProperNames } from './proper-names.ts';
import { round } from './round.ts';

export type ScoredWord = { token: number; score: number; negated: boolean };
/** A sentence's summed valence, its scored words, and the valenced words left out because a name holds them. */
export type SentenceSentiment = { score: number; words: readonly ScoredWord[]; exempted: readonly RawExemption[] };

// A sentence with no valenced word (most of them) shares these rather than holding two empty lists of its own.
const NO_WORDS: readonly ScoredWord[] = Object.freeze([]);
const NO_EXEMPTIONS: readonly RawExemption[] = Object.freeze([]);
const NO_SENTIMENT: SentenceSentiment = Object.freeze({ score: 0, words: NO_WORDS, exempted: NO_EXEMPTIONS });

/** Valence in one voice: summed score, score per word, words in that voice. */
export type VoiceSentiment = { score: number; comparative: number; words: number };
export type SentimentSummary = { score: number; comparative: number; positive: number; negative: number; author: VoiceSentiment; quoted: VoiceSentiment };

/** Per sentence of every paragraph (flattened in text order): AFINN score and the scored words. */
export function scoreSentiment(article: SegmentedArticle, lexicons: Lexicons, masks: Uint16Array, names: ProperNames): SentenceSentiment[] {
  // AFINN valences by word id, once per table.
  const valences = tableByWordIdOnce<number | undefined>(lexicons.afinn, undefined);
  // The negators by id too, made before the text's ids are read, so that every negator token has its id.
  const negators = setByWordIdOnce(lexicons.afinnNegators);
  const tokens = tokenIds(article.tokens);
  const source = `afinn-165@${lexicons.afinnVersion}`;
  const sentences = article.sentences;
  // Every slot is filled: made at its length, the list leaves no outgrown copies (175,000 sentences at 1 MB).
  const results = new Array<SentenceSentiment>(sentences.count);
  for (let s = 0; s < sentences.count; s++) {
    const p = sentences.paragraph[s] as number;
    const sentenceStart = sentences.tokenStart[s] as number;
    const sentenceEnd = sentences.tokenEnd[s] as number;
    let score = 0;
    let words: ScoredWord[] | undefined;
    let exempted: RawExemption[] | undefined;
    for (let t = sentenceStart; t < sentenceEnd; t++) {
      if (((masks[t] as number) & FIRST_WORD.afinn) === 0) continue;
      const id = tokens.ids[t] as number;
      const valence = id >= 0 && id < valences.length ? valences[id] : undefined;
      if (valence === undefined) continue;
      if (insideLongerName(names, t, t)) {
        const start = tokens.start[t] as number;
        const end = tokens.end[t] as number;
        const name = nameTextAt(article, names, t) as string;
        (exempted ??= []).push({ start, end, paragraph: p, rule: `sentiment/${tokens.norm[t] as string}`, source, reason: 'name', name });
        continue;
      }
      const before = t > sentenceStart ? (tokens.ids[t - 1] as number) : -1;
      const negated = before >= 0 && negators[before] === true;
      const value = negated ? -valence : valence;
      score += value;
      // A literal of one first: a push onto an empty array reserves room for 17 (a 1 MB article of valenced
      // sentences kept ~9 MB of empty slots until its report was written).
      const word = { token: t, score: value, negated };
      if (words === undefined) words = [word];
      else words.push(word);
    }
    // Sentences with no valenced word share one result (a megabyte of one-word paragraphs has 175,000).
    results[s] = words === undefined && exempted === undefined ? NO_SENTIMENT : { score, words: words ?? NO_WORDS, exempted: exempted ?? NO_EXEMPTIONS };
  }
  return results;
}

/** Valence per word, 4 decimals; 0 over no words. */
export function comparativeScore(score: number, words: number): number {
  return round(words === 0 ? 0 : score / words);
}

/**
 * A paragraph's (or the body's) sentiment from its scored words (`quoted`: inside quotation marks) and its
 * word counts: the total, and the outlet's words and the quoted words apart.
 */
export function summariseSentiment(scored: readonly { score: number; quoted: boolean }[], words: number, authorWords: number, quotedWords: number): SentimentSummary {
  let score = 0;
  let author = 0;
  let quoted = 0;
  let positive = 0;
  let negative = 0;
  for (const word of scored) {
    score += word.score;
    if (word.quoted) quoted += word.score;
    else author += word.score;
    if (word.score > 0) positive++;
    if (word.score < 0) negative++;
  }
  return {
    score,
    comparative: comparativeScore(score, words),
    positive,
    negative,
    author: { score: author, comparative: comparativeScore(author, authorWords), words: authorWords },
    quoted: { score: quoted, comparative: comparativeScore(quoted, quotedWords), words: quotedWords },
  };
}

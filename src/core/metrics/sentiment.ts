/**
 * Sentiment: AFINN-165 valences as the `sentiment` package ships them, with its English negation rule
 * (a valence flips when the previous word is one of its negators). Scored on our tokens so that every
 * scored word keeps its span and voice; per sentence, and summed per paragraph and for the article by
 * summariseSentiment, with the outlet's words and the quoted words apart. A word inside a proper name
 * ("United" in "the United Nations", "Liberty" in "Liberty Media") is what something is called, not the
 * writer's valence: it is left out and listed as exempt.
 */
import { FIRST_WORD, type Lexicons } from '../data/index.ts';
import { releaseBuffers, type SegmentedArticle } from '../text/index.ts';
import { tokenIds } from '../text/tokens.ts';
import { setByWordIdOnce, tableByWordIdOnce } from '../text/vocabulary.ts';
import type { RawExemption } from './loaded-language.ts';
import { insideLongerName, nameTextAt, type ProperNames } from './proper-names.ts';
import { round } from './round.ts';

/**
 * The scored words of every sentence (flattened in text order), as columns: sentence s's words, in token order,
 * are entries `wordFrom[s]` to `wordFrom[s + 1]` of the word columns (token index, valence after negation, 1
 * when negated), and its score is their sum (`sentenceScore`). The valenced words a name holds, left out, are
 * `exempted`, in text order (each names its paragraph).
 */
export type SentimentColumns = {
  readonly wordFrom: Int32Array;
  readonly wordToken: Int32Array;
  readonly wordScore: Float64Array;
  readonly wordNegated: Uint8Array;
  readonly exempted: readonly RawExemption[];
};

/** Sentence s's summed valence (its scored words' sum, in token order). */
export function sentenceScore(sentiment: SentimentColumns, s: number): number {
  let score = 0;
  const to = sentiment.wordFrom[s + 1] as number;
  for (let k = sentiment.wordFrom[s] as number; k < to; k++) score += sentiment.wordScore[k] as number;
  return score;
}

/** Valence in one voice: summed score, score per word, words in that voice. */
export type VoiceSentiment = { score: number; comparative: number; words: number };
export type SentimentSummary = { score: number; comparative: number; positive: number; negative: number; author: VoiceSentiment; quoted: VoiceSentiment };

/** Per sentence of every paragraph (flattened in text order): AFINN score and the scored words. */
export function scoreSentiment(article: SegmentedArticle, lexicons: Lexicons, masks: Uint16Array, names: ProperNames): SentimentColumns {
  // AFINN valences by word id, once per table.
  const valences = tableByWordIdOnce<number | undefined>(lexicons.afinn, undefined);
  // The negators by id too, made before the text's ids are read, so that every negator token has its id.
  const negators = setByWordIdOnce(lexicons.afinnNegators);
  const tokens = tokenIds(article.tokens);
  const source = `afinn-165@${lexicons.afinnVersion}`;
  const sentences = article.sentences;
  // Columns rather than an object per sentence and per word: on a megabyte of valenced sentences those objects
  // (~14 MB) lived through the whole analysis, so that every scavenge copied them and the old generation
  // took them in fresh pages, where a short text's died young. Only one column is as long as the sentences
  // (a sentence's score is the sum of its words', and exemptions are rare), so that a megabyte of one-word
  // paragraphs holds 4 bytes a sentence, not the 8 of a list of shared results. The word columns are made at
  // the number of tokens that can score (a first pass over the masks) and cut to the words found.
  let room = 0;
  for (let t = 0; t < tokens.count; t++) if (((masks[t] as number) & FIRST_WORD.afinn) !== 0) room++;
  // The four columns share one buffer: each typed array of its own was a separate off-heap allocation
  // (~0.3 us apiece, four an article). The 8-byte column goes first, so that every column is aligned.
  const buffer = new ArrayBuffer(12 * room + 4 * (sentences.count + 1) + room);
  const out = {
    wordScore: new Float64Array(buffer, 0, room),
    wordToken: new Int32Array(buffer, 8 * room, room),
    wordFrom: new Int32Array(buffer, 12 * room, sentences.count + 1),
    wordNegated: new Uint8Array(buffer, 12 * room + 4 * (sentences.count + 1), room),
    exempted: [] as RawExemption[],
  };
  let w = 0;
  for (let s = 0; s < sentences.count; s++) {
    const p = sentences.paragraph[s] as number;
    const sentenceStart = sentences.tokenStart[s] as number;
    const sentenceEnd = sentences.tokenEnd[s] as number;
    for (let t = sentenceStart; t < sentenceEnd; t++) {
      if (((masks[t] as number) & FIRST_WORD.afinn) === 0) continue;
      const id = tokens.ids[t] as number;
      const valence = id >= 0 && id < valences.length ? valences[id] : undefined;
      if (valence === undefined) continue;
      if (insideLongerName(names, t, t)) {
        const start = tokens.start[t] as number;
        const end = tokens.end[t] as number;
        const name = nameTextAt(article, names, t) as string;
        out.exempted.push({ start, end, paragraph: p, rule: `sentiment/${tokens.norm[t] as string}`, source, reason: 'name', name });
        continue;
      }
      const before = t > sentenceStart ? (tokens.ids[t - 1] as number) : -1;
      const negated = before >= 0 && negators[before] === true;
      const value = negated ? -valence : valence;
      out.wordToken[w] = t;
      out.wordScore[w] = value;
      out.wordNegated[w] = negated ? 1 : 0;
      w++;
    }
    out.wordFrom[s + 1] = w;
  }
  if (w === room) return out;
  return { ...out, wordToken: out.wordToken.subarray(0, w), wordScore: out.wordScore.subarray(0, w), wordNegated: out.wordNegated.subarray(0, w) };
}

/** Frees the memory of the columns now (text/release-buffers.ts): for the pipeline once the report is built; they must not be read after. */
export function releaseSentiment(sentiment: SentimentColumns): void {
  releaseBuffers([sentiment.wordFrom, sentiment.wordToken, sentiment.wordScore, sentiment.wordNegated]);
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
  const tally = sentimentTally();
  for (const word of scored) tallySentiment(tally, word.score, word.quoted);
  return summariseTally(tally, words, authorWords, quotedWords);
}

/** Sums of scored words as `summariseSentiment` adds them, kept while the words are walked. */
export type SentimentTally = { score: number; author: number; quoted: number; positive: number; negative: number };

/** An empty tally. */
export function sentimentTally(): SentimentTally {
  return { score: 0, author: 0, quoted: 0, positive: 0, negative: 0 };
}

/**
 * Adds one scored word. The body's summary adds each word as the report walks it rather than from a list of
 * them: that list passed 16,000 entries on a megabyte of text, in V8's large-object space, where each regrowth
 * maps fresh pages. Words are added in the same order as before, so the floating-point sums are the same.
 */
export function tallySentiment(tally: SentimentTally, score: number, quoted: boolean): void {
  tally.score += score;
  if (quoted) tally.quoted += score;
  else tally.author += score;
  if (score > 0) tally.positive++;
  if (score < 0) tally.negative++;
}

/** The summary of a tally, with the word counts. */
export function summariseTally(tally: SentimentTally, words: number, authorWords: number, quotedWords: number): SentimentSummary {
  const { score, author, quoted, positive, negative } = tally;
  return {
    score,
    comparative: comparativeScore(score, words),
    positive,
    negative,
    author: { score: author, comparative: comparativeScore(author, authorWords), words: authorWords },
    quoted: { score: quoted, comparative: comparativeScore(quoted, quotedWords), words: quotedWords },
  };
}

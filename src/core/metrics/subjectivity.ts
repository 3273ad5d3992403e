/**
 * Subjectivity of the author's voice, 0..1 per sentence: evaluative words (Pattern's subjectivity
 * ratings), opinion markers, the author's own loaded-language findings, first- and second-person address,
 * exclamations and questions. Quoted words are the speaker's opinion, not the outlet's, and are skipped.
 */
import { CATEGORY, FIRST_WORD, matchAt, type Lexicons, type WeightedRef, type PhraseCandidate } from '../data/index.ts';
import type { SegmentedArticle } from '../text/index.ts';
import type { RawFinding } from './loaded-language.ts';
import { round } from './round.ts';

export type RawCue = { start: number; end: number; rule: string; source: string; weight: number };
export type SentenceSubjectivity = { score: number; weight: number; authorWords: number; cues: RawCue[] };
/** A paragraph's or the body's subjectivity: score 0..1, number of cues, summed cue weight (author voice). */
export type SubjectivitySummary = { score: number; cues: number; weight: number };

/**
 * How much each family of cues other than findings counts towards subjectivity (a finding counts by its
 * category's `subjectivity`, in FINDING_CATEGORIES). Opinion markers are the clearest sign of a writer's
 * own view; Pattern's evaluative ratings are broad and noisy, so they count little.
 */
export const CUE_FACTORS = { opinion: 2, evaluative: 0.15, punctuation: 1 } as const;
const EXCLAMATION_WEIGHT = 0.6;
const QUESTION_WEIGHT = 0.3;
// Cue weight per word at which a sentence scores 1 - 1/e, set so that 0.5 is the subjective/objective
// boundary that maximised macro-F1 on the CheckThat! 2024 training split; PRIOR_WORDS damps short sentences.
const SCALE = 0.02;
const PRIOR_WORDS = 4;

/** Per sentence (flattened in text order): a 0..1 score and the cues it was built from. */
export function scoreSubjectivity(
  article: SegmentedArticle,
  lexicons: Lexicons,
  masks: Uint16Array,
  findings: readonly RawFinding[],
  rulesSource: string,
): SentenceSubjectivity[] {
  const { tokens, text } = article;
  const results: SentenceSubjectivity[] = [];
  const scratch: PhraseCandidate<WeightedRef>[] = [];
  let f = 0;
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const cues: RawCue[] = [];
      let authorWords = 0;
      for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) if (article.quotedToken[t] === 0) authorWords++;
      // Start offsets already holding a cue: a word counts once, whichever family found it first.
      const covered: number[] = [];
      // The author's own findings in this sentence.
      while (f < findings.length && (findings[f] as RawFinding).start < sentence.start) f++;
      for (let g = f; g < findings.length && (findings[g] as RawFinding).start < sentence.end; g++) {
        const finding = findings[g] as RawFinding;
        const factor = CATEGORY[finding.category].subjectivity;
        if (finding.voice === 'quoted' || factor === 0) continue;
        cues.push({ start: finding.start, end: finding.end, rule: finding.rule, source: finding.source, weight: finding.weight * factor });
        covered.push(finding.start);
      }
      for (const [index, family, bit] of [
        [lexicons.opinion, 'opinion', FIRST_WORD.opinion],
        [lexicons.subjective, 'evaluative', FIRST_WORD.subjective],
      ] as const) {
        const factor = CUE_FACTORS[family];
        let t = sentence.tokenStart;
        while (t < sentence.tokenEnd) {
          if (((masks[t] as number) & bit) === 0 || article.quotedToken[t] === 1 || matchAt(index, tokens, t, sentence.tokenEnd, scratch) === 0) {
            t++;
            continue;
          }
          const best = scratch[0] as PhraseCandidate<WeightedRef>;
          const start = tokens.start[t] as number;
          const end = tokens.end[t + best.rest.length] as number;
          if (!covered.includes(start)) {
            cues.push({ start, end, rule: `${family}/${best.value.term}`, source: best.value.lexicon, weight: best.value.weight * factor });
            covered.push(start);
          }
          t += best.rest.length + 1;
        }
      }
      punctuationCues(text, sentence, article, rulesSource, cues);
      cues.sort((a, b) => a.start - b.start || a.end - b.end);
      const weight = cues.reduce((sum, cue) => sum + cue.weight, 0);
      const score = authorWords === 0 ? 0 : 1 - Math.exp(-weight / ((authorWords + PRIOR_WORDS) * SCALE));
      results.push({ score, weight, authorWords, cues });
    }
  }
  return results;
}

// A sentence that ends in ! or ? outside quotation marks is the writer exclaiming or asking.
function punctuationCues(text: string, sentence: { start: number; end: number; tokenEnd: number; tokenStart: number }, article: SegmentedArticle, rulesSource: string, cues: RawCue[]): void {
  let end = sentence.end;
  while (end > sentence.start && /["'\u201D\u2019)\]\s]/.test(text[end - 1] as string)) end--;
  const mark = text[end - 1];
  if (mark !== '!' && mark !== '?') return;
  const lastToken = sentence.tokenEnd - 1;
  if (lastToken < sentence.tokenStart || article.quotedToken[lastToken] === 1) return;
  cues.push({
    start: end - 1,
    end,
    rule: mark === '!' ? 'punctuation/exclamation' : 'punctuation/question',
    source: rulesSource,
    weight: (mark === '!' ? EXCLAMATION_WEIGHT : QUESTION_WEIGHT) * CUE_FACTORS.punctuation,
  });
}

/** Sentences' subjectivity taken together: scores averaged by author words, cues counted, weights summed. */
export function summariseSubjectivity(sentences: readonly SentenceSubjectivity[]): SubjectivitySummary {
  let sum = 0;
  let words = 0;
  for (const sentence of sentences) {
    sum += sentence.score * sentence.authorWords;
    words += sentence.authorWords;
  }
  return {
    score: round(words === 0 ? 0 : sum / words),
    cues: sentences.reduce((count, s) => count + s.cues.length, 0),
    weight: round(sentences.reduce((total, s) => total + s.weight, 0)),
  };
}

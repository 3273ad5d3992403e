/**
 * Stance openings (stance-openings.jsonl): "To Holt, the delay was a betrayal". A sentence opening with the
 * preposition, a speaker phrase and a comma gives the rest of the sentence as that speaker's view: an
 * attitude. "To date," names no one.
 */
import { commaBefore, type Scan } from './context.ts';
import { trimmedSpan } from './content-spans.ts';
import { nounPhraseAfter } from './noun-phrase-speakers.ts';
import { draftOf, type Finding, type SentenceRef } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// The longest speaker phrase between the preposition and its comma ("To the harbour riders of the north shore,").
const PHRASE_MAX = 10;
// The fewest words of view after the comma.
const VIEW_MIN = 3;

/**
 * An attitude for each sentence that opens with a stance preposition, then, before a comma a few words on,
 * a phrase holding a speaker phrase, and at least a few words after the comma; sentences whose opening
 * tokens are marked in `taken` (another finding's cue, speaker or content) are left to it.
 */
export function findStanceOpenings(scan: Scan, taken: Uint8Array): Finding[] {
  const { article, words } = scan;
  const { tokens } = article;
  const findings: Finding[] = [];
  for (let s = 0; s < scan.sentences.length; s++) {
    const sentence = scan.sentences[s] as SentenceRef;
    const t = sentence.tokenStart;
    if (!inClass(scan.classes, t, WORD_CLASS.stanceOpening) || article.quotedToken[t] === 1 || scan.excluded[t] === 1) continue;
    let comma = t + 2;
    while (comma < sentence.tokenEnd && comma <= t + PHRASE_MAX && article.quotedToken[comma] === 0 && tokens.breakBefore[comma] !== 1) comma++;
    if (comma >= sentence.tokenEnd || !commaBefore(scan, comma) || sentence.tokenEnd - comma < VIEW_MIN || taken[t] === 1 || taken[comma] === 1) continue;
    if (nounPhraseAfter(scan, t + 1, comma) === null) continue;
    const content = trimmedSpan(article, comma, sentence.tokenEnd);
    if (content === null) continue;
    const cue = { start: article.tokens.start[t] as number, end: article.tokens.end[t] as number, label: { lemma: tokens.norm[t] as string, class: 'cognitive', source: words.stanceOpeningSource } };
    findings.push(draftOf(content.start, sentence.paragraph, 'attitude', cue, { t0: t + 1, t1: comma }, content, sentence.index));
  }
  return findings;
}

/**
 * Quotes that go on: news style lets one speaker's quotation run over several sentences with the cue given
 * once (`"Yes," Holt said. "The ferry will run. We have the money."`). The later quotations are the same
 * speech, so the attribution's content runs on to the last of them; the cue and speaker between the parts
 * stay inside the content, as they do in a quote split by its cue.
 */
import type { ParagraphSpan } from '../../text/index.ts';
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import { nounPhraseBefore, opensSentence } from './noun-phrase-speakers.ts';
import { freeVerbAt, quoteEndAt, quoteStartAt, quoteTokensAt, speakerOfQuote, type QuoteList, type QuotedSpeech } from './quote-speakers.ts';
import type { Cue } from './types.ts';

/**
 * Where the speech of `quotes[from]` (introduced by `cue`, or continuing an earlier speaker when null) ends
 * in `paragraph`: the end offset of the last quotation that carries it on, and that quotation's index
 * (`from` when none does). A quotation carries it on when it opens its sentence (after a connective or not), has no cue of its own,
 * and nothing lies between it and the speech so far but the rest of the cue's sentence (verbs in it included, unless with a subject of their own).
 */
export function quoteRunEnd(speech: QuotedSpeech, quotes: QuoteList, from: number, paragraph: ParagraphSpan, cue: Cue | null): { end: number; last: number } {
  const { scan } = speech;
  const { tokens } = scan.article;
  let end = quoteEndAt(quotes, from);
  let last = from;
  for (let k = from + 1; k < quotes.at.length; k++) {
    if (quoteStartAt(quotes, k) >= paragraph.end || quotes.t1[k] === quotes.t0[k]) break;
    const next = quoteTokensAt(quotes, k);
    const sentence = scan.sentences[scan.sentenceOf[next.t0] as number];
    if (sentence === undefined) break;
    // A title quoted inside the cue's sentence (`she said on "Meet the Voters."`) is the outlet's words.
    if (sentence.start !== next.start && cue !== null && sentence.index === cue.sentence) continue;
    // `But "the ferry will run."`: a connective may open the sentence before the quotation goes on.
    if (sentence.start !== next.start && !opensSentence(scan, sentence, next.t0)) break;
    // The rest of the cue's sentence is the speaker's tag, verbs and all ("said when asked about it", "said
    // Hale, who wrote to the council"), unless a verb there has a subject of its own ("and Reyes warned").
    // A sentence after it is narration.
    let narration = false;
    const from = firstTokenAtOrAfter(tokens, end);
    const stop = sentence.start === next.start ? next.t0 : sentence.tokenStart;
    for (let t = from; t < stop && !narration; t++) {
      const verb = freeVerbAt(speech, t);
      // ", referring to the plan", ", adding that": a participle after a comma has the speaker as its subject.
      const participle = verb !== undefined && (tokens.norm[t] as string).endsWith('ing') && tokens.breakBefore[t] === 1;
      narration = cue === null || scan.sentenceOf[t] !== cue.sentence || (verb !== undefined && t > cue.t1 && !participle && nounPhraseBefore(scan, t, cue.t1) !== null);
    }
    if (narration || speakerOfQuote(speech, next, paragraph, true, false) !== undefined) break;
    end = next.end;
    last = k;
  }
  return { end, last };
}

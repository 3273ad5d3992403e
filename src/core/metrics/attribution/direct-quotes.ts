/**
 * Direct quotations: each quotation with its speaker after it (`"...," Peskov said`, `"...," said Sergei
 * Lavrov`), before it (`Peskov told reporters: "..."`), or before a colon (a headline's `Speaker: "..."`).
 * A quote split by its cue is one attribution, and so is a quote that goes on after its cue (`"A," she
 * said. "B. C."`): its content runs from the first quotation mark to the last. A quotation paragraph with
 * no cue continues the speaker of the paragraph before.
 */
import { NESTED, type ParagraphSpan, type SegmentedArticle } from '../../text/index.ts';
import { isSpaceUnit } from '../../text/space.ts';
import { listToFill } from '../../text/lists.ts';
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import { commaBefore, type Scan } from './context.ts';
import { ADJUNCT_GAP_MAX_TOKENS, adjunctGapBeforeQuote, clauseEnd, cueEnds, cueRange, hasQuoteBetween, trimmedSpan } from './content-spans.ts';
import { findLabelledSpeech } from './labelled-speech.ts';
import { quoteRunEnd } from './quote-runs.ts';
import { freeVerbAt, quoteEndAt, quoteStartAt, quoteTokensAt, speakerOfQuote, type QuoteList, type QuotedSpeech, type QuoteTokens } from './quote-speakers.ts';
import { draftOf, isPending, type ClaimedCues, type Cue, type Finding, type SentenceRef, type Speaker } from './types.ts';
import { WORD_CLASS } from './word-classes.ts';

// A quotation this long reads as a full direct quote even inside a sentence.
const DIRECT_QUOTE_MIN_WORDS = 6;
// A split quote's cue sits within this many tokens after its first part.
const SPLIT_MAX_TOKENS = 9;

// Token -> index of the cue starting there, so that looking around a quotation is a short scan: one buffer
// kept between articles (a new one each cost more than the look-ups it serves), all -1 outside a call.
let cueAtBuffer = new Int32Array(0);

/** Finds the direct quotations, in text order; `claimed` marks the cues they took, which later passes leave alone. */
export function findDirectQuotes(scan: Scan, cues: readonly Cue[]): { findings: Finding[]; claimed: ClaimedCues } {
  const count = scan.article.tokens.count;
  if (cueAtBuffer.length < count) cueAtBuffer = new Int32Array(Math.max(count, cueAtBuffer.length * 2)).fill(-1);
  // Exactly the article's length, so that a token past its end reads as no cue (undefined), as in an array of its own.
  const cueAt = cueAtBuffer.subarray(0, count);
  for (let index = 0; index < cues.length; index++) cueAt[(cues[index] as Cue).t0] = index;
  try {
    return quotationsOf({ scan, cues, claimed: new Uint8Array(cues.length), cueAt });
  } finally {
    for (let index = 0; index < cues.length; index++) cueAt[(cues[index] as Cue).t0] = -1;
  }
}

function quotationsOf(speech: QuotedSpeech): { findings: Finding[]; claimed: ClaimedCues } {
  const { scan, cues } = speech;
  const { article, sentences, sentenceOf } = scan;
  const { tokens, text } = article;
  // Where a cue ends: `said, "No."` puts its quotation right after one.
  // Per token, the end of the cue starting there: where a clause that goes on past a quotation ends.
  let cueEndAt: Int32Array | undefined;
  // The quotations not nested in another.
  const spans = quoteList(article);
  // At most one a quotation: made at that length when long (grown by push, a megabyte's 65,000 regrew in V8's
  // large-object space), cut to what was found.
  const findings = listToFill<Finding>(spans.at.length);
  let direct = 0;
  let previousDirect: Finding | undefined;
  let previousDirectParagraph = -2;
  for (let q = 0; q < spans.at.length; q++) {
    const quote = quoteTokensAt(spans, q);
    const { t0: qt0, t1: qt1 } = quote;
    if (qt1 === qt0) continue;
    const sentence = sentences[sentenceOf[qt0] as number];
    if (sentence === undefined) continue;
    const paragraphIndex = sentence.paragraph;
    const paragraph = article.paragraphs[paragraphIndex] as ParagraphSpan;
    const opensSentence = sentence.start === quote.start;
    const afterColon = colonEndsBefore(text, Math.max(paragraph.start, quote.start - 3), quote.start);
    // `and said, "No."`: right after a cue and its comma, closing its sentence, a short quotation is still the whole reply.
    const closesSentence = onlyStopsBetween(text, quote.end, sentence.end) && repliesAfterCue(speech, quote, sentence);
    const full = qt1 - qt0 >= DIRECT_QUOTE_MIN_WORDS || opensSentence || afterColon || closesSentence || quote.continued;
    const found = speakerOfQuote(speech, quote, paragraph, full, afterColon);
    let contentEnd = quote.end;
    let finding: Finding | undefined;
    if (found !== undefined && (full || found.cue === null)) {
      if (found.cue !== null) speech.claimed[speech.cueAt[found.cue.t0] as number] = 1;
      // A split quote: `"We will fight," she said, "and we will win."` is one attribution.
      const nextStart = q + 1 < spans.at.length ? quoteStartAt(spans, q + 1) : -1;
      if (found.cue !== null && nextStart < paragraph.end && nextStart > quote.end) {
        const between = firstTokenAtOrAfter(tokens, nextStart);
        // Only within the cue's sentence, with no second speaker: `"A," he said. She added, "B."` is two.
        const sameSentence = sentenceOf[between] === found.cue.sentence && !hasFreeVerb(speech, found.cue.t1, between);
        if (/,\s*$/.test(text.slice(quote.end, nextStart)) && between - qt1 <= SPLIT_MAX_TOKENS && found.cue.t0 >= qt1 && found.cue.t1 <= between && sameSentence) {
          contentEnd = quoteEndAt(spans, q + 1);
          q++;
        }
      }
      const cue = found.cue === null ? null : cueRange(article, found.cue);
      const leadIn = found.cue !== null && !opensSentence && quoteLeadIn(scan, sentence, quote, found.cue, found.speaker);
      // `Holt says "the pier is done" because the money ran out.`: the reported clause goes on past the quotation.
      let goesOn = false;
      if (found.cue !== null && contentEnd === quote.end && found.cue.t1 <= qt0) {
        cueEndAt ??= cueEnds(tokens.count, cues);
        const end = reportedClauseAfterQuote(scan, quote, sentence, found.cue, cueEndAt);
        if (end > contentEnd) {
          contentEnd = end;
          goesOn = true;
        }
      } else if (found.cue !== null && contentEnd === quote.end && found.cue.t0 >= qt1) {
        // `"We're back" in the harbour, Holt said.`: the writer's words between the quotation and its tag are the speaker's too.
        const end = Math.max(wordsBeforeTag(scan, quote, found.cue, found.speaker), interruptedTail(scan, quote, sentence, found.cue, found.speaker));
        if (end > contentEnd) {
          contentEnd = end;
          goesOn = true;
        }
      }
      const mode = leadIn || goesOn || !(full || found.cue !== null) ? 'mixed' : 'direct';
      finding = draftOf(quote.start, paragraphIndex, mode, cue, found.speaker, { start: leadIn ? sentence.start : quote.start, end: contentEnd }, sentence.index);
    } else if (found === undefined && quote.start === paragraph.start && previousDirect !== undefined && paragraphIndex - previousDirectParagraph === 1) {
      // A quotation paragraph with no cue continues the previous speaker.
      finding = { order: quote.start, continues: previousDirect, paragraph: paragraphIndex, contentStart: quote.start, contentEnd };
    }
    if (finding === undefined) continue;
    // The speech goes on in the quotations after it that have no cue of their own.
    const run = quoteRunEnd(speech, spans, q, paragraph, found?.cue ?? null);
    if (run.last > q) {
      if (finding.contentStart >= 0) finding.contentEnd = run.end;
      q = run.last;
    }
    findings[direct++] = finding;
    previousDirect = finding;
    previousDirectParagraph = paragraphIndex;
  }
  // Speech labelled by its speaker's name and a colon, with no verb (`Holt: Ferry will run again`). The content
  // starts the quotations took are gathered at the first label asked about: most articles have none, and a set
  // of every quotation's start was 2.5 MB of hash table on a megabyte of quotations, in V8's large-object space.
  if (direct < findings.length) findings.length = direct;
  let quoted: Set<number> | undefined;
  const taken = {
    has(start: number): boolean {
      if (quoted === undefined) {
        quoted = new Set<number>();
        for (let i = 0; i < direct; i++) {
          const f = findings[i] as Finding;
          if (isPending(f) && f.contentStart >= 0) quoted.add(f.contentStart);
        }
      }
      return quoted.has(start);
    },
  };
  findings.push(...findLabelledSpeech(scan, taken));
  return { findings, claimed: speech.claimed };
}

// The article's quotations not nested in another, with the tokens each covers.
function quoteList(article: SegmentedArticle): QuoteList {
  const { quotes, tokens } = article;
  let outer = 0;
  for (let q = 0; q < quotes.count; q++) if (quotes.kind[q] !== NESTED) outer++;
  const at = new Int32Array(outer);
  const t0s = new Int32Array(outer);
  const t1s = new Int32Array(outer);
  for (let q = 0, k = 0; q < quotes.count; q++) {
    if (quotes.kind[q] === NESTED) continue;
    const end = quotes.end[q] as number;
    const t0 = firstTokenAtOrAfter(tokens, quotes.start[q] as number);
    let t1 = t0;
    while (t1 < tokens.count && (tokens.end[t1] as number) <= end) t1++;
    at[k] = q;
    t0s[k] = t0;
    t1s[k++] = t1;
  }
  return { quotes, at, t0: t0s, t1: t1s };
}

// /:\s*$/ over text.slice(from, to), read in place: every quotation asks.
function colonEndsBefore(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && isSpaceUnit(text.charCodeAt(i))) i--;
  return i >= from && text.charCodeAt(i) === 58;
}

// /^[\s.!?]*$/ over text.slice(from, to), read in place.
function onlyStopsBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 46 && code !== 33 && code !== 63 && !isSpaceUnit(code)) return false;
  }
  return true;
}

/**
 * Where the reported clause of a quotation right after its cue ends when it goes on past the closing mark
 * with words of the writer's (`says "X" because Y`, `said "X" despite Y`), else -1. A quotation introduced by
 * a comma or a colon (`said, "X."`) is a full direct quote and ends where it closes.
 */
function reportedClauseAfterQuote(scan: Scan, quote: QuoteTokens, sentence: SentenceRef, cue: Cue, cueEndAt: Int32Array): number {
  const { article } = scan;
  const { tokens, text } = article;
  if (quote.t1 >= sentence.tokenEnd || quote.openEnded) return -1;
  if (/[,:]/.test(text.slice(tokens.end[cue.t1 - 1] as number, quote.start))) return -1;
  const end = clauseEnd(scan, quote.t1 - 1, sentence.tokenEnd, cueEndAt);
  if (end <= quote.t1) return -1;
  return trimmedSpan(article, quote.t0, end)?.end ?? -1;
}

/**
 * `"Only you, Holt," she said, would stand up for the ferry.`: a quotation cut off by its tag at a comma,
 * whose sentence goes on after the tag's comma in the writer's words with the quoted subject's verb (an
 * auxiliary or a form of be first). The speech runs to the sentence's end, which is returned; else -1.
 */
function interruptedTail(scan: Scan, quote: QuoteTokens, sentence: SentenceRef, cue: Cue, speaker: Speaker): number {
  const { article, words } = scan;
  const { tokens, text } = article;
  if (!/,\s*["'\u201D\u2019]*$/u.test(text.slice(tokens.start[quote.t1 - 1] as number, quote.end))) return -1;
  // `"It is over," Berg said, will surprise nobody`: quoted words with a verb of their own are a whole clause,
  // and the verb after the tag is the writer's; only a subject cut off by the tag goes on after it.
  if (hasFiniteVerb(scan, quote)) return -1;
  const after = Math.max(cue.t1, speaker?.t1 ?? 0);
  if (after >= sentence.tokenEnd - 1 || !commaBefore(scan, after) || article.quotedToken[after] === 1) return -1;
  const word = tokens.norm[after] as string;
  // The skip list's adverbs of time and sequence ("she said, then left") start the writer's own clause.
  const auxiliary = words.beForms.has(word) || (words.verbSkips.has(word) && !word.endsWith('ly') && !words.timeWords.has(word) && !words.introductions.has(word));
  if (scan.capital[after] === 1 || !auxiliary) return -1;
  return trimmedSpan(article, after, sentence.tokenEnd)?.end ?? -1;
}

// Whether the quoted words hold a finite verb: a form of be or an auxiliary ("is", "will"), or a subject
// pronoun followed in the same phrase by a lowercase word ("We won").
function hasFiniteVerb(scan: Scan, quote: QuoteTokens): boolean {
  const { tokens } = scan.article;
  // The lists read by word class (word-classes.ts): up to five string look-ups a quoted word were the most of any
  // attribution pass (39,000 a PolNeAR pass), each in a table other passes had pushed out of the cache.
  for (let t = quote.t0; t < quote.t1; t++) {
    const bits = scan.classes[t] as number;
    if ((bits & WORD_CLASS.beForm) !== 0 || ((bits & WORD_CLASS.verbSkip) !== 0 && !(tokens.norm[t] as string).endsWith('ly') && (bits & (WORD_CLASS.timeWord | WORD_CLASS.introduction)) === 0)) return true;
    if ((bits & WORD_CLASS.pronoun) !== 0 && t + 1 < quote.t1 && tokens.breakBefore[t + 1] !== 1 && scan.capital[t + 1] !== 1) return true;
  }
  return false;
}

// The end of the unquoted words that follow a quotation up to the comma before its tag (cue or speaker,
// whichever comes first), else -1.
function wordsBeforeTag(scan: Scan, quote: QuoteTokens, cue: Cue, speaker: Speaker): number {
  const tag = speaker === null ? cue.t0 : Math.min(cue.t0, speaker.t0);
  if (tag <= quote.t1 || !commaBefore(scan, tag) || hasQuoteBetween(scan.article, quote.t1, tag)) return -1;
  return trimmedSpan(scan.article, quote.t0, tag)?.end ?? -1;
}

/**
 * Whether a quotation closing its sentence is the whole of what a cue before it reports: after the cue and a
 * comma or colon (`said, "No."`), also past words that say only where, when or to whom (`asks at the school,
 * "Any questions?"`). A short quotation so placed is the reply, not a phrase of the writer's.
 */
function repliesAfterCue(speech: QuotedSpeech, quote: QuoteTokens, sentence: SentenceRef): boolean {
  const { scan } = speech;
  for (let t = quote.t0 - 1; t >= Math.max(sentence.tokenStart, quote.t0 - ADJUNCT_GAP_MAX_TOKENS - 2); t--) {
    if (scan.article.quotedToken[t] === 1) return false;
    const cue = freeVerbAt(speech, t);
    if (cue === undefined || cue.t1 > quote.t0) continue;
    return adjunctGapBeforeQuote(scan, cue.t1, quote.t0);
  }
  return false;
}

function hasFreeVerb(speech: QuotedSpeech, t0: number, t1: number): boolean {
  for (let t = t0; t < t1; t++) if (freeVerbAt(speech, t) !== undefined) return true;
  return false;
}

/**
 * Whether the writer's words opening the quotation's sentence belong to the speech: `Still, clubs are "barely
 * making a profit," Hale said` (the cue after the quotation, the sentence's start unquoted) or `The old pier,
 * Hale said, "is a danger"` (the speaker after a comma, the cue right before the quotation).
 */
function quoteLeadIn(scan: Scan, sentence: SentenceRef, quote: QuoteTokens, cue: Cue, speaker: Speaker): boolean {
  const { quotedToken } = scan.article;
  if (cue.sentence !== sentence.index || quote.t0 <= sentence.tokenStart) return false;
  for (let t = sentence.tokenStart; t < quote.t0; t++) if (quotedToken[t] === 1) return false;
  if (cue.t0 >= quote.t1) return true;
  // The speaker and its verb between commas, as a parenthesis: not `..., Berg shook her head and said, "No."`.
  return speaker !== null && speaker.t0 > sentence.tokenStart + 1 && commaBefore(scan, speaker.t0) && speaker.t1 === cue.t0 && cue.t1 === quote.t0 && commaBefore(scan, quote.t0);
}

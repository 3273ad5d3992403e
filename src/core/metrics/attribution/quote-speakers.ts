/**
 * Who speaks a quotation: the cue and speaker phrase after it (`"...," Peskov said`, `"...," said one
 * harbour official`), before it (`Peskov told reporters: "..."`), or a name before a colon (`Lavrov: "..."`).
 * Read by the direct-quote pass, for a quotation and for the quotations after it that may carry on its speech.
 */
import { sentenceAt, type ParagraphSpan, type QuoteColumns } from '../../text/index.ts';
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import { commaBefore, skipBack, type Scan } from './context.ts';
import { ADJUNCT_GAP_MAX_TOKENS, adjunctGapBeforeQuote, hasQuoteBetween, onlyAdjuncts } from './content-spans.ts';
import { nounPhraseAfter, nounPhraseBefore, subjectBeforeRelativeClause } from './noun-phrase-speakers.ts';
import type { ClaimedCues, Cue, Speaker } from './types.ts';

const AFTER_QUOTE_MAX_TOKENS = 9;
const BEFORE_QUOTE_MAX_TOKENS = 9;

/** The direct-quote pass's state: the cues, which of them it claimed, and the cue starting at each token (-1: none). */
export type QuotedSpeech = { readonly scan: Scan; readonly cues: readonly Cue[]; readonly claimed: ClaimedCues; readonly cueAt: Int32Array };
/** A quotation (its span, and whether it continues a quote or its paragraph ends inside it) with its token span [t0, t1). */
export type QuoteTokens = { readonly start: number; readonly end: number; readonly continued: boolean; readonly openEnded: boolean; readonly t0: number; readonly t1: number };
/**
 * The quotations a pass reads (entry k is the article's quotation `at[k]`), with their token spans, as columns:
 * a `QuoteTokens` is made when a quotation is looked at (`quoteTokensAt`) and dropped soon after. One per
 * quotation made up front lived to the end of the pass, and a long text of quotations had young-generation
 * collections copy them all.
 */
export type QuoteList = { readonly quotes: QuoteColumns; readonly at: Int32Array; readonly t0: Int32Array; readonly t1: Int32Array };

/** The `k`th quotation of `list` with its token span. */
export function quoteTokensAt(list: QuoteList, k: number): QuoteTokens {
  const { quotes } = list;
  const q = list.at[k] as number;
  return { start: quotes.start[q] as number, end: quotes.end[q] as number, continued: quotes.continued[q] === 1, openEnded: quotes.openEnded[q] === 1, t0: list.t0[k] as number, t1: list.t1[k] as number };
}

/** Where the `k`th quotation of `list` starts, a text offset. */
export function quoteStartAt(list: QuoteList, k: number): number {
  return list.quotes.start[list.at[k] as number] as number;
}

/** Where the `k`th quotation of `list` ends, a text offset. */
export function quoteEndAt(list: QuoteList, k: number): number {
  return list.quotes.end[list.at[k] as number] as number;
}
/** A quotation's speaker phrase and the cue that introduces it (null for `Name: "..."`). */
export type QuoteSpeaker = { cue: Cue | null; speaker: Speaker };

/** A reporting verb starting at token `t` that no pass has claimed yet. */
export function freeVerbAt(speech: QuotedSpeech, t: number): Cue | undefined {
  const index = speech.cueAt[t] as number;
  // No cue is -1: read as an array index it would be the property '-1', a slow generic look-up per token.
  if (index < 0) return undefined;
  const cue = speech.cues[index];
  return cue !== undefined && speech.claimed[index] === 0 && cue.ref.kind === 'verb' ? cue : undefined;
}

/**
 * The speaker of a quotation in `paragraph`: after it first, then (for a `full` quotation: long, opening its
 * sentence or after a colon) before it, then before the colon it follows (`afterColon`); undefined when none.
 */
export function speakerOfQuote(speech: QuotedSpeech, quote: QuoteTokens, paragraph: ParagraphSpan, full: boolean, afterColon: boolean): QuoteSpeaker | undefined {
  return (
    speakerAfter(speech, quote, paragraph) ??
    (full ? (speakerBefore(speech, quote, paragraph) ?? speakerEndingParagraphBefore(speech, quote, paragraph)) : undefined) ??
    (afterColon ? speakerBeforeColon(speech, quote, paragraph) : undefined) ??
    speakerAfterDash(speech, quote, paragraph) ??
    speakerInFrame(speech, quote)
  );
}

// `"The ferry will run again." - Anna Berg.`, `"Run it!" — Anna Berg (@bergharbour) May 3`: a quotation signed
// with a dash and a capitalised name (in the same paragraph or opening the next) that ends its sentence, or
// goes on only with a comma or a bracket. Only a quotation that stands as a sentence of its own is signed:
// it opens its sentence and closes with a stop inside its marks. `wanted "reform" - Berg, too.` and
// `dubbed it "a disaster" -- Senator Holt (R-Maine) among them.` are the writer's sentences going on.
function speakerAfterDash(speech: QuotedSpeech, quote: QuoteTokens, paragraph: ParagraphSpan): QuoteSpeaker | undefined {
  const { scan } = speech;
  const { t0: qt0, t1: qt1 } = quote;
  const { tokens, text } = scan.article;
  // The signature may stand in a paragraph of its own right after the quotation's.
  if (quote.openEnded || qt1 >= tokens.count || scan.capital[qt1] !== 1) return undefined;
  if (qt0 !== paragraph.tokenStart && qt0 !== scan.sentences[scan.sentenceOf[qt0] as number]?.tokenStart) return undefined;
  if (!/[.!?\u2026]\s*["\u201D'\u2019`]+$/u.test(text.slice(quote.start, quote.end))) return undefined;
  if (!/^\s*[-\u2013\u2014]{1,2}\s*$/u.test(text.slice(quote.end, tokens.start[qt1] as number))) return undefined;
  const sentence = scan.sentences[scan.sentenceOf[qt1] as number];
  const signed = qt1 < paragraph.tokenEnd ? paragraph : sentence === undefined ? undefined : scan.article.paragraphs[sentence.paragraph];
  if (signed === undefined || signed.tokenStart !== (qt1 < paragraph.tokenEnd ? paragraph.tokenStart : qt1)) return undefined;
  const name = nounPhraseAfter(scan, qt1, signed.tokenEnd);
  if (name === null) return undefined;
  const after = name.t1 < signed.tokenEnd ? text.slice(tokens.end[name.t1 - 1] as number, tokens.start[name.t1] as number) : '.';
  return /^\s*[.,(]/.test(after) ? { cue: null, speaker: name } : undefined;
}

// Words a quote frame's speaker may take ("the city's harbour master").
const FRAME_SPEAKER_MAX_TOKENS = 5;

/** `as Holt put it, "..."`, `in Holt's words, "..."`, `"...," as Holt put it.`: a frame (lexicons/en/quote-frames.jsonl) right before or after the quotation. */
function speakerInFrame(speech: QuotedSpeech, { t0: qt0, t1: qt1 }: QuoteTokens): QuoteSpeaker | undefined {
  const { scan } = speech;
  const sentence = scan.sentences[scan.sentenceOf[qt0] as number];
  if (sentence === undefined) return undefined;
  const { norm } = scan.article.tokens;
  for (const frame of scan.words.quoteFrames) {
    // Before: the frame ends where the quotation starts, so a frame ending in a word needs it right before the quotation.
    const last = frame[frame.length - 1] as string;
    const mayEnd = last === '*' || (qt0 > 0 && norm[qt0 - 1] === last);
    for (let t = Math.max(sentence.tokenStart, qt0 - frame.length - FRAME_SPEAKER_MAX_TOKENS); mayEnd && t < qt0; t++) {
      const speaker = frameAt(scan, frame, t, qt0);
      if (speaker !== null && speaker.end === qt0) return { cue: null, speaker: speaker.speaker };
    }
    // After: the frame starts where the quotation ends.
    const after = frameAt(scan, frame, qt1, sentence.tokenEnd);
    if (after !== null) return { cue: null, speaker: after.speaker };
  }
  return undefined;
}

// The speaker of `frame` matched at token `t` (the frame ending by `limit`), and the token after the frame.
function frameAt(scan: Scan, frame: readonly string[], t: number, limit: number): { speaker: NonNullable<Speaker>; end: number } | null {
  const { tokens } = scan.article;
  // Most positions fail at the frame's first word: tested before anything else is read, the slot's place too
  // (a frame holds one *, attribution-words.ts checks; a search for it at each of the ~26 positions a
  // quotation with no speaker tries was most of this pass).
  if (frame[0] !== '*' && (t >= limit || tokens.norm[t] !== frame[0])) return null;
  const slot = frame.indexOf('*');
  if (!frameWordsAt(scan, frame, 0, slot, t, limit)) return null;
  const from = t + slot;
  const rest = frame.length - slot - 1;
  if (rest === 0) {
    const speaker = nounPhraseAfter(scan, from, Math.min(limit, from + FRAME_SPEAKER_MAX_TOKENS));
    return speaker === null ? null : { speaker, end: speaker.t1 };
  }
  for (let end = from + 1; end <= from + FRAME_SPEAKER_MAX_TOKENS && end < limit; end++) {
    if (tokens.breakBefore[end - 1] === 1 && end - 1 > from) return null;
    if (!frameWordsAt(scan, frame, slot + 1, frame.length, end, limit) || tokens.breakBefore[end] === 1) continue;
    const speaker = nounPhraseBefore(scan, end, from);
    return speaker !== null && speaker.t0 === from ? { speaker, end: end + rest } : null;
  }
  return null;
}

// Whether the frame's words from `first` to `last` (exclusive) stand from token `at` on, before `limit`, unquoted
// and with no break inside. Read in place: asked at every "in", "as" and "to" near a quotation, and a closure
// and two slices per question were most of the direct-quote pass's garbage.
function frameWordsAt(scan: Scan, frame: readonly string[], first: number, last: number, at: number, limit: number): boolean {
  const { tokens, quotedToken } = scan.article;
  for (let k = 0; k < last - first; k++) {
    const t = at + k;
    if (t >= limit || tokens.norm[t] !== frame[first + k] || quotedToken[t] === 1 || (k > 0 && tokens.breakBefore[t] === 1)) return false;
  }
  return true;
}

// `"...," Peskov said` / `"...," said Sergei Lavrov, ...` / `"...," Berg, who runs the cafe, told reporters`.
function speakerAfter(speech: QuotedSpeech, quote: QuoteTokens, paragraph: ParagraphSpan): QuoteSpeaker | undefined {
  const { scan } = speech;
  const qt1 = quote.t1;
  if (quote.openEnded) return undefined;
  const afterEnd = Math.min(paragraph.tokenEnd, qt1 + AFTER_QUOTE_MAX_TOKENS);
  let after: Cue | undefined;
  for (let t = qt1; t < afterEnd && after === undefined; t++) {
    const cue = freeVerbAt(speech, t);
    if (cue !== undefined && cue.t1 <= afterEnd) after = cue;
  }
  if (after === undefined) return nameWithLongAppositiveAfter(speech, qt1, paragraph);
  if (after.t0 !== qt1 && hasQuoteBetween(scan.article, qt1, after.t0)) return undefined;
  if (opensNextSentence(scan, qt1, after)) return undefined;
  // `"B." Holt added: "C."`: a cue before a colon and a quotation introduces that one, not this.
  const { tokens } = scan.article;
  if (after.t1 < paragraph.tokenEnd && scan.article.quotedToken[after.t1] === 1 && /:\s*["\u201C'\u2018`]*$/.test(scan.article.text.slice(tokens.end[after.t1 - 1] as number, tokens.start[after.t1] as number))) return undefined;
  const before = after.t0 > qt1 ? (nounPhraseBefore(scan, after.t0, qt1) ?? subjectBeforeRelativeClause(scan, after.t0, qt1)) : null;
  // `"...," told reporters` never inverts: after "told" comes whom the speaker addressed.
  const addressed = after.ref.kind === 'verb' && scan.words.addresseeVerbs.has(after.ref.lemma);
  // `"...," referring to the Harbour Board's plan`: a participle never inverts; what follows it is its object.
  const participle = (scan.article.tokens.norm[after.t0] as string).endsWith('ing');
  const inverted = before === null && !addressed && !participle ? (withRoleBody(scan, nounPhraseAfter(scan, after.t1, paragraph.tokenEnd), paragraph.tokenEnd) ?? (after.t0 === qt1 ? roleBeforeName(scan, after.t1, paragraph.tokenEnd) : null)) : null;
  return before !== null || inverted !== null ? { cue: after, speaker: before ?? inverted } : undefined;
}

// Words an inverted tag's speaker may run to without knowing them ("said undecided Republican voter Jane Hooton").
const LOOSE_ROLE_MAX_TOKENS = 8;

// `"...," said conservative activist Bob Klaus, who ...`, `"...," said a longtime harbour data expert who ...`:
// right after a quotation's inverted verb, a phrase of plain words (role words in lower case the speaker
// lists lack) up to its comma, a relative word or the sentence's end, holding a capital or a speaker noun and
// opening with no adjunct, time word or helper ("said in a statement", "said Friday").
function roleBeforeName(scan: Scan, from: number, limit: number): Speaker {
  const { article, words, capital } = scan;
  const { tokens } = article;
  const first = tokens.norm[from] as string;
  if (from >= limit || tokens.breakBefore[from] === 1 || words.adjuncts.has(first) || words.timeWords.has(first) || words.verbSkips.has(first) || words.pronouns.has(first)) return null;
  const sentence = scan.sentences[scan.sentenceOf[from] as number];
  const end = Math.min(limit, sentence?.tokenEnd ?? limit);
  let t = from;
  let named = false;
  while (t < end && t - from < LOOSE_ROLE_MAX_TOKENS && (t === from || tokens.breakBefore[t] !== 1) && article.quotedToken[t] === 0) {
    const word = tokens.norm[t] as string;
    if (words.clauseWords.get(word) === 'relative') break;
    if (words.clauseWords.has(word) || words.beForms.has(word) || words.verbSkips.has(word) || (words.pronouns.has(word) && t > from) || !/^[\p{L}\p{N}]/u.test(word)) return null;
    if (capital[t] === 1 || words.speakerNouns.has(word)) named = true;
    t++;
  }
  const closed = t === end || tokens.breakBefore[t] === 1 || words.clauseWords.get(tokens.norm[t] as string) === 'relative';
  return named && closed && t > from ? { t0: from, t1: t } : null;
}

// `Peskov told reporters: "..."` / `She said, "..."`.
function speakerBefore(speech: QuotedSpeech, quote: QuoteTokens, paragraph: ParagraphSpan): QuoteSpeaker | undefined {
  const { scan } = speech;
  const qt0 = quote.t0;
  const { tokens, text } = scan.article;
  const from = Math.max(paragraph.tokenStart, qt0 - Math.max(BEFORE_QUOTE_MAX_TOKENS, ADJUNCT_GAP_MAX_TOKENS + 1));
  let before: Cue | undefined;
  for (let t = qt0 - 1; t >= from && before === undefined; t--) {
    const cue = freeVerbAt(speech, t);
    if (cue !== undefined && cue.t1 <= qt0 && !hasQuoteBetween(scan.article, cue.t1, qt0)) before = cue;
  }
  if (before === undefined) return undefined;
  const gap = text.slice(tokens.end[before.t1 - 1] as number, quote.start);
  const short = /^[\s\p{L}'\u2019-]*[\s,:]*$/u.test(gap) && qt0 - before.t1 <= 5 && (gap.includes(':') || gap.includes(',') || qt0 - before.t1 <= 2);
  // `said on Twitter on Monday, in reply to a reader, "..."`: a longer gap that says only where, when or how, closed by a comma or colon.
  const adjuncts = adjunctGapBeforeQuote(scan, before.t1, qt0);
  if (!short && !adjuncts) return undefined;
  // `Holt, who called Lund after the vote, told his supporters, "..."`: the antecedent of a relative clause before the verb.
  const speaker = nounPhraseBefore(scan, before.t0, paragraph.tokenStart) ?? subjectBeforeRelativeClause(scan, before.t0, paragraph.tokenStart);
  return speaker === null ? undefined : { cue: before, speaker };
}

// `The mayor told the council:` ending one paragraph, the quotation opening the next.
function speakerEndingParagraphBefore(speech: QuotedSpeech, quote: QuoteTokens, paragraph: ParagraphSpan): QuoteSpeaker | undefined {
  const { scan } = speech;
  const { article } = scan;
  if (quote.start !== paragraph.start) return undefined;
  // Where the paragraph is, read off its first sentence's column: searching the paragraphs for it, per quotation,
  // made a page of quoted paragraphs quadratic. A paragraph without a sentence is searched.
  const { sentences } = article;
  const index = paragraph.sentenceEnd > paragraph.sentenceStart ? (sentences.paragraph[paragraph.sentenceStart] as number) : article.paragraphs.indexOf(paragraph);
  const before = index > 0 ? article.paragraphs[index - 1] : undefined;
  if (before === undefined || !/:\s*$/.test(article.text.slice(before.start, before.end))) return undefined;
  if (before.sentenceEnd === before.sentenceStart) return undefined;
  const sentence = sentenceAt(article.sentences, before.sentenceEnd - 1);
  for (let t = sentence.tokenEnd - 1; t >= sentence.tokenStart && t >= sentence.tokenEnd - BEFORE_QUOTE_MAX_TOKENS; t--) {
    const cue = freeVerbAt(speech, t);
    if (cue === undefined) continue;
    if (sentence.tokenEnd - cue.t1 > 5 || hasQuoteBetween(article, cue.t1, sentence.tokenEnd)) return undefined;
    const speaker = nounPhraseBefore(scan, cue.t0, sentence.tokenStart);
    return speaker === null ? undefined : { cue, speaker };
  }
  return undefined;
}

// A headline's `Speaker: "..."` (a short line) or any `Name: "..."`.
function speakerBeforeColon(speech: QuotedSpeech, quote: QuoteTokens, paragraph: ParagraphSpan): QuoteSpeaker | undefined {
  const { scan } = speech;
  const colon = scan.article.text.lastIndexOf(':', quote.start);
  const speaker = nounPhraseBefore(scan, firstTokenAtOrAfter(scan.article.tokens, colon), paragraph.tokenStart);
  return speaker === null ? undefined : { cue: null, speaker };
}

// Words after a link that are still the body a role belongs to ("a spokeswoman for the harbour board").
const ROLE_BODY_MAX_TOKENS = 5;

// `"...," said a spokeswoman for the harbour board`: after an inverted verb, a role in lower case goes on
// through a link and a definite phrase to the end of its clause; "said the council in a statement" stops.
function withRoleBody(scan: Scan, speaker: Speaker, limit: number): Speaker {
  if (speaker === null) return null;
  const { tokens } = scan.article;
  const { words } = scan;
  const link = speaker.t1;
  if (link + 2 >= limit || scan.capital[link - 1] === 1 || tokens.breakBefore[link] === 1 || tokens.breakBefore[link + 1] === 1) return speaker;
  if (!words.speakerLinks.has(tokens.norm[link] as string) || words.determiners.get(tokens.norm[link + 1] as string) !== 'definite') return speaker;
  let end = link + 2;
  while (end < limit && end - link <= ROLE_BODY_MAX_TOKENS && tokens.breakBefore[end] !== 1 && scan.article.quotedToken[end] !== 1) {
    const word = tokens.norm[end] as string;
    if (words.adjuncts.has(word) || words.timeWords.has(word) || words.clauseWords.has(word)) break;
    end++;
  }
  // The phrase ends where its clause does: a comma, the sentence's end or the paragraph's.
  return end === limit || tokens.breakBefore[end] === 1 ? { t0: speaker.t0, t1: end } : speaker;
}

// How far past a quotation a name and its appositive may run to the verb ("Anna Berg, 52, a retired teacher from the north of Dover, said").
const LONG_TAG_MAX_TOKENS = 30;

// `"...," Anna Berg, 52, a retired teacher from the north of Dover, said in an interview.`: a speaker phrase
// right after the quotation and closed by a comma, then an unquoted stretch with no other cue, up to a
// comma before the first free verb of the sentence.
function nameWithLongAppositiveAfter(speech: QuotedSpeech, qt1: number, paragraph: ParagraphSpan): QuoteSpeaker | undefined {
  const { scan } = speech;
  const { quotedToken } = scan.article;
  // The paragraph's bound first: past the last token the sentence would be read at an undefined index.
  if (qt1 >= paragraph.tokenEnd) return undefined;
  const sentence = scan.sentences[scan.sentenceOf[qt1] as number];
  if (sentence === undefined) return undefined;
  const end = Math.min(sentence.tokenEnd, paragraph.tokenEnd);
  const name = nounPhraseAfter(scan, qt1, end);
  if (name === null || name.t1 >= end || !commaBefore(scan, name.t1)) return undefined;
  for (let t = name.t1; t < end && t < name.t1 + LONG_TAG_MAX_TOKENS; t++) {
    if (quotedToken[t] === 1) return undefined;
    if ((speech.cueAt[t] as number) < 0) continue;
    const cue = freeVerbAt(speech, t);
    return cue !== undefined && commaBefore(scan, skipBack(scan, t, name.t1)) ? { cue, speaker: name } : undefined;
  }
  return undefined;
}

// `...because "football has gone soft." He says the referees ...`: a verb in the sentence after the
// quotation's, with a clause of its own after it, reports that clause; it is no tag of the quotation.
function opensNextSentence(scan: Scan, qt1: number, cue: Cue): boolean {
  const sentence = scan.sentences[scan.sentenceOf[cue.t0] as number];
  if (sentence === undefined || qt1 === 0 || scan.sentenceOf[qt1 - 1] === sentence.index) return false;
  return !onlyAdjuncts(scan, cue.t1, sentence.tokenEnd);
}

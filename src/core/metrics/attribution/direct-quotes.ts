/**
 * Direct quotations: each quotation with its speaker after it (`"...," Peskov said`, `"...," said Sergei
 * Lavrov`), before it (`Peskov told reporters: "..."`), or before a colon (a headline's `Speaker: "..."`).
 * A quote split by its cue is one attribution; a quotation paragraph with no cue continues the speaker of
 * the paragraph before.
 */
import type { ParagraphSpan } from '../../text/index.ts';
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import type { Scan } from './context.ts';
import { cueRange, hasQuoteBetween } from './content-spans.ts';
import { nounPhraseAfter, nounPhraseBefore } from './noun-phrase-speakers.ts';
import type { ClaimedCues, Cue, Finding, Speaker } from './types.ts';

// A quotation this long reads as a full direct quote even inside a sentence.
const DIRECT_QUOTE_MIN_WORDS = 6;
const AFTER_QUOTE_MAX_TOKENS = 9;
const BEFORE_QUOTE_MAX_TOKENS = 9;

/** Finds the direct quotations, in text order; `claimed` marks the cues they took, which later passes leave alone. */
export function findDirectQuotes(scan: Scan, cues: readonly Cue[]): { findings: Finding[]; claimed: ClaimedCues } {
  const { article, sentences, sentenceOf } = scan;
  const { tokens, text } = article;
  const claimed = new Uint8Array(cues.length);
  // Token -> index of the cue starting there, so that looking around a quotation is a short scan.
  const cueAt = new Int32Array(tokens.count).fill(-1);
  cues.forEach((cue, index) => {
    cueAt[cue.t0] = index;
  });
  const freeVerbAt = (t: number): Cue | undefined => {
    const index = cueAt[t] as number;
    const cue = cues[index];
    return cue !== undefined && claimed[index] === 0 && cue.ref.kind === 'verb' ? cue : undefined;
  };
  const findings: Finding[] = [];
  const quotes = article.quotes.filter((q) => q.kind !== 'nested');
  let previousDirect: Finding | undefined;
  let previousDirectParagraph = -2;
  for (let q = 0; q < quotes.length; q++) {
    const quote = quotes[q] as (typeof quotes)[number];
    const qt0 = firstTokenAtOrAfter(tokens, quote.start);
    let qt1 = qt0;
    while (qt1 < tokens.count && (tokens.end[qt1] as number) <= quote.end) qt1++;
    if (qt1 === qt0) continue;
    const sentence = sentences[sentenceOf[qt0] as number];
    if (sentence === undefined) continue;
    const paragraphIndex = sentence.paragraph;
    const paragraph = article.paragraphs[paragraphIndex] as ParagraphSpan;
    const opensSentence = sentence.start === quote.start;
    const afterColon = /:\s*$/.test(text.slice(Math.max(paragraph.start, quote.start - 3), quote.start));
    const full = qt1 - qt0 >= DIRECT_QUOTE_MIN_WORDS || opensSentence || afterColon || quote.continued;

    // Speaker after the quote: `"...," Peskov said` / `"...," said Sergei Lavrov, ...`.
    let found: { cue: Cue | null; speaker: Speaker } | undefined;
    const afterEnd = Math.min(paragraph.tokenEnd, qt1 + AFTER_QUOTE_MAX_TOKENS);
    let after: Cue | undefined;
    for (let t = qt1; t < afterEnd && !quote.openEnded && after === undefined; t++) {
      const cue = freeVerbAt(t);
      if (cue !== undefined && cue.t1 <= afterEnd) after = cue;
    }
    if (after !== undefined && (after.t0 === qt1 || !hasQuoteBetween(article, qt1, after.t0))) {
      const before = after.t0 > qt1 ? nounPhraseBefore(scan, after.t0, qt1) : null;
      const inverted = before === null ? nounPhraseAfter(scan, after.t1, paragraph.tokenEnd) : null;
      if (before !== null || inverted !== null) found = { cue: after, speaker: before ?? inverted };
    }
    // Speaker before: `Peskov told reporters: "..."` / `She said, "..."`.
    if (found === undefined && full) {
      const from = Math.max(paragraph.tokenStart, qt0 - BEFORE_QUOTE_MAX_TOKENS);
      let before: Cue | undefined;
      for (let t = qt0 - 1; t >= from && before === undefined; t--) {
        const cue = freeVerbAt(t);
        if (cue !== undefined && cue.t1 <= qt0 && !hasQuoteBetween(article, cue.t1, qt0)) before = cue;
      }
      const gap = before === undefined ? '' : text.slice(tokens.end[before.t1 - 1] as number, quote.start);
      if (before !== undefined && /^[\s\p{L}'\u2019-]*[\s,:]*$/u.test(gap) && qt0 - before.t1 <= 5 && (gap.includes(':') || gap.includes(',') || qt0 - before.t1 <= 2)) {
        const speaker = nounPhraseBefore(scan, before.t0, paragraph.tokenStart);
        if (speaker !== null) found = { cue: before, speaker };
      }
    }
    // Headline `Speaker: "..."` (a short line) or any `Name: "..."`.
    if (found === undefined && afterColon) {
      const colon = text.lastIndexOf(':', quote.start);
      const speaker = nounPhraseBefore(scan, firstTokenAtOrAfter(tokens, colon), paragraph.tokenStart);
      if (speaker !== null) found = { cue: null, speaker };
    }
    if (found !== undefined && (full || found.cue === null)) {
      if (found.cue !== null) claimed[cueAt[found.cue.t0] as number] = 1;
      // A split quote: `"We will fight," she said, "and we will win."` is one attribution.
      let contentEnd = quote.end;
      const next = quotes[q + 1];
      if (next !== undefined && found.cue !== null && next.start < paragraph.end && next.start > quote.end) {
        const between = firstTokenAtOrAfter(tokens, next.start);
        if (/,\s*$/.test(text.slice(quote.end, next.start)) && between - qt1 <= AFTER_QUOTE_MAX_TOKENS && found.cue.t0 >= qt1 && found.cue.t1 <= between) {
          contentEnd = next.end;
          q++;
        }
      }
      const cue = found.cue === null ? null : cueRange(article, found.cue);
      const finding: Finding = { order: quote.start, draft: { paragraph: paragraphIndex, mode: 'direct', cue, speaker: found.speaker, content: { start: quote.start, end: contentEnd }, sentence: sentence.index } };
      findings.push(finding);
      previousDirect = finding;
      previousDirectParagraph = paragraphIndex;
      continue;
    }
    // A quotation paragraph with no cue continues the previous speaker.
    const startsParagraph = quote.start === paragraph.start;
    if (found === undefined && startsParagraph && previousDirect !== undefined && paragraphIndex - previousDirectParagraph <= 1 && paragraphIndex !== previousDirectParagraph) {
      const finding: Finding = { order: quote.start, continues: previousDirect, paragraph: paragraphIndex, content: { start: quote.start, end: quote.end } };
      findings.push(finding);
      previousDirect = finding;
      previousDirectParagraph = paragraphIndex;
    }
  }
  return { findings, claimed };
}

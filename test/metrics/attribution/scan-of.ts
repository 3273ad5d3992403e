/** Builds the input of the attribution passes for a text we write, as the pipeline would. */
import { loadLexicons } from '../../../src/core/data/index.ts';
import { scanArticle, type Scan } from '../../../src/core/metrics/attribution/context.ts';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findDirectQuotes } from '../../../src/core/metrics/attribution/direct-quotes.ts';
import { findReportedSpeech } from '../../../src/core/metrics/attribution/reported-speech.ts';
import { resolveFindings } from '../../../src/core/metrics/attribution/resolve.ts';
import { newSpeakerMemory, type SpeakerMemory } from '../../../src/core/metrics/attribution/speaker-memory.ts';
import type { Range, RawAttribution, TokenSpan } from '../../../src/core/metrics/attribution/types.ts';
import { maskTokens } from '../../../src/core/metrics/token-masks.ts';
import { segmentArticle } from '../../../src/core/text/index.ts';

export function scanOf(text: string): Scan {
  const lexicons = loadLexicons();
  const article = segmentArticle(text, lexicons.abbreviations);
  return scanArticle(article, lexicons, maskTokens(article, lexicons), 'rules@test');
}

/** The passes up to speaker resolution, as findAttributions runs them: the attributions before the caller's side labels. */
export function resolvedAttributions(scan: Scan): { attributions: RawAttribution[]; memory: SpeakerMemory } {
  const cues = findCues(scan);
  const quoted = findDirectQuotes(scan, cues);
  const reported = findReportedSpeech(scan, cues, quoted.claimed, quoted.findings);
  const memory = newSpeakerMemory();
  return { attributions: resolveFindings(scan, [...quoted.findings, ...reported.findings], memory), memory };
}

/** The text of a character range, or `-`. */
export function textOf(scan: Scan, range: Range | null | undefined): string {
  return range === null || range === undefined ? '-' : scan.article.text.slice(range.start, range.end);
}

/** The text of a token span, or `-`. */
export function tokensOf(scan: Scan, span: TokenSpan | null): string {
  return span === null ? '-' : scan.article.text.slice(scan.article.tokens.start[span.t0] as number, scan.article.tokens.end[span.t1 - 1] as number);
}

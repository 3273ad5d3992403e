/** Findings of the attribution passes as one-line rows, easy to read in a table. */
import type { Scan } from '../../../src/core/metrics/attribution/context.ts';
import { contentRange, cueSpanOf, phraseOf, speakerRange, type Finding } from '../../../src/core/metrics/attribution/types.ts';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findDirectQuotes } from '../../../src/core/metrics/attribution/direct-quotes.ts';
import { findReportedSpeech } from '../../../src/core/metrics/attribution/reported-speech.ts';
import { scanOf, textOf, tokensOf } from './scan-of.ts';

/** `mode speaker|cue|content[ -> target]` for a draft, `vague speaker|content|side[|anonymous]` for a vague source, `continues|content` for a continued quotation. */
export function findingRow(scan: Scan, finding: Finding): string {
  if ('continues' in finding) return `continues|${textOf(scan, { start: finding.contentStart, end: finding.contentEnd })}`;
  if (finding.pending) {
    const draft = finding;
    const target = draft.target === undefined ? '' : ` -> ${textOf(scan, draft.target)}`;
    return `${draft.mode} ${tokensOf(scan, phraseOf(draft))}|${textOf(scan, cueSpanOf(draft))}|${textOf(scan, contentRange(draft))}${target}`;
  }
  return `${finding.mode} ${textOf(scan, speakerRange(finding))}|${textOf(scan, contentRange(finding))}|${finding.side}${finding.anonymous ? '|anonymous' : ''}`;
}

/** Reported speech at every cue of `text` (none claimed before), as rows. */
export function reportedRowsOf(text: string): string[] {
  const scan = scanOf(text);
  const cues = findCues(scan);
  return findReportedSpeech(scan, cues, new Uint8Array(cues.length)).findings.map((finding) => findingRow(scan, finding));
}

/** Quotations, then reported speech, as the pipeline runs them (quoted words claimed first), as rows. */
export function quotedAndReportedRowsOf(text: string): string[] {
  const scan = scanOf(text);
  const cues = findCues(scan);
  const quoted = findDirectQuotes(scan, cues);
  const reported = findReportedSpeech(scan, cues, quoted.claimed, quoted.findings);
  return [...quoted.findings, ...reported.findings].map((finding) => findingRow(scan, finding));
}

/** The cues of `text` as `words [family]` (speech, attitude, document, or the cue's kind). */
export function cueRowsOf(text: string): string[] {
  const scan = scanOf(text);
  return findCues(scan).map((cue) => `${tokensOf(scan, cue)} [${cue.ref.kind === 'verb' ? (cue.ref.family ?? 'speech') : cue.ref.kind}]`);
}

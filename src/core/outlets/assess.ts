/**
 * Sources: the outlet that published the article (from the caller's url or outlet name, else from the
 * text's own signals) and the outlets it cites, each with its card from lexicons/sources. A cited outlet is
 * tied to the attributions it speaks in ("according to Reuters", "told the BBC").
 */
import { detectOutlet, findCitedSources, findNames, type CitedSource, type DetectHint, type OutletCard, type OutletDetection, type SourceTables } from './index.ts';
import type { TokenTable } from '../text/index.ts';
import { MAX_TEXT } from './cited.ts';
import { tailStartOf } from './detect.ts';
import { classifyNames } from './name-cues.ts';

export type SourcesResult = { source: OutletDetection | null; citedSources: (CitedSource & { attributions: number[] })[] };

type Span = { start: number; end: number };
/** What the sources step reads of an attribution (metrics/attribution's RawAttribution has it). */
export type SpeechSpans = { speaker: Span | null; cue: { end: number; class: string } | null; content: Span | null };

/**
 * Detects the outlet and the cited sources, with one scan of the outlet names shared by both; `tokens`,
 * when given, must be `text`'s. The publisher is not a source it cites: its own lines and its own name
 * (its dateline, "Reuters reported" in Reuters copy) are left out of the cited sources. Never throws on odd text.
 */
export function assessSources(text: string, hint: DetectHint, tables: SourceTables, attributions: readonly SpeechSpans[], tokens?: TokenTable): SourcesResult {
  const names = findNames(text, tables, tokens);
  // Both read the same matches' cues, classified once (only when the text is to be read for them at all).
  const classified = text.length <= MAX_TEXT ? classifyNames({ text, tailStart: tailStartOf(text) }, names) : undefined;
  const source = detectOutlet(text, hint, tables, names, classified);
  const citedSources = findCitedSources(text, tables, names, classified)
    .filter((cited) => cited.how !== 'self-reference' && !(source !== null && cited.card !== null && sameOutlet(cited.card, source.card)))
    .map((cited) => ({
    ...cited,
    attributions: attributions.flatMap((a, index) => (overlaps(a.speaker, cited) || (a.cue?.class === 'according' && a.content !== null && overlapsAfter(a.cue, cited)) ? [index] : [])),
  }));
  return { source, citedSources };
}

function sameOutlet(a: OutletCard, b: OutletCard): boolean {
  if (a.outlet !== null && b.outlet !== null) return a.outlet.id === b.outlet.id;
  return a.domain !== null && a.domain === b.domain;
}

function overlaps(a: Span | null, b: Span): boolean {
  return a !== null && a.start < b.end && b.start < a.end;
}

// "according to Reuters": the outlet follows the cue closely.
function overlapsAfter(cue: { end: number }, cited: { start: number }): boolean {
  return cited.start >= cue.end && cited.start - cue.end <= 8;
}

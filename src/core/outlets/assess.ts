/**
 * Sources: the outlet that published the article (from the caller's url or outlet name, else from the
 * text's own signals) and the outlets it cites, each with its card from lexicons/sources. A cited outlet is
 * tied to the attributions it speaks in ("according to Reuters", "told the BBC").
 */
import { detectOutlet, findCitedSources, findNames, type CitedSource, type OutletDetection, type SourceTables } from './index.ts';
import type { TokenTable } from '../text/index.ts';
import type { RawAttribution } from '../metrics/attribution/index.ts';

export type SourcesResult = { source: OutletDetection | null; citedSources: (CitedSource & { attributions: number[] })[] };

/** Detects the outlet and the cited sources; never throws on odd text. */
export function assessSources(
  text: string,
  hint: { url?: string; outlet?: string },
  tables: SourceTables,
  attributions: readonly RawAttribution[],
  tokens?: TokenTable,
): SourcesResult {
  // Scan outlet names once, on the article's own tokens; detection and citation reuse the scan.
  findNames(text, tables, tokens);
  const source = detectOutlet(text, hint, tables);
  const citedSources = findCitedSources(text, tables).map((cited) => ({
    ...cited,
    attributions: attributions.flatMap((a, index) => (overlaps(a.speaker, cited) || (a.cue?.class === 'according' && a.content !== null && overlapsAfter(a.cue, cited)) ? [index] : [])),
  }));
  return { source, citedSources };
}

function overlaps(a: { start: number; end: number } | null, b: { start: number; end: number }): boolean {
  return a !== null && a.start < b.end && b.start < a.end;
}

// "according to Reuters": the outlet follows the cue closely.
function overlapsAfter(cue: { end: number }, cited: { start: number }): boolean {
  return cited.start >= cue.end && cited.start - cue.end <= 8;
}

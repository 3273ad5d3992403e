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
import { mapped } from '../text/lists.ts';

export type SourcesResult = { source: OutletDetection | null; citedSources: (CitedSource & { attributions: number[] })[] };

type Span = { start: number; end: number };
/** What the sources step reads of an attribution (metrics/attribution's RawAttribution has it): spans as numbers, -1 for none (a null cue has no span). */
export type SpeechSpans = { speakerStart: number; speakerEnd: number; cue: { class: string } | null; cueEnd: number; contentStart: number };

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
  const cited = findCitedSources(text, tables, names, classified).filter(
    (found) => found.how !== 'self-reference' && !(source !== null && found.card !== null && sameOutlet(found.card, source.card)),
  );
  const spoken = attributionsOf(cited, attributions);
  // Written out key by key, in CitedSource's order: spread from `found`, V8 copied each through its runtime
  // (~1 us a source, where a literal is a few ns).
  const citedSources = mapped(cited, (found, i) => ({ start: found.start, end: found.end, text: found.text, name: found.name, how: found.how, card: found.card, attributions: spoken[i] as number[] }));
  return { source, citedSources };
}

/**
 * For each source, the attributions it speaks in, by index in ascending order: its span overlaps the speaker's,
 * or it follows an "according to" cue closely ("according to Reuters"). The speakers and cues are sorted once and
 * swept with the sources in order of start, so the cost grows with sources + attributions (+ the links found),
 * not with their product.
 */
export function attributionsOf(sources: readonly Span[], attributions: readonly SpeechSpans[]): number[][] {
  const out = mapped(sources, (): number[] => []);
  if (sources.length === 0 || attributions.length === 0) return out;
  const speakers: { start: number; end: number; index: number }[] = [];
  const cueEnds: { end: number; index: number }[] = [];
  // Indexed: entries() made an iterator and a pair per attribution.
  for (let index = 0; index < attributions.length; index++) {
    const a = attributions[index] as SpeechSpans;
    if (a.speakerStart >= 0) speakers.push({ start: a.speakerStart, end: a.speakerEnd, index });
    if (a.cue?.class === 'according' && a.contentStart >= 0) cueEnds.push({ end: a.cueEnd, index });
  }
  speakers.sort((a, b) => a.start - b.start);
  cueEnds.sort((a, b) => a.end - b.end);
  const order = mapped(sources, (_, i) => i).sort((a, b) => (sources[a] as Span).start - (sources[b] as Span).start);
  // Speakers that start before the current source ends and may still reach a later source.
  const active: typeof speakers = [];
  let nextSpeaker = 0;
  let firstCue = 0;
  for (const i of order) {
    const { start, end } = sources[i] as Span;
    const found = out[i] as number[];
    while (nextSpeaker < speakers.length && (speakers[nextSpeaker] as Span).start < end) active.push(speakers[nextSpeaker++] as (typeof speakers)[number]);
    // A speaker that ends at or before this source's start overlaps no later source either (none starts earlier).
    let kept = 0;
    for (const speaker of active) {
      if (speaker.end <= start) continue;
      active[kept++] = speaker;
      if (speaker.start < end) found.push(speaker.index);
    }
    active.length = kept;
    // Cues sorted by end: those too far before this source are too far before every later one.
    while (firstCue < cueEnds.length && start - (cueEnds[firstCue] as { end: number }).end > NEAR_CUE) firstCue++;
    for (let c = firstCue; c < cueEnds.length && (cueEnds[c] as { end: number }).end <= start; c++) found.push((cueEnds[c] as { index: number }).index);
    if (found.length > 1) {
      found.sort((x, y) => x - y);
      out[i] = found.filter((index, k) => k === 0 || index !== found[k - 1]);
    }
  }
  return out;
}

function sameOutlet(a: OutletCard, b: OutletCard): boolean {
  if (a.outlet !== null && b.outlet !== null) return a.outlet.id === b.outlet.id;
  return a.domain !== null && a.domain === b.domain;
}

// "according to Reuters": the outlet follows the cue closely, within this many characters of its end.
const NEAR_CUE = 8;

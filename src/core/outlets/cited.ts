/**
 * The outlets and agencies an article cites or credits, each with its card: `according to Reuters`,
 * `Reuters reported`, `told the BBC` (citations); `(AFP photo)`, `(AP Photo/Jane Doe)`, an agency dateline
 * or byline (credits); `Press TV's website` (the publisher's own line); a distinctive name with no cue
 * (`mention`); and unnamed state media (`state media reported`, card null).
 *
 * Spans are the whole cue phrase (`text.slice(start, end) === text`), never overlapping, sorted by start.
 * Citations and credits are all kept, one per occurrence; a mention or self-reference is kept once per
 * outlet, at its first occurrence, because repeating it says nothing new.
 */
import type { CitedSource, OutletCard } from './schema.ts';
import { loadSourceTables, type SourceTables } from './tables.ts';
import { findNames, type NameMatch } from './names.ts';
import { classifyName, classifyNames, type ClassifiedNames, type Cue, type CueContext, type CueKind } from './name-cues.ts';
import { cardFor, tailStartOf, withQuery } from './detect.ts';

const HOW: Readonly<Record<CueKind, CitedSource['how']>> = {
  dateline: 'credit',
  byline: 'credit',
  credit: 'credit',
  copyright: 'self-reference',
  website: 'self-reference',
  footer: 'self-reference',
  'according-to': 'according-to',
  reported: 'reported',
  mention: 'mention',
};
/** When two spans overlap, the higher wins. */
const PRIORITY: Readonly<Record<CitedSource['how'], number>> = { 'self-reference': 5, credit: 4, 'according-to': 4, reported: 3, mention: 1 };

const STATE_MEDIA =
  /\b(?:(?:state(?:-run|-owned|-controlled|-backed|-affiliated)?|government-(?:run|owned|controlled))\s+(?:news\s+agenc(?:y|ies)|media|television|TV|broadcaster|press|news\s+outlets?|outlets?|newspapers?|radio|news\s+service)|official\s+(?:news\s+agency|media))\b/giu;
// What every STATE_MEDIA match contains, tested without the u flag (the Unicode-aware scan of a whole article
// is the costly part): "state" and the noun after it, not "state" alone, which most political news has.
// Under the u and i flags the long s (U+017F) matches "s", so the pattern lets it stand for one here too.
const MAY_NAME_STATE_MEDIA =
  /(?:[s\u017F]tate\S*|government-\S*)\s+(?:new[s\u017F]|media|televi[s\u017F]ion|tv|broadca[s\u017F]ter|pre[s\u017F][s\u017F]|outlet|radio)|official\s+(?:new[s\u017F]|media)/i;
/** The longest text searched for cited outlets. */
export const MAX_TEXT = 2_000_000;

type Candidate = { start: number; end: number; how: CitedSource['how']; name: string; key: string | null; match: NameMatch | null };

/**
 * Outlets cited or credited in `text`, each linked to its card; sorted by start, spans exact and disjoint.
 * `scanned`, when given, must be findNames(text, tables) (a caller that has scanned the text already).
 */
export function findCitedSources(text: string, tables: SourceTables = loadSourceTables(), scanned?: readonly NameMatch[], classified?: ClassifiedNames): CitedSource[] {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT) return [];
  const names = scanned ?? findNames(text, tables);
  const { context, cues } = classified ?? classifyNames({ text, tailStart: tailStartOf(text) }, names);
  const candidates: Candidate[] = [];
  for (const [i, match] of names.entries()) {
    const cue = cues[i] as Cue | null;
    if (cue === null) continue;
    candidates.push({ start: cue.start, end: cue.end, how: HOW[cue.kind], name: text.slice(match.start, match.end), key: match.key, match });
  }
  candidates.push(...unnamedStateMedia(context, names));

  candidates.sort((a, b) => a.start - b.start || PRIORITY[b.how] - PRIORITY[a.how] || b.end - a.end);
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    const last = kept[kept.length - 1];
    if (last !== undefined && candidate.start < last.end) {
      if (PRIORITY[candidate.how] > PRIORITY[last.how]) kept[kept.length - 1] = candidate;
      continue;
    }
    kept.push(candidate);
  }

  const onceSeen = new Set<string>();
  const cards = new Map<string, OutletCard>();
  const out: CitedSource[] = [];
  for (const candidate of kept) {
    if (candidate.how === 'mention' || candidate.how === 'self-reference') {
      const once = `${candidate.how} ${candidate.key ?? candidate.name.toLowerCase()}`;
      if (onceSeen.has(once)) continue;
      onceSeen.add(once);
    }
    let card: OutletCard | null = null;
    if (candidate.match !== null && candidate.key !== null) {
      const cached = cards.get(candidate.key);
      card = cached === undefined ? cardFor(candidate.match, candidate.name, tables) : withQuery(cached, candidate.name);
      if (cached === undefined) cards.set(candidate.key, card);
    }
    out.push({ start: candidate.start, end: candidate.end, text: text.slice(candidate.start, candidate.end), name: candidate.name, how: candidate.how, card });
  }
  return out;
}

// "state media reported", "according to state television": a source with no name. One followed by a name
// ("state broadcaster CCTV") is left to the name.
function unnamedStateMedia(context: CueContext, names: readonly NameMatch[]): Candidate[] {
  const { text } = context;
  const out: Candidate[] = [];
  let n = 0;
  // One scan without the u flag decides: a cheaper word test before it passes half of all articles ("state
  // department", "secretary of state") and so costs more than it saves (measured on PolNeAR).
  const mayMention = MAY_NAME_STATE_MEDIA.test(text);
  for (const found of mayMention ? text.matchAll(STATE_MEDIA) : []) {
    const start = found.index;
    const end = start + found[0].length;
    while (n < names.length && (names[n] as NameMatch).start < end) n++;
    const next = names[n];
    if (next !== undefined && /^[\s,]{1,3}$/.test(text.slice(end, next.start))) continue;
    const pseudo: NameMatch = { start, end, tokenEnd: end, possessive: false, key: '', host: '', kind: 'name', distinctive: true, oneWord: false };
    const cue = classifyName(context, pseudo);
    const how = cue === null || cue.kind === 'footer' || cue.kind === 'website' || cue.kind === 'copyright' ? 'mention' : HOW[cue.kind];
    out.push({ start: cue?.start ?? start, end: cue?.end ?? end, how, name: found[0], key: null, match: null });
  }
  return out;
}

/**
 * Sides and balance: how each side is heard. Voice is weighted by how directly a side speaks (a direct
 * quotation above a mixed quote above indirect speech above a summary of a speech act); the balance is the
 * normalised entropy of voice over every side the article mentions, so a side that is accused but never
 * heard counts with zero voice. The count-only balance sits beside it so the difference is visible.
 */
import type { SegmentedArticle } from '../text/index.ts';
import { firstTokenAtOrAfter } from '../text/tokens.ts';
import type { AttributionMode, AttributionResult, RawAttribution } from './attribution/index.ts';
import { ATTRIBUTION_MODES } from './attribution/types.ts';
import { isUnheld } from './attribution/attitudes.ts';
import { round } from './round.ts';

/**
 * How much one attribution in each mode gives its side a voice. An attitude ("Moscow wants guarantees")
 * weighs as a summary: the reader learns where a side stands, in the writer's words, with no claim of its own.
 */
export const MODE_WEIGHTS: Readonly<Record<AttributionMode, number>> = {
  direct: 1,
  mixed: 0.75,
  indirect: 0.5,
  summary: 0.25,
  attitude: 0.25,
  vague: 0.25,
  'non-response': 0,
};

/** How far a reporting verb presents the reported content as true (0..1), by stance. */
export const STANCE_CREDENCE: Readonly<Record<string, number>> = {
  endorsing: 0.9,
  framing: 0.8,
  assertive: 0.6,
  supportive: 0.6,
  neutral: 0.5,
  cognitive: 0.5,
  directive: 0.5,
  adversarial: 0.4,
  distancing: 0.2,
};
// Fewer voiced attributions than this, or fewer sides, and the balance is marked insufficient.
const MIN_ATTRIBUTIONS = 3;

type Voiced = { mode: string; side: string };

/**
 * Normalised entropy (0..1) of mode-weighted voice over `sidesMentioned` plus every side that speaks;
 * null with fewer than two sides or no voice. `unaligned` speakers are reported apart, not balanced.
 */
export function attributionBalance(attributions: readonly Voiced[], sidesMentioned: readonly string[]): number | null {
  return entropyBalance(attributions, sidesMentioned, (a) => modeWeight(a.mode));
}

/** The same balance when every attribution counts 1 whatever its mode (non-responses still count 0). */
export function countBalance(attributions: readonly Voiced[], sidesMentioned: readonly string[]): number | null {
  return entropyBalance(attributions, sidesMentioned, (a) => (a.mode === 'non-response' ? 0 : 1));
}

function entropyBalance(attributions: readonly Voiced[], sidesMentioned: readonly string[], weightOf: (a: Voiced) => number): number | null {
  const voice = new Map<string, number>();
  for (const side of sidesMentioned) if (side !== 'unaligned') voice.set(side, 0);
  for (let a = 0; a < attributions.length; a++) {
    const attribution = attributions[a] as Voiced;
    if (attribution.side === 'unaligned') continue;
    voice.set(attribution.side, (voice.get(attribution.side) ?? 0) + weightOf(attribution));
  }
  const total = [...voice.values()].reduce((sum, v) => sum + v, 0);
  if (voice.size < 2 || total <= 0) return null;
  let entropy = 0;
  for (const v of voice.values()) if (v > 0) entropy -= (v / total) * Math.log(v / total);
  return entropy / Math.log(voice.size);
}

export type SideSummary = {
  side: string;
  attributions: number;
  /** attributions per mode, only the modes the side has */
  byMode: Partial<Record<AttributionMode, number>>;
  /** words of content per mode, only the modes the side has */
  words: Partial<Record<AttributionMode, number>>;
  voiceShare: number;
  countShare: number;
  directShare: number;
  meanCredence: number | null;
  anonymousShare: number;
  targeted: number;
  repliedWhenTargeted: boolean | null;
  firstParagraph: number | null;
  lastParagraph: number | null;
};

export type AttributionSummary = {
  balance: number | null;
  countBalance: number | null;
  insufficient: boolean;
  attributions: number;
  anonymousRate: number;
  nonResponses: number;
  unheldViews: number;
  unattributedParagraphRate: number;
  sidesMentioned: string[];
  sides: SideSummary[];
};

const MODES: readonly AttributionMode[] = ATTRIBUTION_MODES;
// Per attribution, the figures read and add up by the mode's place in MODES: a read or store keyed by the mode's
// name (seven names at one site) was a megamorphic look-up each time, where indexOf over seven interned strings
// compares pointers.
const WEIGHT_AT: readonly number[] = MODES.map((mode) => MODE_WEIGHTS[mode]);
const DIRECT = MODES.indexOf('direct');
// The same for a cue's stance (nine names).
const STANCES: readonly string[] = Object.keys(STANCE_CREDENCE);
const CREDENCE_AT: readonly number[] = STANCES.map((stance) => STANCE_CREDENCE[stance] as number);
// A mode's weight by its place in MODES (0 for a name that is none).
function modeWeight(mode: string): number {
  const m = MODES.indexOf(mode as AttributionMode);
  return m === -1 ? 0 : (WEIGHT_AT[m] as number);
}
// A paragraph this long with no attribution states something on the outlet's own authority.
const CLAIM_MIN_WORDS = 12;

/**
 * Per-side figures and the overall balance (shares and rates rounded to 4 decimals), each traceable to the
 * attributions it counts; only paragraphs `scored` marks count (all when it is not given).
 */
export function summariseAttribution(article: SegmentedArticle, result: AttributionResult, scored?: Uint8Array): AttributionSummary {
  const counts = (paragraph: number): boolean => scored === undefined || scored[paragraph] === 1;
  const { sidesMentioned } = result;
  // A view held by no one named ("is expected to") is no source at all: counted apart (`unheldViews`), in no side.
  // A non-response is no voice. One walk over every attribution gathers what the figures below count, and each
  // side's own attributions and those targeting it, in text order: a 1 MB article holds ~34,000 attributions
  // spread over the old generation, and each further filter or reduce over them missed the cache per item.
  const speaks = (a: RawAttribution): boolean => a.mode !== 'non-response';
  // The attributions counted: the result's own list while every one so far is (most articles), a copy from the
  // first one left out. A list grown by push to 34,000 entries regrew in V8's large-object space on fresh pages.
  let kept: RawAttribution[] | null = null;
  const sideNames = new Set<string>(sidesMentioned);
  const voicedSides = new Set<string>();
  const ownBySide = new Map<string, readonly RawAttribution[]>();
  // While every attribution counted so far has one side, that side's own list is the counted list itself (kept
  // or the result's), made apart only once a second side appears: pushed one by one, a megabyte's 65,000 of one
  // side regrew in V8's large-object space.
  let onlySide: string | null = null;
  let mixed = false;
  const targetingBySide = new Map<string, RawAttribution[]>();
  const attributed = new Uint8Array(article.paragraphs.length);
  let scoredCount = 0;
  let totalVoice = 0;
  let totalCount = 0; // voiced attributions of some side
  let voicedCount = 0;
  let voicedAnonymous = 0;
  let nonResponses = 0;
  for (let i = 0; i < result.attributions.length; i++) {
    const a = result.attributions[i] as RawAttribution;
    const counted = counts(a.paragraph);
    if (counted) scoredCount++;
    if (!counted || isUnheld(a)) {
      if (kept === null) kept = result.attributions.slice(0, i);
      continue;
    }
    if (kept !== null) kept.push(a);
    sideNames.add(a.side);
    if (a.paragraph >= 0 && a.paragraph < attributed.length) attributed[a.paragraph] = 1;
    if (speaks(a)) {
      voicedCount++;
      if (a.anonymous) voicedAnonymous++;
      voicedSides.add(a.side);
      if (a.side !== 'unaligned') {
        totalVoice += modeWeight(a.mode);
        totalCount++;
      }
    } else {
      nonResponses++;
    }
    if (!mixed && (onlySide === null || onlySide === a.side)) {
      onlySide = a.side;
    } else {
      if (!mixed) {
        mixed = true;
        // The first side's own so far: every attribution counted before this one.
        ownBySide.set(onlySide as string, kept !== null ? kept.slice(0, kept.length - 1) : result.attributions.slice(0, i));
      }
      let own = ownBySide.get(a.side) as RawAttribution[] | undefined;
      if (own === undefined) ownBySide.set(a.side, (own = []));
      own.push(a);
    }
    const target = a.target?.side;
    if (target !== undefined && target !== null && a.side !== target) {
      let targeting = targetingBySide.get(target);
      if (targeting === undefined) targetingBySide.set(target, (targeting = []));
      targeting.push(a);
    }
  }
  const attributions: readonly RawAttribution[] = kept ?? result.attributions;
  if (!mixed && onlySide !== null) ownBySide.set(onlySide, attributions);
  const sides: SideSummary[] = [...sideNames].sort().map((side) => {
    const own = ownBySide.get(side) ?? [];
    const byMode = zeroPerMode();
    const words = zeroPerMode();
    // One walk over the side's voiced attributions (a non-response is no voice), in text order, so the sums
    // add up as before; minima and maxima by loop, since Math.min(...list) throws past ~150,000 items (3 MB
    // of `"Yes," he said.` made analyze() throw).
    let voiced = 0;
    let voice = 0;
    let credenceSum = 0;
    let credences = 0;
    let anonymous = 0;
    let firstParagraph = Infinity;
    let lastParagraph = -Infinity;
    for (let i = 0; i < own.length; i++) {
      const a = own[i] as RawAttribution;
      const m = MODES.indexOf(a.mode);
      (byMode[m] as number)++;
      (words[m] as number) += contentWords(article, a);
      if (!speaks(a)) continue;
      voiced++;
      voice += WEIGHT_AT[m] as number;
      const stance = a.cue === null ? -1 : STANCES.indexOf(a.cue.class);
      const credence = stance === -1 ? undefined : CREDENCE_AT[stance];
      if (credence !== undefined) {
        credenceSum += credence;
        credences++;
      }
      if (a.anonymous) anonymous++;
      if (a.paragraph < firstParagraph) firstParagraph = a.paragraph;
      if (a.paragraph > lastParagraph) lastParagraph = a.paragraph;
    }
    if (side === 'unaligned') voice = 0;
    const targetedBy = targetingBySide.get(side) ?? [];
    let firstTargeted = Infinity;
    for (let i = 0; i < targetedBy.length; i++) firstTargeted = Math.min(firstTargeted, (targetedBy[i] as RawAttribution).paragraph);
    // Shares and rates rounded where they are made (the key order is the report's).
    return {
      side,
      attributions: own.length,
      byMode: heldModes(byMode, byMode),
      words: heldModes(words, byMode),
      voiceShare: round(totalVoice === 0 ? 0 : voice / totalVoice),
      countShare: round(totalCount === 0 || side === 'unaligned' ? 0 : voiced / totalCount),
      directShare: round(voiced === 0 ? 0 : (byMode[DIRECT] as number) / voiced),
      meanCredence: roundOrNull(credences === 0 ? null : credenceSum / credences),
      anonymousShare: round(voiced === 0 ? 0 : anonymous / voiced),
      targeted: targetedBy.length,
      // Some voiced attribution of the side at or after the first that targets it.
      repliedWhenTargeted: targetedBy.length === 0 ? null : voiced > 0 && lastParagraph >= firstTargeted,
      firstParagraph: voiced === 0 ? null : firstParagraph,
      lastParagraph: voiced === 0 ? null : lastParagraph,
    };
  });
  let claimParagraphs = 0;
  let longParagraphs = 0;
  article.paragraphs.forEach((p, i) => {
    if (!counts(i) || p.tokenEnd - p.tokenStart < CLAIM_MIN_WORDS) return;
    longParagraphs++;
    if (attributed[i] === 0) claimParagraphs++;
  });
  const balanced = sidesMentioned.filter((s) => s !== 'unaligned');
  return {
    balance: roundOrNull(attributionBalance(attributions, balanced)),
    countBalance: roundOrNull(countBalance(attributions, balanced)),
    insufficient: totalCount < MIN_ATTRIBUTIONS || new Set([...balanced, ...voicedSides].filter((s) => s !== 'unaligned')).size < 2,
    attributions: attributions.length,
    anonymousRate: round(voicedCount === 0 ? 0 : voicedAnonymous / voicedCount),
    nonResponses,
    unheldViews: scoredCount - attributions.length,
    unattributedParagraphRate: round(longParagraphs === 0 ? 0 : claimParagraphs / longParagraphs),
    sidesMentioned: [...sidesMentioned],
    sides,
  };
}

// A 0 for each mode, pushed rather than mapped from MODES: map's result is packed from V8's builtin and holey once
// inlined into optimised code, and the counting loop and heldModes, compiled on one, were deoptimised by the other
// in every fresh process.
function zeroPerMode(): number[] {
  const zeros: number[] = [];
  for (let m = 0; m < MODES.length; m++) zeros.push(0);
  return zeros;
}

function roundOrNull(x: number | null): number | null {
  return x === null ? null : round(x);
}

// The modes a side has, in MODES order, from figures by mode index: the other five or six zeros were a fifth of a side's JSON.
function heldModes(values: readonly number[], counts: readonly number[]): Partial<Record<AttributionMode, number>> {
  const held: Partial<Record<AttributionMode, number>> = {};
  for (let m = 0; m < MODES.length; m++) if ((counts[m] as number) > 0) held[MODES[m] as AttributionMode] = values[m] as number;
  return held;
}

function contentWords(article: SegmentedArticle, attribution: RawAttribution): number {
  if (attribution.contentStart < 0) return 0;
  const { tokens } = article;
  // Token starts are sorted: the tokens starting inside the content are a range of indexes.
  return Math.max(0, firstTokenAtOrAfter(tokens, attribution.contentEnd) - firstTokenAtOrAfter(tokens, attribution.contentStart));
}

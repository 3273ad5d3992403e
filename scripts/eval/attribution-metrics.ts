/**
 * Scoring for `npm run eval:attribution`: pure functions that match predicted attributions to gold ones (the
 * own set in corpus/attribution/, one span per field, and PolNeAR's, in fragments) and count precision, recall
 * and F1, plus the check that a gold annotation fits its text. No I/O here; the script (attribution.ts) and
 * test/eval/attribution-metrics.test.ts use them.
 */

/** A half-open range of UTF-16 code units into the article text. */
export type Span = { start: number; end: number };

/** What matching looks at: the content span and, where a content span is missing on either side, the cue. */
export type Matchable = { content: Span | null; cue: Span | null };

/** One pair of the one-to-one matching: indexes into the gold and predicted lists, and their overlap. */
export type Match = { gold: number; predicted: number; overlap: number; by: 'content' | 'cue' };

export const ATTRIBUTION_MODES = ['direct', 'mixed', 'indirect', 'summary', 'vague', 'non-response'] as const;
export type AttributionMode = (typeof ATTRIBUTION_MODES)[number];

/** Code units shared by two spans (0 when they only touch or are apart). */
export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Whether two optional spans agree: both absent, or both present and sharing at least one code unit. */
export function spansAgree(a: Span | null | undefined, b: Span | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return overlapLength(a, b) > 0;
}

/** What fragment-aware matching looks at: content and cue as lists of spans (PolNeAR splits a quotation around its cue); empty means absent. */
export type FragmentedMatchable = { content: readonly Span[]; cue: readonly Span[] };

/** The spans sorted by start, with overlapping or touching ones merged; empty spans dropped. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** Code units shared by two lists of fragments (each list merged first, so no unit counts twice). */
export function fragmentOverlap(a: readonly Span[], b: readonly Span[]): number {
  const left = mergeSpans(a);
  const right = mergeSpans(b);
  let shared = 0;
  for (const x of left) for (const y of right) shared += overlapLength(x, y);
  return shared;
}

/** Code units covered by a list of fragments (overlaps counted once). */
export function fragmentLength(spans: readonly Span[]): number {
  return mergeSpans(spans).reduce((n, s) => n + s.end - s.start, 0);
}

/** Whether two fragment lists agree: both empty, or sharing at least one code unit. */
export function fragmentsAgree(a: readonly Span[], b: readonly Span[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === 0 && b.length === 0;
  return fragmentOverlap(a, b) > 0;
}

/** Keeps candidate pairs largest overlap first (ties: lower gold, then lower predicted index), each side used once; sorted by gold index. */
function pickOneToOne(candidates: Match[]): Match[] {
  candidates.sort((a, b) => b.overlap - a.overlap || a.gold - b.gold || a.predicted - b.predicted);
  const goldUsed = new Set<number>();
  const predictedUsed = new Set<number>();
  const matches: Match[] = [];
  for (const c of candidates) {
    if (goldUsed.has(c.gold) || predictedUsed.has(c.predicted)) continue;
    goldUsed.add(c.gold);
    predictedUsed.add(c.predicted);
    matches.push(c);
  }
  return matches.sort((a, b) => a.gold - b.gold);
}

/**
 * Greedy one-to-one matching by largest overlap, on fragment lists. A gold and a predicted attribution may be
 * paired when
 * - both have content and these share at least `minCoverage` of the gold content's code units (and at least
 *   one), the overlap being the content overlap; or
 * - either has no content, both have a cue and the cues overlap, the overlap being the cue overlap.
 * Candidate pairs are taken largest overlap first (ties: lower gold index, then lower predicted index), each
 * attribution used at most once. The result is sorted by gold index.
 */
export function matchFragmented(gold: readonly FragmentedMatchable[], predicted: readonly FragmentedMatchable[], minCoverage: number): Match[] {
  const candidates: Match[] = [];
  gold.forEach((g, gi) => {
    const goldLength = fragmentLength(g.content);
    predicted.forEach((p, pi) => {
      if (g.content.length > 0 && p.content.length > 0) {
        const overlap = fragmentOverlap(g.content, p.content);
        if (overlap > 0 && overlap >= minCoverage * goldLength) candidates.push({ gold: gi, predicted: pi, overlap, by: 'content' });
      } else if (g.cue.length > 0 && p.cue.length > 0) {
        const overlap = fragmentOverlap(g.cue, p.cue);
        if (overlap > 0) candidates.push({ gold: gi, predicted: pi, overlap, by: 'cue' });
      }
    });
  });
  return pickOneToOne(candidates);
}

const fragments = (span: Span | null): Span[] => (span ? [span] : []);

/** `matchFragmented` for records with one span (or null) per field, as the own gold set writes them. */
export function matchAttributions(gold: readonly Matchable[], predicted: readonly Matchable[], minCoverage: number): Match[] {
  const asFragments = (m: Matchable): FragmentedMatchable => ({ content: fragments(m.content), cue: fragments(m.cue) });
  return matchFragmented(gold.map(asFragments), predicted.map(asFragments), minCoverage);
}

/** Greedy one-to-one matching of cues alone (for cue precision and recall): pairs whose cues share a code unit, largest overlap first. */
export function matchCues(gold: readonly (readonly Span[])[], predicted: readonly (readonly Span[])[]): Match[] {
  const candidates: Match[] = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      const overlap = fragmentOverlap(g, p);
      if (overlap > 0) candidates.push({ gold: gi, predicted: pi, overlap, by: 'cue' });
    });
  });
  return pickOneToOne(candidates);
}

/** Counts per key of how many items there are and how many were hit; keys in first-seen order. */
export function tallyHits(items: Iterable<{ key: string; hit: boolean }>): Map<string, { total: number; hit: number }> {
  const table = new Map<string, { total: number; hit: number }>();
  for (const { key, hit } of items) {
    const row = table.get(key) ?? { total: 0, hit: 0 };
    row.total++;
    if (hit) row.hit++;
    table.set(key, row);
  }
  return table;
}

export type Prf = { precision: number; recall: number; f1: number };

/**
 * Precision, recall and F1 from counts. Precision is NaN without predictions and recall NaN without gold
 * items; F1 = 2·matched / (predicted + gold), which is 0 when one list is empty and NaN when both are.
 */
export function precisionRecallF1(matched: number, predicted: number, gold: number): Prf {
  return {
    precision: predicted === 0 ? Number.NaN : matched / predicted,
    recall: gold === 0 ? Number.NaN : matched / gold,
    f1: predicted + gold === 0 ? Number.NaN : (2 * matched) / (predicted + gold),
  };
}

/** A ratio as text with its counts, `0.812 (13/16)`, or `n/a (0/0)`. */
export function ratio(part: number, whole: number): string {
  return `${whole === 0 ? 'n/a' : (part / whole).toFixed(3)} (${part}/${whole})`;
}

// ---- the gold annotation format (corpus/attribution/README.md) ----

export type GoldSpan = Span & { text: string };
export type GoldAttribution = {
  mode: AttributionMode;
  cue: GoldSpan | null;
  speaker: GoldSpan | null;
  content: Span | null;
  side: string;
  anonymous: boolean;
  anonymityReason?: boolean;
  target?: GoldSpan & { side: string };
};
export type GoldAnnotation = { file: string; sidesMentioned: string[]; attributions: GoldAttribution[] };

const ORGANISATION_SIDES = new Set(['NATO', 'UN', 'EU', 'IAEA', 'OSCE', 'AU']);

/** A side id as the gold set writes it: an ISO 3166-1 alpha-2 code, an organisation id, or "unaligned". */
export function isSideId(side: string): boolean {
  return side === 'unaligned' || ORGANISATION_SIDES.has(side) || /^[A-Z]{2}$/.test(side);
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/**
 * Checks a parsed annotation against its text; returns the problems found (empty when it is sound): shape,
 * spans inside the text, non-empty and not padded with white space, `text` fields equal to the slice they
 * name, known modes and side ids, `anonymityReason` only on anonymous records, and the rules that make the
 * set scorable (every record has a content or a cue span; non-responses have a cue and no content).
 */
export function validateAnnotation(text: string, annotation: unknown, fileName?: string): string[] {
  const problems: string[] = [];
  if (!isObject(annotation)) return ['annotation is not an object'];
  if (fileName !== undefined && annotation['file'] !== fileName) problems.push(`file is ${JSON.stringify(annotation['file'])}, expected ${JSON.stringify(fileName)}`);
  const sides = annotation['sidesMentioned'];
  if (!Array.isArray(sides) || !sides.every((s): s is string => typeof s === 'string' && isSideId(s) && s !== 'unaligned')) problems.push('sidesMentioned must be an array of side ids (not "unaligned")');
  const attributions = annotation['attributions'];
  if (!Array.isArray(attributions)) return [...problems, 'attributions must be an array'];
  const checkSpan = (where: string, span: unknown, withText: boolean): void => {
    if (!isObject(span) || !isInt(span['start']) || !isInt(span['end'])) {
      problems.push(`${where}: not a {start, end} span`);
      return;
    }
    const { start, end } = span;
    if (start < 0 || end > text.length || start >= end) {
      problems.push(`${where}: [${start}, ${end}) is empty or outside the text (length ${text.length})`);
      return;
    }
    const slice = text.slice(start, end);
    if (slice.trim() !== slice) problems.push(`${where}: span starts or ends with white space`);
    if (withText && span['text'] !== slice) problems.push(`${where}: text ${JSON.stringify(span['text'])} but the span holds ${JSON.stringify(slice)}`);
  };
  attributions.forEach((a: unknown, i) => {
    const at = `attributions[${i}]`;
    if (!isObject(a)) {
      problems.push(`${at}: not an object`);
      return;
    }
    const mode = a['mode'];
    if (typeof mode !== 'string' || !(ATTRIBUTION_MODES as readonly string[]).includes(mode)) problems.push(`${at}: unknown mode ${JSON.stringify(mode)}`);
    for (const key of ['cue', 'speaker', 'content'] as const) {
      if (!(key in a)) problems.push(`${at}: ${key} missing (use null)`);
      else if (a[key] !== null) checkSpan(`${at}.${key}`, a[key], key !== 'content');
    }
    if (a['content'] === null && a['cue'] === null) problems.push(`${at}: needs a content or a cue span to be matched`);
    if (mode === 'non-response' && (a['content'] !== null || a['cue'] === null)) problems.push(`${at}: a non-response has a cue and no content`);
    if (typeof a['side'] !== 'string' || !isSideId(a['side'])) problems.push(`${at}: bad side ${JSON.stringify(a['side'])}`);
    else if (a['side'] !== 'unaligned' && Array.isArray(sides) && !sides.includes(a['side'])) problems.push(`${at}: side ${a['side']} is not in sidesMentioned`);
    if (typeof a['anonymous'] !== 'boolean') problems.push(`${at}: anonymous must be a boolean`);
    if ('anonymityReason' in a && (a['anonymous'] !== true || typeof a['anonymityReason'] !== 'boolean')) problems.push(`${at}: anonymityReason only on anonymous records, as a boolean`);
    if ('target' in a) {
      const target = a['target'];
      checkSpan(`${at}.target`, target, true);
      if (!isObject(target) || typeof target['side'] !== 'string' || !isSideId(target['side'])) problems.push(`${at}.target: bad side`);
    }
  });
  return problems;
}

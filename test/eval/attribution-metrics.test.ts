import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  fragmentOverlap,
  fragmentsAgree,
  matchAttributions,
  matchCues,
  matchFragmented,
  mergeSpans,
  overlapLength,
  precisionRecallF1,
  spansAgree,
  tallyHits,
  validateAnnotation,
  type FragmentedMatchable,
  type Matchable,
} from '../../scripts/eval/attribution-metrics.ts';

/** `[start, end)` as a span; null stays null. */
const s = (range: [number, number] | null) => (range ? { start: range[0], end: range[1] } : null);
const item = (content: [number, number] | null, cue: [number, number] | null = null): Matchable => ({ content: s(content), cue: s(cue) });
/** Matches as `gold-predicted` strings, in gold order. */
const pairs = (gold: Matchable[], predicted: Matchable[], minCoverage = 0.3): string[] =>
  matchAttributions(gold, predicted, minCoverage).map((m) => `${m.gold}-${m.predicted}`);

describe('overlapLength and spansAgree', () => {
  it.each([
    [[0, 10], [5, 15], 5],
    [[0, 10], [10, 20], 0],
    [[0, 10], [20, 30], 0],
    [[3, 7], [0, 10], 4],
  ] as const)('%j and %j share %d', (a, b, n) => {
    expect(overlapLength({ start: a[0], end: a[1] }, { start: b[0], end: b[1] })).toBe(n);
  });

  it('agrees when both are null, not when only one is', () => {
    expect(spansAgree(null, null)).toBe(true);
    expect(spansAgree(null, { start: 0, end: 1 })).toBe(false);
    expect(spansAgree({ start: 0, end: 4 }, { start: 3, end: 9 })).toBe(true);
    expect(spansAgree({ start: 0, end: 4 }, { start: 4, end: 9 })).toBe(false);
  });
});

describe('matchAttributions', () => {
  it.each<[string, Matchable[], Matchable[], number, string[]]>([
    ['identical spans match', [item([0, 20])], [item([0, 20])], 0.3, ['0-0']],
    ['30% of the gold content is enough at 0.3', [item([0, 20])], [item([14, 40])], 0.3, ['0-0']],
    ['25% of the gold content is not', [item([0, 20])], [item([15, 40])], 0.3, []],
    ['a prediction covering the gold and more matches (coverage is of gold)', [item([10, 20])], [item([0, 100])], 0.8, ['0-0']],
    ['80% required at 0.8', [item([0, 100])], [item([0, 79])], 0.8, []],
    ['touching spans do not overlap', [item([0, 10])], [item([10, 20])], 0, []],
    ['one prediction cannot serve two gold items (the larger overlap takes it)', [item([0, 10]), item([12, 20])], [item([0, 20])], 0.3, ['0-0']],
    ['largest overlap wins, the other gold item takes the other prediction', [item([0, 10]), item([10, 30])], [item([5, 30]), item([0, 6])], 0.3, ['0-1', '1-0']],
    ['null content on the gold side matches by cue', [item(null, [50, 70])], [item([40, 80], [55, 62])], 0.3, ['0-0']],
    ['null content on the predicted side matches by cue', [item([0, 30], [31, 35])], [item(null, [31, 35])], 0.3, ['0-0']],
    ['null content and disjoint cues do not match', [item(null, [50, 70])], [item(null, [70, 80])], 0.3, []],
    ['null content and a null cue cannot match', [item(null, [50, 70])], [item(null, null)], 0.3, []],
    ['nothing predicted', [item([0, 10])], [], 0.3, []],
    ['nothing in gold', [], [item([0, 10])], 0.3, []],
  ])('%s', (_name, gold, predicted, minCoverage, expected) => {
    expect(pairs(gold, predicted, minCoverage)).toEqual(expected);
  });

  it('breaks ties by gold index, then predicted index', () => {
    expect(pairs([item([0, 10]), item([0, 10])], [item([0, 10]), item([0, 10])])).toEqual(['0-0', '1-1']);
  });
});

/** Fragments from `[start, end]` pairs. */
const f = (...ranges: [number, number][]) => ranges.map(([start, end]) => ({ start, end }));
const fragmented = (content: [number, number][], cue: [number, number][] = []): FragmentedMatchable => ({ content: f(...content), cue: f(...cue) });

describe('fragment lists', () => {
  it('merges overlapping and touching fragments and drops empty ones', () => {
    expect(mergeSpans(f([10, 20], [0, 5], [5, 8], [15, 25], [30, 30]))).toEqual(f([0, 8], [10, 25]));
  });
  it('counts shared code units once even when fragments overlap each other', () => {
    expect(fragmentOverlap(f([0, 10], [5, 15]), f([0, 20]))).toBe(15);
    expect(fragmentOverlap(f([0, 10], [20, 30]), f([5, 25]))).toBe(10);
  });
  it('agrees when both lists are empty or they share a unit', () => {
    expect(fragmentsAgree([], [])).toBe(true);
    expect(fragmentsAgree(f([0, 3]), [])).toBe(false);
    expect(fragmentsAgree(f([0, 3], [9, 12]), f([10, 11]))).toBe(true);
    expect(fragmentsAgree(f([0, 3]), f([3, 5]))).toBe(false);
  });
});

describe('matchFragmented', () => {
  // A quotation split around its cue: "We will build it," the mayor said, "and they will pay."
  const splitQuote = fragmented([[1, 18], [37, 55]], [[30, 34]]);
  it.each<[string, FragmentedMatchable[], FragmentedMatchable[], number, string[]]>([
    ['a prediction covering one fragment of a split quotation matches at 0.3 (17 of 35 units)', [splitQuote], [fragmented([[1, 18]])], 0.3, ['0-0']],
    ['but not at 0.8', [splitQuote], [fragmented([[1, 18]])], 0.8, []],
    ['a prediction spanning both fragments and the cue between matches at 0.8', [splitQuote], [fragmented([[0, 56]])], 0.8, ['0-0']],
    ['a prediction without content matches by cue', [splitQuote], [fragmented([], [[20, 34]])], 0.3, ['0-0']],
    ['no content on either side and no shared cue: no match', [fragmented([], [[30, 34]])], [fragmented([], [[40, 44]])], 0.3, []],
  ])('%s', (_name, gold, predicted, minCoverage, expected) => {
    expect(matchFragmented(gold, predicted, minCoverage).map((m) => `${m.gold}-${m.predicted}`)).toEqual(expected);
  });
  it('gives the same pairs as matchAttributions on one-span records', () => {
    const gold = [item([0, 10]), item([10, 30]), item(null, [40, 44])];
    const predicted = [item([5, 30]), item([0, 6]), item(null, [41, 43])];
    const asFragments = (m: Matchable): FragmentedMatchable => ({ content: m.content ? [m.content] : [], cue: m.cue ? [m.cue] : [] });
    expect(matchFragmented(gold.map(asFragments), predicted.map(asFragments), 0.3)).toEqual(matchAttributions(gold, predicted, 0.3));
  });
});

describe('matchCues', () => {
  it('pairs overlapping cues one to one, largest overlap first, and skips empty cues', () => {
    const matches = matchCues([f([10, 14]), f([30, 38]), []], [f([31, 35]), f([10, 12]), f([12, 20]), []]);
    expect(matches.map((m) => `${m.gold}-${m.predicted}`)).toEqual(['0-1', '1-0']);
  });
});

describe('tallyHits', () => {
  it('counts totals and hits per key in first-seen order', () => {
    const table = tallyHits([
      { key: 'speech', hit: true },
      { key: 'belief', hit: false },
      { key: 'speech', hit: false },
      { key: 'speech', hit: true },
    ]);
    expect([...table]).toEqual([
      ['speech', { total: 3, hit: 2 }],
      ['belief', { total: 1, hit: 0 }],
    ]);
  });
});

describe('precisionRecallF1', () => {
  it('counts a perfect run, a partial run and empty lists', () => {
    expect(precisionRecallF1(4, 4, 4)).toEqual({ precision: 1, recall: 1, f1: 1 });
    const partial = precisionRecallF1(3, 4, 6);
    expect(partial.precision).toBeCloseTo(0.75);
    expect(partial.recall).toBeCloseTo(0.5);
    expect(partial.f1).toBeCloseTo(0.6);
    const nothingPredicted = precisionRecallF1(0, 0, 5);
    expect(nothingPredicted.precision).toBeNaN();
    expect(nothingPredicted.recall).toBe(0);
    expect(nothingPredicted.f1).toBe(0);
  });
});

describe('validateAnnotation', () => {
  const text = 'Headline\n\n"We will win," Velin said.\n';
  const good = {
    file: 'x.txt',
    sidesMentioned: ['RU'],
    attributions: [
      {
        mode: 'direct',
        cue: { start: 31, end: 35, text: 'said' },
        speaker: { start: 25, end: 30, text: 'Velin' },
        content: { start: 10, end: 24 },
        side: 'RU',
        anonymous: false,
      },
    ],
  };
  it('accepts a sound record', () => {
    expect(validateAnnotation(text, good, 'x.txt')).toEqual([]);
  });
  it('reports a span whose text does not match, a side not mentioned and a reason without anonymity', () => {
    const bad = {
      ...good,
      attributions: [{ ...good.attributions[0], cue: { start: 31, end: 35, text: 'says' }, side: 'US', anonymityReason: true }],
    };
    const problems = validateAnnotation(text, bad, 'x.txt');
    expect(problems.some((p) => p.includes('"says"'))).toBe(true);
    expect(problems.some((p) => p.includes('not in sidesMentioned'))).toBe(true);
    expect(problems.some((p) => p.includes('anonymityReason'))).toBe(true);
  });
  it('reports spans outside the text', () => {
    const bad = { ...good, attributions: [{ ...good.attributions[0], content: { start: 10, end: 999 } }] };
    expect(validateAnnotation(text, bad, 'x.txt')).toHaveLength(1);
  });
});

describe('the gold set in corpus/attribution', () => {
  const dir = fileURLToPath(new URL('../../corpus/attribution/', import.meta.url));
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

  it('has at least 40 articles, each with its annotation', () => {
    expect(texts.length).toBeGreaterThanOrEqual(40);
    const jsons = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(jsons).toEqual(texts.map((f) => f.replace(/\.txt$/, '.json')));
  });

  it.each(texts)('%s: text format and every span check out', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
    const paragraphs = text.slice(0, -1).split('\n\n');
    expect(paragraphs.every((p) => p !== '' && !p.includes('\n') && p.trim() === p)).toBe(true);
    const words = text.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(80);
    expect(words).toBeLessThanOrEqual(250);
    const annotation: unknown = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.json')), 'utf8'));
    expect(validateAnnotation(text, annotation, file)).toEqual([]);
  });
});

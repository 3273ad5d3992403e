import { describe, expect, it } from 'vitest';
import { withNestedBounds } from '../../../src/core/metrics/attribution/nested-bounds.ts';
import { contentRange, rawAttribution, type RawAttribution } from '../../../src/core/metrics/attribution/types.ts';
import { scanOf, textOf } from './scan-of.ts';

// An attribution of `text` whose cue, speaker and content are the first occurrences of the given words.
function attribution(text: string, cue: string, speaker: string, content: string): RawAttribution {
  const at = (words: string): { start: number; end: number } => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  return rawAttribution(0, 'indirect', { ...at(cue), label: { lemma: cue, class: 'neutral', source: 'test' } }, at(speaker), at(content), null, 'unaligned', false);
}

describe('withNestedBounds (reported content ends where an inner clause begins)', () => {
  // The attributions come sorted by content, so a postposed cue ("..., Holt said.") puts the cues out of order:
  // they are sorted by cue before any content is cut, ties kept in list order.
  it.each([
    ['a postposed cue after an inner clause', 'The harbour plan, which Lund says will fail, drew fire, Holt said.', 'The harbour plan'],
    ['two postposed cues after two inner clauses', 'The harbour plan, which Lund says will fail, and the ferry, which Berg says is late, drew fire, Holt said.', 'The harbour plan'],
  ])('%s', (_, text, kept) => {
    const scan = scanOf(text);
    const outer = attribution(text, 'said', 'Holt', text.slice(0, text.indexOf(', Holt')));
    const inner = [attribution(text, 'says will', 'Lund', 'will fail')];
    if (text.includes('Berg')) inner.push(attribution(text, 'says is', 'Berg', 'is late'));
    const [cut, ...rest] = withNestedBounds(scan, [outer, ...inner]);
    expect(textOf(scan, cut === undefined ? null : contentRange(cut))).toBe(kept);
    expect(rest.map((a) => textOf(scan, contentRange(a)))).toEqual(inner.map((a) => textOf(scan, contentRange(a))));
  });

  // The punctuation that opens an inner clause is a comma, a semicolon or a dash; a colon is none.
  it.each([
    ['a semicolon', 'The harbour plan drew fire; Lund says it will fail, Holt said.', 'The harbour plan drew fire'],
    ['an em dash', 'The harbour plan drew fire \u2014 Lund says it will fail, Holt said.', 'The harbour plan drew fire'],
    ['an en dash', 'The harbour plan drew fire \u2013 Lund says it will fail, Holt said.', 'The harbour plan drew fire'],
    ['a colon leaves the content whole', 'The harbour plan drew fire: Lund says it will fail, Holt said.', 'The harbour plan drew fire: Lund says it will fail'],
  ])('cut at %s', (_, text, kept) => {
    const scan = scanOf(text);
    const outer = attribution(text, 'said', 'Holt', text.slice(0, text.indexOf(', Holt')));
    const [cut] = withNestedBounds(scan, [outer, attribution(text, 'says', 'Lund', 'it will fail')]);
    expect(textOf(scan, cut === undefined ? null : contentRange(cut))).toBe(kept);
  });
});

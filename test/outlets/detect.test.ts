import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectionSchema, detectOutlet, loadSourceTables, type DetectHint, type OutletDetection } from '../../src/core/outlets/index.ts';

const tables = loadSourceTables();
const seed = readFileSync(new URL('../../corpus/presstv-putin-biden.txt', import.meta.url), 'utf8');
/** `detectedBy outlet-id confidence "evidence"`, as a reader checks it. */
const describeDetection = (found: OutletDetection | null): string =>
  found === null ? 'none' : `${found.detectedBy} ${found.card.outlet?.id ?? found.card.domain ?? '-'} ${found.confidence} ${found.evidence === null ? '-' : JSON.stringify(found.evidence.text)}`;
const detect = (text: string, hint: DetectHint = {}): OutletDetection | null => {
  const found = detectOutlet(text, hint, tables);
  if (found !== null) {
    detectionSchema.parse(found);
    if (found.evidence !== null) expect(text.slice(found.evidence.start, found.evidence.end)).toBe(found.evidence.text);
  }
  return found;
};

describe('detectOutlet', () => {
  it('finds Press TV in the seed article from its own closing lines, with no URL', () => {
    const found = detect(seed);
    expect(describeDetection(found)).toBe('self-reference press-tv 0.9 "Press TV’s website"');
    expect(found?.card.reliability.label).toBe('very-low');
    expect(found?.card.outlet?.ownership).toBe('state');
  });

  it('takes the url hint first, then the outlet hint', () => {
    expect(describeDetection(detect(seed, { url: 'https://www.bbc.co.uk/news/world-123' }))).toBe('url bbc 1 -');
    expect(describeDetection(detect(seed, { outlet: 'Reuters' }))).toBe('outlet reuters 0.9 -');
    expect(describeDetection(detect(seed, { url: 'not a url', outlet: 'reuters.com' }))).toBe('outlet reuters 0.9 -');
  });

  it('trusts a url of an unknown site, which then is not rated', () => {
    const found = detect(seed, { url: 'https://example.org/a' });
    expect(describeDetection(found)).toBe('url example.org 1 -');
    expect(found?.card.reliability.label).toBe('not-rated');
  });

  it('falls back to the text when the outlet hint names nothing known, and to the hint when the text has nothing', () => {
    expect(describeDetection(detect(seed, { outlet: 'Some Local Weekly' }))).toBe('self-reference press-tv 0.9 "Press TV’s website"');
    const found = detect('The council met on Tuesday.', { outlet: 'Some Local Weekly' });
    expect(found?.detectedBy).toBe('outlet');
    expect(found?.card.reliability.label).toBe('not-rated');
  });

  it.each([
    ['an agency dateline', 'MOSCOW (Reuters) - The Kremlin said on Tuesday it expected no breakthroughs.\n\nMore follows.', 'dateline reuters 0.8 "MOSCOW (Reuters) -"'],
    ['a dateline with a date', 'WASHINGTON, Dec 7 (AFP) — The talks began.', 'dateline afp 0.8 "WASHINGTON, Dec 7 (AFP) —"'],
    ['a dateline in a later paragraph', 'Intro line.\n\nBEIJING (Xinhua) -- Officials said the plan was approved.', 'dateline xinhua 0.6 "BEIJING (Xinhua) --"'],
    ['a byline', 'By Jane Doe, Reuters\n\nThe talks failed on Tuesday.', 'byline reuters 0.7 "By Jane Doe, Reuters"'],
    ['a byline with a bar', 'By Jane Doe | Al Jazeera | 7 Dec 2021\n\nText.', 'byline al-jazeera 0.7 "By Jane Doe | Al Jazeera"'],
    ['a copyright line', 'The talks failed.\n\n© 2021 Press TV. All rights reserved.', 'self-reference press-tv 0.9 "© 2021 Press TV"'],
    ['a bare domain in the text, which is a mention', 'Read the full story at www.rt.com today.', 'none'],
    ['a company\'s domain in a story about it', 'Amazon.com said on Tuesday that sales rose. Shoppers on amazon.com spent more than a year ago.', 'none'],
    ['a company\'s domain beside the publisher\'s byline', 'By Jane Doe, Reuters\n\nAmazon.com said sales rose, and amazon.com traffic doubled.', 'byline reuters 0.7 "By Jane Doe, Reuters"'],
    ['nothing at all', 'The council met on Tuesday and approved the budget.', 'none'],
    ['a citation, which names a source, not the publisher', 'The minister resigned, according to Reuters.', 'none'],
  ])('reads %s', (_name, text, expected) => {
    expect(describeDetection(detect(text))).toBe(expected);
  });

  it('prefers the publisher speaking of itself over agency copy it runs', () => {
    const text = 'MOSCOW (Reuters) - The Kremlin said talks would go ahead.\n\nPress TV’s website can also be accessed at the following alternate addresses:';
    expect(describeDetection(detect(text))).toBe('self-reference press-tv 0.85 "Press TV’s website"');
  });

  it('never throws, and what it returns is valid, on any input', () => {
    const pieces = fc.constantFrom('Press TV', '’s', "'s", ' website', 'MOSCOW', ' (Reuters) -', '(', ')', '\n', '\n\n', ' ', 'By ', ', ', '©', 'presstv.ir', 'www.', '.', 'according to', 'the BBC', 'AFP', 'photo', '/', '\u2014', '\uD83D\uDE00', '\uD83D', '\u0000', 'İ', '\r\n');
    const text = fc.oneof(fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }));
    const hint = fc.record({ url: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), outlet: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) });
    fc.assert(
      fc.property(text, hint, (input, h) => {
        const found = detect(input, h);
        if (found?.evidence) {
          expect(found.evidence.start).toBeGreaterThanOrEqual(0);
          expect(found.evidence.end).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 400 },
    );
  });
});

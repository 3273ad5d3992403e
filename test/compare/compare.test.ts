/**
 * The comparison core on short articles written for these tests: voices, word choice, what only one article
 * has, the summary's evidence, and the invariants (any texts compare; every evidence span is the text it says).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, loadLexicons } from '../../src/index.ts';
import { compareReports, comparisonSchema, CompareInputError, type Comparison } from '../../src/core/compare/index.ts';

const lexicons = loadLexicons();
const compare = (...texts: string[]): Comparison => compareReports(texts.map((text, index) => ({ name: `t${index}`, report: analyze(text, { lexicons }) })), { lexicons });
const cell = (comparison: Comparison, id: string, article: string) => [...comparison.voices.sides, ...comparison.voices.actors].find((row) => row.id === id)?.cells.find((entry) => entry.article === article)?.status;
const terms = (comparison: Comparison, group: string) => comparison.wordChoice.find((entry) => entry.group === group)?.uses.map((use) => use.terms.map((term) => `${term.term}${term.quoted > 0 ? `(${term.quoted} quoted)` : ''}`).join(' '));

describe('word choice for the same referent', () => {
  it.each([
    ['Kiev and Kyiv', 'Talks were held in Kiev on Monday.', 'Talks were held in Kyiv on Monday.', 'capital-of-ukraine', ['kiev', 'kyiv']],
    ['plural forms match their term', 'Border guards stopped 40 illegal immigrants.', 'Border guards stopped 40 asylum seekers.', 'migrants', ['illegal immigrant', 'asylum seeker']],
    ['a quoted use is the speaker\'s', 'The minister said "the regime" had fallen.', 'The minister said the government had fallen.', 'ruling-body', ['regime(1 quoted)', 'government']],
    ['an article without the referent', 'Tax cuts were approved.', 'The budget was approved.', 'tax-cuts', ['tax cut', '']],
  ])('%s', (_name, a, b, group, expected) => {
    const comparison = compare(a, b);
    expect(terms(comparison, group)).toEqual(expected);
    expect(comparison.wordChoice.find((entry) => entry.group === group)?.differs).toBe(true);
  });

  it('lists nothing, and says no difference, when both use the same words', () => {
    const comparison = compare('Kyiv said the talks went well.', 'Kyiv said the talks went badly.');
    expect(comparison.wordChoice.map((group) => `${group.group}:${group.differs}`)).toEqual(['capital-of-ukraine:false']);
    expect(comparison.summary.filter((line) => line.topic === 'word-choice')).toEqual([]);
  });
});

describe('voices', () => {
  const a = 'Talks ended without a deal.\n\n"We will not give up our land," Dmitry Peskov told reporters.\n\nThe White House said it was disappointed.';
  const b = 'Talks ended without a deal.\n\nThe White House said "the door remains open."\n\nPeskov was not at the meeting.';
  const comparison = compare(a, b);

  it('takes the strongest way each actor is heard in each article', () => {
    expect([cell(comparison, 'ru-peskov', 'A'), cell(comparison, 'ru-peskov', 'B')]).toEqual(['quoted', 'mentioned']);
    expect([cell(comparison, 'us-gov', 'A'), cell(comparison, 'us-gov', 'B')]).toEqual(['paraphrased', 'quoted']);
  });

  it('marks an actor heard in one article and missing from another as absent there', () => {
    const c = compare('"Prices will fall," Janet Yellen said.', 'Prices fell on Monday.');
    expect([cell(c, 'us-yellen', 'A'), cell(c, 'us-yellen', 'B')]).toEqual(['quoted', 'absent']);
    expect(c.summary.find((line) => line.topic === 'voices')?.text).toBe('Side United States (US): quoted directly in A; absent in B.');
  });
});

describe('what only one article has', () => {
  it('judges names by actor and by surname, figures without separators, statements by shared words', () => {
    const comparison = compare(
      'Officials counted 100,000 troops near the border, Dmitry Peskov said.\n\nMaria Okafor, an analyst at the Harbor Institute, said the build-up was defensive.\n\nThe Kremlin said the exercises would end in March.',
      'About 100000 troops are near the border, Peskov said.\n\nOkafor said the build-up was defensive.\n\nPolice closed 12 roads. The farmers union said the roads had been shut without warning.',
    );
    const [a, b] = comparison.distinctive;
    // Peskov and Okafor are named in both; the institute and the Kremlin only in A.
    expect(a?.names.map((name) => name.text)).toEqual(['Harbor Institute', 'Government of Russia']);
    expect(a?.numbers).toEqual([]);
    expect(b?.numbers.map((number) => number.text)).toEqual(['12 roads']);
    expect(a?.attributions.map((item) => item.text)).toEqual(['the exercises would end in March']);
    expect(b?.attributions.map((item) => item.text)).toEqual(['the roads had been shut without warning']);
  });

  it('keeps flagged words in the outlet\'s voice that the other article does not use, never quoted ones', () => {
    const comparison = compare('The reckless plan passed. "It is a disaster," a critic said.', 'The plan passed. "It is a disaster," a critic said.');
    expect(comparison.distinctive[0]?.wording.map((item) => `${item.kind}:${item.text}`)).toEqual(['finding:reckless']);
    expect(comparison.distinctive[1]?.wording).toEqual([]);
  });
});

describe('the comparison as a whole', () => {
  it('refuses fewer than two and more than six reports', () => {
    const report = analyze('One line.', { lexicons });
    for (const count of [0, 1, 7]) expect(() => compareReports(Array.from({ length: count }, () => ({ name: 'x', report })))).toThrow(CompareInputError);
  });

  it('compares any texts, with every evidence span the text it quotes and every summary line backed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('Kiev', 'Kyiv', '"We will win," Peskov said.', 'The regime fell.', '\n\n', '100,000 troops')), { minLength: 1, maxLength: 8 }), fc.array(fc.string(), { maxLength: 4 }), (parts, more) => {
        const comparison = compare(parts.join(' '), more.join(' '), parts.reverse().join('\n\n'));
        comparisonSchema.parse(comparison);
        const text = (key: string) => comparison.articles.find((article) => article.key === key)?.text ?? '';
        const evidence = [
          ...comparison.summary.flatMap((line) => line.evidence),
          ...comparison.distinctive.flatMap((entry) => [...entry.names, ...entry.numbers, ...entry.attributions, ...entry.wording].flatMap((item) => item.evidence)),
          ...comparison.wordChoice.flatMap((group) => group.uses.flatMap((use) => use.terms.flatMap((term) => term.evidence))),
        ];
        for (const item of evidence) expect(text(item.article).slice(item.start, item.end)).toBe(item.text);
        for (const line of comparison.summary) expect(line.evidence.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same comparison for the same reports', () => {
    const a = 'Kiev said the regime had 100 tanks.';
    const b = '"Kyiv will stand," the Ukrainian government said.';
    expect(JSON.stringify(compare(a, b))).toBe(JSON.stringify(compare(a, b)));
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, segmentArticle } from '../../src/index.ts';
import { findProperNames } from '../../src/core/metrics/proper-names.ts';
import { findingRows, lexicons } from '../helpers.ts';

function namesOf(text: string): string[] {
  const article = segmentArticle(text, lexicons.abbreviations);
  return findProperNames(article, lexicons).names.map((name) => text.slice(name.start, name.end));
}

describe('proper names by case shape', () => {
  it.each([
    ['organisations and places of several words', 'The United States and the United Nations met.', ['United States', 'United Nations']],
    ['a connector inside a name', 'She spoke to the Speaker of the House on Monday.', ['Speaker of the House']],
    ['a trailing connector is not part of the name', 'Officials of the Justice Department of all ranks left.', ['Justice Department']],
    ['a name opening the sentence', 'Liberty Media bought the team.', ['Liberty Media']],
    ['a capitalised first word joins only a capitalised word right after it', 'Fighters of the Free Syrian Army attacked.', ['Free Syrian Army']],
    ['a sentence-opening word that is not a name', 'After Manchester United won, fans sang.', ['Manchester United']],
    ['an opening loaded word is the writer\'s, not the name\'s', 'Brutal Assad Regime forces attacked.', ['Assad Regime']],
    ['one capitalised word is no name of several words', 'Moscow rejected the plan.', []],
    ['a title-case headline gives no names', 'Biden Slams Critics Over Border Plan', []],
    ['a line in capitals gives no names', 'UNITED NATIONS HAILS HISTORIC DEAL', []],
    ['punctuation ends a name', 'They met in Paris, London and Berlin.', []],
  ])('%s', (_name, text, expected) => {
    expect(namesOf(text)).toEqual(expected);
  });
});

describe('words inside names count for neither sentiment nor loaded language', () => {
  it.each([
    ['The United States and the United Nations met.', 0, ['sentiment/united name "United" in United States', 'sentiment/united name "United" in United Nations']],
    ['Manchester United lost the match.', -3, ['sentiment/united name "United" in Manchester United']],
    ['They met on Hope Street.', 0, ['sentiment/hope name "Hope" in Hope Street']],
    ['The Grand Old Party is split.', 0, ['sentiment/grand name "Grand" in Grand Old Party']],
    ['The plan is good for the united team.', 4, []],
  ])('%s scores %d', (text, score, exempted) => {
    const report = analyze(text);
    expect(report.summary.sentiment.score).toBe(score);
    expect(report.paragraphs.flatMap((p) => p.exempted).map((e) => `${e.rule} ${e.reason} "${e.text}" in ${e.name}`)).toEqual(exempted);
  });

  it.each([
    ['a loaded word inside a longer name is exempt', 'The Heroes Square rally was small.', [], ['label/hero name "Heroes" in Heroes Square']],
    ['a name that is itself the loaded phrase still counts', 'Voters were told the Deep State ran the city.', ['label/deep state author "Deep State"'], []],
    ['the same word in lower case counts', 'The heroes rally was small.', ['label/hero author "heroes"'], []],
  ])('%s', (_name, text, findings, exempted) => {
    const report = analyze(text);
    expect(findingRows(report)).toEqual(findings);
    expect(report.paragraphs.flatMap((p) => p.exempted).filter((e) => e.reason === 'name' && !e.rule.startsWith('sentiment/')).map((e) => `${e.rule} ${e.reason} "${e.text}" in ${e.name}`)).toEqual(exempted);
  });
});

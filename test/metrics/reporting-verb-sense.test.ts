import { describe, expect, it } from 'vitest';
import { loadedFindingsOf } from '../helpers.ts';

const verbs = (text: string): string[] => loadedFindingsOf(text, 'reporting-verb');

describe('slanted reporting verbs: the verb of saying, not the same word in another sense', () => {
  it.each([
    ['a verb of saying with its clause', 'Holt claimed the vote was rigged.', ['claimed']],
    ['a verb of saying with that', 'The minister admitted that the figures were wrong.', ['admitted']],
    ['a quotation tag', '"We did nothing wrong," the chairman insisted.', ['insisted']],
    ['a clause that happens to hold a listed object', 'Holt claimed he would win the nomination easily.', ['claimed']],
    ['a passive with its agent named', 'The closure was confirmed by the mayor on Friday.', ['confirmed']],
    ['a passive with a that-clause', 'It was confirmed that the plant would close.', ['confirmed']],
    ['a noun that introduces what was said', 'The council rejected his claim that the land was his.', ['claim']],
    ['a gerund after a possessive', 'The video shows her mocking the plan at a rally.', ['mocking']],
    ['a speaker nobody names', 'No one admits the plan has failed.', ['admits']],
    ['a threat made by someone', 'The union threatened to strike over pay.', ['threatened']],
    ['a past participle as a modifier', 'The mayor dropped his threatened bid for the seat.', ['threatened']],
  ])('flags %s', (_name, text, expected) => {
    expect(verbs(text)).toEqual(expected);
  });

  it.each([
    ['a noun after a possessive pronoun', 'The council rejected his claim outright.'],
    ['a noun after a possessive name', 'Nobody believed the pastor’s claims about the fire.'],
    ['a noun after an article', 'The claims tend to fall flat with older voters.'],
    ['a modifier after an article', 'The winner took the bragging rights and the trophy.'],
    ['winning, not saying', 'The senator claimed the nomination on the first ballot.'],
    ['winning with its object further on', 'Ortiz won the county, claiming his third victory of the month.'],
    ['admission, not confession', 'The country will admit more refugees next year.'],
    ['admission in the passive', 'Only a few families have been admitted this year.'],
    ['a hospital’s privileges', 'Doctors at the clinic must have admitting privileges nearby.'],
    ['an appointment, not a statement', 'The judge was confirmed 92 to 0 in the spring.'],
    ['a vote by the Senate', 'She was nominated in March and confirmed by the Senate in May.'],
    ['a guarantee', 'With most counties counted, the mayor is assured of a second term.'],
    ['competing, not arguing', 'Three candidates will contend for the seat in May.'],
    ['endangering, not threatening anyone', 'Critics said the plan threatens national security.'],
    ['a phrase about rounds', 'The joke making the rounds on the radio was about the mayor.'],
  ])('does not flag %s', (_name, text) => {
    expect(verbs(text)).toEqual([]);
  });
});

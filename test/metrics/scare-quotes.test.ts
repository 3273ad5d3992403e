import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { runMetrics } from '../../src/core/metrics/index.ts';
import { lexicons } from '../helpers.ts';

/** The quotations of `text` the rule calls scare quotes, as written. */
function scareQuotes(text: string): string[] {
  const article = segmentArticle(text, lexicons.abbreviations);
  const findings = runMetrics(article, lexicons, {}).loadedLanguage.findings.filter((f) => f.category === 'scare-quote');
  return findings.map((f) => text.slice(f.start, f.end));
}

describe('scare quotes: the writer keeps a short phrase at a distance, and no one is given for it', () => {
  it.each([
    ['a word the writer doubts', 'The council went ahead with its "reform" of the bin service.', ['"reform"']],
    ['irony, in a single quotation mark', 'The club\u2019s \u2018investigation\u2019 into the fixed matches lasted two days.', ['\u2018investigation\u2019']],
    ['a euphemism', 'Detainees were held at a "processing centre" with no beds.', ['"processing centre"']],
    ['so-called before the marks, which only adds to the distance', 'The firm hired so-called "experts" for the review.', ['"experts"']],
    ['a phrase two sentences after a report was read', 'The report was read in May. It named four branches. Residents then had a "consultation" of three weeks.', ['"consultation"']],
    ['a quotation of five words is someone\u2019s words, not distance', 'The plan offered "a new start for the town" to residents.', []],
  ])('flags %s', (_name, text, expected) => {
    expect(scareQuotes(text)).toEqual(expected);
  });

  it.each([
    ['a speaker before it in its sentence', 'The mayor said the plan was "reckless" on Monday.'],
    ['a speaker right after the comma that closes it', 'The scheme was "badly rushed", the auditor said.'],
    ['a colon before it', 'The verdict of the review: "unworkable".'],
    ['a speech event in the sentence before', 'The minister gave a long briefing on Monday. The cuts were "unavoidable" and would start in May.'],
    ['a cue opening the next sentence', 'The scheme had been "badly rushed". She said the council would review it.'],
    ['the same words quoted in someone\u2019s voice elsewhere', 'Council "reckless", says mayor\n\n"It is reckless," the mayor told reporters.'],
  ])('does not flag a phrase someone says: %s', (_name, text) => {
    expect(scareQuotes(text)).toEqual([]);
  });

  it.each([
    ['a term being defined (known as)', 'The levy, known as the "window tax", was dropped in 1851.'],
    ['a term being named (dubbed)', 'The plan, dubbed "Operation Lantern", starts in June.'],
    ['"as" after a naming verb', 'The singer, known to fans as "Sparrow", cancelled her tour.'],
    ['a word cited as a word', 'The word "hygge" entered the dictionary in 2017.'],
    ['a title (capitalised words)', 'The band closed with "Summer of the Sea" on Friday.'],
    ['a lower-case title after its kind', 'Her album "quiet rooms" entered the chart at number two.'],
    ['a nickname inside a name', 'Jimmy "the Bull" Carver retired from the ring in 1998.'],
    ['a credit rating', 'The agency cut the bank to \u2018BB+\u2019 on Friday.'],
    ['a storm category', 'The storm reached "Category 4" before landfall.'],
    ['the words on a sign', 'Pupils held up placards reading "save our school" at the gates.'],
    ['a term glossed right after', 'The firm\u2019s "burn rate", the money it spends each month, doubled.'],
    ['a whole utterance', 'He turned to the cameras and mouthed, "Thank you."'],
  ])('does not flag quotation marks that do something else: %s', (_name, text) => {
    expect(scareQuotes(text)).toEqual([]);
  });

  it('still flags a capitalised phrase in a title-case headline, where capitals say nothing', () => {
    expect(scareQuotes('Council Unveils Its "Fair Deal" For Tenants\n\nThe council published its housing plan on Monday.')).toEqual(['"Fair Deal"']);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.ts';
import { lexicons, loadedFindingsOf } from '../helpers.ts';

const scareQuotes = (text: string): string[] => loadedFindingsOf(text, 'scare-quote');

describe('scare quotes: the writer keeps a short phrase at a distance, and no one is given for it', () => {
  it.each([
    ['a word the writer doubts', 'The council went ahead with its "reform" of the bin service.', ['"reform"']],
    ['irony, in a single quotation mark', 'The club\u2019s \u2018investigation\u2019 into the fixed matches lasted two days.', ['\u2018investigation\u2019']],
    ['a euphemism', 'Detainees were held at a "processing centre" with no beds.', ['"processing centre"']],
    ['so-called before the marks, which only adds to the distance', 'The firm hired so-called "experts" for the review.', ['"experts"']],
    ['a phrase two sentences after a report was read', 'The report was read in May. It covered four branches. Residents then had a "consultation" of three weeks.', ['"consultation"']],
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

  it.each([
    ['a list of three or more quotations', 'Her campaign has moved from "fair rents" to "homes first," "local jobs" and "safer streets."'],
    ['two quotations named as alternatives', 'Pupils are graded "secure" or "developing" in each subject.'],
    ['a noun after it that says what the words are (a remark)', 'The minister\u2019s "tighten your belts" remark drew jeers in the chamber.'],
    ['a noun after it that says what the words are (shirts)', 'Fans wore "save our ground" shirts to the match.'],
    ['a slogan opening on a capital inside a sentence', 'The "Yes to trams" vote won by 400 ballots.'],
    ['a term built on an acronym', 'The bill caps donations to "dark money PACs" at $5,000.'],
    ['an exclamation', 'Each box came with a "thanks for shopping local!" in gold ink.'],
    ['an interjection with commas inside', 'He answers every question about the budget with a weary "well, well, well" and a shrug.'],
    ['an editor\u2019s brackets inside, which mark someone\u2019s words', 'Aides were heard celebrating the governor "turning [the vote] around" that night.'],
    ['a translation', 'The team\u2019s motto, "Avanti," is Italian for "forward."'],
    ['a translation from a language that is no nationality', 'The school\u2019s crest reads Lux, Latin for "light."'],
    ['words swapped for other words', 'The new guide swaps "elderly" for "older" and "victim" for "survivor."'],
    ['a term glossed after a comma inside the closing mark', 'He served as the prime minister\u2019s "sherpa," or envoy, at the summit.'],
    ['a self-description', 'A self-described "news junkie," the judge reads six papers a day.'],
    ['a phrase quoted earlier as a defined term', 'The levy, known as the "bag tax", raised \u00a32m. This year the "bag tax" will double.'],
  ])('does not flag quotation marks that name, list or cite: %s', (_name, text) => {
    expect(scareQuotes(text)).toEqual([]);
  });

  it.each([
    ['a verb of saying before it', 'The coach vented that the referees had been "utterly clueless" all season.'],
    ['"as one aide put it"', 'As one aide put it, the launch was a "slow-motion car crash".'],
    ['a promise', 'The mayor\u2019s promise of "cheaper buses" has not been kept.'],
    ['a naming verb earlier in its sentence', 'Her spokesman calls the budget a "lifeline" for small firms.'],
    ['"as" after a framing verb some words back', 'The campaign positioned the senator as a "fresh voice".'],
    ['"in the words of" right after it', 'She dislikes "surprises," in the words of one adviser, and plans every visit.'],
    ['a speaker\u2019s label and a colon opening a headline', 'Mayor Hale: budget cuts \u2018reckless\u2019 and rushed'],
    ['an interview answer', 'A: We cut the "waste" first, and then the posts.'],
    ['"according to" a person at the end of its sentence', 'The campaign pays "dozens" of students to knock on doors, according to a campaign official.'],
    ['an "as" clause naming a speaker after it', 'She won, and not as a "regional" candidate, as her rival\u2019s manager had suggested in May.'],
  ])('does not flag a phrase whose speaker its sentence gives: %s', (_name, text) => {
    expect(scareQuotes(text)).toEqual([]);
  });

  it.each([
    ['two quotations joined by "and" (a list needs three)', 'The council\u2019s "reform" and "modernisation" closed five libraries.', ['"reform"', '"modernisation"']],
    ['a participle of saying after an article, which says no one spoke', 'The promised "digital hub" is four laptops in a corner.', ['"digital hub"']],
    ['"according to" invoices, which vouch for facts but coin no phrase', 'The "experts" spent two days in the county, according to invoices released under the act.', ['"experts"']],
    ['a colon later in the sentence, which labels no speaker', 'The council\u2019s "reform" began at noon: residents were not told.', ['"reform"']],
    ['an "as" clause that names no speaker', 'The "reform" went ahead, as planned, in May.', ['"reform"']],
  ])('still flags %s', (_name, text, expected) => {
    expect(scareQuotes(text)).toEqual(expected);
  });

  describe('a quotation in the headline', () => {
    it('is left to the headline check, which flags it when the body never attributes the words', () => {
      const text = 'Mayor \u2018not sure\u2019 about the tram plan\n\nThe mayor met residents on Monday to discuss the tram plan, which would run from the station to the hospital.';
      expect(scareQuotes(text)).toEqual([]);
      const flags = analyze(text, { lexicons, baseline: false }).summary.headline?.flags ?? [];
      expect(flags.map((f) => [f.code, f.text])).toEqual([['unattributed-quote', '\u2018not sure\u2019']]);
    });

    it('is a headline only where the block roles find one: a one-sentence lede is the body', () => {
      const lede = 'The party’s "independent" review was carried out by two of its own donors.\n\nThe review will be published in May, the party said.';
      expect(scareQuotes(lede)).toEqual(['"independent"']);
    });

    it('is a scare quote when the body keeps the same phrase at a distance', () => {
      const text = 'The council\u2019s "reform" of the libraries\n\nThe council went ahead with its "reform" of the library service in May.';
      expect(scareQuotes(text)).toEqual(['"reform"', '"reform"']);
    });
  });
});

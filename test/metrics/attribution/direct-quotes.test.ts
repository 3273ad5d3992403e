import { describe, expect, it } from 'vitest';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findDirectQuotes } from '../../../src/core/metrics/attribution/direct-quotes.ts';
import { findingRow } from './render.ts';
import { scanOf } from './scan-of.ts';

function quoteRows(text: string): { rows: string[]; claimed: number[] } {
  const scan = scanOf(text);
  const { findings, claimed } = findDirectQuotes(scan, findCues(scan));
  return { rows: findings.map((finding) => findingRow(scan, finding)), claimed: [...claimed] };
}

describe('findDirectQuotes', () => {
  it.each([
    ['speaker after the quote', '"We see no grounds for optimism at this stage," Peskov said.', ['direct Peskov|said|"We see no grounds for optimism at this stage,"']],
    [
      'inverted speaker with an appositive',
      '"The door remains open to talks with everyone," said Sergei Lavrov, Russia\'s foreign minister.',
      ['direct Sergei Lavrov, Russia\'s foreign minister|said|"The door remains open to talks with everyone,"'],
    ],
    ['speaker before, with a colon', 'Peskov told reporters: "There will be no talks this week, and nobody should expect them."', ['direct Peskov|told|"There will be no talks this week, and nobody should expect them."']],
    ['a headline speaker with no cue', 'Lavrov: "We are ready to talk."', ['direct Lavrov|-|"We are ready to talk."']],
    ['a split quote is one attribution', '"We will not give up," Zelensky said, "and we will rebuild every town."', ['direct Zelensky|said|"We will not give up," Zelensky said, "and we will rebuild every town."']],
    ['a short quote inside a sentence is left to reported speech', 'The plan was "dead on arrival," Peskov said.', []],
    [
      'a quotation paragraph with no cue continues the speaker',
      '"Nobody wants a war," Peskov told reporters.\n\n"But we will defend our interests if we must, as we always have."',
      ['direct Peskov|told|"Nobody wants a war,"', 'continues|"But we will defend our interests if we must, as we always have."'],
    ],
    [
      'but not across a paragraph of narration',
      '"Nobody wants a war," Peskov told reporters.\n\nThe talks went on.\n\n"But we will defend our interests if we must, as we always have."',
      ['direct Peskov|told|"Nobody wants a war,"'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(quoteRows(text).rows).toEqual(expected);
  });

  it('claims the cues it attributes, and only those', () => {
    expect(quoteRows('"We will fight on and on until the end," Peskov said. The minister said the talks were over.').claimed).toEqual([1, 0]);
    expect(quoteRows('The plan was "dead on arrival," Peskov said.').claimed).toEqual([0]);
  });
});

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
    ["two apostrophes quote as double marks do (NYT style)", "''The ferry will run again,'' Mr. Holt said.", ["direct Mr. Holt|said|''The ferry will run again,''"]],
    ['two backticks open a quote', '``The ferry will run again this summer,\'\' Holt said.', ["direct Holt|said|``The ferry will run again this summer,''"]],
    ['a speaker with a relative clause between commas', '"The ferry will run again," Anna Berg, who runs the harbour cafe, told reporters.', ['direct Anna Berg|told|"The ferry will run again,"']],
    ['whom the speaker told is no inverted speaker', '"The ferry will run again," told reporters at the pier.', []],
    ['an inverted role with the body it speaks for', '"The ferry will run again this summer," said a spokeswoman for the harbour board.', ['direct a spokeswoman for the harbour board|said|"The ferry will run again this summer,"']],
    ['but not where and how it was said', '"The ferry will run again this summer," said the council in a statement.', ['direct the council|said|"The ferry will run again this summer,"']],
    ['a frame names the speaker before the quote', 'In Holt\'s words, "the ferry is the lifeline of this town and always will be."', ['direct Holt\'s|-|"the ferry is the lifeline of this town and always will be."']],
    ['or after it', '"The ferry is the lifeline of this town," as the mayor put it.', ['direct the mayor|-|"The ferry is the lifeline of this town,"']],
    ['a one-word reply right after its cue and comma', 'Asked whether the ferry would run, Berg shook her head and said, "No."', ['direct Berg|said|"No."']],
    ['a framed fragment is mixed', 'The plan was, as Holt put it, "a disaster."', ['mixed Holt|-|"a disaster."']],
    ['no frame without its speaker right there', 'As the weather put it beyond doubt, "the ferry is the lifeline of this town."', []],
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

  it.each([
    ['a quote that goes on after its cue', '"Yes," Holt said. "The ferry will run again this summer. We have the money."', ['direct Holt|said|"Yes," Holt said. "The ferry will run again this summer. We have the money."']],
    [
      'across a time phrase and a quoted title in the cue\'s sentence',
      '"We will rebuild the pier," Holt said on Monday on "Harbour Hour." "Then the boats can come back."',
      ['direct Holt|said|"We will rebuild the pier," Holt said on Monday on "Harbour Hour." "Then the boats can come back."'],
    ],
    [
      'to a quote left open at the paragraph\'s end, then the next paragraph continues',
      '"The harbour is our life," said Jane Holt, the mayor. "Without it the town would empty.\n\n"Nobody here wants that."',
      ['direct Jane Holt, the mayor|said|"The harbour is our life," said Jane Holt, the mayor. "Without it the town would empty.', 'continues|"Nobody here wants that."'],
    ],
    ['a cue before, then more quoted sentences', 'Holt told the council: "The ferry will run again." "We have found the money."', ['direct Holt|told|"The ferry will run again." "We have found the money."']],
    [
      'a continued paragraph runs on too',
      '"Nobody wants the ferry to stop," Holt said.\n\n"It carries the children to school." "It brings the doctor."',
      ['direct Holt|said|"Nobody wants the ferry to stop,"', 'continues|"It carries the children to school." "It brings the doctor."'],
    ],
    [
      'not past a quote with its own cue',
      '"Yes," Holt said. "The ferry will run again," Reyes added. "And the bridge will open."',
      ['direct Holt|said|"Yes,"', 'direct Reyes|added|"The ferry will run again," Reyes added. "And the bridge will open."'],
    ],
    ['past a verb in the cue\'s own tag', '"The boats are old," Berg said when asked about the budget. "We need new ones."', ['direct Berg|said|"The boats are old," Berg said when asked about the budget. "We need new ones."']],
    ['past a relative clause on the speaker', '"The boats are old," said Tom Hale, a pilot who wrote to the council. "We need new ones."', ['direct Tom Hale|said|"The boats are old," said Tom Hale, a pilot who wrote to the council. "We need new ones."']],
    ['past a cue word used as a noun', '"The boats are old," Berg said in reply. "We need new ones."', ['direct Berg|said|"The boats are old," Berg said in reply. "We need new ones."']],
    [
      'a cue before a colon introduces the quotation after it, not the one before',
      '"The pier is old," Holt said. "It will fall." Holt added: "The ferry will run again next summer."',
      ['direct Holt|said|"The pier is old," Holt said. "It will fall."', 'direct Holt|added|"The ferry will run again next summer."'],
    ],
    ['not past narration', '"Yes," Holt said. Then she left the hall. "The ferry will run again this summer."', ['direct Holt|said|"Yes,"']],
    ['not past a second speaker in the cue\'s sentence', '"Yes," Holt said, and Reyes warned the council. "The ferry will cost more than anyone thinks."', ['direct Holt|said|"Yes,"']],
    [
      'a second speaker after the cue sentence is no split quote',
      '"Nothing like it was ever found," the judge said. He added, "In this case the rules were bent."',
      ['direct the judge|said|"Nothing like it was ever found,"', 'direct He|added|"In this case the rules were bent."'],
    ],
    [
      'a cue and colon ending the paragraph before',
      'The mayor then told the council:\n\n"The ferry will run again this summer. We have the money."\n\n"Nobody should doubt it."',
      ['direct The mayor|told|"The ferry will run again this summer. We have the money."', 'continues|"Nobody should doubt it."'],
    ],
    ['but not a colon with no cue', 'Here is the list the council read:\n\n"Ferry, bridge, pier."', []],
  ])('a quote that goes on: %s', (_name, text, expected) => {
    expect(quoteRows(text).rows).toEqual(expected);
  });

  it('claims the cues it attributes, and only those', () => {
    expect(quoteRows('"We will fight on and on until the end," Peskov said. The minister said the talks were over.').claimed).toEqual([1, 0]);
    expect(quoteRows('The plan was "dead on arrival," Peskov said.').claimed).toEqual([0]);
  });
});

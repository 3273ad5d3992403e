import { describe, expect, it } from 'vitest';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findDirectQuotes } from '../../../src/core/metrics/attribution/direct-quotes.ts';
import { findingRow, reportedRowsOf as reportedRows } from './render.ts';
import { scanOf } from './scan-of.ts';

function quoteRows(text: string): string[] {
  const scan = scanOf(text);
  return findDirectQuotes(scan, findCues(scan)).findings.map((finding) => findingRow(scan, finding));
}

// Forms of speech verbs that real news writes and the plain readings missed (issue 12), on sentences we wrote.

describe('the question put to a speaker', () => {
  it.each([
    ['an opening "Asked whether" is the reporter\'s question, the answer the speaker\'s', 'Asked whether the ferry would run in winter, Holt said it would.', ['indirect -|Asked|whether the ferry would run in winter', 'indirect Holt|said|it would']],
    ['after "about" the question is its topic', 'Asked about the harbour budget, the mayor said it was balanced.', ['indirect -|Asked|the harbour budget', 'indirect the mayor|said|it was balanced']],
    ['an adjunct before the question word is left out', 'Asked on Monday why the pier was closed, Berg said the beams were rotten.', ['indirect -|Asked|why the pier was closed', 'indirect Berg|said|the beams were rotten']],
    ['"by" names the asker', 'Asked by a local reporter whether she would stand again, Berg smiled.', ['indirect a local reporter|Asked|whether she would stand again']],
    ['"was asked" with a question word', 'Holt was asked how the ferry would pay for itself.', ['indirect -|asked|how the ferry would pay for itself']],
    ['"when asked" after a quotation\'s tag', 'Holt spoke at the pier when asked what the new timetable would cost.', ['indirect -|asked|what the new timetable would cost']],
    ['an active "asked" keeps its speaker', 'Berg asked whether the ferry would run in winter.', ['indirect Berg|asked|whether the ferry would run in winter']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('a participle after a subordinator speaks for the main clause\'s subject', () => {
  it.each([
    ['"by saying" in the middle of a sentence', 'Anna Berg won the vote by saying the ferry would run at night.', ['indirect Anna Berg|saying|the ferry would run at night']],
    ['"while noting that"', 'The harbour board backed the plan while noting that the money was short.', ['attitude The harbour board|backed|the plan', 'indirect The harbour board|noting that|the money was short']],
    ['an opening clause ends at its comma, its subject after it', 'After saying she was tired of the delays, the mayor left the pier.', ['indirect the mayor|saying|she was tired of the delays']],
    ['a pronoun after the opening clause', 'Before announcing the new timetable, she thanked the crew.', ['indirect she|announcing|the new timetable', 'summary she|thanked|thanked the crew']],
    ['"for saying" is left out: the one criticised said it', 'The board criticised Holt for saying the ferry was late.', ['summary The board|criticised|criticised Holt for saying the ferry was late']],
    ['a word that starts other sentences is no subject', 'That is what Holt meant by saying the pier was unsafe.', []],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('subjects far from their verb', () => {
  it.each([
    ['a name before a long appositive with a participle', 'Anna Berg, wearing a yellow coat and a harbour badge, said she was proud of the crew.', ['indirect Anna Berg|said|she was proud of the crew']],
    ['a name before an age and a role with "of" and "and"', 'Berg, 35, a daughter of a fisherman and a teacher who has crewed the ferry, said on Monday that she would stand.', ['indirect Berg|said|she would stand']],
    ['the subject after an opening subordinate clause', 'Even though the ferry is cheap, the riders say the timetable is too thin.', ['indirect the riders|say|the timetable is too thin']],
    ['a counted subject after an opening clause', 'And until the pier closed, most of the riders said they were happy.', ['indirect most of the riders|said|they were happy']],
    ['a quotation in the stretch is no appositive', 'Holt, after the crew had read "the notice" aloud to the riders, said the pier was closed.', []],
    ['an introductory phrase is no name', 'In Dover, where the pier stands on old oak beams, officials said the work was done.', ['vague officials said|the work was done|unaligned|anonymous']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('"told" and "but said"', () => {
  it.each([
    ['a postposed "told" with the outlet told', 'The pier had been closed since May, a harbour spokesman told The Dover Herald.', ['indirect a harbour spokesman|told|The pier had been closed since May']],
    ['a postposed "told" with a pronoun told', 'The ferry would run again soon, the mayor told her.', ['indirect the mayor|told|The ferry would run again soon']],
    ['a postposed "told reporters" with a time', 'The pier is safe, Anna Berg told reporters on Monday.', ['indirect Anna Berg|told|The pier is safe']],
    ['"but told" shares the subject of the first verb', 'Holt did not name the captain, but told reporters the ferry was late.', ['indirect Holt|told|the ferry was late']],
    ['"but said" after another cue', 'Anna Berg admitted that the timetable was wrong, but said the ferry would run.', ['indirect Anna Berg|admitted|the timetable was wrong', 'indirect Anna Berg|said|the ferry would run']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('a role inside an appositive is not the speaker', () => {
  it.each([
    ['the name opening the sentence speaks, not the committee of its role', 'Martin Avery, a Republican on the harbour committee, praised the bill but said the cost worried him.', ['summary Martin Avery|praised|praised the bill', 'indirect Martin Avery|said|the cost worried him']],
    ['a name with its role keeps both', "Sergei Lavrov, Russia's foreign minister, said the talks were over.", ["indirect Sergei Lavrov, Russia's foreign minister|said|the talks were over"]],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('negated and modal speech verbs', () => {
  it.each([
    ['"would only say that"', 'Holt would only say that the ferry was late.', ['indirect Holt|say|the ferry was late']],
    ['"isn\'t saying" with a question', "Holt isn't saying what the ferry will cost.", ["indirect Holt|saying|what the ferry will cost"]],
    ['"can now say"', 'The mayor can now say that the pier is safe.', ['indirect The mayor|say|the pier is safe']],
    ['a quantifier opening the subject stays in it', 'Only half of the riders say the new timetable works.', ['indirect Only half of the riders|say|the new timetable works']],
    ['"wasn\'t told" is passive', "The crew wasn't told the pier was closed.", []],
    ['a refusal keeps the question it leaves open', 'Holt declined to say whether the ferry would run.', ['non-response Holt|declined to say|whether the ferry would run']],
    ['a refusal with no question has no content', 'The board declined to comment.', ['non-response The board|declined to comment|-']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('speech inside an opening subordinate clause', () => {
  it.each([
    ['the clause\'s comma ends what was said', 'While Berg said the pier was safe, the board closed it.', ['indirect Berg|said|the pier was safe']],
    ['the subordinator is no part of the speaker', 'Though Anna Berg has described herself as a sailor, the paper said she never sailed.', ['indirect Anna Berg|described|herself as a sailor', 'indirect the paper|said|she never sailed']],
    ['after a connective too', 'But after Holt said the ferry was late, the riders left.', ['indirect Holt|said|the ferry was late']],
    ['a comma before the verb leaves the clause: the main clause speaks', 'When the storm hit, she said the pier would hold, and it did.', ['indirect she|said|the pier would hold, and it did']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('long speaker phrases after the content', () => {
  it.each([
    ['an inverted name with a relative clause after it', 'The pier is unsafe, said Anna Berg, who has run the harbour board since May.', ['indirect Anna Berg|said|The pier is unsafe']],
    ['an inverted name with a role and its relative clause', 'The pier is unsafe, said Anna Berg, the director of the Harbour Trust, which runs the pier.', ['indirect Anna Berg|said|The pier is unsafe']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('a quotation\'s speaker with a long appositive before the verb', () => {
  it.each([
    ['a name, an age and a role, then the verb', '"The pier is unsafe," Anna Berg, 52, a retired teacher from the north of Dover, said in an interview.', ['direct Anna Berg, 52|said|"The pier is unsafe,"']],
    ['a name and a relative clause, then the verb', '"The pier is unsafe," Anna Berg, who has run the harbour board since May and sailed the ferry for years, said on Monday.', ['direct Anna Berg|said|"The pier is unsafe,"']],
    ['no comma before the verb: no speaker from this rule', '"The pier is unsafe," Anna Berg, who has run the harbour board since May and then said nothing.', []],
  ])('%s', (_name, text, expected) => {
    expect(quoteRows(text)).toEqual(expected);
  });
});

describe('a verb in the next sentence is no tag of the quotation before it', () => {
  it.each([
    ['a verb with a clause of its own is left to reported speech', 'Holt says the game is "soft." He says the referees are weak.', []],
    ['a verb with only a time after it is still the tag', '"The pier is unsafe." Holt said on Monday.', ['direct Holt|said|"The pier is unsafe."']],
    ['a question and its tag', '"Why?" he asked.', ['direct he|asked|"Why?"']],
  ])('%s', (_name, text, expected) => {
    expect(quoteRows(text)).toEqual(expected);
  });
});

describe('an introductory phrase is no postposed content', () => {
  it.each([
    ['a long phrase opened by a preposition', 'In a press release earlier this month, the harbour committee said the pier was safe.', ['indirect the harbour committee|said|the pier was safe']],
    ['a few adverbs', 'More recently, Holt pledged to make the ferry run at night.', ['summary Holt|pledged|pledged to make the ferry run at night']],
    ['a clause before the comma is still content', 'The pier is unsafe, the mayor said.', ['indirect the mayor|said|The pier is unsafe']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('a tag inside its sentence', () => {
  it.each([
    ['the content is the whole sentence around the tag', 'The question of whether to close the pier, she said, is not so simple.', ['indirect she|said|The question of whether to close the pier, she said, is not so simple']],
    ['a tag after the speaker at the start is no parenthesis', 'Berg said, however, that the pier was safe.', ['indirect Berg|said|however, that the pier was safe']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('frames and postposed speakers after a clause\'s comma', () => {
  it.each([
    ['a postposed outlet after a phrase ending in a speaker noun', 'The pilot worked as a geologist for the mining company, the BBC reported.', ['indirect the BBC|reported|The pilot worked as a geologist for the mining company']],
    ['"as" opening the sentence frames the clause after its comma', 'As the Dover Herald reported on Monday, the ferry was late.', ['indirect the Dover Herald|reported|the ferry was late']],
    ['"as" after a comma frames the clause before it', 'The ferry was late, as the Dover Herald reported.', ['indirect the Dover Herald|reported|The ferry was late']],
    ['a saying', 'As they say, the tide waits for no one.', ['indirect they|say|the tide waits for no one']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

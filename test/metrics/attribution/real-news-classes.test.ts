import { describe, expect, it } from 'vitest';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findDirectQuotes } from '../../../src/core/metrics/attribution/direct-quotes.ts';
import { findingRow, reportedRowsOf as reportedRows } from './render.ts';
import { scanOf } from './scan-of.ts';

// Classes of attribution that real news writes and the first rules missed (issue 12), each on sentences we wrote.

function quoteRows(text: string): string[] {
  const scan = scanOf(text);
  return findDirectQuotes(scan, findCues(scan)).findings.map((finding) => findingRow(scan, finding));
}

describe('speakers the noun phrases alone did not find', () => {
  it.each([
    ['a connective opening the sentence is no part of the speaker', 'But ferry riders still say the timetable is too thin.', ['indirect ferry riders|say|the timetable is too thin']],
    ['a counted subject with "about"', 'About 4 in 10 say the ferry should run at night.', ['indirect About 4 in 10|say|the ferry should run at night']],
    ['a counted subject with "only half of"', 'Only half of the riders say the new timetable works.', ['indirect Only half of the riders|say|the new timetable works']],
    ['an adverb between the name and the verb', 'Anna Berg still says the pier is unsafe.', ['indirect Anna Berg|says|the pier is unsafe']],
    ['an inverted role phrase the speaker words lack', 'The pier is unsafe, said the spokesman for the harbour board.', ['indirect the spokesman for the harbour board|said|The pier is unsafe']],
    ['an inverted speaker with an age', 'The pier is unsafe, said the 46-year-old.', ['indirect the 46-year-old|said|The pier is unsafe']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('attitude cues for positions and choices', () => {
  it.each([
    ['backing a plan', 'Anna Berg backed the plan to buy a second ferry.', ['attitude Anna Berg|backed|the plan to buy a second ferry']],
    ['a vote for a candidate', 'Thirty-seven percent would vote for the mayor.', ['attitude Thirty-seven percent|vote for|the mayor']],
    ['a focus', 'The harbour board will focus on the winter timetable.', ['attitude The harbour board|focus on|the winter timetable']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('quotations with the writer\'s words around them', () => {
  it.each([
    ['a participle in the tag does not end the speech', '"The pier is unsafe," said Anna Berg, referring to the east jetty. "We will close it on Monday and repair it over the winter."', ['direct Anna Berg|said|"The pier is unsafe," said Anna Berg, referring to the east jetty. "We will close it on Monday and repair it over the winter."']],
    ['the subject before a parenthetical speaker is part of a mixed quote', 'The east jetty, Anna Berg said, "is a danger to every child in town" this winter.', ['mixed Anna Berg|said|The east jetty, Anna Berg said, "is a danger to every child in town"']],
    ['a lead-in before a quotation whose cue follows it', 'Still, the riders are "barely keeping up with the fares," Holt said from his office.', ['mixed Holt|said|Still, the riders are "barely keeping up with the fares,"']],
    ['a quotation opening its sentence stays direct', '"The pier is unsafe," Holt said.', ['direct Holt|said|"The pier is unsafe,"']],
  ])('%s', (_name, text, expected) => {
    expect(quoteRows(text)).toEqual(expected);
  });
});

describe('a poll named in an opening phrase', () => {
  it.each([
    ['the poll is the source of the clause after its comma', 'In a harbour poll released Monday, 50 percent of riders chose the mayor.', ['indirect a harbour poll released Monday|In|50 percent of riders chose the mayor']],
    ['a place is no source', 'In the harbour town, 50 percent of riders chose the mayor.', []],
    ['at the end of a sentence the polls are where, not who', 'The mayor is ahead in the latest polls.', []],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('speech acts that name what was said', () => {
  it.each([
    ['reminding an audience, then the clause', 'Berg reminded viewers that the ferry was late.', ['indirect Berg|reminded|the ferry was late']],
    ['pointing to evidence', 'Berg pointed to the harbour survey as proof.', ['summary Berg|pointed to|pointed to the harbour survey as proof']],
    ['offering few details', 'Berg offered few details about the pier.', ['summary Berg|offered|offered few details about the pier']],
    ['attacking a rival', 'Berg attacked the mayor over the pier.', ['summary Berg|attacked|attacked the mayor over the pier']],
    ['the plural noun is no cue', 'The attacks on the pier continued for a week.', []],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('verbs of regard with "as"', () => {
  it.each([
    ['a counted subject sees a body as something', 'Most riders see the harbour board as too slow.', ['attitude Most riders|see|the harbour board as too slow']],
    ['a pronoun views a plan as a mistake', 'She views the pier plan as a costly mistake.', ['attitude She|views|the pier plan as a costly mistake']],
    ['a portrayal with "as"', 'Holt cast his rival as a puppet of the harbour board.', ['attitude Holt|cast|his rival as a puppet of the harbour board']],
    ['literal seeing is no cue', 'She saw the ferry leave the harbour.', []],
    ['"as" opening a clause with a pronoun is when, not what', 'She saw the ferry leave as they arrived.', []],
    ['the passive names nobody', 'Berg is seen as a uniter.', []],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('documents and polls with a long opening phrase', () => {
  it.each([
    ['a poll with a participle phrase between commas', 'A harbour poll, conducted jointly with two firms, shows Berg with 47 percent.', ['indirect A harbour poll, conducted jointly with two firms|shows|Berg with 47 percent']],
    ['results of polls run by a firm', 'Results of exit polls conducted by a Dover firm show most riders want a new ferry.', ['indirect Results of exit polls conducted by a Dover firm|show|most riders want a new ferry']],
    ['an audit with its date', 'The harbour audit published Tuesday showed that most repairs were late.', ['indirect The harbour audit published Tuesday|showed that|most repairs were late']],
    ['an introductory phrase naming a report is no subject', 'In the report, the riders show no interest.', []],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('a subject opening the sentence that the speaker phrases do not know', () => {
  it.each([
    ['a name with a long appositive', 'Berg, a councillor from the north shore and a self-described sailor, said the ferry is the town\'s lifeline.', ['indirect Berg|said|the ferry is the town\'s lifeline']],
    ['a role with what it knows', 'A harbour official familiar with the inquiry said that charges would be difficult.', ['indirect A harbour official familiar with the inquiry|said|charges would be difficult']],
    ['a name and its relative clause', 'Holt, who has run the board since the spring, has said the ferry will be sold.', ['indirect Holt|said|the ferry will be sold']],
    ['a clause with its own verb is no subject', 'The board struggled on Tuesday to explain the new fares.', []],
    ['an opening participle is no subject', 'Using a crude word, the protester said nothing.', []],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('vague sources that name no one', () => {
  it.each([
    ['"it is said" has no speaker phrase', 'It is said that the ferry is late.', ['vague -|the ferry is late|unaligned|anonymous']],
    ['"reportedly" has no speaker phrase', 'The mayor reportedly sold the ferry.', ['vague -|sold the ferry|unaligned|anonymous']],
    ['a group named in the cue is its speaker', 'Critics say the ferry is late.', ['vague Critics say|the ferry is late|unaligned|anonymous']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('the writer\'s adverb before a verb', () => {
  it('ends no opening subject', () => {
    expect(reportedRows('Harbour officials clearly hoped the talks would resume.')).toEqual([]);
  });
});

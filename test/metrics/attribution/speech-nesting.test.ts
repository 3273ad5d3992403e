import { describe, expect, it } from 'vitest';
import { quotedAndReportedRowsOf } from './render.ts';

// Classes of speech-verb attributions found on real news, each on sentences we wrote: one speech act nested in
// another is two attributions, and the words around a verb (adverbs, long adjuncts) are nobody's speech.
describe('speech verbs: a relative clause with a cue of its own is a second attribution', () => {
  it.each([
    ['", which she said" ends the main verb\'s content', 'The mayor praised the plan, which she said would save money.', ['summary The mayor|praised|praised the plan', 'indirect she|said|would save money']],
    ['", which critics say" ends it too', 'Holt praised the plan, which critics say will cost jobs.', ['summary Holt|praised|praised the plan', 'vague critics say|will cost jobs|unaligned|anonymous']],
    ['a relative clause between commas ends at its comma', 'The deal, which Holt said was final, collapsed on Friday.', ['indirect Holt|said|was final']],
    ['a relative clause without a cue stays in the content', 'Holt said the ferry would run, which angered the council.', ['indirect Holt|said|the ferry would run, which angered the council']],
  ])('%s', (_name, text, expected) => {
    expect(quotedAndReportedRowsOf(text)).toEqual(expected);
  });
});

describe('speech verbs: what stands between the verb and its clause', () => {
  it.each([
    ['a long adjunct closed by ", that"', 'Cruz said Thursday during a taping of a town hall meeting in Buffalo, New York, that the state was wrong.', ['indirect Cruz|said|the state was wrong']],
    ['a long adjunct with no "that" reports nothing', 'Holt spoke for an hour at a rally in the old mill town of Dover in Kent, a place that voted for him.', []],
    ['a sentence adverb without a comma is no part of the speaker', 'Then Holt said the ferry would run late.', ['indirect Holt|said|the ferry would run late']],
    ['nor is "Meanwhile" before a name', 'Meanwhile Anna Berg said the pier was safe.', ['indirect Anna Berg|said|the pier was safe']],
  ])('%s', (_name, text, expected) => {
    expect(quotedAndReportedRowsOf(text)).toEqual(expected);
  });
});

describe('speech verbs: acts that news reports with their object', () => {
  it.each([
    ['call before an object pronoun names or characterises', 'Critics call it a giveaway to the rich.', ['summary Critics|call it|call it a giveaway to the rich']],
    ['bare call is the noun', 'The call came late on Friday.', []],
    ['challenged with its object', 'Holt challenged Berg to a debate before the vote.', ['summary Holt|challenged|challenged Berg to a debate before the vote']],
    ['a challenge is the noun', 'The challenge for the council is money.', []],
    ['released with what was given out', 'The harbour trust released its findings on Monday.', ['summary The harbour trust|released|released its findings on Monday']],
    ['a participle after a common noun describes it', 'Holt spent two days in the county, according to invoices released under the records law.', ['indirect invoices released under the records law|according to|Holt spent two days in the county']],
    ['posted with a that-clause', 'Holt posted on Twitter that the ferry would run.', ['summary Holt|posted|posted on Twitter that the ferry would run']],
    ['a participle in a document\'s phrase leaves the document its verb', 'A poll released Monday found that most riders want a new ferry.', ['indirect A poll released Monday|found that|most riders want a new ferry']],
    ['joking that after a comma', 'Holt barely mentioned the ferry, joking that timetables bore everyone.', ['indirect Holt|mentioned|the ferry', 'indirect Holt|joking that|timetables bore everyone']],
  ])('%s', (_name, text, expected) => {
    expect(quotedAndReportedRowsOf(text)).toEqual(expected);
  });
});

describe('colon introductions: a transcript names its speakers with a label', () => {
  const transcript = 'The two spoke for an hour.\n\nMatthews: Seriously, the plan is to pay for it with a new tax on trades.\n\nAnna Berg: People hear speculation and each of them thinks of something else.\n\nMatthews: Well, speculation is bad.';
  const interview = 'The interview was edited for length.\n\nQ: You were fourteen years old when it happened. What did you find?\n\nA: I came home from school and my parents were gone.';
  const lists = 'Who the insiders are.\n\nThe names come from our own files.\n\nHere they are, by state.\n\nIowa: Anna Berg, Tom Holt, Sam Reyes, Jo Park, Lee Dunn.\n\nKent: Ann Marsh, Bob Frey, Cy Long, Di Moss, Ed Kane.';
  it.each([
    ['names in mixed case, in two paragraphs or more', transcript, ['direct Matthews|-|Seriously, the plan is to pay for it with a new tax on trades', 'direct Anna Berg|-|People hear speculation and each of them thinks of something else']],
    ['Q and A are the speakers of an interview', interview, ['direct Q|-|You were fourteen years old when it happened. What did you find?', 'direct A|-|I came home from school and my parents were gone']],
    ['a list of names under labels is nobody\'s speech', lists, []],
  ])('%s', (_name, text, expected) => {
    expect(quotedAndReportedRowsOf(text)).toEqual(expected);
  });
});

describe('quotations that go on', () => {
  it.each([
    ['after a connective opening the next sentence', '“I do not think it is do or die,” he said outside the hall. But “the ferry is stronger with the mayor behind it.”', ['direct he|said|“I do not think it is do or die,” he said outside the hall. But “the ferry is stronger with the mayor behind it.”']],
    ['a quotation cut off by its tag goes on after the tag\'s comma', '“Only you, Holt,” she said, would stand up for the old ferry.', ['mixed she|said|“Only you, Holt,” she said, would stand up for the old ferry']],
    ['an adverb after the tag\'s comma is the writer\'s', '“Yes,” she said, then left the room.', ['direct she|said|“Yes,”']],
    ['a connective before narration ends the quotation', '“Yes,” Holt said. But Berg disagreed.', ['direct Holt|said|“Yes,”']],
  ])('%s', (_name, text, expected) => {
    expect(quotedAndReportedRowsOf(text)).toEqual(expected);
  });
});

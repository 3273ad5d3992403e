import { describe, expect, it } from 'vitest';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findDirectQuotes } from '../../../src/core/metrics/attribution/direct-quotes.ts';
import { findReportedSpeech } from '../../../src/core/metrics/attribution/reported-speech.ts';
import { findingRow } from './render.ts';
import { scanOf } from './scan-of.ts';

/** Reported speech after the direct quotations, as the pipeline runs them; `cueAndContent` drops the speaker (another pass's business). */
function rows(text: string, cueAndContent = false): string[] {
  const scan = scanOf(text);
  const cues = findCues(scan);
  const quoted = findDirectQuotes(scan, cues);
  const rendered = findReportedSpeech(scan, cues, quoted.claimed, quoted.findings).findings.map((finding) => findingRow(scan, finding));
  return cueAndContent ? rendered.map((row) => row.replace(/^(\w+(?:-\w+)?) [^|]*\|/, '$1 ')) : rendered;
}

describe('reported speech: content before the cue', () => {
  it.each([
    ['a postposed speaker with a time word', 'The vote will be held next week, senior lawmakers said Friday.', ['indirect said|The vote will be held next week']],
    ['a postposed speaker with where it was said', 'The ferry will run again, the mayor said in a statement on Friday.', ['indirect said|The ferry will run again']],
    ['a postposed source with a determiner the speaker words lack', 'The ferry will not run this winter, another source said.', ['indirect said|The ferry will not run this winter']],
    ['a postposed vague source before ", but"', 'The talks will resume in March, officials said, but no date was set.', ['vague The talks will resume in March|unaligned|anonymous']],
    ['an inverted verb after a comma, with a name before the comma', 'The vote marks the end of the old ferry for the council, said Anna Berg, a harbour manager.', ['indirect said|The vote marks the end of the old ferry for the council']],
    ['a short clause after the cue is content, not a tail', 'Two U.S. officials said the ships had left port.', ['indirect officials said|the ships had left port']],
    ['an introductory phrase is not content', 'In Moscow, Peskov said the talks would resume.', ['indirect said|the talks would resume']],
    ['a time phrase after the verb, then the clause', 'The mayor said Friday the ferry would run again.', ['indirect said|the ferry would run again']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text, true)).toEqual(expected);
  });
});

describe('reported speech: where the content ends and whether there is any', () => {
  it.each([
    ['a partial quote inside a that-clause is part of it', 'The mayor said that the ferry was "a lifeline" for the island.', ['mixed The mayor|said|the ferry was "a lifeline" for the island']],
    ['whom the speaker told, then a clause starting with an article', 'Holt told reporters the ferry would run again.', ['indirect Holt|told|the ferry would run again']],
    ['an adjunct and a time phrase before the clause', 'Holt Marine said in a statement Thursday night it would stop the ferry.', ['indirect Holt Marine|said|it would stop the ferry']],
    ['an adjunct before "that"', 'Holt said in a statement that the ferry would run again.', ['indirect Holt|said|the ferry would run again']],
    ['a tag inside the sentence ends the content', 'Holt said the ferry would run again, adding that the council had agreed.', ['indirect Holt|said|the ferry would run again', 'indirect Holt|adding|the council had agreed']],
    ['an active progressive is no passive', 'Berg is telling riders at the harbour cafe that the ferry will be back.', ['indirect Berg|telling|the ferry will be back']],
    ['where the speaker was, between speaker and verb', 'Berg, in a short interview on Monday, said the ferry would run again.', ['indirect Berg|said|the ferry would run again']],
    ['what a speech was about is a summary', 'Holt talked about the ferry timetable for an hour.', ['summary Holt|talked about|talked about the ferry timetable for an hour']],
    ['naming in a participle is a summary', 'Holt turned on Berg, calling her plan a waste of money.', ['summary Holt|calling|calling her plan a waste of money']],
    ['a verb of speaking with only where and when', 'Holt spoke to reporters on Friday.', []],
    ['a verb of speaking with only how long', 'Holt spoke for an hour.', []],
    ['a verb of speaking followed by a second verb', 'The protester yelled and held up a banner.', []],
    ['a cue after a possessive is a noun', "Holt's remarks drew loud applause from the crowd.", []],
    ['a noun after a possessive with a that-clause still reports', "Holt's claim that the ferry would run again was false.", ['indirect Holt\'s|claim|the ferry would run again was false']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('reported speech: verbs without a subject beside them', () => {
  it.each([
    ['a relative clause after a name', 'Holt, who said the ferry would run again, left early.', ['indirect Holt|said|the ferry would run again']],
    ['a relative clause after a common noun', 'Lund hired an architect who said the bridge was safe, and left.', ['indirect an architect|said|the bridge was safe']],
    ['a participle after the main clause', 'Holt met Lund on Monday, saying the talks had gone well.', ['indirect Holt|saying|the talks had gone well']],
    ['a participle after an introductory phrase', 'On Monday, Holt voted to keep the ferry, saying it was a lifeline.', ['indirect Holt|saying|it was a lifeline']],
    ['a participle after a quotation takes its speaker', '"The ferry will run again," Holt said, adding that the council had agreed.', ['indirect Holt|adding|the council had agreed']],
    ['a counted subject of plain words', 'Some of the fishermen said they had fished there for years.', ['indirect Some of the fishermen|said|they had fished there for years']],
    ['a generic subject over an adverb', 'Other harbour advocates also said the council should go further.', ['indirect Other harbour advocates|said|the council should go further']],
    ['a fraction after ", and"', 'Half the riders say the ferry is late, and one in five say it is too slow.', ['indirect Half the riders|say|the ferry is late', 'indirect one in five|say|it is too slow']],
    ['a plain subject with a relative clause and no commas', 'Riders who took the ferry on Sunday said the crossing was rough.', ['indirect Riders|said|the crossing was rough']],
    ['a longer plain subject', "People with knowledge of the council's plans said the ferry would stop.", ["indirect People with knowledge of the council's plans|said|the ferry would stop"]],
    ['a second subject after "and" without a comma', 'Half the riders said the ferry was late and one in four said it was too slow.', ['indirect Half the riders|said|the ferry was late', 'indirect one in four|said|it was too slow']],
    ['"and" inside a compound subject opens no clause', 'The pier closed, officials said, as harbour workers and the ferry company each blamed the other.', ['vague officials said|The pier closed|unaligned|anonymous']],
    ['"and" with no cue after it stays inside the content', 'Holt said the crew had worked hard and the boats were clean.', ['indirect Holt|said|the crew had worked hard and the boats were clean']],
    ['a sentence opening with a subordinator has no plain subject', 'If the riders say so, the ferry will run.', []],
    ['a noun before a passive participle is no subject', 'The views expressed are those of the author alone.', []],
    ['a bare -ing form in a headline is a noun', 'Ferry shares fall after profit warning', []],
    ['an infinitive has no plain subject', 'Riders are more likely to say the ferry is late.', []],
    ['a second coordinated verb', 'Holt praised the crew and said the ferry would run again.', ['summary Holt|praised|praised the crew', 'indirect Holt|said|the ferry would run again']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('reported speech: according to', () => {
  it.each([
    ['at the start', 'According to the harbour board, the ferry will run again.', ['indirect According to|the ferry will run again']],
    ['in the middle: the whole sentence', 'The ferry, according to the harbour board, will run again.', ['indirect according to|The ferry, according to the harbour board, will run again']],
    ['at the end, the source up to the full stop', 'The ferry will run again, according to a report released on Friday.', ['indirect according to|The ferry will run again']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text, true)).toEqual(expected);
  });

  it('reads the source up to its comma, and a verb inside it is no cue', () => {
    expect(rows('According to a council report released on Friday, the ferry will run again.')).toEqual(['indirect a council report released on Friday|According to|the ferry will run again']);
  });
});

describe('reported speech, one article after another', () => {
  // The speakers kept by sentence are columns reused from article to article: a short article read after a long
  // one full of speakers must find its participle's speaker in its own sentence, not in the long one's entries.
  it('gives a participle its own sentence\'s speaker after a longer article', () => {
    const text = '"The ferry will run again," Holt said, adding that the council had agreed.';
    const alone = rows(text);
    expect(rows('"Yes," Lund said, adding that it was late. '.repeat(200)).length).toBe(200);
    expect(rows(text)).toEqual(alone);
    expect(alone).toEqual(['indirect Holt|adding|the council had agreed']);
  });
});

import { describe, expect, it } from 'vitest';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findDirectQuotes } from '../../../src/core/metrics/attribution/direct-quotes.ts';
import { findingRow, quotedAndReportedRowsOf } from './render.ts';
import { scanOf } from './scan-of.ts';

// Where the content of a quotation starts and ends when the writer's words run on around it (issue 12), on
// sentences we wrote.

function quoteRows(text: string): string[] {
  const scan = scanOf(text);
  return findDirectQuotes(scan, findCues(scan)).findings.map((finding) => findingRow(scan, finding));
}

describe('a quotation inside a clause that goes on past it', () => {
  it.each([
    ['the reported clause runs on after the closing mark', 'Holt says "the whole harbour has gone quiet this year" because the ferry stopped running.', ['mixed Holt|says|"the whole harbour has gone quiet this year" because the ferry stopped running']],
    ['to the end of its clause, not into the next one', 'Holt says "the whole harbour has gone quiet this year" despite the fair; the ferry is gone for good.', ['mixed Holt|says|"the whole harbour has gone quiet this year" despite the fair']],
    ['not after a comma: a full quotation ends where it closes', 'Holt said, "The whole harbour has gone quiet this year," and sat down.', ['direct Holt|said|"The whole harbour has gone quiet this year,"']],
    ['nor after a colon', 'Holt told the council: "The whole harbour has gone quiet this year." Then she left.', ['direct Holt|told|"The whole harbour has gone quiet this year."']],
    ['the writer\'s words between the quotation and its tag', '"We will be back on the water by the spring fair" at the latest, Holt said.', ['mixed Holt|said|"We will be back on the water by the spring fair" at the latest']],
    ['and before an inverted tag', '"We will be back on the water by the spring fair" at the latest, said the mayor.', ['mixed the mayor|said|"We will be back on the water by the spring fair" at the latest']],
    ['a tag right after the quotation keeps the quotation alone', '"We will be back on the water by the spring fair," Holt said at the pier.', ['direct Holt|said|"We will be back on the water by the spring fair,"']],
  ])('%s', (_name, text, expected) => {
    expect(quoteRows(text)).toEqual(expected);
  });
});

describe('a short quotation that closes its sentence after its cue', () => {
  it.each([
    ['past a time phrase, the reply is direct', 'Holt said on Monday, "Never again."', ['direct Holt|said|"Never again."']],
    ['also past where it was said', 'Holt asks at the harbour school, "Any questions for me?"', ['direct Holt|asks|"Any questions for me?"']],
    ['as far past where and when as a longer quotation', 'Holt asked on the radio on Monday, from the studio, "Any questions?"', ['direct Holt|asked|"Any questions?"']],
    ['not past what was said about', 'Holt spoke about the plan, "a bad one."', []],
  ])('%s', (_name, text, expected) => {
    expect(quoteRows(text)).toEqual(expected);
  });
});

describe('content holds the quotation marks of its quoted words', () => {
  it.each([
    ['the opening mark of a quotation the content starts with', 'When Holt thanked the town, a man yelled "Go home!"', ['summary Holt|thanked|thanked the town', 'mixed a man|yelled|"Go home!"']],
    ["the closing marks after the stop, two apostrophes too", "Holt said the town would ''keep the ferry running.''", ["mixed Holt|said|the town would ''keep the ferry running.''"]],
  ])('%s', (_name, text, expected) => {
    expect(quotedAndReportedRowsOf(text)).toEqual(expected);
  });
});

describe('reported content and ", but"', () => {
  it.each([
    ['a second that-clause goes on with the first', 'Holt said the ferry was safe, but that the pier was not.', ['indirect Holt|said|the ferry was safe, but that the pier was not']],
    ['so does a contrast with no subject of its own', 'Holt said the ferry was old, but also safe.', ['indirect Holt|said|the ferry was old, but also safe']],
    ['a clause with its own subject ends the content', 'Holt said the ferry was safe, but the board closed it.', ['indirect Holt|said|the ferry was safe']],
    ['and so does a second cue of the speaker', 'Holt said the ferry was safe, but later admitted it was old.', ['indirect Holt|said|the ferry was safe', 'indirect Holt|admitted|it was old']],
  ])('%s', (_name, text, expected) => {
    expect(quotedAndReportedRowsOf(text)).toEqual(expected);
  });
});

describe('a quotation after its cue and where it was said', () => {
  it.each([
    ['a longer stretch of when and where, closed by a comma', 'Holt said on the radio on Monday, from the studio, "The pier will be closed for a month."', ['direct Holt|said|"The pier will be closed for a month."']],
    ['numbers in it too', 'Holt wrote to her 20,000 readers on Monday, "The pier will be closed for a month."', ['direct Holt|wrote|"The pier will be closed for a month."']],
  ])('%s', (_name, text, expected) => {
    expect(quoteRows(text)).toEqual(expected);
  });
});

describe('a quotation signed with a dash', () => {
  it.each([
    ['the name after a dash ends the sentence', '"The ferry will run again next summer." - Anna Berg. The mayor said nothing.', ['direct Anna Berg|-|"The ferry will run again next summer."']],
    ['or opens the next paragraph', '"The ferry will run again next summer."\n\n\u2014 Anna Berg, the mayor.\n\nNobody replied.', ['direct Anna Berg, the mayor|-|"The ferry will run again next summer."']],
    ['a dash before words of the writer\'s is no signature', 'The town wanted "reform of the harbour board" - Reform that nobody paid for.', []],
    ['nor is a name after a short quotation inside the writer\'s sentence', 'The town wanted "reform" - Berg, too.', []],
    ['nor one the writer\'s sentence goes on with', 'Critics dubbed it "a disaster" -- Senator Holt (R-Maine) among them.', []],
    ['a quotation that asks, signed after a double dash', '"Who will run the ferry now?" -- Anna Berg, the mayor', ['direct Anna Berg, the mayor|-|"Who will run the ferry now?"']],
  ])('%s', (_name, text, expected) => {
    expect(quoteRows(text)).toEqual(expected);
  });
});

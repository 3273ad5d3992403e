import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../../src/index.ts';
import { runMetrics } from '../../../src/core/metrics/index.ts';
import { withRaisingVerbs } from '../../../src/core/metrics/attribution/attitudes.ts';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findLightVerbCues, findPossessiveNounCues, mergeCues, takenTokens } from '../../../src/core/metrics/attribution/noun-cues.ts';
import { findStanceOpenings } from '../../../src/core/metrics/attribution/stance-openings.ts';
import { findReportedSpeech } from '../../../src/core/metrics/attribution/reported-speech.ts';
import { findingRow, reportedRowsOf } from './render.ts';
import { scanOf } from './scan-of.ts';
import { lexicons } from '../../helpers.ts';

// Reported speech with light-verb cues merged in, then the possessive noun cues, as rows.
function rowsOf(text: string): string[] {
  const scan = scanOf(text);
  const cues = mergeCues(withRaisingVerbs(scan, findCues(scan)), findLightVerbCues(scan));
  const reported = findReportedSpeech(scan, cues, new Uint8Array(cues.length)).findings;
  const taken = takenTokens(scan, reported);
  const others = [...findPossessiveNounCues(scan, cues, taken), ...findStanceOpenings(scan, taken)];
  return [...reported, ...others].map((finding) => findingRow(scan, finding));
}

describe('attitudes with a named object', () => {
  it.each([
    ['a position on one name', 'The fishermen supported Holt.', ['attitude The fishermen|supported|Holt']],
    ['supporting with its object', 'The harbour group is now supporting Holt.', ['attitude The harbour group|supporting|Holt']],
    ['support after do is the verb', 'The council did support the harbour plan.', ['attitude The council|did support|the harbour plan']],
    ['a name is not enough for speech', 'The ferry captain said Holt.', []],
    ['the passive across "not" names nobody', 'Holt is not expected to attend the pier opening.', []],
    ['the passive across an adverb names nobody', 'The pier is also expected to open in May.', []],
  ])('%s', (_name, text, expected) => {
    expect(reportedRowsOf(text)).toEqual(expected);
  });
});

describe('light verbs with a noun cue', () => {
  it.each([
    ['made the case that', 'Councillor Amir Patel made the case that the pier should stay open all winter.', ['indirect Councillor Amir Patel|made the case that|the pier should stay open all winter']],
    ['took aim at a name', 'Patel took aim at Holt.', ['indirect Patel|took aim at|Holt']],
    ['words between the verb and the noun', 'Holt has made several sharp comments about the pier contractor.', ['indirect Holt|made several sharp comments about|the pier contractor']],
    ['an attitude noun', 'The fishermen voiced concern about the new pier tax.', ['attitude The fishermen|voiced concern about|the new pier tax']],
    ['made it clear that', 'Holt made it clear that the pier would not open in May.', ['indirect Holt|made it clear that|the pier would not open in May']],
    ['a light verb with no noun cue is no cue', 'Holt made a cake for the pier opening.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('noun cues after a possessive', () => {
  it.each([
    ['a named source', "Patel's criticism of the pier tax drew applause.", ["summary Patel's|criticism of|the pier tax drew applause"]],
    ['a decision is an attitude', "The Harbour Board's decision to close the pier angered the fishermen.", ["attitude The Harbour Board's|decision to|close the pier angered the fishermen"]],
    ['a speech noun with its that-clause is indirect', "Holt's assertion that the pier was safe did not last.", ["indirect Holt's|assertion that|the pier was safe did not last"]],
    ['a possessive pronoun opening the sentence', 'Her decision to close the pier angered the fishermen.', ['attitude Her|decision to|close the pier angered the fishermen']],
    ['no possessive, no source', 'The criticism of the pier tax grew over the summer.', []],
    ["another verb's object belongs to that verb", "The fishermen condemned Holt's decision to close the pier.", ["summary The fishermen|condemned|condemned Holt's decision to close the pier"]],
    ['a noun inside reported speech is part of it', "Patel said Holt's decision to close the pier was wrong.", ["indirect Patel|said|Holt's decision to close the pier was wrong"]],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('document and poll sources', () => {
  it.each([
    ['a clause opening with "about" after "found that"', 'A harbour poll found that about half of the riders want a new ferry.', ['indirect A harbour poll|found that|about half of the riders want a new ferry']],
    ['a poll named for two sponsors joined by a slash', 'A Harbour Times/Dover Radio poll released Monday found that most riders want a new ferry.', ['indirect A Harbour Times/Dover Radio poll released Monday|found that|most riders want a new ferry']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRowsOf(text)).toEqual(expected);
  });
});

describe('attitude adjectives after a form of be', () => {
  it.each([
    ['a view of something', 'Councillor Amir Patel is skeptical of the harbour plan.', ['attitude Councillor Amir Patel|is skeptical of|the harbour plan']],
    ['words between be and the adjective', 'The fishermen are not yet willing to give up the pier.', ['attitude The fishermen|are not yet willing to|give up the pier']],
    ['readiness with its infinitive', 'The fishermen were increasingly eager to sell the pier.', ['attitude The fishermen|were increasingly eager to|sell the pier']],
    ['a relative clause names its antecedent', 'Holt, who is confident that the pier will open, spoke first.', ['attitude Holt|is confident that|the pier will open']],
    ['inside what a speaker said it is part of the speech', 'Holt said she was confident that the pier would open.', ['indirect Holt|said|she was confident that the pier would open']],
    ['an adjective with no link word is no cue', 'Holt is skeptical.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('stance openings', () => {
  it.each([
    ['a named speaker', 'To Mayor Holt, the delay was a betrayal of the riders.', ['attitude Mayor Holt|To|the delay was a betrayal of the riders']],
    ['a body', 'To the harbour council, the new pier is a threat.', ['attitude the harbour council|To|the new pier is a threat']],
    ['a phrase naming no one', 'To date, the pier has cost twelve million.', []],
    ['"for" gives a situation more often than a view', 'For Holt, the vote was a clear win.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('an attitude vouches for a view, not for a quoted word', () => {
  it('a quoted word after an attitude adjective is still the writer\u2019s scare quote', () => {
    const text = 'The mayor is skeptical of the "reform" of the bin service.';
    const article = segmentArticle(text, lexicons.abbreviations);
    const found = runMetrics(article, lexicons, {}).loadedLanguage.findings.filter((f) => f.category === 'scare-quote');
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['"reform"']);
  });
});

describe('raising verbs', () => {
  it.each([
    ['before a verb of speech, the subject speaks', 'Holt appeared to concede that the pier would not open.', ['indirect Holt|appeared to concede|the pier would not open']],
    ['alone, a hedge of the writer', 'The pier seemed ready for the summer crowds.', []],
    ['before an attitude, still the writer\u2019s hedge', 'Holt seemed to recognize the size of the task.', []],
    ['likely, with its form of be and a degree, before a verb of speech: the subject speaks', 'Riders are more likely to say the ferry is late.', ['indirect Riders|are more likely to say|the ferry is late']],
    ['unlikely too', 'Holt is unlikely to say the pier failed.', ['indirect Holt|is unlikely to say|the pier failed']],
    ['likely before anything else is no cue', 'The pier is likely to open in May.', []],
    ['tend, before a verb of speech: the subject speaks', 'Ferry riders tended to say that the timetable was wrong.', ['indirect Ferry riders|tended to say|the timetable was wrong']],
    ['tend, before a document\u2019s verb: the survey is the source, not "Surveys tend"', 'Surveys tend to show that riders want a later ferry.', ['indirect Surveys|tend to show that|riders want a later ferry']],
    ['happen, before a verb of speech', 'Holt happened to mention that the pier would close.', ['indirect Holt|happened to mention|the pier would close']],
    ['tend before anything else is no cue', 'Ferries tend to run late in May.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

// Classes of noun and document attribution found studying misses on real news, one table each, on
// sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { withRaisingVerbs } from '../../../src/core/metrics/attribution/attitudes.ts';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findLightVerbCues, findPossessiveNounCues, mergeCues, takenTokens } from '../../../src/core/metrics/attribution/noun-cues.ts';
import { findReportedSpeech } from '../../../src/core/metrics/attribution/reported-speech.ts';
import { findingRow } from './render.ts';
import { scanOf } from './scan-of.ts';

// Reported speech with light-verb cues merged in, then the possessive noun cues, as rows.
function rowsOf(text: string): string[] {
  const scan = scanOf(text);
  const cues = mergeCues(withRaisingVerbs(scan, findCues(scan)), findLightVerbCues(scan));
  const reported = findReportedSpeech(scan, cues, new Uint8Array(cues.length)).findings;
  const nouns = findPossessiveNounCues(scan, cues, takenTokens(scan, reported));
  return [...reported, ...nouns].map((finding) => findingRow(scan, finding));
}

describe('a noun cue in the plural', () => {
  it.each([
    ['statements after a light verb', 'Holt made conflicting statements about the ferry budget.', ['indirect Holt|made conflicting statements about|the ferry budget']],
    ['attacks after a possessive', "Patel's attacks on the harbour board grew sharper.", ["summary Patel's|attacks on|the harbour board grew sharper"]],
    ['a plural with no source is no attribution', 'The attacks on the harbour board grew sharper.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('documents a reader sees as a source', () => {
  it.each([
    ['a video shows', 'A video of the meeting shows Holt leaving by the side door.', ['indirect A video of the meeting|shows|Holt leaving by the side door']],
    ['emails showed that', 'Emails from the harbour office showed that the board knew of the cracks.', ['indirect Emails from the harbour office|showed that|the board knew of the cracks']],
    ['polling shows', 'Polling shows Holt ahead in the northern wards.', ['indirect Polling|shows|Holt ahead in the northern wards']],
    ['a picture of a person is no source', 'Holt showed a picture of the pier.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('a document named after its content', () => {
  it.each([
    ['records show at the end', 'The ferry lost money every winter, records show.', ['indirect records|show|The ferry lost money every winter']],
    ['a longer source after the comma', 'The board raised two million in May, figures compiled by the council show.', ['indirect figures compiled by the council|show|The board raised two million in May']],
    ['a comma before the document is no appositive of it', 'The pier closed early, and records show the ferry lost money.', ['indirect records|show|the ferry lost money']],
    ['a person after the comma finds nothing', 'The pier closed early, the divers found.', []],
    ['a document after an opening phrase', 'For instance, a harbour poll last week showed Holt in third place.', ['indirect a harbour poll last week|showed|Holt in third place']],
    ['a poll named for two sponsors joined by "and"', 'But a poll by The Dover Herald and Radio Kent shows Holt ahead.', ['indirect a poll by The Dover Herald and Radio Kent|shows|Holt ahead']],
    ['a speaker before a document is no part of its name', 'Holt said the report found cracks in the pier.', ['indirect Holt|said|the report found cracks in the pier', 'indirect the report|found|cracks in the pier']],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('more light verbs and noun cues', () => {
  it.each([
    ['launched an attack on', 'Berg launched a sharp attack on the harbour board.', ['indirect Berg|launched a sharp attack on|the harbour board']],
    ['delivered a defense of', 'Holt delivered a spirited defense of the ferry plan.', ['indirect Holt|delivered a spirited defense of|the ferry plan']],
    ['stepped up her criticism of', 'Berg stepped up her criticism of the pier tax.', ['indirect Berg|stepped up her criticism of|the pier tax']],
    ['a feeling is an attitude', 'The fishermen expressed doubts about the new pier.', ['attitude The fishermen|expressed doubts about|the new pier']],
    ['a possessive view', "Patel's position on the pier tax angered the fishermen.", ["attitude Patel's|position on|the pier tax angered the fishermen"]],
    ['a launch with no noun cue is no cue', 'The board launched a new ferry in May.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('a possessive pronoun inside a clause', () => {
  it.each([
    ['after a preposition', 'Holt angered the fishermen with his comments on the pier tax.', ['summary his|comments on|the pier tax']],
    ['after an opening preposition', 'Despite her decision to close the pier, the fishermen stayed.', ['attitude her|decision to|close the pier']],
    ["after another verb it is that verb's object", 'The fishermen condemned his decision to close the pier.', ['summary The fishermen|condemned|condemned his decision to close the pier']],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('announcements, remarks and dispositions named by a noun', () => {
  it.each([
    ['an announcement', "Holt's announcement of a winter ferry surprised the board.", ["summary Holt's|announcement of|a winter ferry surprised the board"]],
    ['an admission with its clause', "Berg's admission that the pier was unsafe surprised no one.", ["indirect Berg's|admission that|the pier was unsafe surprised no one"]],
    ['a disposition is an attitude', 'Her reluctance to sell the pier is well known.', ['attitude Her|reluctance to|sell the pier is well known']],
    ['"that" after a plural opens a relative clause', 'The remarks that Holt made were brief.', []],
    ['a danger is no speech', 'The storm posed no threat to the pier.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('a poll opening the sentence with "in"', () => {
  it('keeps sponsors joined by a slash inside the phrase', () => {
    expect(rowsOf('In a Harbour Times/Dover Radio poll released Monday, half of the riders chose Holt.')).toEqual(['indirect a Harbour Times/Dover Radio poll released Monday|In|half of the riders chose Holt']);
  });
});

describe('"according to" a long source', () => {
  it('ending the sentence, the source is its noun phrase, not the clause after it', () => {
    expect(rowsOf('The strike will end this week, according to a senior official who spoke on condition of anonymity because the talks go on.')).toEqual([
      'indirect a senior official|according to|The strike will end this week',
    ]);
  });

  it('reads the source up to its comma', () => {
    expect(rowsOf('According to early results of a survey carried out for the Dover Herald and two radio stations by a firm in Kent, most riders want a new ferry.')).toEqual([
      'indirect early results of a survey carried out for the Dover Herald and two radio stations by a firm in Kent|According to|most riders want a new ferry',
    ]);
  });
});

// PolNeAR's 'other' cue family: cues outside the verbs of saying, believing and the document verbs. The
// classes here were measured over all their firings on PolNeAR train before they were added (see the
// lexicon headers); the sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { withRaisingVerbs } from '../../../src/core/metrics/attribution/attitudes.ts';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findLightVerbCues, mergeCues } from '../../../src/core/metrics/attribution/noun-cues.ts';
import { findReportedSpeech } from '../../../src/core/metrics/attribution/reported-speech.ts';
import { findVoicedQuotes } from '../../../src/core/metrics/attribution/voiced-quotes.ts';
import { findingRow } from './render.ts';
import { scanOf } from './scan-of.ts';

// Reported speech with the light-verb and attitude-adjective cues merged in, as rows.
function rowsOf(text: string): string[] {
  const scan = scanOf(text);
  const cues = mergeCues(withRaisingVerbs(scan, findCues(scan)), findLightVerbCues(scan));
  return findReportedSpeech(scan, cues, new Uint8Array(cues.length)).findings.map((finding) => findingRow(scan, finding));
}

describe('how a group stands and how someone feels about a matter (attitude adjectives 1.2.0, 1.3.0)', () => {
  it.each([
    ['a group divided on a question', 'Harbour voters are evenly divided on whether the pier should reopen.', ['attitude Harbour voters|are evenly divided on|whether the pier should reopen']],
    ['split over', 'The council was split over the ferry fares.', ['attitude The council|was split over|the ferry fares']],
    ['confidence in someone', 'The fishermen are less confident in the mayor.', ['attitude The fishermen|are less confident in|the mayor']],
    ['a feeling caused by something', 'Berg was deeply troubled by the harbour accounts.', ['attitude Berg|was deeply troubled by|the harbour accounts']],
    ['a worry with its clause', 'The union is worried that the pier will close.', ['attitude The union|is worried that|the pier will close']],
    ['candour about a matter', 'Holt has been open about his doubts over the toll.', ['attitude Holt|been open about|his doubts over the toll']],
    ['a disposition toward someone', 'The riders are not fond of the new timetable.', ['attitude The riders|are not fond of|the new timetable']],
    ['an emotion with what caused it', 'The fishermen were angered by the new toll.', ['attitude The fishermen|were angered by|the new toll']],
    ['an adjective with no link word is no cue', 'The council was divided.', []],
    ['readiness is left out: mostly logistics', 'The crews are ready to sail at dawn.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('learned that: knowledge someone came by (attitude verbs 1.9.0)', () => {
  it.each([
    ['with its that-clause', 'Berg learned that the ferry had been sold.', ['attitude Berg|learned that|the ferry had been sold']],
    ['a skill learned is no attribution', 'Berg learned to sail as a child.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

describe('presenting someone or something as a kind of thing (regard verbs 1.1.0)', () => {
  it.each([
    ['framed as', 'Berg framed the vote as a test of trust.', ['attitude Berg|framed|the vote as a test of trust']],
    ['positioned herself as', 'The councillor positioned herself as the heir to the mayor.', ['attitude The councillor|positioned|herself as the heir to the mayor']],
    ['remembered as', 'The fishermen remembered Holt as a fair man.', ['attitude The fishermen|remembered|Holt as a fair man']],
    ['the noun bill is no verb', 'The ferry bill cleared the council as the crowd cheered.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

// Quotations after a voice noun, none taken by an earlier pass, as rows.
function voicedRowsOf(text: string): string[] {
  const scan = scanOf(text);
  return findVoicedQuotes(scan, new Uint8Array(scan.article.tokens.count)).map((finding) => findingRow(scan, finding));
}

describe('a quotation named by a noun of voice or display (voice-nouns 1.0.0)', () => {
  it.each([
    ['chants of with no one named', 'The mayor was met with chants of "Save the pier!" at the harbour.', ['direct -|chants of|"Save the pier!"']],
    ['a possessive names the crowd', 'Their chants of "Four more years" filled the hall.', ['direct Their|chants of|"Four more years"']],
    ['a sign reading', 'One fisherman held a sign reading "No new tolls."', ['direct -|sign reading|"No new tolls."']],
    ['under the slogan', 'Berg ran under the slogan "A ferry for everyone".', ['direct -|slogan|"A ferry for everyone"']],
    ['a quotation after another noun is no voice', 'The word "pier" appears twice.', []],
    ['a noun with a full stop before the quotation is no voice', 'The crowd held signs. "We stay," one fisherman said.', []],
  ])('%s', (_name, text, expected) => {
    expect(voicedRowsOf(text)).toEqual(expected);
  });
});

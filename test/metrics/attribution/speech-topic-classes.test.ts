// A verb of speech with the matter it was about after a preposition (speech-topics 1.0.0): measured over all its
// firings on PolNeAR train before it was added (see the lexicon's header); the sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findReportedSpeech } from '../../../src/core/metrics/attribution/reported-speech.ts';
import { findingRow } from './render.ts';
import { scanOf } from './scan-of.ts';

function rowsOf(text: string): string[] {
  const scan = scanOf(text);
  const cues = findCues(scan);
  return findReportedSpeech(scan, cues, new Uint8Array(cues.length)).findings.map((finding) => findingRow(scan, finding));
}

describe('speech about a matter: the phrase after the preposition is what was said about (speech topics 1.0.0)', () => {
  it.each([
    ['boasted about', 'Holt boasted about the new ferry contract.', ['summary Holt|boasted|the new ferry contract']],
    ['complained about', 'The mayor complained about the toll on Friday.', ['summary The mayor|complained|the toll on Friday']],
    ['spoke against', 'Berg spoke against the new toll.', ['summary Berg|spoke|the new toll']],
    ['commented on', 'Berg commented on the vote at the pier.', ['summary Berg|commented|the vote at the pier']],
    ['wrote of', 'Anna Berg wrote of her years on the boats.', ['summary Anna Berg|wrote|her years on the boats']],
    ['a clause after the verb is read as before', 'Holt said that the ferry would run.', ['indirect Holt|said|the ferry would run']],
    ['a count is no topic', 'The new toll adds about $40 a year.', []],
    ['when or where is no topic', 'Berg wrote on Twitter on Monday.', []],
    ['said about is left out', 'Here are the things Holt said about the riders.', []],
    ['respond to is left out: often a reaction, not speech', 'The riders responded to the new timetable.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

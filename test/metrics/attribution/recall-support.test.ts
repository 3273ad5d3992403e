import { describe, expect, it } from 'vitest';
import { findBareAttitudeCues } from '../../../src/core/metrics/attribution/bare-attitudes.ts';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { mergeCues } from '../../../src/core/metrics/attribution/noun-cues.ts';
import { findReportedSpeech } from '../../../src/core/metrics/attribution/reported-speech.ts';
import { analyze } from '../../../src/index.ts';
import { lexicons } from '../../helpers.ts';
import { findingRow } from './render.ts';
import { scanOf } from './scan-of.ts';

// Reported speech with the bare attitude cues merged in, as rows.
function rowsOf(text: string): string[] {
  const scan = scanOf(text);
  const cues = mergeCues(findCues(scan), findBareAttitudeCues(scan));
  return findReportedSpeech(scan, cues, new Uint8Array(cues.length)).findings.map((finding) => findingRow(scan, finding));
}

describe('bare "support" as the verb between a subject and an object', () => {
  it.each([
    ['a plural subject and a noun phrase', 'Many sailors support the new harbour fees.', ['attitude Many sailors|support|the new harbour fees']],
    ['a subject pronoun', 'They support the new timetable.', ['attitude They|support|the new timetable']],
    ['a manner adverb between', 'Most riders strongly support the new timetable.', ['attitude Most riders|support|the new timetable']],
    ['the noun before "for"', 'Support for the pier is minimal among the riders.', []],
    ['the noun after a percentage', 'Holt leads the race with 40 percent support in the harbour poll.', []],
    ['the noun after a possessive', 'The mayor will need their support in May.', []],
    ['the noun after an adjective', 'Republican support remains strong in the harbour towns.', []],
    ['the noun before a verb', 'The riders say support has grown since May.', ['indirect The riders|say|support has grown since May']],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });

  it('is found in a whole analysis', () => {
    const text = 'Harbour news\n\nMany sailors support the new harbour fees.\n\nThe pier reopened in May.';
    const report = analyze({ text }, { lexicons });
    expect(report.attributions.some((a) => a.cue !== null && text.slice(a.cue[0], a.cue[1]) === 'support')).toBe(true);
  });
});

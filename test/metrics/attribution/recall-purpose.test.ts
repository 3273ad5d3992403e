import { describe, expect, it } from 'vitest';
import { withRaisingVerbs } from '../../../src/core/metrics/attribution/attitudes.ts';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { withPurposeFrames } from '../../../src/core/metrics/attribution/purpose-frames.ts';
import { findReportedSpeech } from '../../../src/core/metrics/attribution/reported-speech.ts';
import { findingRow } from './render.ts';
import { scanOf } from './scan-of.ts';

// Reported speech over the cues as the pipeline prepares them: raising verbs, then purpose frames.
function rowsOf(text: string): string[] {
  const scan = scanOf(text);
  const cues = withPurposeFrames(scan, withRaisingVerbs(scan, findCues(scan)));
  return findReportedSpeech(scan, cues, new Uint8Array(cues.length)).findings.map((finding) => findingRow(scan, finding));
}

describe('purpose frames around speech: the frame\'s subject is the speaker', () => {
  it.each([
    ['took to a platform to say', 'Anna Berg took to Twitter to say the ferry was late again.', ['indirect Anna Berg|took to Twitter to say|the ferry was late again']],
    ['used an occasion to argue', 'The mayor used her speech to argue that the fares were fair.', ['indirect The mayor|used her speech to argue|the fares were fair']],
    ['went on to, any speech verb', 'The mayor went on to argue that the fares were fair.', ['indirect The mayor|went on to argue|the fares were fair']],
    ['turned to an audience to say', 'Holt turned to reporters to say the pier was safe.', ['indirect Holt|turned to reporters to say|the pier was safe']],
    ['held an event to announce', 'The mayor held a news conference to announce that the pier would close.', ['indirect The mayor|held a news conference to announce|the pier would close']],
    // A summary's content is the act, cue included, as for any summary.
    ['an adjective after be', 'Holt was quick to blame the harbour board for the delay.', ['summary Holt|was quick to blame|was quick to blame the harbour board for the delay']],
    ['not and the adjective', 'The captains were not quick to praise the new timetable.', ['summary The captains|were not quick to praise|were not quick to praise the new timetable']],
    ['an attitude after the frame is no speech', 'The council took steps to support the fishermen.', []],
    ['too many words before "to" is no frame', 'Holt took the old ferry across the bay twice to say goodbye.', []],
  ])('%s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });
});

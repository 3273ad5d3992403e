import { describe, expect, it } from 'vitest';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findReportedSpeech } from '../../../src/core/metrics/attribution/reported-speech.ts';
import { findingRow } from './render.ts';
import { scanOf } from './scan-of.ts';

/** Reported speech at every cue, none claimed before. */
function reportedRows(text: string): string[] {
  const scan = scanOf(text);
  const cues = findCues(scan);
  return findReportedSpeech(scan, cues, new Uint8Array(cues.length)).findings.map((finding) => findingRow(scan, finding));
}

describe('findReportedSpeech', () => {
  it.each([
    ['indirect speech', 'Peskov said the talks would resume.', ['indirect Peskov|said|the talks would resume']],
    ['a time phrase and "that" before the content', 'The Kremlin said on Friday that the talks would resume next month.', ['indirect The Kremlin|said|the talks would resume next month']],
    ['a mixed quote', 'Peskov said the talks were "frank and businesslike."', ['mixed Peskov|said|the talks were "frank and businesslike."']],
    ['whom the speaker told is not content', 'Peskov told reporters that the talks were over.', ['indirect Peskov|told|the talks were over']],
    ['postposed', 'The talks would go on, said the minister.', ['indirect the minister|said|The talks would go on']],
    ['postposed with an unnamed affiliated source', 'The talks will resume next month, U.S. officials said.', ['indirect U.S. officials|officials said|The talks will resume next month']],
    ['according to', 'According to the Pentagon, the drills will last two weeks.', ['indirect the Pentagon|According to|the drills will last two weeks']],
    ['a summary act with its target', 'Ukraine accused Moscow of massing troops near the border.', ['summary Ukraine|accused|accused Moscow of massing troops near the border -> Moscow']],
    ['a vague source', 'Critics say the plan will fail.', ['vague Critics say|the plan will fail|unaligned|anonymous']],
    ['an affiliated source is ordinary speech', 'Two U.S. officials said the ships had left port on Tuesday morning.', ['indirect Two U.S. officials|officials said|the ships had left port on Tuesday morning']],
    ['a non-response', 'The ministry did not respond to a request for comment.', ['non-response The ministry|did not respond to a request for comment|-']],
    ['the subject before a relative clause', 'A senior diplomat, who asked not to be named, said the talks had failed.', ['indirect A senior diplomat|said|the talks had failed']],
    ['nobody speaks in the passive', 'The minister was told to resign.', []],
    ['a verb with nothing reported', 'Peskov spoke on Monday.', []],
    ['no speaker', 'But said the talks would go on.', []],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });

  it('leaves the cues an earlier pass claimed, and returns those it claimed besides', () => {
    const scan = scanOf('Peskov said the talks would resume. Lavrov said the door was open.');
    const cues = findCues(scan);
    const { findings, claimed } = findReportedSpeech(scan, cues, Uint8Array.from([1, 0]));
    expect(findings.map((finding) => findingRow(scan, finding))).toEqual(['indirect Lavrov|said|the door was open']);
    expect([...claimed]).toEqual([1, 1]);
  });
});

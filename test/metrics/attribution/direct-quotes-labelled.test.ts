import { describe, expect, it } from 'vitest';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { findDirectQuotes } from '../../../src/core/metrics/attribution/direct-quotes.ts';
import { findLabelledSpeech } from '../../../src/core/metrics/attribution/labelled-speech.ts';
import { findingRow } from './render.ts';
import { scanOf } from './scan-of.ts';

const STORY = '\n\nThe council met on Monday and voted on the budget for the harbour.';

function labelledRows(text: string): string[] {
  const scan = scanOf(text);
  return findLabelledSpeech(scan, new Set()).map((finding) => findingRow(scan, finding));
}

describe('findLabelledSpeech (a speaker, a colon, no verb)', () => {
  it.each([
    ['a headline names its speaker', `Holt: Ferry will run again by summer${STORY}`, ['indirect Holt|-|Ferry will run again by summer']],
    ['a headline with a final full stop', `Jane Holt: Ferry Will Run Again by Summer.${STORY}`, ['indirect Jane Holt|-|Ferry Will Run Again by Summer']],
    ['a headline that quotes is mixed', `Holt: Ferry will 'run again' by summer${STORY}`, ["mixed Holt|-|Ferry will 'run again' by summer"]],
    ['a page label before a dash is no part of the speaker', `EXCLUSIVE - Jane Holt: Ferry will run again by summer${STORY}`, ['indirect Jane Holt|-|Ferry will run again by summer']],
    ['a transcript names speakers in capitals', `The interview, lightly edited.\n\nHOLT: The ferry will run again this summer.\n\nREPORTER: And the bridge?`, ['direct HOLT|-|The ferry will run again this summer', 'direct REPORTER|-|And the bridge?']],
    ['a page label is no speaker', `Exclusive: Ferry will run again by summer${STORY}`, []],
    ['nor is a series title', `The Latest: Ferry will run again by summer${STORY}`, []],
    ['nor a label ending in one', `Harbour Update: Ferry will run again by summer${STORY}`, []],
    ['nor a pair of topics', `Holt and Reyes: A long rivalry over the harbour${STORY}`, []],
    ['a mixed-case label deep in the body is left alone', `The council met on Monday.\n\nIt voted on the budget.\n\nThe plan was simple.\n\nHolt: the ferry runs again.`, []],
  ])('%s', (_name, text, expected) => {
    expect(labelledRows(text)).toEqual(expected);
  });

  it('leaves a quotation after the colon to the direct-quote pass, which reads it once', () => {
    const scan = scanOf(`Holt: "The ferry will run again."${STORY}`);
    const rows = findDirectQuotes(scan, findCues(scan)).findings.map((finding) => findingRow(scan, finding));
    expect(rows).toEqual(['direct Holt|-|"The ferry will run again."']);
  });
});

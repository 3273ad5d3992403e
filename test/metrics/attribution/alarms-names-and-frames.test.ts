import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';
import { quotedAndReportedRowsOf, reportedRowsOf } from './render.ts';

describe('a cue word inside a proper name is no cue', () => {
  it.each([
    ['a court of appeals', 'The Harbour Court of Appeals for the Second Circuit heard the ferry case on Monday.', []],
    ['a name in capitals before a lower-case word', 'Residents of the Free State that borders the harbour voted on Monday.', []],
    ['a title-case headline keeps its cue', 'Senator Holt Warns Ferry Board Of Rising Costs', ['summary Senator Holt|Warns|Warns Ferry Board Of Rising Costs']],
    ['the verb in lower case after a name keeps its cue', 'Holt appealed for calm at the pier on Monday.', ['summary Holt|appealed for|appealed for calm at the pier on Monday']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRowsOf(text)).toEqual(expected);
  });
});

describe('advise reports speech only with what was said after it', () => {
  it.each([
    ['a consultant advises a client', 'Dover Partners advises the harbour board on its ferry contracts.', []],
    ['an adviser to a campaign', 'Anna Berg advised Holt during the 2019 race.', []],
    ['advised that', 'The coastguard advised that the pier was unsafe.', ['indirect The coastguard|advised|the pier was unsafe']],
    ['advised someone to', 'The coastguard advised anyone with a small boat to stay in the harbour.', ['indirect The coastguard|advised|anyone with a small boat to stay in the harbour']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRowsOf(text)).toEqual(expected);
  });
});

describe('continue reports speech only as a tag, before that, or before a verb of speech', () => {
  it.each([
    ['with an object it says what went on', 'Holt continued her tour of the harbour towns on Monday.', []],
    ['with an infinitive that is no speech', 'The ferry company continues to lose money every winter.', []],
    ['a tag after a quotation', '"The pier is safe," Holt continued.', ['direct Holt|continued|"The pier is safe,"']],
  ])('%s', (_name, text, expected) => {
    expect(quotedAndReportedRowsOf(text)).toEqual(expected);
  });
});

// As the pipeline runs (the cue list findAttributions builds, not findCues alone), read from the report.
function attributionRows(text: string): string[] {
  return analyze(text).attributions.map((a) => {
    const span = (s: readonly [number, number, ...unknown[]] | null): string => (s === null ? '-' : text.slice(s[0], s[1]));
    return `${a.mode} ${span(a.speaker)}|${span(a.cue)}|${a.cue?.[2] ?? '-'} ${a.cue?.[3] ?? '-'}|${span(a.content)}`;
  });
}

describe('continue before the verb of speech after its "to" is one cue with that verb\'s lemma and stance', () => {
  it.each([
    ['a speech verb', 'Holt continued to insist that the pier was safe.', ['indirect Holt|continued to insist|insist assertive|the pier was safe']],
    // Two cues before: "continue" and "show that", two attributions of one content, the second spoken by "Polls continue".
    ['a document verb', 'Polls continue to show that riders want a later ferry.', ['indirect Polls|continue to show that|show that endorsing|riders want a later ferry']],
    ['after a raising verb, the cue starts there', 'Holt appeared to continue to deny that she knew.', ['indirect Holt|appeared to continue to deny|deny adversarial|she knew']],
    ['a tag keeps continue as its cue', '"The pier is safe," Holt continued.', ['direct Holt|continued|continue neutral|"The pier is safe,"']],
    ['an infinitive that is no speech is no cue', 'The ferry company continues to lose money every winter.', []],
  ])('%s', (_name, text, expected) => {
    expect(attributionRows(text)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
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
    ['before a verb of speech the speech stays', 'Holt continued to insist that the pier was safe.', ['indirect Holt|continued|the pier was safe']],
    ['a tag after a quotation', '"The pier is safe," Holt continued.', ['direct Holt|continued|"The pier is safe,"']],
  ])('%s', (_name, text, expected) => {
    expect(quotedAndReportedRowsOf(text)).toEqual(expected);
  });
});

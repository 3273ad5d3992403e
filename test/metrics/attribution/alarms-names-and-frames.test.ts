import { describe, expect, it } from 'vitest';
import { reportedRowsOf } from './render.ts';

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

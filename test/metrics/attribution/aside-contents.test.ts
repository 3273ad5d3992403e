// A cue set between commas inside the sentence it reports splits its content; the report goes on after the
// aside to the sentence's end (aside-contents.ts). Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';

const rows = (text: string): string[] =>
  analyze(text).attributions.map((a) => `${a.mode} ${a.cue?.[2] ?? '-'} «${a.content ? text.slice(a.content[0], a.content[1]) : ''}»`);

describe('a content split by an aside runs on after it', () => {
  it.each([
    ['a noun phrase, then the aside', 'The thing the mayor needs most, aides said, is a second ferry for the island.', ['indirect say «The thing the mayor needs most, aides said, is a second ferry for the island»']],
    ['quoted words after the aside make it mixed', 'The job of a harbour master, he said, should be to "keep the boats moving and the fees low."', ['mixed say «The job of a harbour master, he said, should be to "keep the boats moving and the fees low."»']],
    ['a time phrase in the aside', "The delay, Holt noted on Tuesday, may be the council's own doing.", ["indirect note that «The delay, Holt noted on Tuesday, may be the council's own doing»"]],
  ])('%s', (_label, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a cue after its content keeps the content as it was', () => {
  it.each([
    ['the sentence ends at the cue', 'The ferry will run again in May, the council said.', ['indirect say «The ferry will run again in May»']],
    ['a participle after the aside is the speaker\'s act', 'The ferry will run again in May, the council said, citing a new contract.', ['indirect say «The ferry will run again in May»', 'indirect cite «a new contract»']],
  ])('%s', (_label, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';

// Participles after a comma or a dash inside a sentence are attributions of their own, spoken by the subject of
// the clause they hang on (issue 12: PolNeAR annotates ", calling him ...", "— asserting that ..." apart), on
// sentences we wrote: `mode speaker|cue|content` per attribution.

function rows(text: string): string[] {
  const report = analyze({ text, id: 'participles' });
  const said = (span: readonly [number, number, ...unknown[]] | null): string => (span === null ? '-' : text.slice(span[0], span[1]));
  return report.attributions.map((a) => `${a.mode} ${said(a.speaker)}|${said(a.cue)}|${said(a.content)}`);
}

describe('the subject of a main clause that opens behind other words speaks the participle', () => {
  it.each([
    ['after an adverb of sequence', 'Then he cut into Berg, calling him a stiff.', ['summary he|calling|calling him a stiff']],
    ['after a connective and an opening phrase of time', 'But a few days later, Holt reversed herself again, telling the Herald that the fares were set.', ['indirect Holt|telling|the fares were set']],
    ['after a connective and an adverb', 'And then Holt went on the attack, saying the mayor had failed the riders.', ['indirect Holt|saying|the mayor had failed the riders']],
    ['after a subject opened by a possessive', 'His mother moved back to Maine, insisting that her son was fully American.', ['indirect His mother|insisting|her son was fully American']],
    ['after an opening adverb and its comma', 'Instead, the senator stuck to her message, hoping to avoid a misstep before the vote.', ['attitude the senator|hoping to|avoid a misstep before the vote']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a participle after a dash is a participle too', () => {
  it.each([
    ['its speaker is the main clause subject, not the noun before the dash', 'Holt changed her pick on the spot – saying she now backs the Gulls.', ['indirect Holt|saying|she now backs the Gulls']],
    ['the outer content ends where the participle opens', 'The mayor praised the harbour board — asserting that the pier would open in May.', ['summary The mayor|praised|praised the harbour board', 'indirect The mayor|asserting|the pier would open in May']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('after the tag of a quotation of several sentences, the tag speaker speaks the participle', () => {
  it('a participle in the tag gets the quotation speaker', () => {
    expect(rows('“We are at a low point. We are stuck,” Holt said, referring to the ferries the board runs.')).toEqual([
      'direct Holt|said|“We are at a low point. We are stuck,”',
      'summary Holt|referring to|referring to the ferries the board runs',
    ]);
  });
});

describe('a participle set off by commas between a subject and its verb', () => {
  it.each([
    ['the verb after it has the subject before it, and the participle ends at its comma', 'The Herald, citing internal documents, reported that the campaign was short of money.', ['indirect The Herald|citing|internal documents', 'indirect The Herald|reported|the campaign was short of money']],
    ['an aside that reports nothing leaves the name its verb', 'Anna Berg, wearing a yellow coat, said that the pier would open.', ['indirect Anna Berg|said|the pier would open']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a reported content that quotes ends with its quotation', () => {
  it.each([
    ['a participle before a quotation of several sentences takes all of it', '“It was a disaster,” Holt said, adding, “Nobody cares. And frankly, we will win.”', ['direct Holt|said|“It was a disaster,”', 'mixed Holt|adding|“Nobody cares. And frankly, we will win.”']],
    ['a that-clause quoting two sentences takes both', 'Holt told the council that the plan was "a mess. It will fail." Berg left.', ['mixed Holt|told|the plan was "a mess. It will fail."']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('no speaker is invented', () => {
  it('a sentence opening with a participle of its own keeps the subject after its comma', () => {
    expect(rows('Speaking on Monday, Holt said the pier would open.')).toEqual(['indirect Holt|said|the pier would open']);
  });
});

/**
 * Attitude classes beyond a plain verb after its subject, one table per class, on sentences written for
 * the project: what a user sees in `report.attributions` and what it does to the balance.
 */
import { describe, expect, it } from 'vitest';
import { analyze, type Report } from '../../../src/index.ts';

/** `mode speaker|cue|content` rows for the attributions of `text`. */
function rows(text: string): string[] {
  const report = analyze(text);
  const said = (span: readonly [number, number, ...unknown[]] | null): string => (span === null ? '-' : report.text.slice(span[0], span[1]));
  return report.attributions.map((a) => `${a.mode} ${said(a.speaker)}|${said(a.cue)}|${said(a.content)}`);
}

describe('views held by no one named: a passive raising verb', () => {
  it.each([
    ['an expectation with its subject', 'The new pier is expected to open in May.', ['attitude -|is expected to|The new pier is expected to open in May']],
    ['across an adverb and not', 'Mayor Holt is also not expected to attend the opening.', ['attitude -|is also not expected to|Mayor Holt is also not expected to attend the opening']],
    ['across an adverb in -ly the subject is no holder', 'Mayor Holt is widely expected to win the vote.', ['attitude -|is widely expected to|Mayor Holt is widely expected to win the vote']],
    ['a relative clause ends at its comma', 'The ferry, which is expected to draw a large crowd, leaves at noon.', ['attitude -|is expected to|which is expected to draw a large crowd']],
    ['a clause after a comma is not the view', 'Holt is expected to attend, though the board is not.', ['attitude -|is expected to|Holt is expected to attend']],
    ['the active verb keeps its holder', 'Holt expects the pier to open in May.', ['attitude Holt|expects|the pier to open in May']],
    ['a raising verb in the active is the writer’s impression', 'The pier seems likely to open in May.', []],
    ['"expected" with no "to" is no view', 'The pier opened earlier than expected.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('is shown but gives no side a voice, is no anonymous source, and leaves its words to the writer', () => {
    const text = 'Mayor Holt said the pier would open in May. Officials said the harbour was safe. The disastrous pier is expected to open in May, and it is expected to cost more.';
    const report: Report = analyze(text);
    const unheld = report.attributions.filter((a) => a.speaker === null);
    expect(unheld.map((a) => a.mode)).toEqual(['attitude', 'attitude']);
    expect(unheld.every((a) => !a.anonymous && a.side === 'unaligned')).toBe(true);
    const without = analyze('Mayor Holt said the pier would open in May. Officials said the harbour was safe. The disastrous pier will open in May, and it will cost more.');
    // Two speakers, one of them unnamed: the unheld views change neither the anonymous rate nor the count.
    expect(report.summary.attribution.anonymousRate).toBe(without.summary.attribution.anonymousRate);
    expect(report.summary.attribution.nonResponses).toBe(0);
    // The writer's "disastrous" stays in the writer's voice.
    const voices = report.paragraphs.flatMap((p) => p.findings).filter((f) => report.text.slice(f.start, f.end).toLowerCase() === 'disastrous');
    expect(voices.map((f) => f.voice)).toEqual(without.paragraphs.flatMap((p) => p.findings).filter((f) => report.text.slice(f.start, f.end).toLowerCase() === 'disastrous').map((f) => f.voice));
  });
});

describe('an adverb of manner between the holder and the verb', () => {
  it.each([
    ['a position', 'The harbour union overwhelmingly supported the new pier tax.', ['attitude The harbour union|supported|the new pier tax']],
    ['a choice', 'The ferry union enthusiastically endorsed Anna Berg for mayor.', ['summary The ferry union|endorsed|endorsed Anna Berg for mayor']],
    ['a wish', 'Holt sincerely wants the riders to like the new timetable.', ['attitude Holt|wants|the riders to like the new timetable']],
    ['the writer’s stance adverb is no holder’s view', 'Harbour officials obviously wanted the talks to fail.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('who can hold a view: support, back and favor need a person, a body or a group', () => {
  it.each([
    ['data', 'The new data supports the mayor’s claim about the ferry.', []],
    ['a bill', 'The harbour bill supports local farmers.', []],
    ['evidence', 'The evidence backs the riders’ account of the crash.', []],
    ['a body', 'The harbour union supports the new bill.', ['attitude The harbour union|supports|the new bill']],
    ['a group named by what it backs', 'Supporters of the new law hope the harbour will stay open.', ['attitude Supporters of the new law|hope|the harbour will stay open']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a verb that is no cue does not make a later attitude part of speech', () => {
  it.each([
    ['a document verb with no document', 'The harbour board found a buyer, and Mayor Holt wants the sale closed by May.', ['attitude Mayor Holt|wants|the sale closed by May']],
    ['after speech the attitude is still part of it', 'Holt said the board found a buyer, and she wants the sale closed by May.', ['indirect Holt|said|the board found a buyer, and she wants the sale closed by May']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('an attitude whose object is the relative pronoun before its holder', () => {
  it.each([
    ['a position on what the clause names', 'Holt signed the harbour deal, which Mayor Berg vehemently opposed.', ['attitude Mayor Berg|opposed|which']],
    ['a subject relative is another class', 'The riders who support Holt left early.', []],
    ['a time phrase may follow the verb', 'The harbour deal, which Mayor Berg opposed in May, was signed.', ['attitude Mayor Berg|opposed|which']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a view held by no one named inside reported speech is part of that speech', () => {
  it.each([
    ['a tag after it', 'The pier is expected to open in May, Holt said.', ['indirect Holt|said|The pier is expected to open in May']],
    ['"according to" after it', 'The pier is expected to open in May, according to Holt.', ['indirect Holt|according to|The pier is expected to open in May']],
    ['a document after it', 'The pier is expected to open in May, the harbour report found.', ['indirect the harbour report|found|The pier is expected to open in May']],
    ['speech around it', 'Holt said the pier is expected to open in May.', ['indirect Holt|said|the pier is expected to open in May']],
    ['a tag with its own clause after it ends the view', 'The pier is expected to open in May, Holt warned on Monday that the ferry would be late.', ['attitude -|is expected to|The pier is expected to open in May', 'indirect Holt|warned|the ferry would be late']],
    ['nothing after "to" states no view', 'The ferry, which is expected to.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a view held by no one named is no one’s words and no side', () => {
  it('leaves a headline’s quoted words unattributed when only such a view holds them', () => {
    const flags = (text: string): string[] => analyze(text).summary.headline?.flags.map((f) => f.code) ?? [];
    expect(flags('Pier "to open in May"\n\nThe pier is expected to open in May.')).toEqual(['unattributed-quote']);
    expect(flags('Pier "to open in May"\n\nThe harbour board said the pier is to open in May.')).toEqual([]);
  });

  it('is counted apart, in no side, even when the caller names `unaligned` as a side', () => {
    const text = 'Mayor Holt said the pier would open in May. Anna Berg said it would not. The pier is expected to cost more.';
    for (const sides of [{}, { town: ['unaligned', 'Mayor Holt'] }]) {
      const { summary, attributions } = analyze({ text, sides });
      expect(attributions.filter((a) => a.speaker === null).map((a) => a.side)).toEqual(['unaligned']);
      expect(summary.attribution.attributions).toBe(2);
      expect(summary.attribution.unheldViews).toBe(1);
      expect(summary.attribution.sides.reduce((n, s) => n + s.attributions, 0)).toBe(2);
      expect(summary.attribution.sides.every((s) => s.byMode.attitude === undefined)).toBe(true);
    }
  });

  it('alone makes no `unaligned` row', () => {
    const { summary } = analyze('The Kremlin said the talks would go on. The talks are expected to last a week.');
    expect(summary.attribution.sides.map((s) => s.side)).toEqual(['RU']);
  });
});

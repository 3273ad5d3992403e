/**
 * Attitude classes measured on real news (issue #12), one table per class, on sentences written for the
 * project: which views a reader is shown as held by someone, and which stay part of another voice.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';

/** `mode speaker|cue|content` rows for the attributions of `text`. */
function rows(text: string): string[] {
  const report = analyze(text);
  const said = (span: readonly [number, number, ...unknown[]] | null): string => (span === null ? '-' : report.text.slice(span[0], span[1]));
  return report.attributions.map((a) => `${a.mode} ${said(a.speaker)}|${said(a.cue)}|${said(a.content)}`);
}

describe('a view inside reported speech is part of what was said', () => {
  it.each([
    ['a transcript’s line', 'BERG: Well, I think the whole town needs to work together on the pier.', ['direct BERG|-|Well, I think the whole town needs to work together on the pier']],
    ['a postposed tag', 'Riders want a new pier, Holt said on Monday.', ['indirect Holt|said|Riders want a new pier']],
    ['according to', 'The board is now considering a plan to close the pier, according to two officials.', ['indirect two officials|according to|The board is now considering a plan to close the pier']],
    ['a view beside the statement is its own', 'Holt wants a new pier, and Berg said the board would pay for it.', ['attitude Holt|wants|a new pier', 'indirect Berg|said|the board would pay for it']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('an attitude’s infinitive may be one verb', () => {
  it.each([
    ['a decision', 'Holt decided to run.', ['attitude Holt|decided to|run']],
    ['a refusal', 'The mayor refused to resign.', ['attitude The mayor|refused to|resign']],
    ['a level, not an infinitive', 'Ferry fares declined to 20.', []],
    ['a speech verb still needs two words', 'Holt said so.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a passive of regard, naming or judgement: a view held by no one named', () => {
  it.each([
    ['seen as', 'The harbour board is seen as a rubber stamp.', ['attitude -|is seen as|The harbour board is seen as a rubber stamp']],
    ['across an adverb', 'The pier was long known as the Poorhouse of the coast.', ['attitude -|was long known as|The pier was long known as the Poorhouse of the coast']],
    ['known for', 'Berg is known for her temper.', ['attitude -|is known for|Berg is known for her temper']],
    ['considered, before a noun phrase', 'The ferry town is considered a swing seat.', ['attitude -|is considered|The ferry town is considered a swing seat']],
    ['a relative clause', 'Holt, who is regarded as a hardliner, left early.', ['attitude -|is regarded as|who is regarded as a hardliner']],
    ['an agent after by is left to the active', 'Holt is seen as a moderate by most riders.', []],
    ['considered by a body is a deliberation', 'The fare rise was considered in May.', []],
    ['after to be the subject is the hoper’s', 'She hopes to be seen as a moderate.', ['attitude She|hopes to|be seen as a moderate']],
    ['inside reported speech it is part of the speech', 'Holt said the pier is seen as a risk.', ['indirect Holt|said|the pier is seen as a risk']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('positions, intentions and worries in news phrasing: backing, look to, show no sign of, worry about', () => {
  it.each([
    ['backing in the progressive', 'The harbour union is backing Anna Berg.', ['attitude The harbour union|backing|Anna Berg']],
    ['the backing of is a noun', 'Berg has the backing of the harbour union.', []],
    ['an intention with look to', 'The mayor is looking to cut ferry fares.', ['attitude The mayor|looking to|cut ferry fares']],
    ['a hope with look forward to', 'Holt looks forward to a fight with Berg.', ['attitude Holt|looks forward to|a fight with Berg']],
    ['an intention shown or its absence', 'Holt showed no sign of backing down.', ['attitude Holt|showed no sign of|backing down']],
    ['a worry with its object', 'Harbour officials worry about the cost of the new pier.', ['attitude Harbour officials|worry about|the cost of the new pier']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

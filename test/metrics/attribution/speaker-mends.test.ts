import { describe, expect, it } from 'vitest';
import { quotedAndReportedRowsOf } from './render.ts';
import { resolvedAttributions, scanOf, textOf } from './scan-of.ts';
import { cueSpanOf, speakerRange } from '../../../src/core/metrics/attribution/types.ts';

/** Quotations, then reported speech, as the pipeline runs them, rendered `mode speaker|cue|content`. */
const rows = quotedAndReportedRowsOf;

/** Every attribution as `speaker -> actor side`, after resolution. */
function resolvedRows(text: string): string[] {
  const scan = scanOf(text);
  return resolvedAttributions(scan).attributions.map((a) => `${textOf(scan, speakerRange(a))} -> ${a.actor ?? '-'} ${a.side}`);
}

describe('speakers: a noun in -ly is no manner adverb', () => {
  it.each([
    ['a listed noun after a possessive', "Holt's family said the pier was unsafe.", ["indirect Holt's family|said|the pier was unsafe"]],
    ['a listed noun after a possessive, before an attitude verb', "Holt's family believes the pier is unsafe.", ["attitude Holt's family|believes|the pier is unsafe"]],
    ['a listed noun after a name', 'The Berg family opposed the harbour plan.', ['attitude The Berg family|opposed|the harbour plan']],
    ['an adjective used as a noun after a determiner', 'Many of the elderly said the ferry was too dear.', ['indirect Many of the elderly|said|the ferry was too dear']],
    ['an unlisted word after a possessive', "The town's weekly reported the pier would close.", ["indirect The town's weekly|reported|the pier would close"]],
    ['a manner adverb after a name is still skipped', 'Holt angrily said the pier was a disgrace.', ['indirect Holt|said|the pier was a disgrace']],
    ['a five-letter manner adverb is skipped', 'Holt hotly denied the claim.', ['summary Holt|denied|denied the claim']],
    ['a manner adverb after a contraction is skipped', "He's repeatedly predicted that the ferry will run.", ["indirect He's|predicted|the ferry will run"]],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speakers: a pronoun with its helper run into it is resolved as the pronoun, its span the pronoun', () => {
  it.each([
    ['"he\'s" finds the person named before', "Donald Trump spoke in Ohio on Monday. He's predicting that the ferry will run.", ["He -> us-trump US"]],
    ['"they\'ve" finds the speaker before', "The Kremlin said the drills would end soon. They've offered no details about the drills.", ['The Kremlin -> ru-gov RU', "They -> ru-gov RU"]],
  ])('%s', (_name, text, expected) => {
    expect(resolvedRows(text)).toEqual(expected);
  });
});

describe('speakers: a cue that is also a noun', () => {
  it.each([
    ['after a lone modifier opening the sentence, with no object', 'Emergency calls rose 20 percent last year.', []],
    ['after a plural possessive', "Reporters' calls went unanswered.", []],
    ['after a plural possessive, with its preposition', "Voters' calls for a new pier grew louder.", []],
    ['a name ending in s before the apostrophe still speaks', "Voters responded to Holmes' call for a new pier.", ['summary Holmes|call for|call for a new pier']],
    ['a reflexive is an object', 'Berg calls himself a sailor.', ['summary Berg|calls|calls himself a sailor']],
    ['an infinitive is an object', 'Fishermen vow to boycott the harbour plan.', ['summary Fishermen|vow|vow to boycott the harbour plan']],
    ['a name with an object after the verb still speaks', 'Berg calls it a disgrace.', ['summary Berg|calls|calls it a disgrace']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speakers: a subject after a dateline', () => {
  it.each([
    ['a possessive opens the subject, the dateline left out', 'DOVER (Harbour News) - Dover\'s main harbour alliance said on Sunday it would not accept the plan.', ["indirect Dover's main harbour alliance|said|it would not accept the plan"]],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speakers: a stance adverb before a speech verb', () => {
  it.each([
    ['a speech verb keeps its subject past the writer\'s stance', 'Holt was apparently referring to the harbour plan.', ['summary Holt|referring to|referring to the harbour plan']],
    ['an attitude verb does not', 'Officials clearly hoped the pier would reopen.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speakers: a phrase that runs into the infinitive of the cue is cut to its subject', () => {
  it.each([
    ['at the verb in -ed', 'On Monday, Holt failed twice to mention the harbour fees.', ['Holt -> name:holt unaligned']],
    ['at the auxiliary, not at a document noun', 'Berg had prepared a short statement to read, but decided to speak freely.', ['Berg -> name:berg unaligned']],
    ['a "to" before the speaker\'s own words stays', 'A source close to the mayor said the pier would close.', ['A source close to the mayor -> - unaligned']],
  ])('%s', (_name, text, expected) => {
    expect(resolvedRows(text)).toEqual(expected);
  });

  it('with no verb it knows, only the "to" is dropped', () => {
    // ("used" is in no list of raising verbs.)
    const scan = scanOf('Surveys used to show that riders wanted a later ferry.');
    const shown = resolvedAttributions(scan).attributions.find((a) => textOf(scan, cueSpanOf(a)) === 'show that');
    expect(textOf(scan, shown === undefined ? null : speakerRange(shown))).toBe('Surveys used');
  });
});

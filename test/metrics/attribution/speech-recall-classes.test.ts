import { describe, expect, it } from 'vitest';
import { quotedAndReportedRowsOf } from './render.ts';

/** Quotations, then reported speech, as the pipeline runs them, rendered `mode speaker|cue|content`. */
const rows = quotedAndReportedRowsOf;

// One class of missed speech-verb construction per block, each on sentences written for the test.
describe('speech verbs: discuss names what a speech was about', () => {
  it.each([
    ['past tense with its object', 'The mayor discussed the new harbour fees on the radio.', ['summary The mayor|discussed|discussed the new harbour fees on the radio']],
    ['a future appearance', 'Anna Berg will discuss her book about the ferry strike.', ['summary Anna Berg|discuss|discuss her book about the ferry strike']],
    ['after a negation', 'Holt did not discuss the pier.', ['summary Holt|discuss|discuss the pier']],
    ['the base form alone is a subjunctive inside another\'s speech', 'Berg said it was vital that the two mayors discuss the ferry.', ['indirect Berg|said|it was vital that the two mayors discuss the ferry']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: an adverb of time, degree or emphasis between the subject and the verb', () => {
  it.each([
    ['"has since"', 'Holt has since said that the pier will reopen.', ['indirect Holt|said|the pier will reopen']],
    ['"even"', 'She even suggested the board should resign.', ['indirect She|suggested|the board should resign']],
    ['a reflexive of emphasis', 'Berg herself acknowledged the fares were too high.', ['indirect Berg|acknowledged|the fares were too high']],
    ['"here" after the subject', 'Her campaign workers here said they had knocked on every door.', ['indirect Her campaign workers|said|they had knocked on every door']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: a name, its long appositive, then the verb', () => {
  it.each([
    ['a quoted title inside the appositive', 'Anna Berg, the author of "Harbour Days," suggested that the board had raised the fares twice since the spring.', ['indirect Anna Berg|suggested|the board had raised the fares twice since the spring']],
    ['the name after an opening phrase', 'At the harbour, where the boats wait, Tom Holt, who has run the board since 2019, proposed a new pier.', ['indirect Tom Holt|proposed|a new pier']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: a subject with a prepositional phrase or a restrictive relative clause', () => {
  it.each([
    ['"to" before its object is a preposition', 'The head of the delegation to the summit said the talks had stalled.', ['indirect The head of the delegation to the summit|said|the talks had stalled']],
    ['a relative clause with no commas', 'Officials who saw the plans say the pier is unsafe.', ['indirect Officials|say|the pier is unsafe']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: an inverted speaker with a relative clause on it', () => {
  it.each([
    ['after a quotation, the relative clause set off by a comma', '"The pier will fall," said the woman, who did not want to be named.', ['mixed the woman|said|"The pier will fall,"']],
    ['a relative clause with no comma', '"It was a long winter," said one owner of a net shop who declined to be named.', ['mixed one owner of a net shop|said|"It was a long winter,"']],
    ['an act after a comma keeps its object after it', 'Holt, eager all evening to score points, attacked Berg for missing the vote.', ['summary Holt|attacked|attacked Berg for missing the vote']],
    ['a clause with an auxiliary after the verb is its content, not an inverted speaker', 'Anna Berg, wearing a yellow coat, said the pier would open.', ['indirect Anna Berg|said|the pier would open']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

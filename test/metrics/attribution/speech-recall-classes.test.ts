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

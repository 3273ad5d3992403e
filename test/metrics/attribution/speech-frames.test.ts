// Verbs that name an act of speech only with a speech object or complement (reporting-verbs.jsonl `needs`,
// speech-objects.jsonl, speech-frames.ts): plain narrative gives its subject no voice. Sentences written for
// these tests.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';
import { reportedRowsOf } from './render.ts';

describe('an act in the world is no speech', () => {
  it.each([
    ['posted a loss', 'The company posted a loss of $3 million for the quarter.'],
    ['posted a win', 'The team posted a 4-2 win over Leeds.'],
    ['posted bail', 'He posted bail and left the courthouse.'],
    ['released an album', 'The band released a new album in June.'],
    ['released a suspect', 'The police released the suspect without charge.'],
    ['shared a meal', 'The two families shared a meal after the funeral.'],
    ['named a chief executive', 'The company named a new chief executive on Monday.'],
    ['sirens sounded', 'Sirens sounded across the city as the missiles fell.'],
    ['labeled boxes', 'He labeled the boxes before the move.'],
    ['identified families', 'The charity identified 40 families in need.'],
    ['identified remains', 'Researchers identified the remains of three soldiers.'],
    ['floated on a raft', 'The mayor floated on a raft down the river.'],
    ['signaled a turn', 'The driver signaled left and turned.'],
    ['promote a product', 'The shops promote their new bread every spring.'],
  ])('%s', (_label, text) => {
    expect(reportedRowsOf(text)).toEqual([]);
  });
});

describe('the same verbs with a speech object or complement', () => {
  it.each([
    ['posted on a platform', 'Holt posted on Twitter that the pier would reopen.'],
    ['posted a video', 'The mayor posted a video about the new ferry.'],
    ['released a statement', 'The ministry released a statement on the harbour tax.'],
    ['released names', 'The police released the names of the two drivers.'],
    ['shared her concerns', 'Berg shared her concerns about the toll.'],
    ['named as', 'Police named the driver as a local man.'],
    ['sounded a warning', 'The inspector sounded a warning about the old pier.'],
    ['labeled as', 'Critics labeled the toll as a tax on the poor.'],
    ['identified as', 'Police identified the driver as a local man.'],
    ['floated an idea', 'The mayor floated the idea of a second ferry.'],
    ['signaled that', 'The council signaled that it would drop the toll.'],
    ['promote a message', 'The campaign will promote its message on Facebook.'],
  ])('%s', (_label, text) => {
    expect(reportedRowsOf(text)).toHaveLength(1);
  });
});

describe('subjects and forms that hold no view', () => {
  it.each([
    ['a fire shows no sign (non-holders.jsonl)', 'The fire showed no sign of slowing on Sunday.'],
    ['a storm looks to nothing', 'The storm looks to hit the coast by Friday.'],
    ['dare not is the modal (dared dropped)', 'The dog dared not cross the road.'],
    ['sirens sound', 'Sirens sounded across the city.'],
    ['look to someone for help is reliance', 'Investors look to the central bank for guidance.'],
  ])('%s', (_label, text) => {
    expect(analyze(text).attributions).toEqual([]);
  });

  it.each([
    ['a person still holds the same view', 'The mayor showed no sign of backing down on Sunday.'],
    ['look to before a verb is an intention', 'The company is looking to cut 200 jobs at the harbour.'],
  ])('%s', (_label, text) => {
    expect(analyze(text).attributions.map((a) => a.mode)).toEqual(['attitude']);
  });
});

// reporting-verbs.jsonl and attitude-verbs.jsonl `override`: a longer phrase wins over the verb inside it and is
// no cue itself, while the verb alone still reports.
describe('an override phrase is no voice', () => {
  it.each([
    ['slammed into', 'The lorry slammed into a wall on the coast road.'],
    ['called off', 'Organisers called off the regatta on Friday.'],
    ['claimed the lives', 'The storm claimed the lives of two fishermen.'],
    ['pressed ahead', 'The council pressed ahead with the new toll.'],
  ])('%s', (_label, text) => {
    expect(analyze(text).attributions).toEqual([]);
  });

  it.each([
    ['slammed as', 'Holt slammed the toll as a tax on the poor.'],
    ['a think tank says', 'A think tank said the toll was too high.'],
  ])('the verb alone still reports: %s', (_label, text) => {
    expect(analyze(text).attributions).toHaveLength(1);
  });
});

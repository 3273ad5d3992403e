import { describe, expect, it } from 'vitest';
import { quotedAndReportedRowsOf } from './render.ts';
import { resolvedAttributions, scanOf, textOf } from './scan-of.ts';
import { speakerRange } from '../../../src/core/metrics/attribution/types.ts';

/** Quotations, then reported speech, as the pipeline runs them, rendered `mode speaker|cue|content`. */
const rows = quotedAndReportedRowsOf;

// One class of construction per block, each on sentences written for the test.
describe('speakers: a share written with a percent sign', () => {
  it.each([
    ['a share opening the sentence', '42% say they are worried about the fares.', ['indirect 42|say|they are worried about the fares']],
    ['a share after an introductory phrase', 'On fares, 61% said the pier should stay open.', ['indirect 61|said|the pier should stay open']],
    ['a share of a group', 'Only 9% of riders said the pier was safe.', ['indirect Only 9% of riders|said|the pier was safe']],
    ['two shares in one sentence', 'About 40% said they would ride again, while 12% said they would not.', ['indirect About 40|said|they would ride again', 'indirect 12|said|they would not']],
    ['a share that is an object is no speaker', 'Fares rose 5% last year, the harbour board said.', ['indirect the harbour board|said|Fares rose 5% last year']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('shows the percent sign in the speaker\'s text', () => {
    const scan = scanOf('Of the riders asked, 42% say the ferry is late.');
    expect(resolvedAttributions(scan).attributions.map((a) => textOf(scan, speakerRange(a)))).toEqual(['42%']);
  });
});

describe('cues: "called" naming a thing after a common noun', () => {
  it.each([
    ['a group and its name', 'A new group called Harbour Votes Matter, led by two fishermen, is trying to raise turnout.', []],
    ['a company and its name before a time phrase', 'Donors gave money to a company called Berg Holdings in May.', []],
    ['a label after the name is a characterisation', 'A senator called Holt a liar.', ['summary A senator|called|called Holt a liar']],
    ['a subject before the verb keeps the cue', 'Officials called Holt, the harbour master, a coward.', ['summary Officials|called|called Holt, the harbour master, a coward']],
    ['a quotation put first keeps the cue', 'The pier is what Holt called "a disgrace" in May.', ['summary Holt|called|called "a disgrace" in May']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speakers: a subject far from its verb across a relative clause that reports on its own', () => {
  it.each([
    ['a cue inside the relative clause', 'One rider, who like others spoke on condition of anonymity to discuss the meeting, said the pier was unsafe.', ['indirect One rider|said|the pier was unsafe']],
    ['a relative clause inside an appositive', 'The captain, a harbour pilot who spoke on condition of anonymity because he feared for his job, said the pier was unsafe.', ['indirect The captain|said|the pier was unsafe']],
    ['a quotation inside the relative clause', 'Berg, who calls Holt a "coward," said she would run for mayor.', ['summary Berg|calls|calls Holt a "coward,"', 'indirect Berg|said|she would run for mayor']],
    ['the relative clause\'s own verb keeps its antecedent', 'Holt, who said the pier was unsafe, left the meeting early.', ['indirect Holt|said|the pier was unsafe']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('cues: markup left in the text', () => {
  it.each([
    ['a closing tag is no verb', 'The ferry is late again. — Anna Holt (@annaholt) June 29, 2016</tweet>. The pier stays shut.', []],
    ['an opening tag is no verb, the speech after it is', '<tweet author="@annaholt">The pier is open</tweet> Berg said the pier was safe.', ['indirect Berg|said|the pier was safe']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speakers: a time phrase between the subject and its verb', () => {
  it.each([
    ['a week after a plain subject', 'A group of 40 harbour pilots this week warned that the pier would fail.', ['indirect A group of 40 harbour pilots|warned|the pier would fail']],
    ['a month after a bare plural', 'Riders last month complained that the fares were too high.', ['indirect Riders|complained|the fares were too high']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('attitudes: "declined to" before a verb is a refusal', () => {
  it.each([
    ['a refusal with its infinitive', 'Berg declined to rule out a run for mayor.', ['attitude Berg|declined to|rule out a run for mayor']],
    ['a refusal with an adverb before the verb', 'The aide declined to publicly name the donors.', ['attitude The aide|declined to|publicly name the donors']],
    ['declining to comment stays a non-response', 'Holt declined to comment.', ['non-response Holt|declined to comment|-']],
    ['a new level is no refusal', 'Fares declined to their lowest level in years.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech acts: a judging act in the passive with no agent', () => {
  it.each([
    ['blame with no one named', 'The mayor has been criticized for raising fares.', ['summary -|criticized|The mayor has been criticized for raising fares']],
    ['an accusation after a connective, up to the clause\'s comma', 'And the mayor was accused of lying, which angered riders.', ['summary -|accused|the mayor was accused of lying']],
    ['a condition is no report', 'If the mayor is blamed, she will resign.', []],
    ['an act that does not judge stays out', 'The plan was announced on Monday.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

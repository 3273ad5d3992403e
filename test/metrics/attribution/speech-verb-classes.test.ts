import { describe, expect, it } from 'vitest';
import { quotedAndReportedRowsOf } from './render.ts';

/** Quotations, then reported speech, as the pipeline runs them, rendered `mode speaker|cue|content`. */
const rows = quotedAndReportedRowsOf;

// One class of speech-verb construction per block, each on sentences written for the test.
describe('speech verbs: a time phrase that is the reported clause\'s subject', () => {
  it.each([
    ['a time phrase before "of"', 'Berg said the days of cheap ferries are gone.', ['indirect Berg|said|the days of cheap ferries are gone']],
    ['a time phrase before a form of be', 'Holt said last week was the hardest of the season.', ['indirect Holt|said|last week was the hardest of the season']],
    ['a time phrase before the clause is still when', 'Holt said last week the ferry would run again.', ['indirect Holt|said|the ferry would run again']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: a manner adverb between the subject and the verb', () => {
  it.each([
    ['an adverb after an auxiliary', 'Holt has repeatedly criticised the harbour plan.', ['summary Holt|criticised|criticised the harbour plan']],
    ['an adverb right before the verb', 'She angrily said the pier was a disgrace.', ['indirect She|said|the pier was a disgrace']],
    ['an adverb inside a relative clause takes the antecedent', 'Berg, who has publicly said the pier is unsafe, left early.', ['indirect Berg|said|the pier is unsafe']],
    ['a passive with an adverb names no speaker (the judgement is reported, agentless: passive-acts.ts)', 'The plan was widely criticised in the town.', ['summary -|criticised|The plan was widely criticised in the town']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: a plain subject opening a clause inside the sentence', () => {
  it.each([
    ['after a subordinator', 'The ferry ran late, although history says the pier is sound.', ['indirect history|says|the pier is sound']],
    ['after "when"', 'The crowd left when the woman shouted that the pier was closing.', ['indirect the woman|shouted|the pier was closing']],
    ['after a comma and "but"', 'Holt ran for the post, but the council denied him the chance.', ['summary the council|denied|denied him the chance']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: an act with nothing after it', () => {
  it.each([
    ['a noun at a clause\'s end is no speech act', 'Storm kills two as both towns trade blame', []],
    ['an act with its object is a summary', 'Holt denied the claim.', ['summary Holt|denied|denied the claim']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: "calls", the present tense of naming', () => {
  it.each([
    ['naming with an object and its label', 'Holt calls the plan a waste of money.', ['summary Holt|calls|calls the plan a waste of money']],
    ['"calls for" stays the longer phrase', 'Holt calls for a new pier.', ['summary Holt|calls for|calls for a new pier']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: what follows the verb', () => {
  it.each([
    ['an act\'s infinitive is no adjunct, so the sentence\'s start is no content', 'And the town\'s lawyer, Anna Berg, vowed to go after the dealers.', ["summary the town's lawyer, Anna Berg|vowed|vowed to go after the dealers"]],
    ['a graded count opens the reported clause', 'On Friday, the Herald reported at least six boats filled the harbour.', ['indirect the Herald|reported|at least six boats filled the harbour']],
    ['"about" with a share', 'The office said about half of the riders had left.', ['indirect The office|said|about half of the riders had left']],
    ['"for" with a number is how long, not what', 'Holt spoke for 40 minutes.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: a relative clause between the speaker and a verb before a quotation', () => {
  it.each([
    ['the antecedent speaks the quotation', 'Holt, who called Lund after the vote, told his supporters, "I still love this town and always will."', ['direct Holt|told|"I still love this town and always will."', 'summary Holt|called|called Lund after the vote']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: an inverted tag with a role in lower case before the name', () => {
  it.each([
    ['a role and a name before a relative clause', '"It is the best ferry in the north," said harbour activist Bob Klaus, who runs the cafe.', ['direct harbour activist Bob Klaus|said|"It is the best ferry in the north,"']],
    ['an unnamed role up to its relative clause', '"It will be hard to finish by the spring," said a longtime Harbour Board engineer who has worked for Holt.', ['direct a longtime Harbour Board engineer|said|"It will be hard to finish by the spring,"']],
    ['a participle after a quotation never inverts', '"It will be hard to finish the pier by the spring," referring to the Harbour Board plan.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: bare forms that report after a subject', () => {
  it.each([
    ['"concluded" with a clause', 'The harbour panel concluded the pier was safe.', ['indirect The harbour panel|concluded|the pier was safe']],
    ['"concluded" as a quotation\'s tag', '"The pier will stand for another century," Holt concluded.', ['direct Holt|concluded|"The pier will stand for another century,"']],
    ['"noting" after the main clause', 'Holt backed the plan, noting the ferry had been late all year.', ['attitude Holt|backed|the plan', 'indirect Holt|noting|the ferry had been late all year']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: an aside in parentheses or dashes between the speaker and the verb', () => {
  it.each([
    ['a party label in parentheses, then an appositive', 'Sen. Ted Holt (R-Maine), also a candidate, called the plan "abhorrent" in a post on Sunday.', ['summary Sen. Ted Holt|called|called the plan "abhorrent" in a post on Sunday']],
    ['a verb of telling never inverts: whom the speaker told is no speaker', 'Sen. Anna Berg (D-Maine), a supporter of the ferry, told the council the pier would reopen.', ['indirect Sen. Anna Berg|told|the council the pier would reopen']],
    ['a relative clause in parentheses', 'Holt (who has 25 delegates so far) said it is possible to win.', ['indirect Holt|said|it is possible to win']],
    ['a party label in parentheses right before the verb', 'Holt (R-Maine) said the pier was unsafe.', ['indirect Holt|said|the pier was unsafe']],
    ['a title and a name before a party label', 'Sen. Anna Berg (D-Maine) told the council the pier would reopen.', ['indirect Sen. Anna Berg|told|the council the pier would reopen']],
    ['an aside between dashes', 'Holt - after a long pause - told me he had a quiet life.', ['indirect Holt|told|he had a quiet life']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: a dateline is no speaker before an aside', () => {
  it.each([
    ['a dateline with its agency in parentheses', 'DOVER (Harbour News) - The harbour master, Anna Berg, said the pier would close.', ['indirect Anna Berg|said|the pier would close']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('speech verbs: a pronoun with its helper run into it', () => {
  it.each([
    ['"he\'s" before a progressive', "And he's predicting that the ferry will run.", ["indirect he's|predicting|the ferry will run"]],
    ['"they\'ve" before an act', "They've offered no details about the pier.", ["summary They've|offered|offered no details about the pier"]],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

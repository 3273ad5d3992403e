import { describe, expect, it } from 'vitest';
import { reportedRowsOf as reportedRows } from './render.ts';

// Classes of false alarms and misses found on real news after the issue-12 landing, each on sentences we wrote.

describe('a negated subject denies the speech act: no attribution', () => {
  it.each([
    ['nobody with a place', 'Nobody at the harbour board calls this what it is: a closure.', []],
    ['no one with a place', 'No one at the ministry said the ferry would run.', []],
    ['none of a group', 'None of the councillors said the pier was safe.', []],
    ['neither before a noun', 'Neither candidate said the ferry would run at night.', []],
    ['not a single', 'Not a single witness said the car was red.', []],
    ['"not all" is partial: some did speak', 'Not all councillors said the pier was safe.', ['indirect councillors|said|the pier was safe']],
    ['a negation inside the content stays content', 'Anna Berg said nobody had asked her.', ['indirect Anna Berg|said|nobody had asked her']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('a verb\'s word after a determiner is a noun, no cue', () => {
  it.each([
    ['a month before the noun', 'The October report exceeded every forecast.', []],
    ['an adjective before a plural noun and an auxiliary', 'The derogatory comments had an effect on the vote.', []],
    ['an article and modifiers', 'A new harbour report compares ten ferries.', []],
    ['a numeral: the noun is the speaker', 'One tweet said the ferry was late.', ['indirect One tweet|said|the ferry was late']],
    ['a plural subject keeps its verb', 'The officials report that the pier is safe.', ['indirect The officials|report|the pier is safe']],
    ['a plural without -s keeps its verb', 'The women say the pier is safe.', ['indirect The women|say|the pier is safe']],
    ['a count keeps its verb', 'Nearly a third say the pier is safe.', ['indirect Nearly a third|say|the pier is safe']],
    ['an -s form after a name is a verb', 'The Times reports that the pier is safe.', ['indirect The Times|reports|the pier is safe']],
    ['a past form is a verb', 'A harbour pilot warned that the pier is a danger.', ['indirect A harbour pilot|warned|the pier is a danger']],
    ['an -ed form after a count is an adjective', 'Holt leads Berg by roughly 270 pledged delegates.', []],
    ['an -ed form after an article is an adjective', 'The pledged delegates said the vote was fair.', ['indirect The pledged delegates|said|the vote was fair']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('a vague source phrase is the subject of its verb, and alone attributes nothing', () => {
  it.each([
    ['a source phrase in object position', 'The plan angered insiders and many people in town.', []],
    ['a source phrase at the end', 'The pier plan hurt many people.', []],
    ['a passive with the phrase as agent is the verb\'s', 'The pier plan was welcomed by many people.', ['summary many people|welcomed|The pier plan']],
    ['the phrase and its verb give one attribution', 'Insiders say the mayor will quit.', ['vague Insiders|the mayor will quit|unaligned|anonymous']],
    ['"familiar with" keeps its object in the speaker, not the content', 'A source familiar with the talks said the deal was close.', ['vague A source familiar with the talks|the deal was close|unaligned|anonymous']],
    ['postposed', 'The deal is close, people familiar with the talks said.', ['vague people familiar with the talks|The deal is close|unaligned|anonymous']],
    ['an auxiliary between phrase and verb', 'People close to the harbour board have said the pier will close.', ['vague People close to the harbour board|the pier will close|unaligned|anonymous']],
    ['an auxiliary opens a verb that is no speech', 'Many people had used the ferry for years.', []],
    ['a verb the lists lack keeps the phrase', 'Foreign observers worry the pier will close.', ['vague observers|worry the pier will close|unaligned|anonymous']],
    ['a vague cue with its own verb is unchanged', 'Critics say the pier is unsafe.', ['vague Critics say|the pier is unsafe|unaligned|anonymous']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('an -ed verb after an object is a participle that names or describes, no speech', () => {
  it.each([
    ['naming a group', 'Residents formed a group called the Harbour Friends.', []],
    ['naming a person', 'The council hired a consultant called Anna Berg.', []],
    ['a subject opening the clause keeps its speech act', 'A senator called the plan a disgrace.', ['summary A senator|called|called the plan a disgrace']],
    ['after a preposition the phrase is part of the subject', 'Officials in a town called for calm.', ['summary Officials in a town|called for|called for calm']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('an opening phrase that is no content: a time before a preposition, a role before the name', () => {
  it.each([
    ['a time word and its preposition', 'Earlier in 2012, Anna Berg wrote to the mayor about the pier.', []],
    ['a role before the name in commas', 'One hopeful, Anna Berg, says she will vote for the pier.', ['indirect Anna Berg|says|she will vote for the pier']],
    ['a clause before the speaker stays content', 'Yesterday the ferry sank, Holt said.', ['indirect Holt|said|Yesterday the ferry sank']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('a document that is the object of another verb does not speak for its issuer', () => {
  it.each([
    ['a statement issued', 'The harbour board issued a statement saying the pier would close.', ['indirect The harbour board|saying|the pier would close']],
    ['a video posted', 'Anna Berg posted a short video showing the pier was closed.', ['summary Anna Berg|posted|posted a short video showing the pier was closed', 'indirect Anna Berg|showing|the pier was closed']],
    ['a document as subject still speaks', 'A statement said the pier would close.', ['indirect A statement|said|the pier would close']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

// A verb of speaking that takes no clause (speak: reporting-verbs.jsonl `needs` topic, speech-topics.jsonl,
// speech-topics.ts) reports a statement only with what was spoken of; an appearance or a skill gives the
// subject no statement. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';

const speakCues = (text: string): string[] =>
  analyze(text)
    .attributions.filter((a) => a.cue !== null && a.cue[2] === 'speak')
    .map((a) => `${a.mode} ${text.slice(a.cue![0], a.cue![1])}${a.content ? ` «${text.slice(a.content[0], a.content[1])}»` : ''}`);

describe('speak names an appearance or a skill: no statement', () => {
  it.each([
    ['spoke at a place', 'The mayor spoke at the harbour on Tuesday about the new ferry timetable.'],
    ['spoke to reporters', 'Holt spoke to reporters after the council meeting in Leeds.'],
    ['spoke up', 'The driver finally spoke up, and the crowd went quiet.'],
    ['speaks a language', 'Berg speaks fluent Danish and some German.'],
    ['speaking fees', 'The minister earned large speaking fees from two banks.'],
    ['spoke before someone', 'Three farmers spoke before the minister addressed the rally.'],
  ])('%s', (_label, text) => {
    expect(speakCues(text)).toEqual([]);
  });
});

describe('speak with a topic: a statement', () => {
  it.each([
    ['spoke briefly of', 'The minister spoke briefly of his friendship with the mayor before attacking the council.', 'indirect spoke «briefly of his friendship with the mayor»'],
    ['spoke favorably of', 'The mayor spoke favorably of the new toll before the vote.', 'indirect spoke «favorably of the new toll before the vote»'],
    ['spoke warmly about', 'Holt spoke warmly about her years at the port.', 'indirect spoke «warmly about her years at the port»'],
  ])('%s', (_label, text, row) => {
    expect(speakCues(text)).toEqual([row]);
  });

  it('a participle between commas leaves the statement to the verb after it', () => {
    const text = 'Berg, speaking at a rally in Hull on Friday, warned that the toll would ruin the port.';
    expect(analyze(text).attributions.map((a) => a.cue?.[2])).toEqual(['warn']);
  });
});

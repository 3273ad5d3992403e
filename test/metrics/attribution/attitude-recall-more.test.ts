/**
 * Attitude and document classes added in the sixth session (issue #12), one table per class, on sentences
 * written for the project.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';

/** `mode speaker|cue|content` rows for the attributions of `text`. */
function rows(text: string): string[] {
  const report = analyze(text);
  const said = (span: readonly [number, number, ...unknown[]] | null): string => (span === null ? '-' : report.text.slice(span[0], span[1]));
  return report.attributions.map((a) => `${a.mode} ${said(a.speaker)}|${said(a.cue)}|${said(a.content)}`);
}

describe('bare fear, worry, doubt and hate as the verb of a view (bare-attitude-verbs.jsonl)', () => {
  it.each([
    ['fear after a plural, before a clause', 'Many riders fear the new fares will empty the ferry.', ['attitude Many riders|fear|the new fares will empty the ferry']],
    ['fear before a clause opened by a pronoun', 'Harbour traders fear they will lose the summer trade.', ['attitude Harbour traders|fear|they will lose the summer trade']],
    ['fears after he', 'But he fears the pier has lost its charm.', ['attitude he|fears|the pier has lost its charm']],
    ['fears after a name', 'Mayor Berg fears the vote is already lost.', ['attitude Mayor Berg|fears|the vote is already lost']],
    ['worries after she', 'She worries the ferry will not run in winter.', ['attitude She|worries|the ferry will not run in winter']],
    ['worries after a noun is causative', 'The fare rise worries the harbour traders.', []],
    ['hate after a pronoun', 'They hate the new toll because it hits the poorest riders.', ['attitude They|hate|the new toll because it hits the poorest riders']],
    ['the noun after a possessive', 'Their fears grew after the storm.', []],
    ['the noun before of', 'Fears of a strike grew on the pier.', []],
    ['worry about stays the lexicon’s phrase', 'Many riders worry about the winter timetable.', ['attitude Many riders|worry about|the winter timetable']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a passive view right after its noun, across an adverb or a comma', () => {
  it.each([
    ['an adverb and a comma: the appositive ends at its comma', 'The Harbour Guild, also known as the Wharf Club, met on Monday.', ['attitude -|also known as|The Harbour Guild, also known as the Wharf Club']],
    ['now known as', 'The old mill, now known as the Weaver Hall, reopened in May.', ['attitude -|now known as|The old mill, now known as the Weaver Hall']],
    ['a degree after be', 'Berg is best known for her harbour murals.', ['attitude -|is best known for|Berg is best known for her harbour murals']],
    ['a pronoun before the comma holds no view', 'She, also known as the Skipper, left early.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

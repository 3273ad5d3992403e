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
    ['support in a relative clause set off by commas', 'Older riders, who strongly support the new fares, came early.', ['attitude Older riders|support|the new fares']],
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

describe('an attitude verb with the preposition that opens its object (attitude-verbs.jsonl)', () => {
  it.each([
    ['agreed with', 'The harbour master agreed with the divers’ findings.', ['attitude The harbour master|agreed with|the divers’ findings']],
    ['agree on', 'Both councils agree on the need for a new pier.', ['attitude Both councils|agree on|the need for a new pier']],
    ['hoping for', 'The riders are hoping for a mild winter on the ferry.', ['attitude The riders|hoping for|a mild winter on the ferry']],
    ['believe in', 'Many islanders still believe in the old ferry line.', ['attitude Many islanders|believe in|the old ferry line']],
    ['disagrees with', 'Berg disagrees with the new timetable.', ['attitude Berg|disagrees with|the new timetable']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a document or poll in a relative clause reports what it shows', () => {
  it.each([
    ['polls that show', 'Holt cited harbour polls that show her well ahead of Berg.', ['indirect Holt|cited|harbour polls that show her well ahead of Berg', 'indirect polls|show|her well ahead of Berg']],
    ['which found, ending at its comma', 'The audit, which found the fares were too high, angered the riders.', ['indirect The audit|found|the fares were too high']],
    ['a view after the relative clause is its holder’s', 'After months of polling that showed Holt ahead, the riders doubted that she could win.', ['indirect polling|showed|Holt ahead', 'attitude the riders|doubted that|she could win']],
    ['no document before the relative pronoun', 'The divers that found the wreck left on Monday.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('an attitude’s object may be one noun', () => {
  it.each([
    ['a noun', 'Senator Holt opposes conscription.', ['attitude Senator Holt|opposes|conscription']],
    ['a noun after a modal', 'The mayor will seek reelection.', ['attitude The mayor|seek|reelection']],
    ['a particle is no object', 'The harbour board backed down.', []],
    ['an object pronoun is left out', 'The riders backed her.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('remember reports a view of the past', () => {
  it.each([
    ['with an object and as', 'Holt remembers the old pier as a lifeline for the island.', ['attitude Holt|remembers|the old pier as a lifeline for the island']],
    ['with a that-clause', 'Berg remembered that the fares were low.', ['attitude Berg|remembered|the fares were low']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('inquiries, investigations and papers report what they found (speaker-nouns.jsonl 1.3.0)', () => {
  it.each([
    ['an inquiry', 'The harbour inquiry found no fault with the pilots.', ['indirect The harbour inquiry|found|no fault with the pilots']],
    ['a research paper', 'One influential paper found higher fares in the winter months.', ['indirect One influential paper|found|higher fares in the winter months']],
    ['divers are no document', 'The divers found cracks in the pier.', []],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

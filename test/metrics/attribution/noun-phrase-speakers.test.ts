import { describe, expect, it } from 'vitest';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { countryIn, nounPhraseAfter, nounPhraseBefore, subjectBeforeRelativeClause } from '../../../src/core/metrics/attribution/noun-phrase-speakers.ts';
import type { SentenceRef } from '../../../src/core/metrics/attribution/types.ts';
import { scanOf, tokensOf } from './scan-of.ts';

/** The speaker phrase found at the first cue of a one-sentence text, looking the given way. */
function speakerAt(text: string, look: 'before' | 'after' | 'relative'): string {
  const scan = scanOf(text);
  const cue = findCues(scan)[0];
  if (cue === undefined) return 'no cue';
  const sentence = scan.sentences[cue.sentence] as SentenceRef;
  if (look === 'after') return tokensOf(scan, nounPhraseAfter(scan, cue.t1, sentence.tokenEnd));
  if (look === 'relative') return tokensOf(scan, subjectBeforeRelativeClause(scan, cue.t0, sentence.tokenStart));
  return tokensOf(scan, nounPhraseBefore(scan, cue.t0, sentence.tokenStart));
}

describe('speaker noun phrases', () => {
  it.each([
    ['a name', 'Peskov said the talks would resume.', 'before', 'Peskov'],
    ['a body with an article', 'The Kremlin said on Friday that the talks would resume.', 'before', 'The Kremlin'],
    ['over auxiliaries and adverbs', 'Peskov has also repeatedly said the talks would resume.', 'before', 'Peskov'],
    ['a name with an appositive', "Sergei Lavrov, Russia's foreign minister, said the door remained open.", 'before', "Sergei Lavrov, Russia's foreign minister"],
    ['a name with an appositive whose role words are in no list', 'Anna Berg, the harbour manager, said the boats were old.', 'before', 'Anna Berg, the harbour manager'],
    ['a name with an indefinite appositive', 'Tom Hale, a retired ferry pilot, said the crossing was rough.', 'before', 'Tom Hale, a retired ferry pilot'],
    ['an appositive with a relative clause on its role', 'Tom Hale, a pilot who has crossed the strait for years, said the crossing was rough.', 'before', 'Tom Hale, a pilot who has crossed the strait for years'],
    ['a date alone is no speaker', 'A council memo published Wednesday said the ferry lost money.', 'before', '-'],
    ['a clause between commas is no appositive', 'Tom Hale, who was there, said the crossing was rough.', 'before', '-'],
    ['a date before the comma ends the clause, not a list of names', 'The ferry stops in June, council members said.', 'before', 'council members'],
    ['a portfolio between a country and a title', "France's maritime minister said the licences were not enough.", 'before', "France's maritime minister"],
    ['without an introductory phrase', 'In Moscow, Peskov said the talks would go on.', 'before', 'Peskov'],
    ['without two introductory phrases', 'Then, in 2017, Peskov said the talks would go on.', 'before', 'Peskov'],
    ['without an adverb that opens the sentence', 'Meanwhile, the mayor said the pier would open.', 'before', 'the mayor'],
    ['a pronoun', 'He said the talks would go on.', 'before', 'He'],
    ['a sentence-initial word is no speaker', 'But said the talks would go on.', 'before', '-'],
    ['inverted after the verb', 'The talks would go on, said the minister.', 'after', 'the minister'],
    ['inverted, with an appositive', "The door is open, said Sergei Lavrov, Russia's foreign minister.", 'after', "Sergei Lavrov, Russia's foreign minister"],
    ['the subject before a relative clause', 'A senior diplomat, who asked not to be named, said the talks had failed.', 'relative', 'A senior diplomat'],
  ] as const)('%s', (_name, text, look, expected) => {
    expect(speakerAt(text, look)).toBe(expected);
  });

  it('reads the country a speaker phrase names', () => {
    const scan = scanOf('A senior Russian diplomat said the talks had failed.');
    const cue = findCues(scan)[0];
    const speaker = cue === undefined ? null : nounPhraseBefore(scan, cue.t0, 0);
    expect(speaker === null ? null : countryIn(scan, speaker.t0, speaker.t1)).toBe('RU');
  });
});

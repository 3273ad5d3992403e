import { describe, expect, it } from 'vitest';
import { findCues } from '../../../src/core/metrics/attribution/cues.ts';
import { scanOf, tokensOf } from './scan-of.ts';

/** Cues as `text [kind]`, with a verb's stance. */
function cueRows(text: string): string[] {
  const scan = scanOf(text);
  return findCues(scan).map((cue) => `${tokensOf(scan, cue)} [${cue.ref.kind}${cue.ref.kind === 'verb' ? ` ${cue.ref.stance}` : ''}]`);
}

describe('findCues', () => {
  it.each([
    ['a reporting verb', 'Peskov said the talks would resume.', ['said [verb neutral]']],
    ['a verb with a stance', 'Ukraine accused Moscow of massing troops near the border.', ['accused [verb adversarial]']],
    ['a sourcing phrase', 'According to the Pentagon, the drills will last two weeks.', ['According to [according]']],
    ['a non-response, whole', 'The ministry did not respond to a request for comment.', ['did not respond to a request for comment [non-response]']],
    ['vague attribution', 'Critics say the plan will fail.', ['Critics say [vague]']],
    ['nothing inside a quotation', '"We said nothing," he said.', ['said [verb neutral]']],
    ['an anonymity marker is no cue', 'A senior official, who spoke on condition of anonymity, said the plan was dead.', ['said [verb neutral]']], // spoke has no topic (speech-topics.ts)
    ['no cue', 'The talks resumed in Geneva.', []],
  ])('%s', (_name, text, expected) => {
    expect(cueRows(text)).toEqual(expected);
  });

  it('cites the rules for "according to" and the lexicon for a verb', () => {
    const scan = scanOf('According to the Pentagon, the drills will last two weeks, officials said.');
    expect(findCues(scan).map((cue) => cue.ref.lexicon.split('@')[0])).toEqual(['rules', 'vague-attribution']);
  });
});

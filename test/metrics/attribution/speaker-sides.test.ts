import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../../src/core/data/index.ts';
import { applySides, sideOfActor, sidesMentioned } from '../../../src/core/metrics/attribution/speaker-sides.ts';
import type { SidesMapping } from '../../../src/core/metrics/attribution/types.ts';
import { voicedBy } from '../../../src/core/metrics/attribution/voiced-by.ts';
import { resolvedAttributions, scanOf } from './scan-of.ts';

/** The speakers' sides after the caller's labels, and every side the article mentions. */
function sidesOf(text: string, sides: SidesMapping = {}, scored?: Uint8Array): { speakers: string[]; mentioned: string[] } {
  const scan = scanOf(text);
  const { attributions, memory } = resolvedAttributions(scan);
  applySides(attributions, scan.lexicons, memory.personSide, sides, scan.article.text);
  return { speakers: attributions.map((a) => a.side), mentioned: sidesMentioned(scan, attributions, sides, scored) };
}

describe('speaker sides', () => {
  it.each([
    ['a person takes the side of the body they speak for', 'ru-peskov', 'RU'],
    ['an international body is its own side', 'nato', 'NATO'],
    ['no actor', null, 'unaligned'],
  ])('sideOfActor: %s', (_name, id, expected) => {
    expect(sideOfActor(loadLexicons(), id)).toBe(expected);
  });

  it.each([
    ['speakers and actors mentioned', 'Dmitry Peskov said NATO was to blame for the crisis.', {}, { speakers: ['RU'], mentioned: ['NATO', 'RU'] }],
    ['a place only named as a location is no side', 'Talks in Switzerland ended. Dmitry Peskov said the crisis would go on.', {}, { speakers: ['RU'], mentioned: ['RU'] }],
    ['the caller regroups sides under labels', 'Dmitry Peskov said NATO was to blame for the crisis.', { East: ['RU'] }, { speakers: ['East'], mentioned: ['East', 'NATO'] }],
  ])('%s', (_name, text, sides, expected) => {
    expect(sidesOf(text, sides)).toEqual(expected);
  });

  it('leaves out paragraphs that are not scored', () => {
    expect(sidesOf('NATO ministers met.\n\nDmitry Peskov said the crisis would go on.', {}, Uint8Array.from([0, 1])).mentioned).toEqual(['RU']);
  });

  it('voices the content of reported speech, not its cue', () => {
    const scan = scanOf('Ukraine accused Moscow of massing troops.');
    const { attributions } = resolvedAttributions(scan);
    const voiced = voicedBy(scan.article, attributions);
    const words = scan.article.tokens.norm.map((word, t) => `${word}${voiced[t] === -1 ? '' : '*'}`);
    expect(words).toEqual(['ukraine', 'accused', 'moscow*', 'of*', 'massing*', 'troops*']);
  });
});

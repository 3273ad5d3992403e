import { describe, expect, it } from 'vitest';
import { resolvedAttributions, scanOf, textOf } from './scan-of.ts';
import { speakerRange } from '../../../src/core/metrics/attribution/types.ts';

/** Every attribution as `speaker -> actor side[ anonymous[ (reason)]]`, after resolution and before the caller's side labels. */
function resolvedRows(text: string): string[] {
  const scan = scanOf(text);
  return resolvedAttributions(scan).attributions.map((a) => {
    const anonymous = a.anonymous ? (a.anonymityReason === true ? ' anonymous (reason)' : ' anonymous') : '';
    return `${textOf(scan, speakerRange(a))} -> ${a.actor ?? '-'} ${a.side}${anonymous}`;
  });
}

describe('resolveFindings (speaker resolution, in text order)', () => {
  it.each([
    ['a gazetteer person', 'Dmitry Peskov said the talks would go on.', ['Dmitry Peskov -> ru-peskov RU']],
    ['a pronoun finds the person named since the last speaker', 'Dmitry Peskov spoke on Monday. He said the talks would go on.', ['He -> ru-peskov RU']],
    ['a title finds the earlier speaker', 'Dmitry Peskov said the talks would go on. The Kremlin spokesman added that no date was set.', ['Dmitry Peskov -> ru-peskov RU', 'The Kremlin spokesman -> ru-peskov RU']],
    ['"it" finds the body named earlier in the sentence', 'Russia has moved troops to the border, but it said the drills would end soon.', ['it -> ru-gov RU']],
    [
      'a person not in the gazetteer, found again by surname',
      'Maria Lopez, a local councillor, said the road would close. Lopez said the work would take a year.',
      ['Maria Lopez, a local councillor -> person:maria-lopez unaligned', 'Lopez -> person:maria-lopez unaligned'],
    ],
    ['a person takes the country the phrase names', "Britain's fisheries minister Alan Royce said more licences would follow.", ["Britain's fisheries minister Alan Royce -> person:alan-royce GB"]],
    ['an unnamed role is anonymous', 'A senior Russian diplomat said the talks had failed.', ['A senior Russian diplomat -> - RU anonymous']],
    [
      'with the reason given',
      'A senior diplomat, who was not authorized to speak publicly, said the talks had failed.',
      ['A senior diplomat -> - unaligned anonymous (reason)'],
    ],
    ['declining to comment is never anonymous', 'A spokesman declined to comment.', ['A spokesman -> - unaligned']],
    ['a continued quotation keeps its speaker, named where the quotation began', '"Nobody wants a war," Peskov told reporters.\n\n"But we will defend our interests if we must, as we always have."', ['Peskov -> ru-peskov RU', 'Peskov -> ru-peskov RU']],
  ])('%s', (_name, text, expected) => {
    expect(resolvedRows(text)).toEqual(expected);
  });

  // The memory keeps the latest twelve attributions for a title's look-back and, apart, the anonymous unnamed
  // sources a definite role takes up however far back: each must read as the whole history did.
  const councillor = (between: number) => `Maria Lopez, a local councillor, said the road would close. ${'Dmitry Peskov said the talks would go on. '.repeat(between)}The councillor added that no date was set.`;
  it.each([
    ['a title finds the speaker twelve attributions back', councillor(11), 'The councillor -> person:maria-lopez unaligned'],
    ['but not thirteen', councillor(12), 'The councillor -> - unaligned'],
    ['a definite role takes up an anonymous official twenty attributions back', `A senior official said the ferry would stop. ${'Dmitry Peskov said the talks would go on. '.repeat(20)}The official said it would run again in May.`, 'The official -> - unaligned anonymous'],
    ['but not one who declined to comment', 'A spokesman declined to comment. The spokesman said the ferry would run again in May.', 'The spokesman -> - unaligned'],
  ])('%s', (_name, text, last) => {
    expect(resolvedRows(text).at(-1)).toBe(last);
  });

  /** `speaker -> actor side kind[ anonymous]` for each attribution. */
  function kindRows(text: string): string[] {
    const scan = scanOf(text);
    return resolvedAttributions(scan).attributions.map((a) => `${textOf(scan, speakerRange(a))} -> ${a.actor ?? '-'} ${a.side} ${a.speakerKind ?? '?'}${a.anonymous ? ' anonymous' : ''}`);
  }

  it.each([
    ['a company by a common noun, unnamed', 'The company said it would hire forty people.', ['The company -> - unaligned company']],
    ['a campaign', 'The campaign said it raised five million dollars.', ['The campaign -> - unaligned organisation']],
    ['the company takes the one company named before', 'Harbor Logistics Inc. said profits rose. The company said it would hire forty people.', ['Harbor Logistics Inc -> org:harbor-logistics-inc unaligned company', 'The company -> org:harbor-logistics-inc unaligned company']],
    ['a share of respondents is no anonymous source', 'Sixty percent said the economy was getting worse.', ['Sixty percent -> - unaligned quantity']],
    ['one official, inverted, with a modifier', '"The ferry will run again," said one harbour official.', ['one harbour official -> - unaligned person anonymous']],
    ['a senior diplomat is anonymous', 'A senior diplomat said the talks had failed.', ['A senior diplomat -> - unaligned person anonymous']],
    ['a spokeswoman for a company is anonymous', 'A spokeswoman for the company said the plant would close.', ['A spokeswoman for the company -> - unaligned person anonymous']],
    ['a definite role the article identifies is not anonymous', 'The mayor said the ferry would run again.', ['The mayor -> - unaligned person']],
    ['but takes up an earlier anonymous official', 'A senior official said the ferry would stop. The official said it would run again in May.', ['A senior official -> - unaligned person anonymous', 'The official -> - unaligned person anonymous']],
  ])('common-noun speakers: %s', (_name, text, expected) => {
    expect(kindRows(text)).toEqual(expected);
  });

  it.each([
    ['a bare surname', 'Sanders said the system was rigged against workers.', ['Sanders -> name:sanders unaligned ?']],
    ['an honorific makes a person', 'Mr. Holt said the ferry would run again.', ['Mr. Holt -> person:holt unaligned person']],
    ['a surname finds a person named before who never spoke', 'Jane Holt, the mayor, arrived on Monday. Holt said the ferry would run again.', ['Holt -> person:jane-holt unaligned person']],
    ['an inner capital names an organisation', 'TimeWarner said the merger would close next year.', ['TimeWarner -> org:timewarner unaligned organisation']],
    ['a department is an agency', 'The Labor Department said unemployment fell in March.', ['The Labor Department -> org:labor-department unaligned agency']],
    ['a company takes no side from its name', 'British Airways said the flights would resume on Monday.', ['British Airways -> org:british-airways unaligned company']],
    ['a legal suffix is a company, not a person', 'Acme Corp said the plant would close in May.', ['Acme Corp -> org:acme-corp unaligned company']],
    // A sentence's first word is a common noun when the article writes it in lower case elsewhere; a word no list
    // knows is matched by its whole form, never by its length and first letter alone ("marrow" is not "marlow").
    ['a first word written in lower case elsewhere is no name', 'Lamplighters said the street was dark. Two lamplighters left at dawn.', ['Lamplighters -> - unaligned ?']],
    ['a word of its length and first letter is not its lower case', 'Marlow said the street was dark. The marrow of the plan was the pier.', ['Marlow -> name:marlow unaligned ?']],
  ])('named speakers the gazetteer lacks are named: %s', (_name, text, expected) => {
    expect(kindRows(text)).toEqual(expected);
  });

  it('asks each article afresh whether it writes a sentence opener in lower case (the answers are kept per article)', () => {
    const common = 'Lamplighters said the street was dark. Two lamplighters left at dawn.';
    const named = 'Lamplighters said the street was dark. The pier stayed open.';
    expect([kindRows(common), kindRows(named), kindRows(common)]).toEqual([['Lamplighters -> - unaligned ?'], ['Lamplighters -> name:lamplighters unaligned ?'], ['Lamplighters -> - unaligned ?']]);
  });

  it('finds each of two thousand people again by a variant of the surname (surnames are indexed, not compared one by one)', () => {
    const syllables = ['ba', 'ko', 'ri', 'mu', 'te', 'sa', 'no', 'vi', 'de', 'lu'];
    const surname = (i: number): string => `${'Ka'}${syllables[i % 10]}${syllables[Math.floor(i / 10) % 10]}${syllables[Math.floor(i / 100) % 10]}${syllables[Math.floor(i / 1000) % 10]}`;
    const text = Array.from({ length: 2000 }, (_, i) => `Jo ${surname(i)} arrived on Monday. ${surname(i)}e said the ferry would run again this summer.`).join('\n\n');
    const scan = scanOf(text);
    const actors = resolvedAttributions(scan).attributions.map((a) => a.actor);
    expect(actors).toHaveLength(2000);
    expect(actors.every((actor, i) => actor === `person:jo-${surname(i).toLowerCase()}`)).toBe(true);
  });
});

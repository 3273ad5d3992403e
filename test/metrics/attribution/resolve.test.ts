import { describe, expect, it } from 'vitest';
import { resolvedAttributions, scanOf, textOf } from './scan-of.ts';

/** Every attribution as `speaker -> actor side[ anonymous[ (reason)]]`, after resolution and before the caller's side labels. */
function resolvedRows(text: string): string[] {
  const scan = scanOf(text);
  return resolvedAttributions(scan).attributions.map((a) => {
    const anonymous = a.anonymous ? (a.anonymityReason === true ? ' anonymous (reason)' : ' anonymous') : '';
    return `${textOf(scan, a.speaker)} -> ${a.actor ?? '-'} ${a.side}${anonymous}`;
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
    ['a continued quotation keeps its speaker', '"Nobody wants a war," Peskov told reporters.\n\n"But we will defend our interests if we must, as we always have."', ['Peskov -> ru-peskov RU', '- -> ru-peskov RU']],
  ])('%s', (_name, text, expected) => {
    expect(resolvedRows(text)).toEqual(expected);
  });
});

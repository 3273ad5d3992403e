import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, attributionBalance, countBalance, type Report } from '../../../src/index.ts';

/** Attributions as `mode speaker|cue|side[ -> target]` rows, easy to read in a table. */
function rows(report: Report): string[] {
  return report.attributions.map((a) => {
    const said = (span: readonly [number, number, ...unknown[]] | null | undefined): string => (span == null ? '-' : report.text.slice(span[0], span[1]));
    const target = a.target === undefined ? '' : ` -> ${said(a.target)}`;
    return `${a.mode} ${said(a.speaker)}|${said(a.cue)}|${a.side}${a.anonymous ? '|anonymous' : ''}${target}`;
  });
}
const contentOf = (report: Report): string[] => report.attributions.map((a) => (a.content === null ? '-' : report.text.slice(a.content[0], a.content[1])));

describe('attribution patterns', () => {
  it.each([
    ['speaker after a direct quote', '"We see no grounds for optimism at this stage," Peskov said.', ['direct Peskov|said|RU']],
    ['inverted speaker with an appositive', '"The door remains open to talks with everyone," said Sergei Lavrov, Russia\'s foreign minister.', ['direct Sergei Lavrov, Russia\'s foreign minister|said|RU']],
    ['speaker before, with a colon', 'Peskov told reporters: "There will be no talks this week, and nobody should expect them."', ['direct Peskov|told|RU']],
    ['a mixed quote', 'Peskov said the talks were "frank and businesslike."', ['mixed Peskov|said|RU']],
    ['indirect speech with a time phrase', 'The Kremlin said on Friday that the talks would resume next month.', ['indirect The Kremlin|said|RU']],
    ['postposed attribution', 'The talks will resume next month, U.S. officials said.', ['indirect U.S. officials|officials said|US|anonymous']],
    ['according to', 'According to the Pentagon, the drills will last two weeks.', ['indirect the Pentagon|According to|US']],
    ['a summary act with its target', 'Ukraine accused Moscow of massing troops near the border.', ['summary Ukraine|accused|UA -> Moscow']],
    ['vague attribution', 'Critics say the plan will fail.', ['vague Critics say|Critics say|unaligned|anonymous']],
    ['a non-response', 'The ministry did not respond to a request for comment.', ['non-response The ministry|did not respond to a request for comment|unaligned']],
    ['a portfolio between a country and a title', "France's maritime minister said on Tuesday that the licences were not enough.", ["indirect France's maritime minister|said|FR"]],
    [
      'a named holder of a title just introduced by its country',
      "Britain's fisheries minister said the talks would go on.\n\nMinister Alan Royce said on Wednesday that more licences would follow.",
      ["indirect Britain's fisheries minister|said|GB", 'indirect Minister Alan Royce|said|GB'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(rows(analyze(text))).toEqual(expected);
  });

  it('treats a split quote as one attribution covering both parts', () => {
    const report = analyze('"We will not give up," Zelensky said, "and we will rebuild every town."');
    expect(rows(report)).toEqual(['direct Zelensky|said|UA']);
    expect(contentOf(report)).toEqual(['"We will not give up," Zelensky said, "and we will rebuild every town."']);
  });

  it('continues the previous speaker in a quotation paragraph with no cue', () => {
    const report = analyze('"Nobody wants a war," Peskov told reporters.\n\n"But we will defend our interests if we must, as we always have."');
    expect(rows(report)).toEqual(['direct Peskov|told|RU', 'direct Peskov|-|RU']);
    expect(report.attributions[1]?.actor).toBe(report.attributions[0]?.actor);
  });

  it('resolves pronouns and titles to the earlier speaker', () => {
    const report = analyze('Dmitry Peskov spoke on Monday. He said the talks would go on. The Kremlin spokesman added that no date was set.');
    expect(report.attributions.map((a) => a.actor)).toEqual([report.attributions[0]?.actor, report.attributions[0]?.actor]);
    expect(report.attributions[0]?.actor).toMatch(/peskov/);
  });

  it('does not take a dateline for a speaker', () => {
    const report = analyze('MOSCOW (Reuters) - Officials said on Tuesday that the talks would resume.');
    expect(report.attributions.map((a) => (a.speaker === null ? undefined : report.text.slice(a.speaker[0], a.speaker[1])))).toEqual(['Officials said']);
    expect(report.summary.attribution.sidesMentioned).toEqual([]);
  });

  it('reads each article afresh after a longer one (the per-token arrays are reused from article to article)', () => {
    const short = 'Peskov said the talks would resume next month. Critics say they will not.';
    const long = 'MOSCOW (Reuters) - Dmitry Peskov, the Kremlin spokesman, said on Friday that the talks would go on. "Nobody wants a war," said Sergei Lavrov, Russia\'s foreign minister.\n\nThe Pentagon said the drills would last two weeks.';
    const before = rows(analyze(short));
    expect(before).toEqual(['indirect Peskov|said|RU', 'vague Critics say|Critics say|unaligned|anonymous']);
    expect(rows(analyze(long))).toContain('indirect Dmitry Peskov, the Kremlin spokesman|said|RU');
    expect(rows(analyze(short))).toEqual(before);
  });

  it('notes an anonymous source and whether a reason is given', () => {
    const report = analyze('A senior Russian diplomat, who spoke on condition of anonymity because he was not authorised to speak publicly, said the talks had stalled.');
    expect(report.attributions[0]).toMatchObject({ mode: 'indirect', side: 'RU', anonymous: true, anonymityReason: true });
  });

  it('lets the caller group actors into sides', () => {
    const text = 'Ukraine accused Moscow of massing troops. NATO said the drills were a threat. Peskov said Russia posed no threat.';
    const grouped = analyze({ text, sides: { 'US/West': ['ua-gov', 'nato', 'US'] } });
    expect(new Set(grouped.attributions.map((a) => a.side))).toEqual(new Set(['US/West', 'RU']));
  });
});

describe('voices', () => {
  it('reads each article\'s voices afresh after a longer one (the per-token speaker column is reused)', () => {
    const voices = (text: string): string[] => analyze(text).paragraphs.flatMap((p) => p.findings).map((f) => `${f.text}:${f.voice}:${f.speaker ?? '-'}`);
    const short = 'The corrupt regime staged an aggressive provocation. Peskov said it was deplorable.';
    const long = '"The corrupt regime staged an aggressive provocation, a deplorable and shameful act," Peskov said. '.repeat(6);
    const before = voices(short);
    expect(before).toEqual(expect.arrayContaining([expect.stringMatching(/^corrupt:author:-$/), expect.stringMatching(/^deplorable:reported:ru-/)]));
    expect(voices(long)).toEqual(expect.arrayContaining([expect.stringMatching(/^corrupt:quoted:ru-/)]));
    expect(voices(short)).toEqual(before);
  });

  it('charges loaded words in reported speech and quotes to their speaker', () => {
    const report = analyze('Moscow says Washington is involved in aggressive moves. "It is a deplorable provocation," Peskov said.');
    const findings = report.paragraphs.flatMap((p) => p.findings).map((f) => `${f.text}:${f.voice}:${f.speaker ?? '-'}`);
    expect(findings).toEqual(expect.arrayContaining([expect.stringMatching(/^aggressive:reported:ru-/), expect.stringMatching(/^deplorable:quoted:ru-/)]));
  });
});

describe('balance', () => {
  it('is the normalised entropy of mode-weighted voice over the sides mentioned', () => {
    const direct = { mode: 'direct', side: 'A', content: null };
    const summary = { mode: 'summary', side: 'B', content: null };
    expect(attributionBalance([direct, { ...direct, side: 'B' }], ['A', 'B'])).toBeCloseTo(1, 6);
    expect(attributionBalance([direct], ['A', 'B'])).toBe(0);
    expect(attributionBalance([direct, summary], ['A', 'B'])).toBeLessThan(countBalance([direct, summary], ['A', 'B']) as number);
    expect(attributionBalance([direct], ['A'])).toBeNull();
  });

  it('on the seed: the Russian side is heard directly, the US, NATO and Ukraine only through summaries', () => {
    const text = readFileSync(new URL('../../../corpus/presstv-putin-biden.txt', import.meta.url), 'utf8');
    const report = analyze(text);
    const sides = new Map(report.summary.attribution.sides.map((s) => [s.side, s]));
    expect(sides.get('RU')?.byMode.direct).toBeGreaterThanOrEqual(2);
    for (const side of ['US', 'NATO', 'UA']) {
      // A side's modes list only those it has: none of these.
      expect(Object.keys(sides.get(side)?.byMode ?? {})).not.toContain('direct');
      expect(Object.keys(sides.get(side)?.byMode ?? {})).not.toContain('mixed');
      expect(Object.keys(sides.get(side)?.byMode ?? {})).not.toContain('indirect');
      expect(sides.get(side)?.byMode.summary).toBeGreaterThanOrEqual(1);
    }
    const { balance, countBalance: count } = report.summary.attribution;
    expect(balance).not.toBeNull();
    expect((count as number) - (balance as number)).toBeGreaterThan(0.1);
  });
});

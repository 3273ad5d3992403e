import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { runMetrics, type AttributionSummary } from '../../src/core/metrics/index.ts';
import { summariseAttribution } from '../../src/core/metrics/sides.ts';
import { lexicons } from '../helpers.ts';

/** The sides of an article's attributions, summarised over the paragraphs `scored` marks (all by default). */
function sidesOf(text: string, scored?: readonly number[]): AttributionSummary {
  const article = segmentArticle(text, lexicons.abbreviations);
  return summariseAttribution(article, runMetrics(article, lexicons).attribution, scored === undefined ? undefined : Uint8Array.from(scored));
}
/** Each side as `side attributions voice-share`, the way a reader scans the table. */
const rows = (summary: AttributionSummary): string[] => summary.sides.map((s) => `${s.side} ${s.attributions} ${s.voiceShare}`);

const bothQuoted = '"We want peace," Peskov said.\n\n"We will defend every town," Zelensky said.';

describe('sides and balance (summariseAttribution)', () => {
  it.each([
    ['each side quoted as often: balanced', `${bothQuoted}\n\nUkraine said on Friday that talks would resume.\n\nThe Kremlin said on Friday that talks would resume.`, 1, ['RU 2 0.5', 'UA 2 0.5']],
    ['one side quoted twice, the other once', `${bothQuoted}\n\n"Talks can resume," Peskov added.`, 0.9183, ['RU 2 0.6667', 'UA 1 0.3333']],
    [
      'a side accused and never heard has no voice: no balance at all',
      'Ukraine accused Moscow of massing troops near the border.\n\n"We will defend every town," Zelensky said.\n\n"No one will take our land," Zelensky added.',
      0,
      ['RU 0 0', 'UA 3 1'],
    ],
  ])('%s', (_name, text, balance, sides) => {
    const summary = sidesOf(text);
    expect(summary.balance).toBe(balance);
    expect(rows(summary)).toEqual(sides);
  });

  // While every counted attribution has one side, that side's list is the counted list itself, made apart once a
  // second side appears: each side's figures must hold every counted attribution of its own and nothing else.
  it.each([
    ['one side only', [1, 1, 1, 1], ['RU 4 1']],
    ['one side, then another after a paragraph left out', [1, 1, 0, 1, 1], ['RU 3 0.7143', 'UA 1 0.2857']],
    ['a paragraph left out before the first attribution', [0, 1, 1, 1, 1], ['RU 3 0.7143', 'UA 1 0.2857']],
  ])('counts each side apart: %s', (_name, scored, sides) => {
    const paragraphs = scored.length === 4 ? ['"We want peace," Peskov said.', '"Talks can resume," Peskov added.', 'The Kremlin said on Friday that talks would resume.', '"We are ready," Peskov said.'] : ['"We want peace," Peskov said.', '"Talks can resume," Peskov added.', '"No comment on that," Peskov said.', '"We will defend every town," Zelensky said.', 'The Kremlin said on Friday that talks would resume.'];
    expect(rows(sidesOf(paragraphs.join('\n\n'), scored))).toEqual(sides);
  });

  it('weighs a direct quotation above a summary of what someone did: voice balance below count balance', () => {
    const summary = sidesOf('Ukraine accused Moscow of massing troops near the border.\n\n"We will defend every town," Zelensky said.\n\n"This is a lie," Peskov said.');
    expect(summary.countBalance).toBe(0.9183);
    expect(summary.balance).toBe(0.9911);
    const russia = summary.sides.find((s) => s.side === 'RU');
    expect(russia).toMatchObject({ targeted: 1, repliedWhenTargeted: true, directShare: 1 });
  });

  it('weighs an attitude below a statement, as a summary, and counts it apart by mode', () => {
    const summary = sidesOf('The Kremlin wants security guarantees from NATO.\n\nUkraine said on Friday that talks would resume.');
    expect(rows(summary)).toEqual(['RU 1 0.3333', 'UA 1 0.6667']);
    expect(summary.sides.find((s) => s.side === 'RU')?.byMode).toEqual({ attitude: 1 });
    expect(summary.countBalance).toBeGreaterThan(summary.balance as number);
  });

  it('notes that an accused side never replied', () => {
    const summary = sidesOf('Ukraine accused Moscow of massing troops near the border.\n\n"We will defend every town," Zelensky said.');
    expect(summary.sides.find((s) => s.side === 'RU')).toMatchObject({ attributions: 0, targeted: 1, repliedWhenTargeted: false });
  });

  it('counts anonymous sources and non-responses, and keeps unaligned speakers out of the balance', () => {
    const summary = sidesOf('The Kremlin did not respond to a request for comment.\n\nU.S. officials said the drills would go on.\n\nCritics say the plan will fail.');
    expect(summary).toMatchObject({ attributions: 3, nonResponses: 1, anonymousRate: 1, insufficient: true, sidesMentioned: ['RU', 'US'] });
    expect(rows(summary)).toEqual(['RU 1 0', 'US 1 1', 'unaligned 1 0']);
  });

  it('marks a balance built on fewer than three voiced attributions as insufficient', () => {
    expect(sidesOf(bothQuoted)).toMatchObject({ balance: 1, insufficient: true });
  });

  it('counts only the paragraphs that are scored (not a headline or a caption)', () => {
    const summary = sidesOf(`${bothQuoted}\n\n"Talks can resume," Peskov added.`, [0, 1, 1]);
    expect(summary.attributions).toBe(2);
    expect(rows(summary)).toEqual(['RU 1 0.5', 'UA 1 0.5']);
  });

  it('measures how much of a long text states things on the outlet’s own authority', () => {
    const summary = sidesOf('The council approved a new budget on Tuesday after a long debate about the cost of the bus network and roads.\n\n"We want peace," Peskov said.');
    expect(summary.unattributedParagraphRate).toBe(1);
    expect(sidesOf(bothQuoted).unattributedParagraphRate).toBe(0);
  });

  it('summarises a side heard 200,000 times (Math.min over a spread list threw past ~150,000)', () => {
    const article = segmentArticle(bothQuoted, lexicons.abbreviations);
    const result = runMetrics(article, lexicons).attribution;
    const many = { ...result, attributions: Array.from({ length: 200_000 }, (_, i) => result.attributions[i % result.attributions.length]!) };
    const summary = summariseAttribution(article, many);
    expect(rows(summary)).toEqual(['RU 100000 0.5', 'UA 100000 0.5']);
    expect(summary.sides.map((s) => [s.firstParagraph, s.lastParagraph])).toEqual([[0, 0], [1, 1]]);
  });
});

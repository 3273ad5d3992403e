import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../src/index.ts';

// Articles written for these tests; each line or block is one paragraph.
const roles = (text: string): string[] => {
  const report = analyze(text);
  return report.paragraphs.map((p) => `${p.role}: ${report.text.slice(p.start, p.end).slice(0, 24).trimEnd()}`);
};

describe('block roles in plain text', () => {
  it.each([
    [
      'a news page saved as text: section label, headline, byline, date line, body, share bar, related links',
      'World\n\nFlood defences fail in Marlow as river peaks\n\nBy Tessa Orlin and Raj Patel\n\nUpdated 14 March 2024, 09:12 GMT\n\nThe river Ambry broke through the town\'s defences early on Thursday, flooding more than 200 homes, the council said.\n\nResidents were moved to the sports hall overnight.\n\nShare this article\n\nRelated stories:\n\nDrought warning for eastern farms',
      ['breadcrumb: World', 'headline: Flood defences fail in M', 'byline: By Tessa Orlin and Raj P', 'dateline: Updated 14 March 2024, 0', 'body: The river Ambry broke th', 'body: Residents were moved to', 'boilerplate: Share this article', 'boilerplate: Related stories:', 'boilerplate: Drought warning for east'],
    ],
    [
      'captions and credits: a photo marker, a position marker, a credit line',
      'Port strike enters second week\n\nDock workers (C) march past the harbour gates in Selby on Monday. (Photo by Ana Ruiz)\n\nPhoto: Reuters/Lena Marsh\n\nThe strike has halted most container traffic through the port, according to the harbour authority.',
      ['headline: Port strike enters secon', 'caption: Dock workers (C) march p', 'credit: Photo: Reuters/Lena Mars', 'body: The strike has halted mo'],
    ],
    [
      'a caption that ends in an agency credit after a bar or a slash',
      'Port strike enters second week\n\nDock workers march past the harbour gates in Selby on Monday | Reuters/Lena Marsh\n\nA crane stands idle at the empty container terminal on Tuesday / AFP\n\nThe strike has halted most container traffic through the port, according to the harbour authority.',
      ['headline: Port strike enters secon', 'caption: Dock workers march past', 'caption: A crane stands idle at t', 'body: The strike has halted mo'],
    ],
    [
      'a newsletter plug, cookie notice and comment count are boilerplate wherever they are',
      'Council approves new bus lanes\n\nThe council voted 7-2 on Tuesday to add bus lanes on Mill Road and Station Street.\n\nSign up for our morning briefing newsletter\n\nWork will begin in May, officials said.\n\nWe use cookies to improve your experience.\n\n12 comments',
      ['headline: Council approves new bus', 'body: The council voted 7-2 on', 'boilerplate: Sign up for our morning', 'body: Work will begin in May,', 'boilerplate: We use cookies to improv', 'boilerplate: 12 comments'],
    ],
    [
      'a pull quote repeats a quotation from the body',
      'Mayor defends budget\n\n"We cannot keep borrowing to pay for today"\n\nThe mayor told the council on Monday: "We cannot keep borrowing to pay for today, and I will not ask our children to."',
      ['headline: Mayor defends budget', 'pull-quote: "We cannot keep borrowin', 'body: The mayor told the counc'],
    ],
    [
      'plain prose without a page around it is all body',
      'The council met on Tuesday.\n\nIt approved the budget by seven votes to two.',
      ['body: The council met on Tuesd', 'body: It approved the budget b'],
    ],
    ['a single line is the article itself, even when it looks like furniture', 'Share this article', ['body: Share this article']],
    [
      // The first word is read through the first token when they coincide ("SHARE"), else from the line ("E" of "E-mail").
      'a share bar in capitals or opening with a joined word',
      'The council met on Tuesday and approved the budget by seven votes to two.\n\nSHARE ON FACEBOOK\n\nE-mail this article',
      ['body: The council met on Tuesd', 'boilerplate: SHARE ON FACEBOOK', 'boilerplate: E-mail this article'],
    ],
    [
      // Words are read one at a time while the line is ASCII, and the whole line is split once it is not.
      'a share bar is share-bar words only: one other word, early, late or outside ASCII, makes it prose',
      'The council met on Tuesday and approved the budget by seven votes to two.\n\nShare on Facebook, Twitter\n\nShare on Facebook \u2013 Twitter\n\nShare this article and win\n\nShare on Facebook, Caf\u00E9\n\nThe mayor said the vote had been close but fair to all sides.',
      ['body: The council met on Tuesd', 'boilerplate: Share on Facebook, Twitt', 'boilerplate: Share on Facebook \u2013 Twit', 'body: Share this article and w', 'body: Share on Facebook, Caf\u00E9', 'body: The mayor said the vote'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(roles(text)).toEqual(expected);
  });

  it('marks the paragraph that repeats the given title as the headline', () => {
    const report = analyze({ text: 'Rates held at 4%.\n\nThe central bank left its main rate unchanged on Thursday, as expected.', title: 'Rates held at 4%.' });
    expect(report.paragraphs.map((p) => [p.role, p.roleRule])).toEqual([
      ['headline', 'block/headline-title'],
      ['body', undefined],
    ]);
  });

  it('counts only scored paragraphs in the summary: loaded words in a caption or boilerplate change nothing', () => {
    const body = 'Talks resume in Geneva\n\nNegotiators met again on Monday to discuss a ceasefire, a spokesman said.';
    const withFurniture = `${body}\n\nFile photo: a shameful, disgraceful scene outside the talks (AFP photo)\n\nFollow us on Telegram for outrageous updates`;
    const plain = analyze(body).summary;
    const furnished = analyze(withFurniture).summary;
    expect(furnished.loadedLanguage).toEqual(plain.loadedLanguage);
    expect(furnished.words).toBe(plain.words);
    expect(furnished.blocks.byRole.caption).toBe(1);
    expect(furnished.blocks.byRole.boilerplate).toBe(1);
    // The caption's findings are still shown in its paragraph.
    const caption = analyze(withFurniture).paragraphs.find((p) => p.role === 'caption');
    expect(caption?.findings.map((f) => f.text)).toEqual(expect.arrayContaining(['shameful', 'disgraceful']));
  });
});

describe('headline versus body', () => {
  it('flags a headline markedly more loaded and more negative than a neutral body', () => {
    const report = analyze('Shameful council betrays furious residents in disgraceful vote\n\nThe council voted 5-4 on Tuesday to close the Elm Street library in June. The library had 300 regular users, according to council figures. The decision will save about $80,000 a year.');
    const flags = report.summary.headline?.flags.map((f) => f.code);
    expect(flags).toEqual(expect.arrayContaining(['more-loaded', 'more-negative']));
    expect(report.summary.headline?.flags.find((f) => f.code === 'more-loaded')?.message).toMatch(/Shameful|disgraceful/);
  });

  it('flags a quoted headline phrase the body never uses, and one the body uses without saying who said it', () => {
    const report = analyze('Minister\'s "betrayal" of farmers and a "shocking" fee\n\nThe minister announced a new levy on Monday. \n\nFarmers will pay a shocking fee from next year.');
    const flags = report.summary.headline?.flags.filter((f) => f.code === 'unattributed-quote') ?? [];
    expect(flags.map((f) => f.text)).toEqual(['"betrayal"', '"shocking"']);
    expect(flags[0]?.message).toContain('never uses');
    expect(flags[1]?.message).toContain('attributes them to no one');
    for (const flag of flags) expect(report.text.slice(flag.start, flag.end)).toBe(flag.text);
  });

  it('does not flag a headline quotation that the body attributes', () => {
    const report = analyze('Union calls pay offer "an insult"\n\nThe nurses\' union said on Friday that the offer was "an insult" to its members.');
    expect(report.summary.headline?.flags).toEqual([]);
  });

  it('reports no headline when the text starts with prose', () => {
    expect(analyze('The council met on Tuesday.\n\nIt approved the budget.').summary.headline).toBeNull();
  });
});

describe('caption checks', () => {
  it('finds the people a caption names and whether the body mentions them', () => {
    const report = analyze('Mill closure hits Dunmore\n\nFactory manager Irene Kask (R) speaks to workers outside the gates.\n\nThe Dunmore paper mill will close in March, its owner said. Irene Kask, who ran the mill for a decade, said the decision was painful.');
    const [caption] = report.summary.captions;
    expect(caption?.unrelated).toBe(false);
    expect(caption?.names.map((n) => [n.text, n.kind, n.matched])).toEqual([['Irene Kask', 'person', true]]);
  });

  it('flags a caption whose people the body never mentions', () => {
    const report = analyze('Mill closure hits Dunmore\n\nSinger Mara Vell (L) and actor Tom Reese arrive at a film premiere in Lisbon. (Getty Images photo)\n\nThe Dunmore paper mill will close in March, its owner said.');
    const [caption] = report.summary.captions;
    expect(caption?.unrelated).toBe(true);
    expect(caption?.names.filter((n) => n.kind === 'person').map((n) => n.text)).toEqual(['Mara Vell', 'Tom Reese']);
  });
});

describe('properties', () => {
  it('every paragraph gets a role, spans stay in bounds, and analysis never throws on page-like text', () => {
    const line = fc.oneof(
      fc.constantFrom('Share this article', 'News / World', 'By Ann Lee', '12 March 2024', '(Photo by AFP)', 'Follow us on X', 'Kremlin spokesman Dmitry Peskov', '"Quoted line here now"', 'Related:', '\u00A9 2024 All rights reserved'),
      fc.string({ maxLength: 60 }),
      fc.lorem({ maxCount: 20 }).map((s) => `${s}.`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const report = analyze(lines.join('\n\n'));
        for (const p of report.paragraphs) expect(p.end).toBeLessThanOrEqual(report.text.length);
        for (const caption of report.summary.captions) for (const n of caption.names) expect(report.text.slice(n.start, n.end)).toBe(n.text);
        for (const flag of report.summary.headline?.flags ?? []) if (flag.start !== undefined) expect(report.text.slice(flag.start, flag.end)).toBe(flag.text);
        expect(report.summary.blocks.scoredParagraphs).toBe(report.paragraphs.filter((p) => p.scored).length);
      }),
      { numRuns: 150 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { describeCaption, runMetrics, type CaptionSummary } from '../../src/core/metrics/index.ts';
import { lexicons } from '../helpers.ts';

/** The first paragraph of `text` as a photo caption over the rest, the body. */
function captionOver(text: string): CaptionSummary {
  const article = segmentArticle(text, lexicons.abbreviations);
  const blocks = article.paragraphs.map((_, i) => ({ role: i === 0 ? ('caption' as const) : ('body' as const), rule: 'test' }));
  const [check] = runMetrics(article, lexicons, {}, blocks).captions;
  if (check === undefined) throw new Error('no caption checked');
  return describeCaption(check, article);
}
/** Names as `text kind matched|missing`. */
const names = (caption: CaptionSummary): string[] => caption.names.map((n) => `${n.text} ${n.kind} ${n.matched ? 'matched' : 'missing'}`);

describe('caption checks (checkCaptions, describeCaption)', () => {
  it.each([
    [
      'a person the body names, after a title; the places around her are not people',
      'Speaker of the House Nancy Pelosi speaks at the Capitol in Washington.\n\nPelosi said the vote would be held on Friday.',
      false,
      ['Nancy Pelosi person matched', 'Capitol other missing', 'Washington other missing'],
      "The body mentions 1 of the caption's 3 names; not in the body: Capitol, Washington.",
    ],
    [
      'a person the body never mentions: the picture may not belong to the story',
      'Rep. Ilhan Omar (D-MN) speaks to reporters.\n\nThe Kremlin said on Friday that the talks would resume.',
      true,
      ['Ilhan Omar person missing'],
      "None of the people this caption gives (Ilhan Omar) appear in the article's body: the picture may not belong to the story.",
    ],
    ['a place the body names too', 'Factory workers leave a plant in Ohio.\n\nThe plant in Ohio closed on Friday.', false, ['Ohio other matched'], 'The body mentions every name in the caption.'],
    ['no names at all', 'A view of the harbour at dawn.\n\nThe harbour reopened.', false, [], 'The caption names no one the body could mention.'],
    [
      'two people, one of them in the body: related',
      'Russian President Vladimir Putin and Emmanuel Macron meet in Paris.\n\nPutin said the talks were useful.',
      false,
      ['Vladimir Putin person matched', 'Emmanuel Macron person missing', 'Paris other missing'],
      "The body mentions 1 of the caption's 3 names; not in the body: Emmanuel Macron, Paris.",
    ],
    [
      // Past the first few names the body's words are read from a set, not word by word: both find them.
      'ten places, the first and the last in the body',
      'Visitors in Brindle, Corvath, Dunmere, Eskow, Farlane, Gorsby, Hollin, Ingleby, Jessop and Kestrel wave.\n\nThe fair moved from Brindle to Kestrel this year.',
      false,
      ['Brindle', 'Corvath', 'Dunmere', 'Eskow', 'Farlane', 'Gorsby', 'Hollin', 'Ingleby', 'Jessop', 'Kestrel'].map((name) => `${name} other ${name === 'Brindle' || name === 'Kestrel' ? 'matched' : 'missing'}`),
      "The body mentions 2 of the caption's 10 names; not in the body: Corvath, Dunmere, Eskow, Farlane, Gorsby, Hollin, Ingleby, Jessop.",
    ],
  ])('%s', (_name, text, unrelated, expectedNames, message) => {
    const caption = captionOver(text);
    expect(caption.unrelated).toBe(unrelated);
    expect(names(caption)).toEqual(expectedNames);
    expect(caption.message).toBe(message);
  });

  it('gives the caption and each name as spans of the text', () => {
    const text = 'Rep. Ilhan Omar (D-MN) speaks to reporters.\n\nThe council met.';
    const caption = captionOver(text);
    expect(text.slice(caption.start, caption.end)).toBe(caption.text);
    for (const name of caption.names) expect(text.slice(name.start, name.end)).toBe(name.text);
  });

  it('checks nothing when no paragraph is a caption', () => {
    const article = segmentArticle('Pelosi spoke.\n\nThe vote is on Friday.', lexicons.abbreviations);
    expect(runMetrics(article, lexicons).captions).toEqual([]);
  });
});

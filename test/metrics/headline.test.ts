import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { compareHeadline, runMetrics, type BodyFigures, type HeadlineComparison, type HeadlineFigures } from '../../src/core/metrics/index.ts';
import { lexicons } from '../helpers.ts';

type Figures = Pick<HeadlineFigures, 'findings' | 'sentimentWords' | 'sentiment' | 'loadedLanguage'>;
const plain: Figures = { findings: [], sentimentWords: [], sentiment: { author: { score: 0, comparative: 0 } }, loadedLanguage: { score: 0, density: 0, weight: 0 } };
const plainBody: BodyFigures = { sentiment: { author: { comparative: 0 } }, loadedLanguage: { score: 0, density: 0, weight: 0 } };

/** The first paragraph of `text` as the headline over the rest (the scored body), with the figures given. */
function compare(text: string, figures: Partial<Figures> = {}, body: BodyFigures = plainBody): HeadlineComparison | null {
  const article = segmentArticle(text, lexicons.abbreviations);
  const blocks = article.paragraphs.map((_, i) => ({ role: i === 0 ? ('headline' as const) : ('body' as const), rule: 'test' }));
  const results = runMetrics(article, lexicons, {}, blocks);
  const first = article.paragraphs[0] as { start: number; end: number; tokenStart: number; tokenEnd: number };
  const headline: HeadlineFigures = { index: 0, start: first.start, end: first.end, text: text.slice(first.start, first.end), words: first.tokenEnd - first.tokenStart, ...plain, ...figures };
  return compareHeadline(article, headline, body, results.scored, results.attribution.attributions);
}
const codes = (comparison: HeadlineComparison | null): string[] => comparison?.flags.map((f) => f.code) ?? [];
const loadedAt = (density: number): BodyFigures['loadedLanguage'] => ({ score: 0, density, weight: 0 });
const text = 'Council slams mayor\n\nThe council criticised the mayor on Monday.';

describe('the headline beside the body (compareHeadline)', () => {
  it('is null when there is no headline', () => {
    const article = segmentArticle(text, lexicons.abbreviations);
    expect(compareHeadline(article, undefined, plainBody, new Uint8Array(2), [])).toBeNull();
  });

  it.each([
    ['twice the body’s density and 5 more per 100 words', 10, 4, ['more-loaded']],
    ['twice the body’s, but less than 5 more', 8, 4, []],
    ['5 more over a nearly neutral body', 6, 0.5, ['more-loaded']],
    ['under 5 per 100 words over a neutral body', 4, 0, []],
  ])('flags a more loaded headline only when markedly so: %s', (_name, headline, body, expected) => {
    const findings = [{ text: 'slams', voice: 'author' as const }];
    expect(codes(compare(text, { findings, loadedLanguage: loadedAt(headline) }, { ...plainBody, loadedLanguage: loadedAt(body) }))).toEqual(expected);
  });

  it('does not count loaded words the headline quotes', () => {
    const findings = [{ text: 'slams', voice: 'quoted' as const }];
    expect(codes(compare(text, { findings, loadedLanguage: loadedAt(20) }))).toEqual([]);
  });

  it('says by how much, and which words', () => {
    const findings = [{ text: 'slams', voice: 'author' as const }];
    const [flag] = compare(text, { findings, loadedLanguage: loadedAt(23.26) }, { ...plainBody, loadedLanguage: loadedAt(1.5) })?.flags ?? [];
    expect(flag?.message).toBe('The headline is more loaded than the body: 23.3 per 100 words (“slams”) against 1.5 in the body.');
  });

  it.each([
    ['negative words adding up to -3 or less, 0.25 per word below the body', [-2, -2], -0.6, ['more-negative']],
    ['one mild negative word is not a slant', [-1], -0.6, []],
    ['less than 0.25 per word below the body', [-2, -2], -0.5, []],
  ])('flags a more negative headline: %s', (_name, scores, comparative, expected) => {
    const sentimentWords = scores.map((score) => ({ text: 'bad', score, voice: 'author' as const }));
    const total = scores.reduce((sum, s) => sum + s, 0);
    const body: BodyFigures = { ...plainBody, sentiment: { author: { comparative: -0.3 } } };
    expect(codes(compare(text, { sentimentWords, sentiment: { author: { score: total, comparative } } }, body))).toEqual(expected);
  });

  it.each([
    ['the body quotes someone saying it', 'Mayor "betrayed" voters\n\n"He betrayed voters," Councillor Jane Reid said.', []],
    ['the body says who said it', 'Mayor "betrayed" voters, council says\n\nThe council said on Monday that the mayor had betrayed voters.', []],
    ['the body uses the words but no one says them', 'Mayor "betrayed" voters\n\nThe mayor betrayed voters, some residents felt.', ["The headline quotes \"betrayed\"; the body uses the words but attributes them to no one."]],
    ['the body never uses the words', 'Mayor "betrayed" voters\n\nThe budget passed on Monday.', ['The headline quotes "betrayed", words the body never uses.']],
    ['the body uses the words in its own voice, beside someone speaking of something else', 'Mayor "betrayed" voters\n\nThe mayor betrayed voters. The budget passed on Monday, the council said.', ["The headline quotes \"betrayed\"; the body uses the words but attributes them to no one."]],
    ['the body quotes one of the words in someone\'s reported speech', 'Mayor "betrayed voters"\n\nThe council said the mayor "betrayed" voters in the vote on Monday.', []],
  ])('checks a phrase the headline quotes: %s', (_name, article, messages) => {
    const comparison = compare(article);
    expect(comparison?.flags.map((f) => f.message)).toEqual(messages);
    for (const flag of comparison?.flags ?? []) expect(article.slice(flag.start, flag.end)).toBe('"betrayed"');
  });

  it('reports the headline’s own figures beside the body’s', () => {
    const findings = [{ text: 'slams', voice: 'author' as const }];
    const comparison = compare(text, { findings, loadedLanguage: { score: 0.2, density: 23.3, weight: 0.7 } }, { sentiment: { author: { comparative: -0.1 } }, loadedLanguage: { score: 0.1, density: 1.5, weight: 0.3 } });
    expect(comparison).toMatchObject({ paragraph: 0, text: 'Council slams mayor', words: 3, loadedLanguage: { score: 0.2, density: 23.3, weight: 0.7, findings: 1 }, body: { sentiment: { comparative: -0.1 }, loadedLanguage: { score: 0.1, density: 1.5 } } });
  });
});

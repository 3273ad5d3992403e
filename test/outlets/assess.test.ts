import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { assessSources, runMetrics, type SourcesResult } from '../../src/core/metrics/index.ts';
import { detectOutlet, findCitedSources, findNames, loadSourceTables, type DetectHint } from '../../src/core/outlets/index.ts';
import { lexicons } from '../helpers.ts';

const tables = loadSourceTables();
const wire = 'MOSCOW (Reuters) - The talks will resume next month, according to the BBC.\n\nReuters reported that the talks would resume.\n\nPeskov told the BBC that no date was set.';

/** The sources step as the metrics run it: after attribution, on the article's own tokens. */
function sourcesOf(text: string, hint: DetectHint = {}): SourcesResult {
  return runMetrics(segmentArticle(text, lexicons.abbreviations), lexicons, {}, [], { tables, hint }).sources;
}
/** Cited sources as `how "text" outlet [attribution indexes]`. */
const cited = (result: SourcesResult): string[] => result.citedSources.map((c) => `${c.how} "${c.text}" ${c.card?.outlet?.id ?? '-'} [${c.attributions.join(',')}]`);

describe('the outlet and the sources an article cites (assessSources)', () => {
  it('finds the publisher from a dateline, and ties each cited outlet to the attributions it speaks in', () => {
    const result = sourcesOf(wire);
    expect(result.source).toMatchObject({ detectedBy: 'dateline', card: { outlet: { id: 'reuters' } } });
    // Reuters wrote the copy: its dateline and "Reuters reported" are the publisher's own, not sources it cites.
    expect(cited(result)).toEqual([
      'according-to "according to the BBC" bbc [0]',
      // Peskov speaks here, to the BBC: the BBC is cited, but the attribution is Peskov's.
      'reported "told the BBC" bbc []',
    ]);
  });

  it('lets the caller’s url decide the publisher, and still lists what the text cites', () => {
    const result = sourcesOf(wire, { url: 'https://www.bbc.co.uk/news/world-1' });
    expect(result.source).toMatchObject({ detectedBy: 'url', confidence: 1, card: { outlet: { id: 'bbc' } } });
    expect(cited(result)).toEqual(['credit "MOSCOW (Reuters) -" reuters []', 'reported "Reuters reported" reuters [1]']);
  });

  it.each([
    // Amazon speaks in the story and is named again: a source and a mention, never the publisher.
    ['a company’s domain in the body is a mention, not the publisher', 'Amazon.com said on Tuesday that sales rose.\n\nShoppers on amazon.com spent more than a year ago.', 'unknown', ['reported "Amazon.com said" - [0]', 'mention "amazon.com" - []']],
    ['the publisher’s own closing line is not a source it cites', 'The talks will resume.\n\nPress TV’s website can also be accessed at the following alternate addresses:', 'press-tv', []],
    ['a photo credit stays a credit', 'Talks resume in Geneva\n\nThe delegates arrive in Geneva. (AFP photo)\n\nThe talks will resume on Monday.\n\n© 2021 Press TV', 'press-tv', ['credit "(AFP photo)" afp []']],
    ['an outlet the publisher quotes is cited', 'By Jane Doe, Reuters\n\nThe minister resigned, according to the BBC.', 'reuters', ['according-to "according to the BBC" bbc [0]']],
  ])('tells the publisher from what the text names: %s', (_name, text, publisher, expected) => {
    const result = sourcesOf(text);
    expect(result.source?.card.outlet?.id ?? (result.source === null ? 'unknown' : result.source.card.domain)).toBe(publisher);
    expect(cited(result)).toEqual(expected);
  });

  it('finds a publisher naming itself at the end', () => {
    expect(sourcesOf('The talks will resume.\n\n© 2021 Press TV').source).toMatchObject({ detectedBy: 'self-reference', card: { outlet: { id: 'press-tv' } } });
  });

  it('finds nothing in a text that names no outlet', () => {
    expect(sourcesOf('The council met on Tuesday.')).toEqual({ source: null, citedSources: [] });
  });

  it('answers as detectOutlet and findCitedSources do, each scanning the text itself (less the publisher’s own lines)', () => {
    const article = segmentArticle(wire, lexicons.abbreviations);
    const attributions = runMetrics(article, lexicons, {}, [], { tables }).attribution.attributions;
    const shared = assessSources(wire, {}, tables, attributions, article.tokens);
    expect(shared.source).toEqual(detectOutlet(wire, {}, tables));
    expect(shared.citedSources.map(({ attributions: _, ...source }) => source)).toEqual(findCitedSources(wire, tables).filter((c) => c.card?.outlet?.id !== 'reuters'));
  });

  it('gives detectOutlet and findCitedSources the same answer with a scan handed in as without', () => {
    const names = findNames(wire, tables);
    expect(detectOutlet(wire, {}, tables, names)).toEqual(detectOutlet(wire, {}, tables));
    expect(findCitedSources(wire, tables, names)).toEqual(findCitedSources(wire, tables));
  });
});

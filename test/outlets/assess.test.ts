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
    expect(cited(result)).toEqual([
      'credit "MOSCOW (Reuters) -" reuters []',
      'according-to "according to the BBC" bbc [0]',
      'reported "Reuters reported" reuters [1]',
      // Peskov speaks here, to the BBC: the BBC is cited, but the attribution is Peskov's.
      'reported "told the BBC" bbc []',
    ]);
  });

  it('lets the caller’s url decide the publisher, and still lists what the text cites', () => {
    const result = sourcesOf(wire, { url: 'https://www.bbc.co.uk/news/world-1' });
    expect(result.source).toMatchObject({ detectedBy: 'url', confidence: 1, card: { outlet: { id: 'bbc' } } });
    expect(result.citedSources).toHaveLength(4);
  });

  it('finds a publisher naming itself at the end', () => {
    expect(sourcesOf('The talks will resume.\n\n© 2021 Press TV').source).toMatchObject({ detectedBy: 'self-reference', card: { outlet: { id: 'press-tv' } } });
  });

  it('finds nothing in a text that names no outlet', () => {
    expect(sourcesOf('The council met on Tuesday.')).toEqual({ source: null, citedSources: [] });
  });

  it('answers as detectOutlet and findCitedSources do, each scanning the text itself', () => {
    const article = segmentArticle(wire, lexicons.abbreviations);
    const attributions = runMetrics(article, lexicons, {}, [], { tables }).attribution.attributions;
    const shared = assessSources(wire, {}, tables, attributions, article.tokens);
    expect(shared.source).toEqual(detectOutlet(wire, {}, tables));
    expect(shared.citedSources.map(({ attributions: _, ...source }) => source)).toEqual(findCitedSources(wire, tables));
  });

  it('gives detectOutlet and findCitedSources the same answer with a scan handed in as without', () => {
    const names = findNames(wire, tables);
    expect(detectOutlet(wire, {}, tables, names)).toEqual(detectOutlet(wire, {}, tables));
    expect(findCitedSources(wire, tables, names)).toEqual(findCitedSources(wire, tables));
  });
});

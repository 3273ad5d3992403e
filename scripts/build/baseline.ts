/**
 * npm run build:baseline: rebuilds lexicons/baseline/basil.json, the bundled reference that
 * `summary.percentiles` compares articles against. Reassembles the 300 BASIL articles from
 * ../shared/data/dev/basil_sentences.jsonl (or $SLANT_DEV_DATA): sentences in order, paragraphs apart,
 * the headline as title; analyses them and stores only the distribution of each summary figure, never the
 * text. Skips with a message when the data set is missing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, loadLexicons, SCHEMA_VERSION, ANALYZER_VERSION } from '../../src/index.ts';
import { baselineFrom, formatBaseline } from '../../src/edges/batch/calibrate.ts';
import { figuresOf } from '../../src/edges/batch/figures.ts';
import { createStatsCollector } from '../../src/edges/batch/corpus-stats.ts';
import { SUMMARY_METRICS } from '../../src/core/report/percentiles.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const devDir = process.env.SLANT_DEV_DATA ?? join(root, '..', 'shared', 'data', 'dev');
const source = join(devDir, 'basil_sentences.jsonl');
const target = join(root, 'lexicons', 'baseline', 'basil.json');

type BasilRow = { id: string; article_id: string; source: string; paragraph: number | null; is_title: boolean; text: string };

if (!existsSync(source)) {
  console.log(`skip build:baseline: ${source} not found (set SLANT_DEV_DATA to the folder holding basil_sentences.jsonl); the bundled ${target} is left as it is`);
  process.exit(0);
}

const rows = readFileSync(source, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line, index) => {
    try {
      return JSON.parse(line) as BasilRow;
    } catch (error) {
      throw new Error(`${source}:${index + 1}: not JSON (${(error as Error).message})`);
    }
  });

/** The sentence's place in its article, from its id (`...-p12`); titles come first. */
function sentenceIndex(row: BasilRow): number {
  if (row.is_title) return -1;
  const match = /-p(\d+)$/.exec(row.id);
  if (match === null) throw new Error(`${source}: row ${row.id} has no sentence number (-pN) in its id`);
  return Number(match[1]);
}

const articles = new Map<string, BasilRow[]>();
for (const row of rows) {
  const list = articles.get(row.article_id) ?? [];
  list.push(row);
  articles.set(row.article_id, list);
}

const lexicons = loadLexicons();
const collector = createStatsCollector('outlet');
let schemaVersion: string = SCHEMA_VERSION;
let lexiconVersions: string[] = [];
for (const [articleId, list] of [...articles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  const sentences = list.filter((row) => !row.is_title).sort((a, b) => sentenceIndex(a) - sentenceIndex(b));
  const paragraphs: string[][] = [];
  let last: number | null | undefined;
  for (const row of sentences) {
    if (paragraphs.length === 0 || row.paragraph !== last) paragraphs.push([]);
    (paragraphs[paragraphs.length - 1] as string[]).push(row.text.trim());
    last = row.paragraph;
  }
  const title = list.find((row) => row.is_title)?.text.trim();
  const text = paragraphs.map((paragraph) => paragraph.join(' ')).join('\n\n');
  const report = analyze(title === undefined ? { id: articleId, text } : { id: articleId, text, title }, { lexicons });
  collector.add(figuresOf(report.summary), null);
  schemaVersion = report.schemaVersion;
  lexiconVersions = Object.entries(report.lexicons).map(([name, version]) => `${name}@${version}`).sort();
}

const baseline = baselineFrom(collector.values(), {
  name: 'basil',
  version: ANALYZER_VERSION,
  description:
    `Distributions of slant's summary figures over the ${articles.size} articles of BASIL (Fan et al., "In Plain Sight: Media Bias Through the Lens of Factual Reporting", EMNLP 2019): ` +
    '100 US news events, each reported by Fox News, The New York Times and HuffPost; sentences reassembled in order, paragraphs apart, the headline as title. ' +
    'Only these figures are stored, never the text.',
  createdFrom: `launchnlp/BASIL @ 4fdbc4f, as ../shared/data/dev/basil_sentences.jsonl (${rows.length} sentence rows)`,
  license: 'BASIL states no licence (research data); this file holds only aggregate figures computed from it',
  count: articles.size,
  analyzerVersion: ANALYZER_VERSION,
  schemaVersion,
  lexicons: lexiconVersions,
  howToRebuild: 'npm run build:baseline (reads ../shared/data/dev/basil_sentences.jsonl, or $SLANT_DEV_DATA/basil_sentences.jsonl); rebuild after a change to the metrics or lexicons',
});
writeFileSync(target, formatBaseline(baseline));
console.log(`wrote ${target}: ${articles.size} articles, analyzer ${ANALYZER_VERSION}, schema ${schemaVersion}`);
for (const metric of SUMMARY_METRICS) {
  const m = baseline.metrics[metric.name];
  if (m === undefined) continue;
  console.log(`  ${metric.name.padEnd(22)} n=${String(m.count).padStart(3)}  median ${m.quantiles[50]}  p5..p95 ${m.quantiles[5]}..${m.quantiles[95]}`);
}

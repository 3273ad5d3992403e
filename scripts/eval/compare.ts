/**
 * npm run eval:compare: does what `slant compare` surfaces as one article's distinctive wording point at the
 * words annotators marked as lexical bias? BASIL (../shared/data/dev/basil_sentences.jsonl, or
 * $SLANT_DEV_DATA) covers 100 events, each reported by three outlets, one row per sentence. The articles are
 * rebuilt from their sentences (headline, blank line, paragraphs as the rows number them), each event's three
 * are compared, and the words inside the distinctive-wording evidence are scored against the annotators'
 * lexical-bias spans:
 *   precision  share of surfaced words inside a lexical span
 *   chance     share of all words of the articles inside one (what picking words at random would give)
 *   lift       precision / chance, with a 95% interval from resampling the events (1000 draws, fixed seed)
 * The same is printed for every flagged word in the outlet's voice (without the "only this article" filter)
 * and for the two kinds of distinctive wording apart. Prints figures; asserts nothing; skips when the data is
 * missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, loadLexicons, type Report } from '../../src/index.ts';
import { compareReports, type Comparison } from '../../src/core/compare/index.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const devDir = process.env.SLANT_DEV_DATA ?? join(root, '..', 'shared', 'data', 'dev');
const file = join(devDir, 'basil_sentences.jsonl');
if (!existsSync(file)) {
  console.log(`skip eval:compare: ${file} not found (set SLANT_DEV_DATA to the folder holding basil_sentences.jsonl)`);
  process.exit(0);
}

type Span = { start: number; end: number; technique: string };
type Row = { triplet_id: string; article_id: string; source: string; paragraph: number | null; is_title: boolean; text: string; spans: Span[] };
type Range = { start: number; end: number };
type Article = { id: string; source: string; text: string; gold: Range[] };

const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);

/** An article's text as the rows give it: the headline, a blank line, then paragraphs (sentences of one paragraph joined by a space). */
function rebuild(articleRows: readonly Row[]): Article {
  const first = articleRows[0] as Row;
  const gold: Range[] = [];
  let text = '';
  const append = (row: Row, separator: string): void => {
    if (text !== '') text += separator;
    const offset = text.length;
    text += row.text;
    for (const span of row.spans) if (span.technique === 'lexical') gold.push({ start: offset + span.start, end: offset + span.end });
  };
  const title = articleRows.find((row) => row.is_title);
  if (title !== undefined) append(title, '');
  let paragraph: number | null | undefined;
  for (const row of articleRows) {
    if (row.is_title) continue;
    append(row, text === '' ? '' : row.paragraph === paragraph ? ' ' : '\n\n');
    paragraph = row.paragraph;
  }
  return { id: first.article_id, source: first.source, text, gold };
}

const byTriplet = new Map<string, Map<string, Row[]>>();
for (const row of rows) {
  const articles = byTriplet.get(row.triplet_id) ?? new Map<string, Row[]>();
  byTriplet.set(row.triplet_id, articles);
  articles.set(row.article_id, [...(articles.get(row.article_id) ?? []), row]);
}

const lexicons = loadLexicons();
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
type Counts = { surfaced: number; hit: number; words: number; gold: number };
type Method = 'distinctive' | 'distinctive findings' | 'distinctive contested terms' | 'all outlet-voice findings';
const METHODS: readonly Method[] = ['distinctive', 'distinctive findings', 'distinctive contested terms', 'all outlet-voice findings'];
const perEvent: Record<Method, Counts>[] = [];

const inside = (ranges: readonly Range[], start: number, end: number): boolean => ranges.some((range) => range.start < end && start < range.end);

function score(article: Article, surfaced: readonly Range[]): Counts {
  const counts: Counts = { surfaced: 0, hit: 0, words: 0, gold: 0 };
  for (const match of article.text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const gold = inside(article.gold, start, end);
    counts.words++;
    if (gold) counts.gold++;
    if (inside(surfaced, start, end)) {
      counts.surfaced++;
      if (gold) counts.hit++;
    }
  }
  return counts;
}

const add = (a: Counts, b: Counts): Counts => ({ surfaced: a.surfaced + b.surfaced, hit: a.hit + b.hit, words: a.words + b.words, gold: a.gold + b.gold });
const zero = (): Counts => ({ surfaced: 0, hit: 0, words: 0, gold: 0 });

const started = performance.now();
let compared = 0;
for (const [, articles] of byTriplet) {
  const built = [...articles.values()].map(rebuild).filter((article) => article.text.trim() !== '');
  if (built.length < 2) continue;
  const reports: Report[] = built.map((article) => analyze({ text: article.text, id: article.id }, { lexicons }));
  const comparison: Comparison = compareReports(
    built.map((article, index) => ({ name: article.source, report: reports[index] as Report })),
    { lexicons },
  );
  compared++;
  const event = Object.fromEntries(METHODS.map((method) => [method, zero()])) as Record<Method, Counts>;
  built.forEach((article, index) => {
    const entry = comparison.distinctive[index];
    if (entry === undefined) return;
    const spans = (kind?: string): Range[] => entry.wording.filter((item) => kind === undefined || item.kind === kind).flatMap((item) => item.evidence);
    const report = reports[index] as Report;
    const allFindings = report.paragraphs.filter((paragraph) => paragraph.scored || paragraph.role === 'headline').flatMap((paragraph) => paragraph.findings.filter((finding) => finding.voice !== 'quoted'));
    event.distinctive = add(event.distinctive, score(article, spans()));
    event['distinctive findings'] = add(event['distinctive findings'], score(article, spans('finding')));
    event['distinctive contested terms'] = add(event['distinctive contested terms'], score(article, spans('contested-term')));
    event['all outlet-voice findings'] = add(event['all outlet-voice findings'], score(article, allFindings));
  });
  perEvent.push(event);
}

// Lift over the given events' pooled counts.
function lift(events: readonly Record<Method, Counts>[], method: Method): { precision: number; chance: number; lift: number; recall: number; surfaced: number } {
  const total = events.reduce((sum, event) => add(sum, event[method]), zero());
  const precision = total.surfaced === 0 ? Number.NaN : total.hit / total.surfaced;
  const chance = total.words === 0 ? Number.NaN : total.gold / total.words;
  return { precision, chance, lift: precision / chance, recall: total.gold === 0 ? Number.NaN : total.hit / total.gold, surfaced: total.surfaced };
}

// A fixed-seed generator, so the interval is the same on every run.
let seed = 17;
const random = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const fmt = (x: number, digits = 3): string => (Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
console.log(`eval:compare  BASIL dev set: ${compared} events compared (${rows.length} sentences), ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log('words inside the annotators\' lexical-bias spans, among the words each method surfaces:');
console.log(`${'method'.padEnd(30)} ${'words'.padStart(7)} ${'precision'.padStart(10)} ${'chance'.padStart(8)} ${'recall'.padStart(8)} ${'lift'.padStart(6)}  95% interval (events resampled)`);
for (const method of METHODS) {
  const figures = lift(perEvent, method);
  const draws: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const sample = perEvent.map(() => perEvent[Math.floor(random() * perEvent.length)] as Record<Method, Counts>);
    const value = lift(sample, method).lift;
    if (!Number.isNaN(value)) draws.push(value);
  }
  draws.sort((a, b) => a - b);
  const low = draws[Math.floor(draws.length * 0.025)] ?? Number.NaN;
  const high = draws[Math.floor(draws.length * 0.975)] ?? Number.NaN;
  console.log(`${method.padEnd(30)} ${String(figures.surfaced).padStart(7)} ${fmt(figures.precision).padStart(10)} ${fmt(figures.chance).padStart(8)} ${fmt(figures.recall).padStart(8)} ${fmt(figures.lift, 2).padStart(6)}  ${fmt(low, 2)}-${fmt(high, 2)}`);
}

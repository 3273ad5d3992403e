/**
 * npm run eval:attribution: scores the analyzer's attribution extraction (`report.attributions`) against the
 * hand-annotated gold set in corpus/attribution/ (see its README.md), and the analyzer's
 * `summary.attribution.balance` against the balance that `attributionBalance` gives for the gold records;
 * then the same extraction against PolNeAR's train split (real US news, see ../shared/data/dev/README.md), with
 * recall by cue family and the most frequent missed cues, skipped with a message where the file is absent.
 * Prints figures; asserts nothing. Exits 1 only when a gold file is broken or the report's attributions do
 * not have the documented shape; while the extractor is not there yet it says so and exits 0.
 *
 *   npx tsx scripts/eval/attribution.ts [--verbose] [--limit N]
 *   (--verbose lists every miss and false alarm of the own gold set; --limit reads only the first N PolNeAR
 *   articles; $SLANT_DEV_DATA names the folder holding polnear_train.jsonl)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import * as slant from '../../src/index.ts';
import {
  ATTRIBUTION_MODES,
  fragmentsAgree,
  matchAttributions,
  matchCues,
  matchFragmented,
  precisionRecallF1,
  ratio,
  spansAgree,
  tallyHits,
  validateAnnotation,
  type GoldAnnotation,
  type Match,
  type Prf,
  type Span,
} from './attribution-metrics.ts';
import { CUE_FAMILIES, devDataDir, loadPolnear, POLNEAR_FILE, toPolnearPredicted, type PolnearPredicted } from './polnear.ts';

const goldDir = fileURLToPath(new URL('../../corpus/attribution/', import.meta.url));
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const THRESHOLDS = [0.3, 0.8] as const;
const fmt = (x: number): string => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
const limitArg = process.argv.indexOf('--limit');
const polnearLimit = limitArg >= 0 ? Number(process.argv[limitArg + 1]) : undefined;
if (polnearLimit !== undefined && !(Number.isInteger(polnearLimit) && polnearLimit > 0)) {
  console.error('--limit takes a whole number of articles, above 0');
  process.exit(1);
}

/** The headline figures of one gold set, printed side by side at the end. */
type Figures = { articles: number; gold: number; predicted: number; prf: Prf[]; cue: Prf; speaker: [number, number] };

type Article = { name: string; text: string; gold: GoldAnnotation };

/** Reads every NN-name.txt with its NN-name.json; exits 1 listing the problems when any pair is unsound. */
function loadGold(): Article[] {
  const problems: string[] = [];
  const articles: Article[] = [];
  const files = readdirSync(goldDir);
  for (const txt of files.filter((f) => f.endsWith('.txt')).sort()) {
    const json = txt.replace(/\.txt$/, '.json');
    if (!files.includes(json)) {
      problems.push(`${txt}: no ${json}`);
      continue;
    }
    const text = readFileSync(join(goldDir, txt), 'utf8');
    let annotation: unknown;
    try {
      annotation = JSON.parse(readFileSync(join(goldDir, json), 'utf8'));
    } catch (error) {
      problems.push(`${json}: ${(error as Error).message}`);
      continue;
    }
    const found = validateAnnotation(text, annotation, txt);
    problems.push(...found.map((p) => `${json}: ${p}`));
    if (found.length === 0) articles.push({ name: txt, text, gold: annotation as GoldAnnotation });
  }
  for (const json of files.filter((f) => f.endsWith('.json'))) {
    if (!files.includes(json.replace(/\.json$/, '.txt'))) problems.push(`${json}: no matching .txt`);
  }
  if (problems.length > 0) {
    console.error(`corpus/attribution has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  return articles;
}

/** The part of the extractor's contract that scoring reads; other fields are ignored. */
// Schema 2.0.0 writes spans as `[start, end, ...]` tuples; 1.x wrote `{ start, end }` objects: both are read.
const spanSchema = z.union([
  z.object({ start: z.number().int(), end: z.number().int() }),
  z.tuple([z.number().int(), z.number().int()]).rest(z.unknown()).transform(([start, end]) => ({ start, end })),
]);
const predictedSchema = z.object({
  paragraph: z.number().int().optional(),
  mode: z.string(),
  cue: spanSchema.nullish(),
  speaker: spanSchema.nullish(),
  content: spanSchema.nullish(),
  side: z.string(),
});
type Predicted = z.infer<typeof predictedSchema>;
type Comparable = { mode: string; side: string; cue: Span | null; speaker: Span | null; content: Span | null };

const asComparable = (p: Predicted): Comparable => ({
  mode: p.mode,
  side: p.side,
  cue: p.cue ?? null,
  speaker: p.speaker ?? null,
  content: p.content ?? null,
});
const asRecord = (x: unknown): Record<string, unknown> | undefined =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;

function printGoldStats(articles: Article[]): void {
  const all = articles.flatMap((a) => a.gold.attributions);
  const byMode = ATTRIBUTION_MODES.map((m) => `${m} ${all.filter((a) => a.mode === m).length}`).join(', ');
  const sides = new Map<string, number>();
  for (const a of all) sides.set(a.side, (sides.get(a.side) ?? 0) + 1);
  const sideList = [...sides].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s, n]) => `${s} ${n}`).join(', ');
  console.log(`gold set corpus/attribution: ${articles.length} articles, ${all.length} attributions`);
  console.log(`  by mode: ${byMode}`);
  console.log(`  by side: ${sideList}`);
  console.log(`  anonymous ${all.filter((a) => a.anonymous).length} (reason given ${all.filter((a) => a.anonymityReason === true).length}), with target ${all.filter((a) => a.target).length}, cue null ${all.filter((a) => a.cue === null).length}, content null ${all.filter((a) => a.content === null).length}`);
}

const show = (text: string, span: Span | null): string => (span ? JSON.stringify(text.slice(span.start, span.end)) : 'null');

/** Cue precision and recall: cues matched one to one by overlap, each article on its own. */
function cueFigures(gold: readonly (readonly Span[])[][], predicted: readonly (readonly Span[])[][]): Prf {
  const matched = gold.reduce((n, g, i) => n + matchCues(g, predicted[i] ?? []).length, 0);
  const count = (lists: readonly (readonly Span[])[][]): number => lists.reduce((n, l) => n + l.filter((c) => c.length > 0).length, 0);
  return precisionRecallF1(matched, count(predicted), count(gold));
}

const asList = (span: Span | null): Span[] => (span ? [span] : []);

function main(): void {
  const lexicons = slant.loadLexicons();
  const own = evalOwnGold(lexicons);
  evalPolnear(lexicons, own);
}

function evalOwnGold(lexicons: slant.Lexicons): Figures | undefined {
  const articles = loadGold();
  printGoldStats(articles);

  const reports: slant.Report[] = [];
  try {
    for (const article of articles) {
      try {
        reports.push(slant.analyze(article.text, { lexicons }));
      } catch (error) {
        throw new Error(`${article.name}: ${(error as Error).message}`);
      }
    }
  } catch (error) {
    console.error(`\nthe analyzer failed: ${(error as Error).message}`);
    process.exit(1);
  }
  const rawLists = reports.map((r) => asRecord(r)?.['attributions']);
  if (rawLists.every((x) => x === undefined)) {
    console.log('\nreport.attributions does not exist yet (the attribution extractor has not landed in src/): nothing to score.');
    console.log('Once analyze() returns report.attributions, run `npm run eval:attribution` again.');
    return undefined;
  }
  const predicted: Comparable[][] = [];
  for (const [i, raw] of rawLists.entries()) {
    const parsed = z.array(predictedSchema).safeParse(raw);
    if (!parsed.success) {
      console.error(`\n${articles[i]?.name}: report.attributions does not have the documented shape:\n${z.prettifyError(parsed.error)}`);
      process.exit(1);
    }
    predicted.push(parsed.data.map(asComparable));
  }

  const goldTotal = articles.reduce((n, a) => n + a.gold.attributions.length, 0);
  const predictedTotal = predicted.reduce((n, p) => n + p.length, 0);
  console.log(`\nattributions: ${goldTotal} gold, ${predictedTotal} predicted`);

  const matchesAt = new Map<number, Match[][]>();
  const prf: Prf[] = [];
  for (const threshold of THRESHOLDS) {
    const perArticle = articles.map((a, i) => matchAttributions(a.gold.attributions, predicted[i] ?? [], threshold));
    matchesAt.set(threshold, perArticle);
    const matched = perArticle.reduce((n, m) => n + m.length, 0);
    const { precision, recall, f1 } = precisionRecallF1(matched, predictedTotal, goldTotal);
    prf.push({ precision, recall, f1 });
    console.log(`  content overlap >= ${threshold} of gold: precision ${fmt(precision)}  recall ${fmt(recall)}  F1 ${fmt(f1)}  (${matched} matched)`);
  }

  const base = matchesAt.get(THRESHOLDS[0]) ?? [];
  let pairs = 0;
  const agree = { cue: 0, speaker: 0, mode: 0, side: 0 };
  const goldByMode = new Map<string, { total: number; found: number; sameMode: number }>(ATTRIBUTION_MODES.map((m) => [m, { total: 0, found: 0, sameMode: 0 }]));
  const confusion = new Map<string, number>();
  articles.forEach((article, i) => {
    const preds = predicted[i] ?? [];
    const matches = base[i] ?? [];
    const byGold = new Map(matches.map((m) => [m.gold, m]));
    article.gold.attributions.forEach((g, gi) => {
      const row = goldByMode.get(g.mode);
      if (row) row.total++;
      const match = byGold.get(gi);
      const p = match ? preds[match.predicted] : undefined;
      if (!p) return;
      pairs++;
      if (row) row.found++;
      if (spansAgree(g.cue, p.cue)) agree.cue++;
      if (spansAgree(g.speaker, p.speaker)) agree.speaker++;
      if (g.mode === p.mode) {
        agree.mode++;
        if (row) row.sameMode++;
      } else {
        const key = `${g.mode} -> ${p.mode}`;
        confusion.set(key, (confusion.get(key) ?? 0) + 1);
      }
      if (g.side === p.side) agree.side++;
    });
    if (verbose) {
      const matchedPredicted = new Set(matches.map((m) => m.predicted));
      const misses = article.gold.attributions.filter((_, gi) => !byGold.has(gi));
      const falseAlarms = preds.filter((_, pi) => !matchedPredicted.has(pi));
      if (misses.length + falseAlarms.length === 0) return;
      console.log(`\n  ${article.name}`);
      for (const g of misses) console.log(`    missed      ${g.mode.padEnd(12)} ${g.side.padEnd(9)} cue ${show(article.text, g.cue)} content ${show(article.text, g.content)}`);
      for (const p of falseAlarms) console.log(`    unmatched   ${p.mode.padEnd(12)} ${p.side.padEnd(9)} cue ${show(article.text, p.cue)} content ${show(article.text, p.content)}`);
    }
  });
  console.log(`\namong the ${pairs} matches at overlap >= ${THRESHOLDS[0]}:`);
  console.log(`  cue accuracy      ${ratio(agree.cue, pairs)}   (cue spans overlap, or both null)`);
  console.log(`  speaker accuracy  ${ratio(agree.speaker, pairs)}   (speaker spans overlap, or both null)`);
  console.log(`  mode accuracy     ${ratio(agree.mode, pairs)}`);
  console.log(`  side accuracy     ${ratio(agree.side, pairs)}`);
  if (confusion.size > 0) {
    const list = [...confusion].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`  mode confusions (gold -> predicted): ${list}`);
  }
  console.log(`\nrecall by gold mode (overlap >= ${THRESHOLDS[0]}; then how many of those found got the same mode):`);
  for (const [mode, row] of goldByMode) console.log(`  ${mode.padEnd(13)} recall ${ratio(row.found, row.total)}   same mode ${ratio(row.sameMode, row.found)}`);

  evalBalance(articles, reports);
  const cue = cueFigures(
    articles.map((a) => a.gold.attributions.map((g) => asList(g.cue))),
    predicted.map((p) => p.map((x) => asList(x.cue))),
  );
  return { articles: articles.length, gold: goldTotal, predicted: predictedTotal, prf, cue, speaker: [agree.speaker, pairs] };
}

type BalanceFn = (attributions: { mode: string; side: string; content: Span | null }[], sidesMentioned: string[]) => number | null;

function evalBalance(articles: Article[], reports: slant.Report[]): void {
  console.log('\nbalance (|summary.attribution.balance - attributionBalance(gold)| per article):');
  const exported = (slant as unknown as Record<string, unknown>)['attributionBalance'];
  if (typeof exported !== 'function') {
    console.log('  skipped: src/index.ts does not export attributionBalance yet.');
    return;
  }
  const attributionBalance = exported as BalanceFn;
  const errors: { name: string; error: number }[] = [];
  let bothNull = 0;
  const oneNull: string[] = [];
  let missingField = 0;
  articles.forEach((article, i) => {
    const attribution = asRecord(asRecord(reports[i]?.summary)?.['attribution']);
    const value = attribution?.['balance'];
    if (attribution === undefined || !(value === null || typeof value === 'number')) {
      missingField++;
      return;
    }
    // The summary's balance counts the body only: gold attributions in the headline, captions or boilerplate are left out too.
    const report = reports[i];
    const scored = (a: { content: Span | null; cue?: Span | null }): boolean => {
      const anchor = a.content?.start ?? a.cue?.start;
      const paragraph = anchor === undefined ? undefined : report?.paragraphs.find((p) => p.start <= anchor && anchor < p.end);
      return paragraph?.scored ?? true;
    };
    const gold = attributionBalance(
      article.gold.attributions.filter(scored).map((a) => ({ mode: a.mode, side: a.side, content: a.content })),
      article.gold.sidesMentioned,
    );
    if (gold === null && value === null) bothNull++;
    else if (gold === null || value === null) oneNull.push(`${article.name} (gold ${gold === null ? 'null' : fmt(gold)}, predicted ${value === null ? 'null' : fmt(value)})`);
    else errors.push({ name: article.name, error: Math.abs(value - gold) });
  });
  if (missingField > 0) console.log(`  ${missingField} report(s) have no summary.attribution.balance (number or null); left out.`);
  if (errors.length > 0) {
    const mean = errors.reduce((s, e) => s + e.error, 0) / errors.length;
    const worst = errors.reduce((a, b) => (b.error > a.error ? b : a));
    console.log(`  mean |error| ${fmt(mean)}, max ${fmt(worst.error)} (${worst.name}), over ${errors.length} article(s)`);
  }
  console.log(`  both null: ${bothNull}; only one null: ${oneNull.length}${oneNull.length > 0 ? ` — ${oneNull.join('; ')}` : ''}`);
}

const MISSED_CUES_SHOWN = 25;

/** Scores `report.attributions` against PolNeAR's train split, then prints its figures beside the own gold set's. */
function evalPolnear(lexicons: slant.Lexicons, own: Figures | undefined): void {
  const path = join(devDataDir(), POLNEAR_FILE);
  const articles = loadPolnear(path, polnearLimit);
  if (!articles) {
    console.log(`\nPolNeAR: skipped, ${POLNEAR_FILE} not found at ${path} (set SLANT_DEV_DATA to the folder holding it)`);
    return;
  }
  const started = performance.now();
  const predicted: PolnearPredicted[][] = [];
  for (const article of articles) {
    const raw = asRecord(slant.analyze({ text: article.text, id: article.id }, { lexicons }))?.['attributions'];
    const parsed = z.array(predictedSchema).safeParse(raw ?? []);
    if (!parsed.success) {
      console.error(`\n${article.id}: report.attributions does not have the documented shape:\n${z.prettifyError(parsed.error)}`);
      process.exit(1);
    }
    predicted.push(parsed.data.map((p) => toPolnearPredicted({ content: p.content ?? null, cue: p.cue ?? null, speaker: p.speaker ?? null })));
  }
  const seconds = (performance.now() - started) / 1000;
  const gold = articles.map((a) => a.gold);
  const goldTotal = gold.reduce((n, g) => n + g.length, 0);
  const predictedTotal = predicted.reduce((n, p) => n + p.length, 0);
  const noSource = gold.reduce((n, g) => n + g.filter((a) => a.source.length === 0).length, 0);
  console.log(`\nPolNeAR train (${path}): ${articles.length} articles, ${goldTotal} attributions (${noSource} without a source); analyzed in ${seconds.toFixed(1)} s`);
  console.log(`\nattributions: ${goldTotal} gold, ${predictedTotal} predicted`);

  const prf: Prf[] = [];
  let base: Match[][] = [];
  for (const threshold of THRESHOLDS) {
    const perArticle = gold.map((g, i) => matchFragmented(g, predicted[i] ?? [], threshold));
    if (threshold === THRESHOLDS[0]) base = perArticle;
    const matched = perArticle.reduce((n, m) => n + m.length, 0);
    const figures = precisionRecallF1(matched, predictedTotal, goldTotal);
    prf.push(figures);
    console.log(`  content overlap >= ${threshold} of gold: precision ${fmt(figures.precision)}  recall ${fmt(figures.recall)}  F1 ${fmt(figures.f1)}  (${matched} matched)`);
  }
  const cue = cueFigures(gold.map((g) => g.map((a) => a.cue)), predicted.map((p) => p.map((x) => x.cue)));
  console.log(`  cue spans (one to one, overlapping): precision ${fmt(cue.precision)}  recall ${fmt(cue.recall)}  F1 ${fmt(cue.f1)}`);

  let pairs = 0;
  let speakerAgree = 0;
  const outcomes: { family: string; lemma: string; found: boolean }[] = [];
  gold.forEach((g, i) => {
    const byGold = new Map((base[i] ?? []).map((m) => [m.gold, m.predicted]));
    g.forEach((a, gi) => {
      const pi = byGold.get(gi);
      const p = pi === undefined ? undefined : predicted[i]?.[pi];
      outcomes.push({ family: a.family, lemma: a.lemma, found: p !== undefined });
      if (!p) return;
      pairs++;
      if (fragmentsAgree(a.source, p.speaker)) speakerAgree++;
    });
  });
  console.log(`\namong the ${pairs} matches at overlap >= ${THRESHOLDS[0]}:`);
  console.log(`  speaker accuracy  ${ratio(speakerAgree, pairs)}   (speaker spans overlap, or both absent)`);

  const byFamily = tallyHits(outcomes.map((o) => ({ key: o.family, hit: o.found })));
  console.log(`\nrecall by gold cue family (overlap >= ${THRESHOLDS[0]}; share of the gold in brackets):`);
  for (const family of CUE_FAMILIES) {
    const row = byFamily.get(family) ?? { total: 0, hit: 0 };
    console.log(`  ${family.padEnd(26)} recall ${ratio(row.hit, row.total).padEnd(20)} (${((100 * row.total) / Math.max(1, goldTotal)).toFixed(1)}%)`);
  }
  const byLemma = tallyHits(outcomes.map((o) => ({ key: `${o.lemma}\t${o.family}`, hit: !o.found })));
  const missed = [...byLemma].sort((a, b) => b[1].hit - a[1].hit || a[0].localeCompare(b[0])).slice(0, MISSED_CUES_SHOWN);
  console.log(`\nthe ${MISSED_CUES_SHOWN} most often missed gold cues (lower-cased lemma, family: missed of all):`);
  for (const [key, row] of missed) {
    const [lemma = '', family = ''] = key.split('\t');
    console.log(`  ${JSON.stringify(lemma).padEnd(16)} ${family.padEnd(26)} ${row.hit} of ${row.total}`);
  }

  printSideBySide(own, { articles: articles.length, gold: goldTotal, predicted: predictedTotal, prf, cue, speaker: [speakerAgree, pairs] });
}

/** The headline figures of both gold sets in two columns. */
function printSideBySide(own: Figures | undefined, polnear: Figures): void {
  const rows: [string, (f: Figures) => string][] = [
    ['articles, gold, predicted', (f) => `${f.articles}, ${f.gold}, ${f.predicted}`],
    ...THRESHOLDS.flatMap((t, i): [string, (f: Figures) => string][] => [
      [`P / R / F1 at overlap ${t}`, (f) => [f.prf[i]?.precision, f.prf[i]?.recall, f.prf[i]?.f1].map((x) => fmt(x ?? Number.NaN)).join(' / ')],
    ]),
    ['cue P / R', (f) => `${fmt(f.cue.precision)} / ${fmt(f.cue.recall)}`],
    ['speaker accuracy (at 0.3)', (f) => ratio(...f.speaker)],
  ];
  console.log(`\n${'side by side'.padEnd(28)} ${'own gold set'.padEnd(24)} PolNeAR train`);
  for (const [label, cell] of rows) console.log(`  ${label.padEnd(26)} ${(own ? cell(own) : 'n/a').padEnd(24)} ${cell(polnear)}`);
}

main();

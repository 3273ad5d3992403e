/**
 * npx tsx scripts/eval/attribution-misses.ts [--family NAME] [--lemma L] [--examples N] [--limit N] [--false-alarms]:
 * lists the PolNeAR gold attributions the analyzer misses at overlap 0.3, grouped by cue family and lemma,
 * each with a short context, and marks why it may be missed: `near` when a prediction overlaps the content
 * below the threshold (a boundary error), `cue` when a prediction's cue overlaps the gold cue. With
 * --false-alarms, lists the predictions no gold matched instead. For study only: its output quotes the dev
 * set, which is never copied into the project. --wrong-speakers lists matched pairs whose speakers disagree.
 * --precision prints, for each predicted cue lemma (mode and lemma, or the mode alone without a cue), how often it
 * fires and the share of its firings that match a gold attribution: the measure a rule is judged by.
 */
import { join } from 'node:path';
import * as slant from '../../src/index.ts';
import { fragmentOverlap, fragmentsAgree, matchFragmented, type Span } from './attribution-metrics.ts';
import { devDataDir, loadPolnear, POLNEAR_FILE, toPolnearPredicted } from './polnear.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const familyFilter = arg('--family');
const lemmaFilter = arg('--lemma');
const examples = Number(arg('--examples') ?? 3);
const limit = arg('--limit') === undefined ? undefined : Number(arg('--limit'));
const falseAlarms = process.argv.includes('--false-alarms');
const wrongSpeakers = process.argv.includes('--wrong-speakers');
const precision = process.argv.includes('--precision');
const firings = new Map<string, { total: number; hit: number }>();

const articles = loadPolnear(join(devDataDir(), POLNEAR_FILE), limit);
if (!articles) {
  console.log(`${POLNEAR_FILE} not found under ${devDataDir()}`);
  process.exit(0);
}
const lexicons = slant.loadLexicons();
const oneLine = (s: string): string => s.replace(/\s+/g, ' ');
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);
const slice = (text: string, spans: readonly Span[]): string => spans.map((s) => text.slice(s.start, s.end)).join(' | ');

type Row = { family: string; lemma: string; line: string };
const rows: Row[] = [];
for (const article of articles) {
  const report = slant.analyze({ text: article.text, id: article.id }, { lexicons });
  const predicted = report.attributions.map((p) => ({ ...toPolnearPredicted(p), mode: p.mode }));
  const matches = matchFragmented(article.gold, predicted, 0.3);
  const text = article.text;
  if (precision) {
    const used = new Set(matches.map((m) => m.predicted));
    report.attributions.forEach((a, i) => {
      const key = `${a.mode}\t${a.cue ? a.cue[2] : '(no cue)'}`;
      const tally = firings.get(key) ?? { total: 0, hit: 0 };
      tally.total++;
      if (used.has(i)) tally.hit++;
      firings.set(key, tally);
    });
    continue;
  }
  if (wrongSpeakers) {
    for (const m of matches) {
      const g = article.gold[m.gold];
      const p = predicted[m.predicted];
      if (!g || !p || fragmentsAgree(g.source, p.speaker)) continue;
      rows.push({ family: p.mode, lemma: g.lemma, line: `gold «${oneLine(slice(text, g.source))}» predicted «${oneLine(slice(text, p.speaker))}» cue «${oneLine(g.cueText)}» / «${oneLine(slice(text, p.cue))}»` });
    }
    continue;
  }
  if (falseAlarms) {
    const used = new Set(matches.map((m) => m.predicted));
    predicted.forEach((p, i) => {
      if (used.has(i)) return;
      const near = article.gold.some((g) => fragmentOverlap(g.content, p.content) > 0);
      const anchor = p.cue[0] ?? p.content[0];
      const ctx = anchor ? text.slice(Math.max(0, anchor.start - 120), anchor.end + 120) : '';
      const cue = oneLine(slice(text, p.cue));
      rows.push({ family: p.mode, lemma: cue.toLowerCase(), line: `${near ? '[near] ' : ''}cue «${cue}» spk «${oneLine(slice(text, p.speaker))}» content «${cut(oneLine(slice(text, p.content)), 100)}»\n        ctx: ${cut(oneLine(ctx), 300)}` });
    });
    continue;
  }
  const found = new Set(matches.map((m) => m.gold));
  article.gold.forEach((g, gi) => {
    if (found.has(gi)) return;
    const near = predicted.some((p) => fragmentOverlap(g.content, p.content) > 0);
    const cueHit = g.cue.length > 0 && predicted.some((p) => fragmentOverlap(g.cue, p.cue) > 0);
    const anchor = g.cue[0] ?? g.content[0];
    const ctx = anchor ? text.slice(Math.max(0, anchor.start - 120), anchor.end + 120) : '';
    const tags = `${near ? '[near]' : ''}${cueHit ? '[cue]' : ''}`;
    rows.push({ family: g.family, lemma: g.lemma, line: `${tags} cue «${oneLine(g.cueText)}» src «${oneLine(slice(text, g.source))}» content «${cut(oneLine(slice(text, g.content)), 100)}»\n        ctx: ${cut(oneLine(ctx), 300)}` });
  });
}

if (precision) {
  const list = [...firings].filter(([key]) => !lemmaFilter || key.endsWith(`\t${lemmaFilter}`)).sort((a, b) => b[1].total - b[1].hit - (a[1].total - a[1].hit));
  console.log('mode / cue lemma: firings, matched, precision (most false firings first)');
  for (const [key, { total, hit }] of list.slice(0, Number(arg('--groups') ?? 60))) console.log(`  ${key.replace('\t', ' / ').padEnd(40)} ${String(total).padStart(6)} ${String(hit).padStart(6)}  ${(hit / total).toFixed(2)}`);
  process.exit(0);
}

const byGroup = new Map<string, Row[]>();
for (const row of rows) {
  if (familyFilter && row.family !== familyFilter) continue;
  if (lemmaFilter && row.lemma !== lemmaFilter) continue;
  const key = `${row.family}\t${row.lemma}`;
  byGroup.set(key, [...(byGroup.get(key) ?? []), row]);
}
const families = new Map<string, number>();
for (const row of rows) families.set(row.family, (families.get(row.family) ?? 0) + 1);
console.log(`${falseAlarms ? 'false alarms' : 'misses'} by ${falseAlarms ? 'mode' : 'family'}: ${[...families].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${n}`).join(', ')}`);
for (const [key, list] of [...byGroup].sort((a, b) => b[1].length - a[1].length).slice(0, Number(arg('--groups') ?? 60))) {
  console.log(`\n${key.replace('\t', ' / ')}: ${list.length}`);
  for (const row of list.slice(0, examples)) console.log(`  ${row.line}`);
}

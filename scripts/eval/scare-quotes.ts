/**
 * npm run eval:scare-quotes: the scare-quote rule on our own annotated set of quoted fragments
 * (corpus/scare-quotes/fragments.jsonl, written by the project). A fragment is predicted a scare quote when
 * a scare-quote finding overlaps its quotation. Prints precision, recall and accuracy, the accuracy by kind
 * of news and by reason, and (with --verbose) every fragment it gets wrong. Then, when the PolNeAR news articles
 * are in the dev folder (../shared/data/dev/, see its README), the rate per story of scare-quote and distancing
 * findings on them: no one annotated those quotations, so every flag there is a claim a reader would check, and the
 * held-out target is at most 1 scare quote per 10 stories. Asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, loadLexicons } from '../../src/index.ts';
import { devDataDir, loadPolnear, POLNEAR_FILE } from './polnear.ts';

type Fragment = { id: string; kind: string; text: string; start: number; end: number; quote: string; label: 'scare' | 'not-scare'; reason: string };

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const file = join(root, 'corpus', 'scare-quotes', 'fragments.jsonl');
const verbose = process.argv.includes('--verbose');
const lexicons = loadLexicons();

const fragments = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => JSON.parse(line) as Fragment);

const fmt = (x: number): string => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
let tp = 0;
let fp = 0;
let fn = 0;
let tn = 0;
const byKind = new Map<string, [number, number]>();
const byReason = new Map<string, [number, number]>();
const wrong: string[] = [];
const tally = (map: Map<string, [number, number]>, key: string, right: boolean): void => {
  const seen = map.get(key) ?? [0, 0];
  map.set(key, [seen[0] + (right ? 1 : 0), seen[1] + 1]);
};
for (const fragment of fragments) {
  if (fragment.text.slice(fragment.start, fragment.end) !== fragment.quote) throw new Error(`${fragment.id}: start..end is not the quote`);
  const report = analyze(fragment.text, { lexicons, baseline: false });
  const findings = report.paragraphs.flatMap((p) => p.findings).filter((f) => f.category === 'scare-quote');
  const predicted = findings.some((f) => f.start < fragment.end && fragment.start < f.end);
  const gold = fragment.label === 'scare';
  if (predicted && gold) tp++;
  else if (predicted) fp++;
  else if (gold) fn++;
  else tn++;
  const right = predicted === gold;
  tally(byKind, fragment.kind, right);
  tally(byReason, fragment.reason.split(':')[0] as string, right);
  if (!right) wrong.push(`  ${fragment.id.padEnd(14)} gold ${fragment.label.padEnd(9)} ${fragment.quote}  (${fragment.reason})\n      ${fragment.text.replace(/\n/g, ' / ')}`);
}
const share = ([right, all]: [number, number]): string => `${right}/${all} (${fmt(right / all)})`;
console.log(`scare quotes on ${fragments.length} annotated fragments (${tp + fn} scare, ${fp + tn} not)`);
console.log(`  precision ${fmt(tp / (tp + fp))} (${tp}/${tp + fp} flagged are scare quotes)`);
console.log(`  recall    ${fmt(tp / (tp + fn))} (${tp}/${tp + fn} scare quotes flagged)`);
console.log(`  accuracy  ${fmt((tp + tn) / fragments.length)} (${tp + tn}/${fragments.length})`);
console.log('  by kind of news:');
for (const [kind, counts] of [...byKind].sort()) console.log(`    ${kind.padEnd(12)} ${share(counts)}`);
console.log('  by reason:');
for (const [reason, counts] of [...byReason].sort()) console.log(`    ${reason.padEnd(20)} ${share(counts)}`);
if (verbose) console.log(`wrong:\n${wrong.join('\n')}`);
else if (wrong.length > 0) console.log(`  (${wrong.length} wrong: --verbose lists them)`);

// The rate on real news no one wrote for this set: how often a reader meets each flag per story.
const polnearPath = join(devDataDir(), POLNEAR_FILE);
const articles = loadPolnear(polnearPath);
if (articles === undefined) {
  console.log(`PolNeAR news: not found at ${polnearPath}, rate per story skipped`);
} else {
  const counts = { 'scare-quote': 0, distancing: 0 };
  for (const article of articles) {
    const report = analyze(article.text, { lexicons, baseline: false });
    for (const finding of report.paragraphs.flatMap((p) => p.findings)) if (finding.category === 'scare-quote' || finding.category === 'distancing') counts[finding.category]++;
  }
  const rate = (n: number): string => `${(n / articles.length).toFixed(3)} per story (${n})`;
  console.log(`PolNeAR news, ${articles.length} stories (target: scare quotes <= 0.1 per story):`);
  console.log(`  scare quotes ${rate(counts['scare-quote'])}`);
  console.log(`  distancing   ${rate(counts.distancing)}`);
}

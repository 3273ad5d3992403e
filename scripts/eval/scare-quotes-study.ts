/**
 * For study only: prints each scare-quote finding (or, with --distancing or --category NAME, that category's) on
 * the PolNeAR news articles in ../shared/data/dev/ with the text around it, so wrong flags can be read by class,
 * then the count per rule. Prints dev text to the terminal; nothing it prints belongs in the project.
 */
import { join } from 'node:path';
import { analyze, loadLexicons } from '../../src/index.ts';
import { devDataDir, loadPolnear, POLNEAR_FILE } from './polnear.ts';

const named = process.argv.indexOf('--category');
const category = named !== -1 ? (process.argv[named + 1] ?? 'scare-quote') : process.argv.includes('--distancing') ? 'distancing' : 'scare-quote';
const articles = loadPolnear(join(devDataDir(), POLNEAR_FILE));
if (articles === undefined) {
  console.log(`PolNeAR not found in ${devDataDir()}: nothing to study`);
  process.exit(0);
}
const lexicons = loadLexicons();
let count = 0;
const byRule = new Map<string, number>();
for (const article of articles) {
  const report = analyze(article.text, { lexicons, baseline: false });
  for (const finding of report.paragraphs.flatMap((p) => p.findings)) {
    if (finding.category !== category) continue;
    count++;
    byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
    const before = article.text.slice(Math.max(0, finding.start - 300), finding.start).replace(/\n/g, ' / ');
    const after = article.text.slice(finding.end, finding.end + 200).replace(/\n/g, ' / ');
    console.log(`#${count} ${article.id} ${finding.rule}\n  ...${before}[[${article.text.slice(finding.start, finding.end)}]]${after}...\n`);
  }
}
for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${rule}`);
console.log(`${count} ${category} findings on ${articles.length} stories (${(count / articles.length).toFixed(3)} per story)`);

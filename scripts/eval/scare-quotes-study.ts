/**
 * For study only: prints each scare-quote (and, with --distancing, distancing) finding on the PolNeAR news
 * articles in ../shared/data/dev/ with the sentence before, its own and the one after, so wrong flags can be read
 * by class. Prints dev text to the terminal; nothing it prints belongs in the project.
 */
import { join } from 'node:path';
import { analyze, loadLexicons } from '../../src/index.ts';
import { devDataDir, loadPolnear, POLNEAR_FILE } from './polnear.ts';

const category = process.argv.includes('--distancing') ? 'distancing' : 'scare-quote';
const articles = loadPolnear(join(devDataDir(), POLNEAR_FILE));
if (articles === undefined) {
  console.log(`PolNeAR not found in ${devDataDir()}: nothing to study`);
  process.exit(0);
}
const lexicons = loadLexicons();
let count = 0;
for (const article of articles) {
  const report = analyze(article.text, { lexicons, baseline: false });
  for (const finding of report.paragraphs.flatMap((p) => p.findings)) {
    if (finding.category !== category) continue;
    count++;
    const before = article.text.slice(Math.max(0, finding.start - 300), finding.start).replace(/\n/g, ' / ');
    const after = article.text.slice(finding.end, finding.end + 200).replace(/\n/g, ' / ');
    console.log(`#${count} ${article.id} ${finding.rule}\n  ...${before}[[${article.text.slice(finding.start, finding.end)}]]${after}...\n`);
  }
}
console.log(`${count} ${category} findings on ${articles.length} stories (${(count / articles.length).toFixed(3)} per story)`);

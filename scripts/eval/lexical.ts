/**
 * npm run eval: measures slant against the labelled development sets in ../shared/data/dev/ (or
 * $SLANT_DEV_DATA). Skips with a message where they are missing. Prints figures; asserts nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, loadLexicons, type Report } from '../../src/index.ts';
import { loadedScore, textLoadedScore } from '../../src/core/metrics/index.ts';
import { rocAuc, macroF1, spanOverlap, type Range } from './metrics.ts';
import { loadPolnear, POLNEAR_FILE } from './polnear.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const devDir = process.env.SLANT_DEV_DATA ?? join(root, '..', 'shared', 'data', 'dev');
const lexicons = loadLexicons();

function readJsonl<T>(name: string): T[] | undefined {
  const path = join(devDir, name);
  if (!existsSync(path)) {
    console.log(`skip ${name}: not found at ${path} (set SLANT_DEV_DATA to the folder holding it)`);
    return undefined;
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

const fmt = (x: number): string => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
const run = (text: string): Report => analyze(text, { lexicons });
const allFindings = (report: Report) => report.paragraphs.flatMap((p) => p.findings);

type BasilRow = { text: string; label: 0 | 1; is_title: boolean; fold: number; spans: { start: number; end: number; technique: string; quote: boolean }[] };
function evalBasil(): void {
  const rows = readJsonl<BasilRow>('basil_sentences.jsonl');
  if (!rows) return;
  const scores: number[] = [];
  // The outlet's voice alone (the score before quoted words counted at half), and quoted words in full.
  const outletOnly: number[] = [];
  const quotedInFull: number[] = [];
  const labels: (0 | 1)[] = [];
  // Folds 3-4 alone: the slice a sentence model fitted on folds 0-2 would be judged on.
  const heldScores: number[] = [];
  const heldLabels: (0 | 1)[] = [];
  let predicted = 0;
  let predictedHit = 0;
  const goldHits = { quote: [0, 0], plain: [0, 0] };
  let voiceAgree = 0;
  let voiceChecked = 0;
  // Per finding category: findings, and those overlapping a lexical span (the category's precision).
  const byCategory = new Map<string, [number, number]>();
  // Per sentence: its outlet-voice and quoted words and finding weight, and each category's share of the weight,
  // to score it again without a category (what the category adds to the AUC).
  const sentences: { authorWords: number; quotedWords: number; author: number; quoted: number; byCategory: Map<string, [number, number]> }[] = [];
  for (const row of rows) {
    const report = run(row.text);
    const s = report.summary.loadedLanguage;
    scores.push(s.score);
    outletOnly.push(loadedScore(s.weight, report.summary.authorWords));
    quotedInFull.push(loadedScore(s.weight + s.quoted.weight, report.summary.authorWords + report.summary.quotedWords));
    labels.push(row.label);
    if (row.fold >= 3) {
      heldScores.push(s.score);
      heldLabels.push(row.label);
    }
    const findings = allFindings(report);
    const weights = new Map<string, [number, number]>();
    for (const finding of report.paragraphs.filter((p) => p.scored).flatMap((p) => p.findings)) {
      const pair = weights.get(finding.category) ?? [0, 0];
      pair[finding.voice === 'quoted' ? 1 : 0] += report.rules[finding.rule]?.weight ?? 0;
      weights.set(finding.category, pair);
    }
    sentences.push({ authorWords: report.summary.authorWords, quotedWords: report.summary.quotedWords, author: s.weight, quoted: s.quoted.weight, byCategory: weights });
    const gold = row.spans.filter((span) => span.technique === 'lexical');
    const { hitPredicted, hitGold } = spanOverlap(findings, gold as Range[]);
    predicted += findings.length;
    predictedHit += hitPredicted;
    for (const finding of findings) {
      const counts = byCategory.get(finding.category) ?? [0, 0];
      counts[0]++;
      if (gold.some((span) => finding.start < span.end && span.start < finding.end)) counts[1]++;
      byCategory.set(finding.category, counts);
    }
    gold.forEach((span, i) => {
      const bucket = span.quote ? goldHits.quote : goldHits.plain;
      bucket[1] = (bucket[1] as number) + 1;
      if (hitGold[i]) {
        bucket[0] = (bucket[0] as number) + 1;
        const finding = findings.find((f) => f.start < span.end && span.start < f.end);
        if (finding) {
          voiceChecked++;
          if ((finding.voice === 'quoted') === span.quote) voiceAgree++;
        }
      }
    });
  }
  const goldTotal = (goldHits.quote[1] as number) + (goldHits.plain[1] as number);
  const goldHit = (goldHits.quote[0] as number) + (goldHits.plain[0] as number);
  console.log(`\nBASIL lexical bias (${rows.length} sentences, ${labels.filter((l) => l === 1).length} positive)`);
  console.log(`  ROC-AUC summary.loadedLanguage.score (quoted words at half): ${fmt(rocAuc(scores, labels))}`);
  console.log(`  ROC-AUC outlet voice alone:                                  ${fmt(rocAuc(outletOnly, labels))}`);
  console.log(`  ROC-AUC quoted words in full:                                ${fmt(rocAuc(quotedInFull, labels))}`);
  console.log(`  ROC-AUC summary.loadedLanguage.score, folds 3-4 only (n=${heldLabels.length}): ${fmt(rocAuc(heldScores, heldLabels))}`);
  // Recall at the sentence level: a biased sentence with no finding scores 0, tied with most of the rest.
  const anyFinding = (label: 0 | 1): string => {
    const rowsOf = sentences.filter((_, i) => labels[i] === label);
    return fmt(rowsOf.filter((x) => x.byCategory.size > 0).length / Math.max(rowsOf.length, 1));
  };
  console.log(`  sentences with any finding: ${anyFinding(1)} of the biased, ${anyFinding(0)} of the rest`);
  console.log(`  span precision ${fmt(predictedHit / Math.max(predicted, 1))} (${predictedHit}/${predicted} findings overlap a lexical span)`);
  console.log(`  span recall    ${fmt(goldHit / Math.max(goldTotal, 1))} (${goldHit}/${goldTotal} lexical spans overlapped)`);
  console.log(`    in quotes:     ${goldHits.quote[0]}/${goldHits.quote[1]}; outside quotes: ${goldHits.plain[0]}/${goldHits.plain[1]}`);
  console.log(`  voice agrees with the span's quote flag: ${voiceAgree}/${voiceChecked}`);
  // Without a category: its findings' weight taken out of the sentence's, everything else as reported.
  const held = rows.map((row) => row.fold >= 3);
  const withoutAuc = (category: string): [number, number] => {
    const scores = sentences.map((x) => {
      const [author, quoted] = x.byCategory.get(category) ?? [0, 0];
      return textLoadedScore(Math.max(0, x.author - author), x.authorWords, Math.max(0, x.quoted - quoted), x.quotedWords);
    });
    return [rocAuc(scores, labels), rocAuc(scores.filter((_, i) => held[i]), labels.filter((_, i) => held[i]))];
  };
  console.log('  by category: precision (findings overlapping a lexical span); sentence AUC with the category left out, all / folds 3-4:');
  for (const [category, [all, hit]] of [...byCategory].sort((a, b) => b[1][0] - a[1][0])) {
    const [without, withoutHeld] = withoutAuc(category);
    console.log(`    ${category.padEnd(18)} ${fmt(hit / all)} (${hit}/${all})`.padEnd(44) + `without it ${fmt(without)} / ${fmt(withoutHeld)}`);
  }
}

type SubjRow = { text: string; label: 0 | 1; split: string };
function evalCheckThat(): void {
  const rows = readJsonl<SubjRow>('checkthat_subj_en_dev.jsonl');
  if (!rows) return;
  // The model was fitted on train and dev (npm run build:subjectivity-model): only dev_test measures it.
  const held = rows.filter((row) => row.split === 'dev_test').map((row) => ({ ...row, score: run(row.text).summary.subjectivity.score }));
  const scores = held.map((r) => r.score);
  const labels = held.map((r) => r.label);
  console.log(`\nCheckThat! 2024 subjectivity, dev_test (n=${held.length}; the model is fitted on train and dev only)`);
  console.log(`  macro-F1 at the documented 0.5: ${fmt(macroF1(scores, labels, 0.5))}  ROC-AUC ${fmt(rocAuc(scores, labels))}`);
  const [low, high] = bootstrapInterval(scores, labels, (s, l) => macroF1(s, l, 0.5));
  console.log(`  macro-F1 90% bootstrap interval (1000 resamples of the ${held.length} sentences): ${fmt(low)}-${fmt(high)}`);
}

/**
 * The 5th and 95th percentiles of `statistic` over `resamples` resamples (with replacement) of the rows: how
 * far a figure on a few hundred sentences can move by chance. A fixed seed (mulberry32, 32-bit integer arithmetic)
 * keeps it the same on every run.
 */
function bootstrapInterval(scores: readonly number[], labels: readonly (0 | 1)[], statistic: (s: number[], l: (0 | 1)[]) => number, resamples = 1000): [number, number] {
  let state = 20240917;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % scores.length;
  };
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const s: number[] = [];
    const l: (0 | 1)[] = [];
    for (let i = 0; i < scores.length; i++) {
      const k = next();
      s.push(scores[k] as number);
      l.push(labels[k] as 0 | 1);
    }
    values.push(statistic(s, l));
  }
  values.sort((a, b) => a - b);
  return [values[Math.floor(0.05 * resamples)] as number, values[Math.floor(0.95 * resamples)] as number];
}

type WncRow = { biased: string; neutral: string };
function evalWnc(): void {
  const rows = readJsonl<WncRow>('wnc_sample_pairs.jsonl');
  if (!rows) return;
  const compare = (score: (r: Report) => number) => {
    let higher = 0;
    let ties = 0;
    for (const row of rows) {
      const b = score(run(row.biased));
      const n = score(run(row.neutral));
      if (b > n) higher++;
      else if (b === n) ties++;
    }
    return { higher, ties, lower: rows.length - higher - ties };
  };
  const loaded = compare((r) => r.summary.loadedLanguage.weight + r.summary.loadedLanguage.quoted.weight);
  const subjective = compare((r) => r.summary.subjectivity.weight);
  console.log(`\nWNC pairs (${rows.length}): biased side scores higher / tie / lower`);
  console.log(`  loaded-language weight: ${loaded.higher} / ${loaded.ties} / ${loaded.lower}  (share higher ${fmt(loaded.higher / rows.length)}, among untied ${fmt(loaded.higher / Math.max(loaded.higher + loaded.lower, 1))})`);
  console.log(`  subjectivity weight:    ${subjective.higher} / ${subjective.ties} / ${subjective.lower}  (share higher ${fmt(subjective.higher / rows.length)}, among untied ${fmt(subjective.higher / Math.max(subjective.higher + subjective.lower, 1))})`);
}

/**
 * Attribution findings that are loaded language only as attributions: vague attribution and reporting verbs
 * are right where the outlet hangs a claim on a source, so their precision is the share that sits on a source or
 * cue PolNeAR's annotators marked (by voice; a quotation's own sourcing is not annotated, so quoted ones show 0).
 */
function evalPolnearFindings(): void {
  const path = join(devDir, POLNEAR_FILE);
  if (!existsSync(path)) {
    console.log(`skip ${POLNEAR_FILE}: not found at ${path} (set SLANT_DEV_DATA to the folder holding it)`);
    return;
  }
  const articles = loadPolnear(path) ?? [];
  const counts = new Map<string, [number, number]>();
  for (const article of articles) {
    const marked = article.gold.flatMap((gold) => [...gold.source, ...gold.cue]);
    for (const finding of allFindings(run(article.text))) {
      if (finding.category !== 'vague-attribution' && finding.category !== 'reporting-verb') continue;
      const key = `${finding.category} ${finding.voice}`;
      const pair = counts.get(key) ?? [0, 0];
      pair[0]++;
      if (marked.some((span) => finding.start < span.end && span.start < finding.end)) pair[1]++;
      counts.set(key, pair);
    }
  }
  console.log(`\nPolNeAR train (${articles.length} articles): attribution findings on an annotated source or cue`);
  for (const [key, [all, hit]] of [...counts].sort()) console.log(`  ${key.padEnd(28)} ${fmt(hit / all)} (${hit}/${all})`);
}

console.log(`slant eval: development sets from ${devDir}`);
evalBasil();
evalCheckThat();
evalWnc();
evalPolnearFindings();

/**
 * The comparison as text for a terminal (`slant compare`): the summary with its evidence, then the tables
 * side by side. Evidence is printed as `A 12:4 "text"` (article, line:column in that article's text).
 */
import type { Comparison, Evidence } from './schema.ts';
import { sideLabel } from './summary.ts';

const STATUS_CELL: Readonly<Record<string, string>> = { quoted: 'quoted', paraphrased: 'paraphrased', summarised: 'summarised', mentioned: 'named only', absent: '-' };

/** Renders `comparison` as plain text, lines under 120 columns where the content allows. */
export function renderComparison(comparison: Comparison): string {
  const out: string[] = [];
  const texts = new Map(comparison.articles.map((article) => [article.key, article.text]));
  const where = (item: Evidence): string => {
    const text = texts.get(item.article) ?? '';
    const before = text.slice(0, item.start);
    const line = before.split('\n').length;
    const column = item.start - before.lastIndexOf('\n');
    return `${item.article} ${line}:${column} "${clip(item.text, 60)}"${item.path === undefined ? '' : ` (${item.path})`}`;
  };
  const keys = comparison.articles.map((article) => article.key);

  out.push(`slant compare: ${comparison.articles.length} articles`);
  for (const article of comparison.articles) out.push(`  ${article.key}  ${article.name}${article.outlet === null ? '' : ` (${article.outlet})`}, ${article.words} words`);

  out.push('', 'Summary of differences (each line with its evidence; no verdict)');
  comparison.summary.forEach((line, index) => {
    out.push(`  ${index + 1}. ${line.text}`);
    for (const item of line.evidence) out.push(`       ${where(item)}`);
  });

  out.push('', 'Headlines');
  for (const headline of comparison.headlines) out.push(`  ${headline.article}  ${headline.text ?? '(none found)'}${headline.flags.length > 0 ? `  [${headline.flags.join('; ')}]` : ''}`);

  out.push('', 'Outlets');
  for (const outlet of comparison.outlets) {
    const card = outlet.name === null ? 'not identified' : [outlet.name, outlet.country, outlet.ownership === null ? null : `${outlet.ownership}${outlet.owner === null ? '' : ` (${outlet.owner})`}`, outlet.reliability === null ? null : `reliability ${outlet.reliability.label}`].filter((part) => part !== null).join(', ');
    out.push(`  ${outlet.article}  ${card}${outlet.cited.length > 0 ? `; cites ${outlet.cited.join(', ')}` : ''}`);
  }

  const table = (title: string, rows: Comparison['voices']['sides'], label: (row: Comparison['voices']['sides'][number]) => string): void => {
    out.push('', title);
    out.push(`  ${''.padEnd(34)}${keys.map((key) => key.padEnd(14)).join('')}`);
    for (const row of rows) out.push(`  ${clip(label(row), 32).padEnd(34)}${row.cells.map((cell) => (STATUS_CELL[cell.status] ?? cell.status).padEnd(14)).join('')}`);
  };
  table('Voices by side', comparison.voices.sides, (row) => sideLabel(row.side));
  table('Voices by actor', comparison.voices.actors, (row) => row.name);

  out.push('', 'Word choice for the same referent (lexicons/en/contested-terms.jsonl)');
  if (comparison.wordChoice.length === 0) out.push('  none of the listed terms occurs');
  for (const group of comparison.wordChoice) {
    out.push(`  ${group.referent}${group.differs ? '' : ' (same words)'}`);
    for (const use of group.uses) out.push(`    ${use.article}  ${use.terms.length === 0 ? '-' : use.terms.map((term) => `${term.term} x${term.count}${term.quoted > 0 ? ` (${term.quoted} quoted)` : ''}`).join(', ')}`);
  }

  out.push('', 'Only in one article');
  for (const entry of comparison.distinctive) {
    out.push(`  ${entry.article}`);
    const items = (label: string, list: readonly { text: string }[]): void => {
      if (list.length > 0) out.push(`    ${label}: ${list.map((item) => clip(item.text, 70)).join('; ')}`);
    };
    items('names', entry.names);
    items('numbers', entry.numbers);
    items('statements', entry.attributions.map((item) => ({ text: `${item.speaker}: ${item.text}` })));
    items('wording', entry.wording);
  }

  out.push('', 'Figures side by side (percentile in the reference corpus)');
  const figure = (value: number | null, percentile: number | null): string => (value === null ? '-' : `${Number(value.toFixed(2))}${percentile === null ? '' : ` (p${percentile})`}`);
  out.push(`  ${''.padEnd(26)}${keys.map((key) => key.padEnd(16)).join('')}`);
  const rows: [string, (row: Comparison['figures'][number]) => string][] = [
    ['words', (row) => String(row.words)],
    ['quoted share', (row) => `${Math.round(row.quotedShare * 100)}%`],
    ['loaded language', (row) => figure(row.loadedLanguage.value, row.loadedLanguage.percentile)],
    ['loaded language (quoted)', (row) => figure(row.quotedLoadedLanguage.value, row.quotedLoadedLanguage.percentile)],
    ['subjectivity', (row) => figure(row.subjectivity.value, row.subjectivity.percentile)],
    ['sentiment', (row) => figure(row.sentiment.value, row.sentiment.percentile)],
    ['balance of sides', (row) => figure(row.balance.value, row.balance.percentile)],
    ['attributions', (row) => figure(row.attributions.value, row.attributions.percentile)],
  ];
  for (const [label, value] of rows) out.push(`  ${label.padEnd(26)}${comparison.figures.map((row) => value(row).padEnd(16)).join('')}`);

  out.push('', 'How it is judged');
  for (const [part, method] of Object.entries(comparison.method)) out.push(`  ${part}: ${method}`);
  return `${out.join('\n')}\n`;
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 3)}...`;
}

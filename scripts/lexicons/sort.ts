/**
 * npm run lexicons:sort [FILE...]: sorts the entries of lexicon files by term in place, keeping the
 * header and comment lines at the top. Without arguments, every lexicons/*.jsonl.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLexiconDir } from '../../src/core/data/index.ts';

const dir = defaultLexiconDir();
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => join(dir, f));
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const header: string[] = [];
  // Entries sort by term; the actor gazetteer sorts by id.
  const entries: { term: string; line: string }[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (line.startsWith('#') && entries.length === 0) header.push(line);
    else if (!line.startsWith('#')) {
      const record = JSON.parse(line) as { term?: string; id?: string };
      entries.push({ term: record.term ?? record.id ?? '', line });
    }
  }
  entries.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  writeFileSync(file, `${[...header, ...entries.map((e) => e.line)].join('\n')}\n`);
  console.log(`${file}: ${entries.length} entries`);
}

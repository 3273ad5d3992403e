import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, loadLexicons } from '../../src/index.ts';
import { defaultLexiconDir, LANGUAGES, LexiconError, loadOnce, WORD_LIST_FILES } from '../../src/core/data/index.ts';
import { defaultSourcesDir, loadSourceTables, SOURCE_FILES } from '../../src/core/outlets/index.ts';

/** A copy of the bundled English folder with `file` changed by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'slant-words-'));
  for (const name of readdirSync(defaultLexiconDir())) if (name.endsWith('.jsonl')) copyFileSync(join(defaultLexiconDir(), name), join(dir, name));
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

/** The LexiconError `load` throws. */
function thrownBy(load: () => unknown): LexiconError {
  try {
    load();
  } catch (error) {
    if (error instanceof LexiconError) return error;
    throw error;
  }
  throw new Error('expected a LexiconError');
}

describe('word lists in lexicons/en', () => {
  it('holds each weekday and month name once, with the short forms date lines use', () => {
    const { weekdays, months } = loadLexicons().words;
    expect([...weekdays.names].sort()).toEqual(['friday', 'monday', 'saturday', 'sunday', 'thursday', 'tuesday', 'wednesday']);
    expect(weekdays.short.has('thurs')).toBe(true);
    expect(months.names.size).toBe(12);
    expect(months.short.has('sept')).toBe(true);
  });

  it('lists every word-list file in the report provenance', () => {
    const names = Object.keys(analyze({ text: 'The council met on Tuesday.' }).lexicons);
    for (const { name } of WORD_LIST_FILES) expect(names).toContain(name);
  });

  it.each([
    ['two words in a list looked up a word at a time', 'share-bar.jsonl', (text: string) => text.replace('{"term":"gift","pos":"fixed"}', '{"term":"gift card","pos":"fixed"}'), 'entry', /share-bar\.jsonl:\d+: expected a single word.*\(value: gift card\)$/],
    ['an upper-case month', 'months.jsonl', (text: string) => text.replace('"term":"may"', '"term":"May"'), 'entry', /months\.jsonl:\d+: field "term": expected lower case/],
    ['a short form in upper case', 'weekdays.jsonl', (text: string) => text.replace('["mon"]', '["Mon"]'), 'entry', /weekdays\.jsonl:\d+: field "short\.0": expected lower case/],
    ['a weekday out of order', 'weekdays.jsonl', (text: string) => `${text}{"term":"funday","pos":"fixed"}\n`, 'unsorted', /weekdays\.jsonl:\d+: entries must be sorted by term/],
    ['a repeated date-line word', 'dateline-words.jsonl', (text: string) => text.replace('{"term":"gmt","pos":"fixed"}', '{"term":"gmt","pos":"fixed"}\n{"term":"gmt","pos":"fixed"}'), 'duplicate', /dateline-words\.jsonl:\d+: duplicate term/],
  ])('%s fails at load time naming the file and line', (_name, file, edit, code, message) => {
    const dir = brokenCopy(file, edit);
    const error = thrownBy(() => loadLexicons(dir));
    expect(error.code).toBe(code);
    expect(error.file).toBe(join(dir, file));
    expect(error.line).toBeGreaterThan(4);
    expect(error.message).toMatch(message);
    // The line the error names is the broken one.
    const line = readFileSync(join(dir, file), 'utf8').split('\n')[error.line - 1] as string;
    expect(line.startsWith('{')).toBe(true);
  });

  it('reads a date line and a share bar from the word lists', () => {
    const report = analyze({ text: 'Published: Tue 5 Sept 2023, 10:32 GMT\n\nShare this article: Facebook Twitter Email\n\nThe council voted on Tuesday to close the old bridge for repairs, officials said.' });
    expect(report.paragraphs.map((paragraph) => paragraph.role)).toEqual(['dateline', 'boilerplate', 'body']);
  });
});

describe('the particles of outlet names (lexicons/sources)', () => {
  it('are read with the tables, and a broken line fails naming the file and line', () => {
    expect(loadSourceTables().nameParticles.has('der')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'slant-sources-'));
    for (const name of Object.values(SOURCE_FILES)) copyFileSync(join(defaultSourcesDir(), name), join(dir, name));
    const file = join(dir, SOURCE_FILES.nameParticles);
    writeFileSync(file, readFileSync(file, 'utf8').replace('{"term":"der","pos":"fixed"}', '{"term":"Der","pos":"fixed"}'));
    expect(() => loadSourceTables(dir)).toThrowError(/^lexicons\/sources\/name-particles\.jsonl:\d+: field "term": expected lower case/);
  });
});

describe('one loader, one cache', () => {
  it('loads a folder once, whether it is named by a relative or an absolute path', () => {
    const bundled = loadLexicons();
    expect(loadLexicons(relative(process.cwd(), defaultLexiconDir()))).toBe(bundled);
    expect(loadLexicons(defaultLexiconDir('en'), 'en')).toBe(bundled);
    expect(bundled.language).toBe('en');
    expect(LANGUAGES).toEqual(['en']);
  });

  it('keeps each kind of data apart in the one cache', () => {
    const tables = loadSourceTables();
    let built = 0;
    const value = loadOnce('test-kind', tables.dir, () => ++built);
    expect(loadOnce('test-kind', tables.dir, () => ++built)).toBe(value);
    expect(built).toBe(1);
    expect(loadSourceTables(tables.dir)).toBe(tables);
  });

  it('caches nothing for a folder that fails, so the next call fails the same way', () => {
    const dir = brokenCopy('months.jsonl', (text) => text.replace('"term":"may"', '"term":"May"'));
    expect(() => loadLexicons(dir)).toThrow(LexiconError);
    expect(() => loadLexicons(dir)).toThrow(/months\.jsonl/);
  });
});

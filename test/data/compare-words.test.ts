/** The comparison's word lists: contested terms by referent and function words, validated when they load. */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexiconError } from '../../src/index.ts';
import { defaultLexiconDir, loadCompareWords, parseContestedTerms } from '../../src/core/data/index.ts';

const HEADER = '# source: test\n# license: CC0-1.0\n# version: 1.0.0\n# edit: by hand\n';
const group = (id: string, terms: string[], extra = '') => `{"id":"${id}","referent":"r","terms":[${terms.map((term) => `{"term":"${term}"}`).join(',')}],"source":"s"${extra}}`;

function errorOf(text: string): LexiconError {
  try {
    parseContestedTerms('lexicons/en/contested-terms.jsonl', text);
  } catch (error) {
    if (error instanceof LexiconError) return error;
    throw error;
  }
  throw new Error('expected a LexiconError');
}

describe('contested-terms.jsonl', () => {
  it.each([
    ['a term in two groups', `${HEADER}${group('a-group', ['kiev', 'kyiv'])}\n${group('b-group', ['kyiv', 'kiyv'])}\n`, 'duplicate', 6, /already belongs to the group a-group \(line 5\)/],
    ['a group of one term', `${HEADER}${group('a-group', ['kiev'])}\n`, 'entry', 5, /at least two terms/],
    ['groups out of order', `${HEADER}${group('b-group', ['x', 'y'])}\n${group('a-group', ['z', 'w'])}\n`, 'unsorted', 6, /sorted by id/],
    ['a group without its source', `${HEADER}{"id":"a","referent":"r","terms":[{"term":"x"},{"term":"y"}]}\n`, 'entry', 5, /field "source"/],
    ['an upper-case term', `${HEADER}${group('a-group', ['Kiev', 'kyiv'])}\n`, 'entry', 5, /lower case/],
    ['an unknown field', `${HEADER}${group('a-group', ['x', 'y'], ',"verdict":"biased"')}\n`, 'entry', 5, /verdict/],
  ])('%s is an error naming the file and line', (_name, text, code, line, message) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^lexicons/en/contested-terms\\.jsonl:${line}: `));
    expect(error.message).toMatch(message);
  });

  it('ships groups with a provenance each, and a header like every lexicon file', () => {
    const words = loadCompareWords();
    expect(words.info.map((info) => info.name)).toEqual(['contested-terms', 'function-words']);
    expect(words.groups.get('capital-of-ukraine')?.terms.map((term) => term.term)).toEqual(['kiev', 'kyiv']);
    for (const entry of words.groups.values()) expect(entry.source.length).toBeGreaterThan(20);
    expect(words.functionWords.has('the')).toBe(true);
  });

  it('fails at load time naming the broken file of a copied folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-compare-words-'));
    for (const file of readdirSync(defaultLexiconDir())) if (file.endsWith('.jsonl')) copyFileSync(join(defaultLexiconDir(), file), join(dir, file));
    const file = join(dir, 'contested-terms.jsonl');
    writeFileSync(file, `${readFileSync(file, 'utf8')}${group('zz-last', ['regime', 'rulers'])}\n`);
    expect(() => loadCompareWords(dir)).toThrowError(/\/contested-terms\.jsonl:\d+: the term already belongs to the group ruling-body/);
  });
});

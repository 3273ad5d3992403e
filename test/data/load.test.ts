import { mkdtempSync, readdirSync, copyFileSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, findingMessage, LexiconError, loadLexicons, type Finding } from '../../src/index.ts';
import { defaultLexiconDir, inflectEntry, parseLexicon, withRecordCache } from '../../src/core/data/index.ts';

const HEADER = '# source: test\n# license: CC0-1.0\n# version: 1.0.0\n# edit: by hand\n';

function errorOf(text: string, kind: 'weighted' | 'reporting' | 'plain' = 'weighted'): LexiconError {
  try {
    parseLexicon('test', 'lexicons/test.jsonl', text, kind);
  } catch (error) {
    if (error instanceof LexiconError) return error;
    throw error;
  }
  throw new Error('expected a LexiconError');
}

describe('lexicon validation', () => {
  it.each([
    ['invalid JSON', `${HEADER}{"term": "slam", "weight": 0.5}\n{"term": "smear" "weight": 0.5}\n`, 'json', 6],
    ['duplicate term', `${HEADER}{"term":"slam","weight":0.5}\n{"term":"slam","weight":0.6}\n`, 'duplicate', 6],
    ['unsorted entries', `${HEADER}{"term":"smear","weight":0.5}\n{"term":"slam","weight":0.6}\n`, 'unsorted', 6],
    ['weight out of range', `${HEADER}{"term":"slam","weight":1.5}\n`, 'entry', 5],
    ['missing weight', `${HEADER}{"term":"slam"}\n`, 'entry', 5],
    ['unknown field (a typo)', `${HEADER}{"term":"slam","wieght":0.5}\n`, 'entry', 5],
    ['upper-case term', `${HEADER}{"term":"Slam","weight":0.5}\n`, 'entry', 5],
    ['unknown topic', `${HEADER}{"term":"slam","weight":0.5,"topics":["astrology"]}\n`, 'entry', 5],
    ['missing header', '{"term":"slam","weight":0.5}\n', 'header', 1],
    ['bad version', HEADER.replace('1.0.0', 'one') + '{"term":"slam","weight":0.5}\n', 'header', 1],
  ])('%s is an error naming the file and line', (_name, text, code, line) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^lexicons/test\\.jsonl:${line}: `));
  });

  it('quotes the offending value in the message', () => {
    expect(errorOf(`${HEADER}{"term":"slam","weight":1.5}\n`).message).toMatch(/field "weight": .*\(value: 1\.5\)$/);
    expect(errorOf(`${HEADER}{"term":"slam","wieght":0.5}\n`, 'plain').value).toBe('wieght');
    expect(errorOf(`${HEADER}{"term":"slam","weight":0.5}\n`, 'reporting').message).toContain('stance');
  });

  it('loads a copy of the bundled folder, and fails at load time naming the broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-lexicons-'));
    for (const file of readdirSync(defaultLexiconDir())) if (file.endsWith('.jsonl') || file === 'README.md') copyFileSync(join(defaultLexiconDir(), file), join(dir, file));
    const hedges = join(dir, 'hedges.jsonl');
    writeFileSync(hedges, `${readFileSync(hedges, 'utf8')}{"term":"zzz","weight":"heavy"}\n`);
    expect(() => loadLexicons(dir)).toThrowError(/\/hedges\.jsonl:\d+: field "weight"/);
  });

  it('takes the finding messages from the folder\'s categories.jsonl, which must name every category once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-lexicons-'));
    for (const file of readdirSync(defaultLexiconDir())) if (file.endsWith('.jsonl')) copyFileSync(join(defaultLexiconDir(), file), join(dir, file));
    const categories = join(dir, 'categories.jsonl');
    const bundled = readFileSync(categories, 'utf8');
    writeFileSync(categories, bundled.replace('"name":"Emotive word"', '"name":"Charged word"'));
    const renamed = analyze({ text: 'The talks were deplorable.' }, { lexiconDir: dir });
    expect(renamed.categories.loaded?.name).toBe('Charged word');
    expect(findingMessage(renamed.paragraphs[0]?.findings[0] as Finding, renamed.categories)).toBe('Charged word `deplorable`; a neutral wording: `poor`');
    const other = mkdtempSync(join(tmpdir(), 'slant-lexicons-'));
    for (const file of readdirSync(dir)) copyFileSync(join(dir, file), join(other, file));
    writeFileSync(join(other, 'categories.jsonl'), bundled.replace(/^\{"id":"hedge".*\n/m, ''));
    expect(() => loadLexicons(other)).toThrowError(/\/categories\.jsonl:0: no line for the category "hedge"/);
    writeFileSync(join(other, 'categories.jsonl'), `${bundled}{"id":"sarcasm","name":"Sarcasm","meaning":"m","example":"e"}\n`);
    expect(() => loadLexicons(other)).toThrowError(/\/categories\.jsonl:\d+: field "id"/);
  });
});

describe('inflection at load time', () => {
  it.each([
    [{ term: 'slam', pos: 'verb' as const }, ['slams', 'slammed', 'slamming']],
    [{ term: 'smear', pos: 'verb' as const }, ['smears', 'smeared', 'smearing']],
    [{ term: 'decry', pos: 'verb' as const }, ['decries', 'decried', 'decrying']],
    [{ term: 'blame', pos: 'verb' as const }, ['blames', 'blamed', 'blaming']],
    [{ term: 'lash out', pos: 'verb' as const }, ['lashes out', 'lashed out', 'lashing out']],
    [{ term: 'red line', pos: 'noun' as const }, ['red lines']],
    [{ term: 'atrocity', pos: 'noun' as const }, ['atrocities']],
    [{ term: 'brutal', pos: 'adj' as const }, ['brutally']],
    [{ term: 'horrific', pos: 'adj' as const }, ['horrifically']],
    [{ term: 'critics say', pos: 'verb' as const, head: 1 }, ['critics said'.replace('said', 'says'), 'critics saying']],
    [{ term: 'fight', pos: 'verb' as const, forms: ['fought'] }, ['fights', 'fought', 'fighting']],
  ])('%o generates %o', (entry, expected) => {
    const forms = inflectEntry(entry);
    expect(forms[0]).toBe(entry.term);
    for (const form of expected) expect(forms).toContain(form);
  });
});

describe('the validated-record cache', () => {
  it('reuses a validated file without parsing it again, and parses (and rejects) a changed one', () => {
    const text = readFileSync(join(defaultLexiconDir(), 'hedges.jsonl'), 'utf8');
    const parse = () => parseLexicon('hedges', 'lexicons/hedges.jsonl', text, 'weighted');
    const first = withRecordCache('lexicon:weighted', 'lexicons/hedges.jsonl', text, () => {
      const parsed = parse();
      return { header: parsed.header, records: parsed.entries.map(({ line, ...record }) => ({ record, line })) };
    });
    let parsedAgain = false;
    const second = withRecordCache('lexicon:weighted', 'lexicons/hedges.jsonl', text, () => {
      parsedAgain = true;
      return first;
    });
    expect(parsedAgain).toBe(false);
    expect(second).toEqual(first);
    // A different text is a different key: it is parsed, and a broken one still fails.
    expect(() => withRecordCache('lexicon:weighted', 'lexicons/hedges.jsonl', `${text}{"term":"zzz","weight":"heavy"}\n`, () => {
      const parsed = parseLexicon('hedges', 'lexicons/hedges.jsonl', `${text}{"term":"zzz","weight":"heavy"}\n`, 'weighted');
      return { header: parsed.header, records: [] };
    })).toThrowError(/field "weight"/);
  });
});

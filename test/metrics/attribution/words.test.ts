import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAttributionWords } from '../../../src/core/data/attribution-words.ts';
import { loadLexicons, parseLexicon, type ParsedLexicon } from '../../../src/core/data/index.ts';

const HEADER = '# source: test\n# license: CC0\n# version: 1.0.0\n# edit: by hand\n';

/** The attribution word lists with one file replaced by `text`, the others as bundled. */
function wordsWith(name: string, text: string) {
  const bundled = loadLexicons().dir;
  return buildAttributionWords((file: string): ParsedLexicon => {
    if (file === name) return parseLexicon(name, `${name}.jsonl`, HEADER + text, 'plain');
    return parseLexicon(file, `${file}.jsonl`, readFileSync(join(bundled, `${file}.jsonl`), 'utf8'), 'plain');
  }, new Set(['monday']));
}

describe('attribution word lists', () => {
  it('reads roles from notes, and weekdays as time words', () => {
    const words = loadLexicons().attributionWords;
    expect(words.pronouns.get('she')).toBe('person');
    expect(words.determiners.get('one')).toBe('numeral');
    expect(words.clauseWords.get('whereas')).toBe('contrast');
    expect(words.timeWords.has('tuesday') && words.timeWords.has('weeks')).toBe(true);
    expect(words.sourcingPhrases).toEqual([['according', 'to']]);
  });

  it('rejects a role it does not know, naming the file and line', () => {
    expect(() => wordsWith('pronouns', '{"term":"he","note":"persn"}\n')).toThrow(/pronouns\.jsonl:5: expected a note naming the role: person, self, body, group, own-group/);
  });

  it('rejects a phrase in a list read one word at a time', () => {
    expect(() => wordsWith('be-forms', '{"term":"has been"}\n')).toThrow(/be-forms\.jsonl:5: expected a single word/);
  });
});

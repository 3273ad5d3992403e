/**
 * The word lists `slant compare` reads, apart from the analyzer's (a report never cites them, so loading them
 * changes no report): the contested terms, grouped by the thing they name (`contested-terms.jsonl`: one group
 * a line, each with its provenance), and the function words left out when two articles' statements are
 * matched by their words (`function-words.jsonl`). Validated when they load; a broken file throws a
 * LexiconError naming the file, the line and the value.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadOnce, readDataFile } from './files.ts';
import { defaultLexiconDir, type Language } from './languages.ts';
import { LexiconError, parseLexicon, parseRecords, withRecordCache, type ParsedEntry } from './parse.ts';
import { addToPhraseIndex, type PhraseIndex, type PhraseNode } from './phrase-index.ts';
import { entrySchema, type LexiconHeader } from './schema.ts';
import type { LexiconInfo } from './load.ts';
import { inflectEntry } from './inflect.ts';
import { lazySchema } from './lazy-schema.ts';

export const CONTESTED_TERMS_FILE = 'contested-terms';
export const FUNCTION_WORDS_FILE = 'function-words';

// Built on first use (lazy-schema.ts): picking from entrySchema builds it, a twentieth of a start's top-level code.
const termSchema = lazySchema(() => entrySchema.pick({ term: true, pos: true, forms: true, note: true }).strict());

/** One line of `contested-terms.jsonl`: the words outlets choose between for one referent, and where the contrast is documented. */
export const contestedGroupSchema = lazySchema(() => z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as capital-of-ukraine'),
    /** what every term of the group names, in plain words */
    referent: z.string().min(1),
    terms: z.array(termSchema).min(2, 'a group needs at least two terms to choose between'),
    /** where the contrast is documented (style guides, official usage, published analyses) */
    source: z.string().min(1),
  })
  .strict());
export type ContestedGroup = z.infer<typeof contestedGroupSchema>;

/** What a match in the contested-terms index points to. */
export type ContestedRef = { readonly group: string; readonly term: string; readonly lexicon: string };

export type CompareWords = {
  /** folded phrase -> the group and the term as written in the file (plural forms match their term) */
  readonly contested: PhraseIndex<ContestedRef>;
  readonly groups: ReadonlyMap<string, ContestedGroup>;
  /** folded function words */
  readonly functionWords: ReadonlySet<string>;
  /** the two files, as `slant lexicons` lists the others */
  readonly info: readonly LexiconInfo[];
};

/** Parses `contested-terms.jsonl` (`file` is its display path): groups sorted by id, a term in one group only. */
export function parseContestedTerms(file: string, text: string): { header: LexiconHeader; groups: (ContestedGroup & { line: number })[] } {
  const { header, records } = withRecordCache('contested-terms', file, text, () => parseRecords(file, text, contestedGroupSchema, (group) => group.id, 'id'));
  const owner = new Map<string, { id: string; line: number }>();
  for (const { record, line } of records) {
    for (const { term } of record.terms) {
      const previous = owner.get(term);
      if (previous !== undefined) throw new LexiconError('duplicate', file, line, term, previous.id === record.id ? 'the term is listed twice in its group' : `the term already belongs to the group ${previous.id} (line ${previous.line})`);
      owner.set(term, { id: record.id, line });
    }
  }
  return { header, groups: records.map(({ record, line }) => ({ ...record, line })) };
}

/**
 * Loads (once per folder) the comparison's word lists of `language` from `dir` (default: the bundled
 * `lexicons/<language>/`); throws LexiconError naming file, line and value.
 */
export function loadCompareWords(dir?: string, language: Language = 'en'): CompareWords {
  return loadOnce(`compare-words:${language}`, dir ?? defaultLexiconDir(language), (path) => buildCompareWords(path, language));
}

function buildCompareWords(dir: string, language: Language): CompareWords {
  const display = (name: string): string => (dir === defaultLexiconDir(language) ? `lexicons/${language}/${name}.jsonl` : join(dir, `${name}.jsonl`));
  const contestedFile = display(CONTESTED_TERMS_FILE);
  const { header, groups } = parseContestedTerms(contestedFile, readDataFile(join(dir, `${CONTESTED_TERMS_FILE}.jsonl`), contestedFile));
  const lexicon = `${CONTESTED_TERMS_FILE}@${header.version}`;
  const contested = new Map<string, PhraseNode<ContestedRef>>();
  for (const group of groups) {
    const entries: ParsedEntry[] = group.terms.map((term) => ({ ...term, line: group.line }));
    addToPhraseIndex(contested, contestedFile, entries, 0, (entry) => ({ group: group.id, term: entry.term, lexicon }));
  }
  const functionFile = display(FUNCTION_WORDS_FILE);
  const parsed = parseLexicon(FUNCTION_WORDS_FILE, functionFile, readDataFile(join(dir, `${FUNCTION_WORDS_FILE}.jsonl`), functionFile), 'plain');
  const functionWords = new Set(parsed.entries.flatMap((entry) => inflectEntry(entry)));
  return {
    contested,
    groups: new Map(groups.map(({ line: _line, ...group }) => [group.id, group])),
    functionWords,
    info: [
      { name: CONTESTED_TERMS_FILE, version: header.version, license: header.license, source: header.source, entries: groups.length },
      { name: FUNCTION_WORDS_FILE, version: parsed.header.version, license: parsed.header.license, source: parsed.header.source, entries: parsed.entries.length },
    ],
  };
}

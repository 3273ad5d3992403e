/**
 * The languages slant can read. A language is data: its word lists in `lexicons/<language>/` and its AFINN
 * valences in the `sentiment` package's `languages/<language>/`. Adding one is adding its code here and
 * writing those files; no analysis code names a language.
 */
import { createRequire } from 'node:module';
import { bundledFolder, readDataFile } from './files.ts';

/** Language codes (ISO 639-1) with a lexicon folder; English is the only one today. */
export const LANGUAGES = ['en'] as const;
export type Language = (typeof LANGUAGES)[number];

const folders = new Map<Language, () => string>();

/** The bundled `lexicons/<language>/` folder (found from `src/` and from a bundle; looked up once). */
export function defaultLexiconDir(language: Language = 'en'): string {
  let find = folders.get(language);
  if (find === undefined) {
    find = bundledFolder(['lexicons', language], ['negators.jsonl', 'actors.jsonl']);
    folders.set(language, find);
  }
  return find();
}

const require = createRequire(import.meta.url);

export type AfinnTable = { labels: Map<string, number>; negators: Set<string>; version: string };

/** The AFINN valences (integers -5..5) and negators the `sentiment` package ships for `language`. */
export function loadAfinn(language: Language): AfinnTable {
  // Read as data files (not require()d), so that the data snapshot knows to check them.
  const json = (name: string): unknown => {
    const path = require.resolve(`sentiment/${name}`);
    return JSON.parse(readDataFile(path, `sentiment/${name}`));
  };
  const labels = json(`languages/${language}/labels.json`) as Record<string, number>;
  const negators = json(`languages/${language}/negators.json`) as Record<string, number>;
  const version = (json('package.json') as { version: string }).version;
  return { labels: new Map(Object.entries(labels)), negators: new Set(Object.keys(negators)), version };
}

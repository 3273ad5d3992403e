/**
 * The plain word lists of a language: words looked up one at a time (never phrases) by the rules that read
 * page furniture, dates and names. Each list is a file in `lexicons/<language>/`, loaded and validated with
 * the others by `loadLexicons`; weekday and month names are written once, in their own files, and every
 * rule that needs them reads them from here.
 */
import { inflectEntry } from './inflect.ts';
import { LexiconError, type ParsedLexicon } from './parse.ts';
import type { FileKind } from './schema.ts';

/** The word-list files, loaded with the other lexicons (LEXICON_FILES lists them); all plain terms. */
export const WORD_LIST_FILES: readonly { readonly name: string; readonly kind: FileKind }[] = [
  'weekdays',
  'months',
  'dateline-words',
  'share-bar',
  'name-connectors',
  'not-names',
  'non-person-heads',
  'photo-agencies',
  'words-before-names',
  'title-case-small-words',
].map((name) => ({ name, kind: 'plain' as const }));

/** Weekday or month names: the full names (`tuesday`) and their short forms (`tue`, `tues`), folded. */
export type CalendarNames = { readonly names: ReadonlySet<string>; readonly short: ReadonlySet<string> };
/** Folded words, and those of them marked `cue` (evidence on their own). */
export type WordList = { readonly words: ReadonlySet<string>; readonly cues: ReadonlySet<string> };

export type WordLists = {
  readonly weekdays: CalendarNames;
  readonly months: CalendarNames;
  /** words a date line may hold besides dates and times; cues (`ago`) mark a line as worth checking */
  readonly datelineWords: WordList;
  /** the words of a share bar; cues (`share`, `tweet`) must be present */
  readonly shareBar: WordList;
  /** lower-case words inside a name (`of`, `von`, `bin`) */
  readonly nameConnectors: ReadonlySet<string>;
  /** capitalised words that start a sentence or a credit rather than a name (`the`, `photo`) */
  readonly notNames: ReadonlySet<string>;
  /** last words that make a name a place or a body (`ministry`, `street`) */
  readonly nonPersonHeads: ReadonlySet<string>;
  /** lower-case words a title-case headline keeps small (`of`, `the`, `to`): the rest of such a line is capitalised */
  readonly titleCaseSmallWords: ReadonlySet<string>;
  /** words that start a sentence or headline right before an outlet's name (`as`, `tells`): no part of the name */
  readonly wordsBeforeNames: ReadonlySet<string>;
  /** agencies as picture credits name them: `names` (`ap`, `getty images`), and `forms`, every way a credit line writes one (`ap photo`) */
  readonly photoAgencies: { readonly names: readonly string[]; readonly forms: readonly string[] };
};

/**
 * Builds the word lists from their parsed files (`get` returns one by name). Lists looked up a word at a
 * time reject a term of two words, naming its line; photo agencies are names of any length.
 */
export function buildWordLists(get: (name: string) => ParsedLexicon): WordLists {
  const list = (name: string): WordList => {
    const lexicon = get(name);
    const words = new Set<string>();
    const cues = new Set<string>();
    for (const entry of lexicon.entries) {
      for (const form of [...inflectEntry(entry), ...(entry.short ?? [])]) {
        // These lists are looked up a word at a time: a phrase could never match.
        if (form.includes(' ')) throw new LexiconError('entry', lexicon.file, entry.line, form, 'expected a single word: this list is looked up one word at a time');
        words.add(form);
        if (entry.cue === true) cues.add(form);
      }
    }
    return { words, cues };
  };
  const calendar = (name: string): CalendarNames => {
    const { words } = list(name);
    const short = new Set(get(name).entries.flatMap((entry) => entry.short ?? []));
    return { names: new Set([...words].filter((word) => !short.has(word))), short };
  };
  return {
    weekdays: calendar('weekdays'),
    months: calendar('months'),
    datelineWords: list('dateline-words'),
    shareBar: list('share-bar'),
    nameConnectors: list('name-connectors').words,
    notNames: list('not-names').words,
    nonPersonHeads: list('non-person-heads').words,
    wordsBeforeNames: list('words-before-names').words,
    titleCaseSmallWords: list('title-case-small-words').words,
    photoAgencies: {
      names: get('photo-agencies').entries.map((entry) => entry.term),
      forms: get('photo-agencies').entries.flatMap((entry) => inflectEntry(entry)),
    },
  };
}

/** Lexicon loading and matching: the data side of the analyzer. */
export { loadLexicons, defaultLexiconDir, bundledFolder, readDataFile, LEXICON_FILES, LOADED_CATEGORIES, FIRST_WORD } from './05-load.ts';
export type { Lexicons, LexiconRef, WeightedRef, DomainRef, LexiconInfo, LoadedCategory, CueRef, ActorRef, PhraseRef } from './05-load.ts';
export type { Actor, Role } from './01-schema.ts';
export { LexiconError, parseLexicon, parseRecords, withRecordCache } from './02-parse.ts';
export type { ParsedLexicon, ParsedEntry, LexiconErrorCode } from './02-parse.ts';
export { matchAt } from './04-phrase-index.ts';
export type { PhraseIndex, PhraseCandidate, PhraseNode } from './04-phrase-index.ts';
export { inflectEntry } from './03-inflect.ts';

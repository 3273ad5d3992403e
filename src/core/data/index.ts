/** Lexicon loading and matching: the data side of the analyzer. */
export { loadLexicons, LEXICON_FILES, FIRST_WORD } from './load.ts';
export { bundledFolder, derivedOnce, loadOnce, readDataFile, useSnapshotReadAhead } from './files.ts';
export { defaultLexiconDir, loadAfinn, LANGUAGES, type Language, type AfinnTable } from './languages.ts';
export type { Lexicons, LexiconRef, WeightedRef, DomainRef, LexiconInfo, CueRef, ActorRef, PhraseRef } from './load.ts';
export type { Actor, Role } from './schema.ts';
export { WORD_LIST_FILES, type WordLists, type WordList, type CalendarNames } from './word-lists.ts';
export { FINDING_CATEGORIES, CATEGORY, findingCategorySchema, categoryTextSchema, type FindingCategory, type CategoryText } from './categories.ts';
export { LexiconError, parseLexicon, parseRecords, withRecordCache } from './parse.ts';
export type { ParsedLexicon, ParsedEntry, LexiconErrorCode } from './parse.ts';
export { matchAt, startsPhrase } from './phrase-index.ts';
export type { PhraseIndex, PhraseNode } from './phrase-index.ts';
export { inflectEntry } from './inflect.ts';
export { SENTENCE_FEATURES, FEATURE_INDEX, WORD_CLASSES, BIAS_FEATURE, COUNT_CAP, TYPICAL_WORD_LETTERS, MAX_WORD_LETTERS, WORD_LENGTH_SPAN, type SubjectivityModel, type WordClass } from './subjectivity-model.ts';
export { loadCompareWords, parseContestedTerms, contestedGroupSchema, CONTESTED_TERMS_FILE, FUNCTION_WORDS_FILE, type CompareWords, type ContestedGroup, type ContestedRef } from './compare-words.ts';

/**
 * Loading the bundled lexicons: every file is parsed and validated, then compiled into phrase indexes.
 * The set is declared here; when two categories define the same phrase, FINDING_CATEGORIES (categories.ts)
 * says which wins.
 */
import { join } from 'node:path';
import type { AbbreviationTable } from '../text/sentences.ts';
import { parseLexicon, parseActors, type ParsedLexicon, type ParsedEntry, type ParsedActors } from './parse.ts';
import { addToPhraseIndex, type PhraseIndex, type PhraseNode } from './phrase-index.ts';
import type { Actor, FileKind } from './schema.ts';
import { inflectEntry } from './inflect.ts';
import { FINDING_CATEGORIES, parseCategoryTexts, type CategoryText, type FindingCategory } from './categories.ts';
import { loadOnce, readDataFile } from './files.ts';
import { defaultLexiconDir, loadAfinn, type Language } from './languages.ts';
import { WORD_LIST_FILES, buildWordLists, type WordLists } from './word-lists.ts';
import { ATTRIBUTION_WORD_FILES, buildAttributionWords, type AttributionWords } from './attribution-words.ts';
import { SCARE_QUOTE_WORD_FILES, buildScareQuoteWords, type ScareQuoteWords } from './scare-quote-words.ts';
import { buildWordClasses, parseSubjectivityModel, type SubjectivityModel, type WordClass } from './subjectivity-model.ts';

type FileSpec = { name: string; kind: FileKind; category?: Exclude<FindingCategory, 'scare-quote'> };

/** The bundled files, by role. Adding a file here is all it takes to load it. */
export const LEXICON_FILES: readonly FileSpec[] = [
  { name: 'labels', kind: 'weighted', category: 'label' },
  { name: 'hyperbole', kind: 'weighted', category: 'hyperbole' },
  { name: 'loaded', kind: 'weighted', category: 'loaded' },
  { name: 'distancing', kind: 'weighted', category: 'distancing' },
  { name: 'vague-attribution', kind: 'weighted', category: 'vague-attribution' },
  { name: 'boosters', kind: 'weighted', category: 'booster' },
  { name: 'hedges', kind: 'weighted', category: 'hedge' },
  { name: 'intensifiers', kind: 'weighted', category: 'intensifier' },
  { name: 'absolutes', kind: 'weighted', category: 'absolute' },
  { name: 'reporting-verbs', kind: 'reporting', category: 'reporting-verb' },
  { name: 'attitude-verbs', kind: 'reporting', category: 'reporting-verb' },
  { name: 'document-verbs', kind: 'reporting' },
  { name: 'opinion-markers', kind: 'weighted' },
  { name: 'subjective', kind: 'weighted' },
  { name: 'negators', kind: 'plain' },
  { name: 'domains', kind: 'domains' },
  { name: 'abbreviations', kind: 'abbreviations' },
  { name: 'sentence-starters', kind: 'plain' },
  { name: 'demonyms', kind: 'demonyms' },
  { name: 'titles', kind: 'titles' },
  { name: 'non-responses', kind: 'plain' },
  { name: 'anonymity', kind: 'plain' },
  { name: 'subjectivity-words', kind: 'plain' },
  ...WORD_LIST_FILES,
  ...ATTRIBUTION_WORD_FILES,
  ...SCARE_QUOTE_WORD_FILES,
];
/** The actor gazetteer has its own record shape (see actorSchema). */
export const ACTORS_FILE = 'actors';
/** The finding categories' names and explanations (see categories.ts). */
export const CATEGORIES_FILE = 'categories';
/** The subjectivity model's fitted weights (see subjectivity-model.ts). */
export const SUBJECTIVITY_MODEL_FILE = 'subjectivity-model';

/** A lexicon entry as findings cite it. */
export type LexiconRef = {
  readonly category: FindingCategory;
  /** `name@version` of the file */
  readonly lexicon: string;
  readonly term: string;
  readonly weight: number;
  readonly polarity?: -1 | 0 | 1 | undefined;
  readonly alt?: string | undefined;
  readonly stance?: string | undefined;
  readonly exempt?: readonly string[] | undefined;
  /** reporting verbs: names a speech act that takes an object (`slammed the plan`), so its `alt` does too */
  readonly act?: boolean | undefined;
  /** reporting verbs: the frames in which the word has a sense other than speech (schema.ts `otherSense`) */
  readonly otherSense?: { readonly passive?: boolean | undefined; readonly objects?: ReadonlySet<string> | undefined } | undefined;
};
export type WeightedRef = { readonly lexicon: string; readonly term: string; readonly weight: number; readonly polarity?: -1 | 0 | 1 };
export type DomainRef = { readonly domain: string; readonly term: string };
/** A reporting cue: a reporting verb with its stance, or a vague-attribution phrase. */
export type CueRef = {
  readonly kind: 'verb' | 'vague';
  readonly lemma: string;
  readonly stance: string;
  readonly act: boolean;
  readonly lexicon: string;
  readonly family: CueFamily | undefined;
  readonly needs: 'speech-object' | 'infinitive' | 'clause' | 'speech-goes-on' | 'helper' | 'topic' | undefined;
  readonly override: true | undefined;
};
/**
 * What a verb cue reports: a statement (reporting-verbs.jsonl; the default), a state of mind
 * (attitude-verbs.jsonl), or what a document or poll says (document-verbs.jsonl: a cue only after such a subject).
 */
export type CueFamily = 'speech' | 'attitude' | 'document';
export type ActorRef = { readonly id: string; readonly lexicon: string };
export type PhraseRef = { readonly term: string; readonly lexicon: string; readonly note?: string };

/**
 * Bits of `Lexicons.firstWords`: which tables a word can start an entry in. `wordClass`: the word has a class
 * the subjectivity model counts (a subjectivity word, a month or weekday name) or is a negator.
 */
export const FIRST_WORD = { loaded: 1, opinion: 2, subjective: 4, domains: 8, afinn: 16, cue: 32, actor: 64, title: 128, demonym: 256, anonymity: 512, nonResponse: 1024, wordClass: 2048 } as const;

export type LexiconInfo = { name: string; version: string; license: string; source: string; entries: number };

export type Lexicons = {
  readonly language: Language;
  readonly dir: string;
  readonly info: readonly LexiconInfo[];
  readonly loaded: PhraseIndex<LexiconRef>;
  readonly opinion: PhraseIndex<WeightedRef>;
  readonly subjective: PhraseIndex<WeightedRef>;
  readonly domains: PhraseIndex<DomainRef>;
  readonly negators: ReadonlySet<string>;
  readonly abbreviations: AbbreviationTable;
  /** AFINN-165 valences as shipped by the `sentiment` package */
  readonly afinn: ReadonlyMap<string, number>;
  /** the negators `sentiment` uses for its English scoring strategy */
  readonly afinnNegators: ReadonlySet<string>;
  readonly afinnVersion: string;
  /** folded word -> FIRST_WORD bits: one lookup tells a scan which tables can match at a token */
  readonly firstWords: ReadonlyMap<string, number>;
  /** reporting and attitude verbs (all stances) and vague attribution, for finding who speaks */
  readonly cues: PhraseIndex<CueRef>;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly actorIndex: PhraseIndex<ActorRef>;
  /** folded demonym (`russian`, `u.s`, `north korean`) -> ISO country code */
  readonly demonymIndex: PhraseIndex<{ readonly country: string }>;
  readonly titles: PhraseIndex<PhraseRef & { readonly role: string }>;
  readonly nonResponses: PhraseIndex<PhraseRef>;
  /** anonymity markers ("on condition of anonymity") and reasons ("not authorised to speak"), told apart by note prefix */
  readonly anonymity: PhraseIndex<PhraseRef>;
  /** title term -> gazetteer people who hold it */
  readonly titleHolders: ReadonlyMap<string, readonly Actor[]>;
  /** single-word lists: weekdays, months, date-line and share-bar words, name connectors (word-lists.ts) */
  readonly words: WordLists;
  /** the word lists attribution reads: speaker phrases, time phrases, pronouns, function words (attribution-words.ts) */
  readonly attributionWords: AttributionWords;
  /** the words that tell a quotation is a name, a title, a defined term or someone's (scare-quote-words.ts) */
  readonly scareQuoteWords: ScareQuoteWords;
  /** what each finding category is called and means in this language (`categories.jsonl`) */
  readonly categories: ReadonlyMap<FindingCategory, CategoryText>;
  /** single words the subjectivity model counts by class (pronouns, modals, stance adverbs...) */
  readonly subjectivityWords: ReadonlyMap<string, WordClass>;
  /** the subjectivity model's weights over the sentence features */
  readonly subjectivityModel: SubjectivityModel;
};

/**
 * Loads (once per folder) and validates the lexicons of `language` from `dir` (default: the bundled
 * `lexicons/<language>/`), with that language's AFINN table; throws LexiconError naming file, line and value.
 */
export function loadLexicons(dir?: string, language: Language = 'en'): Lexicons {
  return loadOnce(`lexicons:${language}`, dir ?? defaultLexiconDir(language), (key) => buildLexicons(key, language));
}

function buildLexicons(key: string, language: Language): Lexicons {
  const parsed = LEXICON_FILES.map((spec) => ({ spec, lexicon: readLexicon(key, language, spec) }));
  const byName = new Map(parsed.map(({ spec, lexicon }) => [spec.name, lexicon]));
  const get = (name: string): ParsedLexicon => byName.get(name) as ParsedLexicon;
  const tag = (lexicon: ParsedLexicon): string => `${lexicon.name}@${lexicon.header.version}`;

  const loaded = new Map<string, PhraseNode<LexiconRef>>();
  parsed.forEach(({ spec, lexicon }) => {
    const category = spec.category;
    if (category === undefined) return;
    const lexiconTag = tag(lexicon);
    addToPhraseIndex(loaded, lexicon.file, lexicon.entries, FINDING_CATEGORIES.findIndex((spec) => spec.id === category), (entry) =>
      lexiconRef(category, lexiconTag, entry),
    );
  });

  // One phrase index per file, its values built from each entry and the file's `name@version` tag.
  const indexOf = <T>(name: string, valueOf: (entry: ParsedEntry, lexiconTag: string) => T): PhraseIndex<T> => {
    const lexicon = get(name);
    const index = new Map<string, PhraseNode<T>>();
    const lexiconTag = tag(lexicon);
    addToPhraseIndex(index, lexicon.file, lexicon.entries, 0, (entry) => valueOf(entry, lexiconTag));
    return index;
  };
  const weightedIndex = (name: string): PhraseIndex<WeightedRef> =>
    indexOf(name, (entry, lexicon): WeightedRef => {
      const ref: WeightedRef = { lexicon, term: entry.term, weight: entry.weight ?? 0 };
      return entry.polarity === undefined ? ref : { ...ref, polarity: entry.polarity };
    });
  const phraseIndex = (name: string): PhraseIndex<PhraseRef> =>
    indexOf(name, (entry, lexicon): PhraseRef => (entry.note === undefined ? { term: entry.term, lexicon } : { term: entry.term, lexicon, note: entry.note }));

  const domains = indexOf('domains', (entry): DomainRef => ({ domain: entry.domain as string, term: entry.term }));

  // Negation is checked one token back at a time, so only single-word forms matter here.
  const negators = new Set<string>();
  for (const entry of get('negators').entries) for (const form of inflectEntry(entry)) if (!form.includes(' ')) negators.add(form);

  const kinds = new Map<string, 'title' | 'month' | 'other'>();
  for (const entry of get('abbreviations').entries) kinds.set(entry.term, entry.kind ?? 'other');
  const starters = new Set(get('sentence-starters').entries.map((entry) => entry.term));

  const cues = new Map<string, PhraseNode<CueRef>>();
  for (const [name, family] of [['reporting-verbs', 'speech'], ['attitude-verbs', 'attitude'], ['document-verbs', 'document']] as const) {
    const verbs = get(name);
    addToPhraseIndex(cues, verbs.file, verbs.entries, 0, (entry): CueRef => ({
      kind: 'verb',
      lemma: entry.term,
      stance: entry.stance ?? 'neutral',
      act: entry.act ?? false,
      lexicon: tag(verbs),
      family,
      needs: entry.needs,
      override: entry.override === true ? true : undefined,
    }));
  }
  // Every cue has every field (one hidden class for the sites that read cues, in attribution's every pass).
  const vague = get('vague-attribution');
  addToPhraseIndex(cues, vague.file, vague.entries, 1, (entry): CueRef => ({ kind: 'vague', lemma: entry.term, stance: 'neutral', act: false, lexicon: tag(vague), family: undefined, needs: undefined, override: undefined }));

  const titles = indexOf('titles', (entry, lexicon) => ({ term: entry.term, lexicon, role: entry.role ?? 'government' }));
  const demonymIndex = indexOf('demonyms', (entry) => ({ country: entry.country as string }));

  const actorFile = readActors(key, language);
  const actorTag = `${ACTORS_FILE}@${actorFile.header.version}`;
  const actors = new Map<string, Actor>();
  const actorIndex = new Map<string, PhraseNode<ActorRef>>();
  // Every field set, in one order, an absent one undefined: with only the fields each had, actors came in a dozen
  // hidden classes and attribution's sites that read them (kind, side, memberOf, titles) were slow generic look-ups.
  for (const { id, name, aliases, country, role, kind, memberOf, titles, side, note } of actorFile.actors) {
    actors.set(id, { id, name, aliases, country, role, kind, memberOf, titles, side, note });
  }
  addToPhraseIndex(
    actorIndex,
    actorFile.file,
    // "the kremlin" is indexed as "kremlin": a leading article would make every "the" in a text start a lookup,
    // and the speaker's noun phrase keeps the article anyway.
    // Only when what remains is still specific: "the who" must not become "who", nor "the house" "house".
    actorFile.actors.flatMap((actor) =>
      [...new Set(actor.aliases.map((alias) => (alias.startsWith('the ') && (alias.slice(4).includes(' ') || actor.aliases.includes(alias.slice(4))) ? alias.slice(4) : alias)))].map((alias) => ({
        term: alias,
        pos: 'fixed' as const,
        line: actor.line,
        note: actor.id,
      })),
    ),
    0,
    (entry) => ({ id: entry.note as string, lexicon: actorTag }),
  );

  const afinn = loadAfinn(language);
  const opinion = weightedIndex('opinion-markers');
  const subjective = weightedIndex('subjective');
  const firstWords = new Map<string, number>();
  const mark = (keys: Iterable<string>, bit: number): void => {
    for (const key of keys) firstWords.set(key, (firstWords.get(key) ?? 0) | bit);
  };
  mark(loaded.keys(), FIRST_WORD.loaded);
  mark(opinion.keys(), FIRST_WORD.opinion);
  mark(subjective.keys(), FIRST_WORD.subjective);
  mark(domains.keys(), FIRST_WORD.domains);
  mark(afinn.labels.keys(), FIRST_WORD.afinn);
  mark(cues.keys(), FIRST_WORD.cue);
  mark(actorIndex.keys(), FIRST_WORD.actor);
  mark(titles.keys(), FIRST_WORD.title);
  mark(demonymIndex.keys(), FIRST_WORD.demonym);
  const anonymity = phraseIndex('anonymity');
  const nonResponses = phraseIndex('non-responses');
  mark(anonymity.keys(), FIRST_WORD.anonymity);
  mark(nonResponses.keys(), FIRST_WORD.nonResponse);
  const titleHolders = new Map<string, Actor[]>();
  for (const actor of actors.values()) {
    if (actor.kind !== 'person') continue;
    for (const title of actor.titles ?? []) {
      const holders = titleHolders.get(title);
      if (holders === undefined) titleHolders.set(title, [actor]);
      else holders.push(actor);
    }
  }
  const words = buildWordLists(get);
  const subjectivityWords = buildWordClasses(get('subjectivity-words'));
  // The words sentence-features reads a class of (its table by word id spans the vocabulary: a cache miss for
  // each token it is read at, and most tokens have no class).
  mark(subjectivityWords.keys(), FIRST_WORD.wordClass);
  mark(words.months.names, FIRST_WORD.wordClass);
  mark(words.weekdays.names, FIRST_WORD.wordClass);
  mark(negators, FIRST_WORD.wordClass);
  const subjectivityModel = readSubjectivityModel(key, language);
  return {
    language,
    dir: key,
    info: [
      ...parsed.map(({ lexicon }) => ({
        name: lexicon.name,
        version: lexicon.header.version,
        license: lexicon.header.license,
        source: lexicon.header.source,
        entries: lexicon.entries.length,
      })),
      { name: ACTORS_FILE, version: actorFile.header.version, license: actorFile.header.license, source: actorFile.header.source, entries: actorFile.actors.length },
      { name: 'afinn-165', version: afinn.version, license: 'MIT', source: `AFINN-165 as shipped by the sentiment package ${afinn.version}`, entries: afinn.labels.size },
      subjectivityModel.info,
    ],
    loaded,
    opinion,
    subjective,
    domains,
    negators,
    abbreviations: { kinds, starters },
    afinn: afinn.labels,
    afinnNegators: afinn.negators,
    afinnVersion: afinn.version,
    firstWords,
    cues,
    actors,
    actorIndex,
    demonymIndex,
    titles,
    nonResponses,
    anonymity,
    titleHolders,
    words,
    attributionWords: buildAttributionWords(get, words.weekdays.names),
    scareQuoteWords: buildScareQuoteWords(get),
    // Not in `info`: reports list the files their findings cite, and no finding cites this one.
    categories: readCategories(key, language),
    subjectivityWords,
    subjectivityModel: subjectivityModel.model,
  };
}

// Every entry in one hidden class: each field set, in one order, an absent one `undefined` (JSON leaves those out,
// and nothing reads a ref's keys). Made with only the fields it had, an entry came in a dozen classes, and every
// site reading one in findLoadedLanguage was a slow generic look-up.
function lexiconRef(category: FindingCategory, lexicon: string, entry: ParsedEntry): LexiconRef {
  const other = entry.otherSense;
  return {
    category,
    lexicon,
    term: entry.term,
    weight: entry.weight ?? 0,
    polarity: entry.polarity,
    alt: entry.alt,
    stance: entry.stance,
    exempt: entry.exempt !== undefined && entry.exempt.length > 0 ? entry.exempt : undefined,
    act: entry.act === true ? true : undefined,
    otherSense: other === undefined ? undefined : { passive: other.passive === true ? true : undefined, objects: other.objects === undefined ? undefined : new Set(other.objects) },
  };
}

// How errors name a file: relative to the package for the bundled folder, the full path for a caller's own.
function displayPath(dir: string, language: Language, name: string): string {
  return dir === defaultLexiconDir(language) ? `lexicons/${language}/${name}.jsonl` : join(dir, `${name}.jsonl`);
}

function readActors(dir: string, language: Language): ParsedActors {
  const display = displayPath(dir, language, ACTORS_FILE);
  return parseActors(display, readDataFile(join(dir, `${ACTORS_FILE}.jsonl`), display));
}

function readCategories(dir: string, language: Language): ReadonlyMap<FindingCategory, CategoryText> {
  const display = displayPath(dir, language, CATEGORIES_FILE);
  return parseCategoryTexts(display, readDataFile(join(dir, `${CATEGORIES_FILE}.jsonl`), display));
}

function readSubjectivityModel(dir: string, language: Language): { model: SubjectivityModel; info: LexiconInfo } {
  const display = displayPath(dir, language, SUBJECTIVITY_MODEL_FILE);
  return parseSubjectivityModel(SUBJECTIVITY_MODEL_FILE, display, readDataFile(join(dir, `${SUBJECTIVITY_MODEL_FILE}.jsonl`), display));
}

function readLexicon(dir: string, language: Language, spec: FileSpec): ParsedLexicon {
  const display = displayPath(dir, language, spec.name);
  return parseLexicon(spec.name, display, readDataFile(join(dir, `${spec.name}.jsonl`), display), spec.kind);
}

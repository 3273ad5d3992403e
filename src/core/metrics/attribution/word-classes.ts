/**
 * Word classes: per token, which of the attribution word lists that the passes test most often hold its
 * folded form (light verbs, forms of be, noun cues, attitude adjectives, verbs of regard, first words of
 * sourcing phrases, words that end a personal name or a run of capitals, speaker words, skipped words, time
 * words, and each clause word's role). Read once per article by word id (`Scan.classes`), so that a pass tests
 * a token with one array read instead of hashing its string against each list. The lists stay the truth: a
 * pass that needs a word's entry (a kind, a link word) still reads it from its list once the class bit is
 * set. `isWordAt` does the same for a single word the code names ("asked", "by").
 */
import type { Lexicons } from '../../data/index.ts';
import type { SegmentedArticle } from '../../text/index.ts';
import { tokenIds, type TokenTable } from '../../text/tokens.ts';
import { NO_WORD, tableByWordId, vocabularySize, wordIdOf } from '../../text/vocabulary.ts';
import { reusedWords, zeroedWords } from './reused-arrays.ts';

/** Bits of a token's word class. */
export const WORD_CLASS = {
  lightVerb: 1,
  beForm: 2,
  nounCue: 4,
  attitudeAdjective: 8,
  regardVerb: 16,
  sourcingStart: 32,
  /** a speaker word, speaker noun or organisation word: no part of a personal name (people.ts) */
  notPersonal: 64,
  /** a sentence starter (abbreviations) or a pronoun: no part of a run of capitals (people.ts) */
  notInRun: 128,
  /** a speaker word, speaker noun or speaker adjective: may stand in a speaker phrase (noun-phrase-speakers.ts) */
  speakerWord: 256,
  verbSkip: 512,
  timeWord: 1024,
  timePhraseWord: 2048,
  /** a word of bare-attitude-verbs.jsonl ("support", "fear"), tested before its role is read by word id (bare-attitudes.ts) */
  bareAttitudeVerb: 1 << 12,
  determiner: 1 << 13,
  pronoun: 1 << 14,
  adjunct: 1 << 15,
  speakerNoun: 1 << 16,
  organisationWord: 1 << 17,
  /** read from the form without a possessive (`tokens.bare`), as names are */
  honorific: 1 << 18,
  speakerLink: 1 << 19,
  locative: 1 << 20,
  subordinator: 1 << 21,
  stanceOpening: 1 << 22,
  negativeSubject: 1 << 23,
  quantifier: 1 << 24,
  introduction: 1 << 25,
  possessive: 1 << 26,
  /** the first word of a passive view's phrase (passive-views.jsonl: "seen as", "considered") */
  passiveViewStart: 1 << 27,
  /** a clause word by its role (clause-words.jsonl): "that" */
  complementiser: 1 << 28,
  /** "but", "while" */
  contrast: 1 << 29,
  /** "who", "which" */
  relative: 1 << 30,
  /** "and"; the sign bit, so test it with `inClass` (`& bit` is negative) */
  coordinator: 1 << 31,
  /** any clause word (clause-words.jsonl): each has one of the four roles, so its role's bit is enough (test with `inClass`) */
  clauseWord: (1 << 28) | (1 << 29) | (1 << 30) | (1 << 31),
} as const;

// The classes read from a token's form without its possessive rather than from its folded form.
const BARE_CLASSES = WORD_CLASS.honorific;

/** Whether token `t` is in the class of `bit` (a WORD_CLASS value or several or-ed: in any of them). */
export function inClass(classes: Uint32Array, t: number, bit: number): boolean {
  // Past the last token (callers ask of a run's end) it is in none: tested, not read, since V8 deoptimises each
  // optimised caller the first time one of its reads falls past a typed array's end.
  return t < classes.length && ((classes[t] as number) & bit) !== 0;
}

// The classes by word id, built once per lexicons (ids are process-local, so never stored with them); with
// the classes by form and the highest id of a classed word: a token read as NO_WORD before a trie registered
// that word on its own (tokens.ts: `idsReadAt`) is looked up by its form.
type ClassTable = { readonly byId: Uint32Array; readonly byForm: ReadonlyMap<string, number>; readonly newest: number };
const classesById = new WeakMap<Lexicons, ClassTable>();

function classTable(lexicons: Lexicons): ClassTable {
  const words = lexicons.attributionWords;
  let table = classesById.get(lexicons);
  if (table === undefined) {
    const classes = new Map<string, number>();
    const mark = (forms: Iterable<string>, bit: number): void => {
      for (const form of forms) classes.set(form, (classes.get(form) ?? 0) | bit);
    };
    mark(words.lightVerbs, WORD_CLASS.lightVerb);
    mark(words.beForms, WORD_CLASS.beForm);
    mark(words.nounCues.keys(), WORD_CLASS.nounCue);
    mark(words.attitudeAdjectives.keys(), WORD_CLASS.attitudeAdjective);
    mark(words.regardVerbs, WORD_CLASS.regardVerb);
    mark(
      words.sourcingPhrases.map((phrase) => phrase[0] as string),
      WORD_CLASS.sourcingStart,
    );
    mark(words.speakerWords, WORD_CLASS.notPersonal | WORD_CLASS.speakerWord);
    mark(words.speakerNouns.keys(), WORD_CLASS.notPersonal | WORD_CLASS.speakerWord);
    mark(words.organisationWords.keys(), WORD_CLASS.notPersonal);
    mark(words.speakerAdjectives, WORD_CLASS.speakerWord);
    mark(lexicons.abbreviations.starters, WORD_CLASS.notInRun);
    mark(words.pronouns.keys(), WORD_CLASS.notInRun);
    mark(words.verbSkips, WORD_CLASS.verbSkip);
    mark(words.timeWords, WORD_CLASS.timeWord);
    mark(words.timePhraseWords, WORD_CLASS.timePhraseWord);
    for (const [form, role] of words.clauseWords) mark([form], WORD_CLASS[role]);
    mark(words.bareAttitudeVerbs.keys(), WORD_CLASS.bareAttitudeVerb);
    mark(words.determiners.keys(), WORD_CLASS.determiner);
    mark(words.pronouns.keys(), WORD_CLASS.pronoun);
    mark(words.adjuncts, WORD_CLASS.adjunct);
    mark(words.speakerNouns.keys(), WORD_CLASS.speakerNoun);
    mark(words.organisationWords.keys(), WORD_CLASS.organisationWord);
    mark(words.honorifics, WORD_CLASS.honorific);
    mark(words.speakerLinks, WORD_CLASS.speakerLink);
    mark(words.locatives, WORD_CLASS.locative);
    mark(words.subordinators, WORD_CLASS.subordinator);
    mark(words.stanceOpenings, WORD_CLASS.stanceOpening);
    mark(words.negativeSubjects, WORD_CLASS.negativeSubject);
    mark(words.quantifiers, WORD_CLASS.quantifier);
    mark(words.introductions, WORD_CLASS.introduction);
    mark(words.possessives.keys(), WORD_CLASS.possessive);
    mark(
      words.passiveViews.map((phrase) => phrase[0] as string),
      WORD_CLASS.passiveViewStart,
    );
    const byId = Uint32Array.from(tableByWordId(classes, 0, { source: lexicons, kind: 'word classes' }));
    // No word of the table is newer than the vocabulary it was made in (the id of each, hashed again, cost a start 2%).
    const newest = byId.length - 1;
    table = { byId, byForm: classes, newest };
    classesById.set(lexicons, table);
  }
  return table;
}

// The classes by token, reused from article to article like the scan that holds them (context.ts).
const classesStore = reusedWords();

/** Per token of `article`: the WORD_CLASS bits of its folded form (`tokens.norm`; BARE_CLASSES of `tokens.bare`); valid until the next call. */
export function readWords(article: SegmentedArticle, lexicons: Lexicons): Uint32Array {
  const { byId, byForm, newest } = classTable(lexicons);
  // After the table: a word it registered is read again in a text tokenized before.
  const { ids, bareIds, count, norm, bare, idsReadAt } = tokenIds(article.tokens);
  const classes = zeroedWords(classesStore, count);
  const known = byId.length;
  const late = newest >= idsReadAt;
  for (let t = 0; t < count; t++) {
    const id = ids[t] as number;
    let bits = 0;
    if (id >= 0) {
      if (id < known) bits = byId[id] as number;
    } else if (late) bits = byForm.get(norm[t] as string) ?? 0;
    const bareId = bareIds[t] as number;
    if (bareId !== id || (late && id < 0 && bare[t] !== norm[t])) {
      let bareBits = 0;
      if (bareId >= 0) {
        if (bareId < known) bareBits = byId[bareId] as number;
      } else if (late) bareBits = byForm.get(bare[t] as string) ?? 0;
      bits = (bits & ~BARE_CLASSES) | (bareBits & BARE_CLASSES);
    }
    classes[t] = bits;
  }
  return classes;
}

/** A word the code tests tokens for ("asked", "by"), with its id once some table has registered it. */
export type WordRef = { readonly form: string; id: number; lookedUpAt: number };

/** A WordRef for `form` (a folded form), its id read on first use. */
export function wordRef(form: string): WordRef {
  return { form, id: NO_WORD, lookedUpAt: -1 };
}

/**
 * Whether token `t`'s folded form is `word`: by id when both are registered (no string is read), else by
 * its form. `tokens` must have its ids current (`tokenIds`, as `readWords` leaves them).
 */
export function isWordAt(tokens: TokenTable, t: number, word: WordRef): boolean {
  if (word.id === NO_WORD && word.lookedUpAt !== vocabularySize()) {
    word.id = wordIdOf(word.form);
    word.lookedUpAt = vocabularySize();
  }
  const id = tokens.ids[t];
  return id !== NO_WORD && word.id !== NO_WORD ? id === word.id : tokens.norm[t] === word.form;
}

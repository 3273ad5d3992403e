/**
 * Word classes: per token, which of the attribution word lists that the passes test most often hold its
 * folded form (light verbs, forms of be, noun cues, attitude adjectives, verbs of regard, first words of
 * sourcing phrases, words that end a personal name or a run of capitals, speaker words, skipped words, time
 * words). Read once per article by word id (`Scan.classes`), so that a pass tests a token with one array read
 * instead of hashing its string against each list. The lists stay the truth: a pass that needs a word's
 * entry (a role, a link word) still reads it from its list once the class bit is set.
 */
import type { Lexicons } from '../../data/index.ts';
import type { SegmentedArticle } from '../../text/index.ts';
import { tokenIds } from '../../text/tokens.ts';
import { NO_WORD, tableByWordId, wordIdOf } from '../../text/vocabulary.ts';

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
} as const;

// The classes by word id, built once per lexicons (ids are process-local, so never stored with them), with
// the classes by form and the highest id of a classed word: a token read as NO_WORD before a trie registered
// that word on its own (tokens.ts: `idsReadAt`) is looked up by its form.
type ClassTable = { readonly byId: Uint16Array; readonly byForm: ReadonlyMap<string, number>; readonly newest: number };
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
    const byId = Uint16Array.from(tableByWordId(classes, 0));
    let newest = NO_WORD;
    for (const form of classes.keys()) newest = Math.max(newest, wordIdOf(form));
    table = { byId, byForm: classes, newest };
    classesById.set(lexicons, table);
  }
  return table;
}

/** Per token of `article`: the WORD_CLASS bits of its folded form (`tokens.norm`). */
export function classifyWords(article: SegmentedArticle, lexicons: Lexicons): Uint16Array {
  const { byId, byForm, newest } = classTable(lexicons);
  // After the table: a word it registered is read again in a text tokenized before.
  const { ids, count, norm, idsReadAt } = tokenIds(article.tokens);
  const classes = new Uint16Array(count);
  for (let t = 0; t < count; t++) {
    const id = ids[t] as number;
    if (id >= 0) classes[t] = id < byId.length ? (byId[id] as number) : 0;
    else if (newest >= idsReadAt) classes[t] = byForm.get(norm[t] as string) ?? 0;
  }
  return classes;
}

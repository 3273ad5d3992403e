/**
 * Word classes: per token, which of the attribution word lists that the passes test at every token (light
 * verbs, forms of be, noun cues, attitude adjectives, verbs of regard, first words of sourcing phrases, words that
 * end a personal name or a run of capitals) hold its folded form. Read once per article by word id, so that a pass skips a token with one array read
 * instead of hashing its string against each list (the lists stay the truth: a pass that finds a class
 * bit still reads the word's entry from its list).
 */
import type { Lexicons } from '../../data/index.ts';
import { tokenIds } from '../../text/tokens.ts';
import { NO_WORD, tableByWordId, wordIdOf } from '../../text/vocabulary.ts';
import type { Scan } from './context.ts';

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
} as const;

// The classes by word id, built once per word lists (ids are process-local, so never stored with them), with
// the classes by form and the highest id of a classed word: a token read as NO_WORD before a trie registered
// that word on its own (tokens.ts: `idsReadAt`) is looked up by its form.
type ClassTable = { readonly byId: Uint8Array; readonly byForm: ReadonlyMap<string, number>; readonly newest: number };
const classesById = new WeakMap<Lexicons, ClassTable>();
// The classes by token, read once per article.
const classesByScan = new WeakMap<Scan, Uint8Array>();

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
    mark(words.speakerWords, WORD_CLASS.notPersonal);
    mark(words.speakerNouns.keys(), WORD_CLASS.notPersonal);
    mark(words.organisationWords.keys(), WORD_CLASS.notPersonal);
    mark(lexicons.abbreviations.starters, WORD_CLASS.notInRun);
    mark(words.pronouns.keys(), WORD_CLASS.notInRun);
    const byId = Uint8Array.from(tableByWordId(classes, 0));
    let newest = NO_WORD;
    for (const form of classes.keys()) newest = Math.max(newest, wordIdOf(form));
    table = { byId, byForm: classes, newest };
    classesById.set(lexicons, table);
  }
  return table;
}

/** Per token of the scanned article: the WORD_CLASS bits of its folded form (`tokens.norm`); made once per scan. */
export function wordClasses(scan: Scan): Uint8Array {
  let classes = classesByScan.get(scan);
  if (classes === undefined) {
    const { byId, byForm, newest } = classTable(scan.lexicons);
    // After the table: a word it registered is read again in a text tokenized before.
    const { ids, count, norm, idsReadAt } = tokenIds(scan.article.tokens);
    classes = new Uint8Array(count);
    for (let t = 0; t < count; t++) {
      const id = ids[t] as number;
      if (id >= 0) classes[t] = id < byId.length ? (byId[id] as number) : 0;
      else if (newest >= idsReadAt) classes[t] = byForm.get(norm[t] as string) ?? 0;
    }
    classesByScan.set(scan, classes);
  }
  return classes;
}

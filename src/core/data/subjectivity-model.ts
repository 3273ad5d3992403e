/**
 * The subjectivity model's vocabulary and weights: the sentence features it reads (declared once, here, so
 * the loader can check a weights file against them), the word classes it counts (`subjectivity-words.jsonl`)
 * and the fitted logistic weights (`subjectivity-model.jsonl`, written by `npm run build:subjectivity-model`).
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.ts';
import { FINDING_CATEGORIES } from './categories.ts';
import { inflectEntry } from './inflect.ts';
import { LexiconError, parseRecords, withRecordCache, type ParsedLexicon } from './parse.ts';

/** The word classes of `subjectivity-words.jsonl` (an entry's `note`). */
export const WORD_CLASSES = [
  'first-person',
  'first-person-plural',
  'second-person',
  'third-person-plural',
  'demonstrative',
  'modal-obligation',
  'modal-possibility',
  'stance-adverb',
  'comparison',
  'contrast',
  'reasoning',
  'generic',
  'reflexive',
  'present',
  'past',
  'future',
  'time',
  'quantity',
] as const;
export type WordClass = (typeof WORD_CLASSES)[number];

/**
 * What the model reads of a sentence, in the order of a feature vector: `words` is log(1 + author words),
 * `quoted-share` the share of its words inside quotation marks, `word-length` the mean letters per author word
 * less TYPICAL_WORD_LETTERS (as fitted, longer words raise the score: argument runs to abstract, evaluative words), and every other feature a count in the
 * writer's voice (outside quotation marks) that stops at COUNT_CAP. `finding/<category>` counts the author's
 * loaded-language findings of each category (a new category is a new feature), `finding/reported` those in
 * a paraphrase of someone's speech; `word/<class>` the words of each class of `subjectivity-words.jsonl`;
 * `speech-cue` the cues of attributed speech, documents and vague sources, `attitude-cue` those of a held view
 * (believes, fears, wants: attitude-verbs.jsonl), which a writer arguing reports more often than one reporting.
 */
export const SENTENCE_FEATURES = [
  'words',
  'quoted-share',
  ...FINDING_CATEGORIES.map((spec) => `finding/${spec.id}`),
  'finding/reported',
  'opinion-marker',
  'evaluative',
  ...WORD_CLASSES.map((name) => `word/${name}`),
  'negation',
  'positive-word',
  'negative-word',
  'question',
  'exclamation',
  'number',
  'name',
  'speech-cue',
  'attitude-cue',
  'word-length',
] as const;

/** A count feature's value stops here: a third emotive word says little more than the second. */
export const COUNT_CAP = 2;

/**
 * Letters in an average word of running English, taken from `word-length` so that its contribution to a score
 * is how far the words are from ordinary prose, not a large constant that the bias takes back.
 */
export const TYPICAL_WORD_LETTERS = 4.7;

/** Letters counted per word at most: an address, a hash or a long compound is one long word, not ten. */
export const MAX_WORD_LETTERS = 15;

/** `word-length` stays within this many letters of TYPICAL_WORD_LETTERS: a one-word line says little about style. */
export const WORD_LENGTH_SPAN = 3;

/** Index of each feature in a feature vector. */
export const FEATURE_INDEX: ReadonlyMap<string, number> = new Map(SENTENCE_FEATURES.map((name, i) => [name, i]));

/** The bias term's name in the weights file. */
export const BIAS_FEATURE = 'bias';

export type SubjectivityModel = {
  /** `name@version` of the weights file, cited by every contribution */
  readonly lexicon: string;
  /** log-odds of a sentence with every feature 0; the decision threshold is folded in, so 0.5 is the boundary */
  readonly bias: number;
  /** per SENTENCE_FEATURES index; a feature the file does not name weighs 0 until the model is re-fitted */
  readonly weights: Float64Array;
};

const weightRecordSchema = lazySchema(() => z
  .object({
    feature: z.string().refine((name) => name === BIAS_FEATURE || FEATURE_INDEX.has(name), 'expected a feature of SENTENCE_FEATURES (src/core/data/subjectivity-model.ts) or "bias"'),
    weight: z.number().finite(),
    note: z.string().optional(),
  })
  .strict());

/**
 * Parses the weights file (`file` is its display path): one record per feature, sorted, `bias` required;
 * with the file's provenance for the report's list of data files.
 */
export function parseSubjectivityModel(name: string, file: string, text: string): { model: SubjectivityModel; info: { name: string; version: string; license: string; source: string; entries: number } } {
  const { header, records } = withRecordCache('subjectivity-model', file, text, () => parseRecords(file, text, weightRecordSchema, (record) => record.feature, 'feature'));
  const weights = new Float64Array(SENTENCE_FEATURES.length);
  let bias: number | undefined;
  for (const { record } of records) {
    if (record.feature === BIAS_FEATURE) bias = record.weight;
    else weights[FEATURE_INDEX.get(record.feature) as number] = record.weight;
  }
  if (bias === undefined) throw new LexiconError('entry', file, 0, BIAS_FEATURE, 'no "bias" record (re-run npm run build:subjectivity-model)');
  return {
    model: { lexicon: `${name}@${header.version}`, bias, weights },
    info: { name, version: header.version, license: header.license, source: header.source, entries: records.length },
  };
}

/** Folded word -> its class, from `subjectivity-words.jsonl`; a misspelt class or a phrase is an error naming its line. */
export function buildWordClasses(lexicon: ParsedLexicon): ReadonlyMap<string, WordClass> {
  const classes = new Map<string, WordClass>();
  for (const entry of lexicon.entries) {
    const wordClass = entry.note as WordClass;
    if (!WORD_CLASSES.includes(wordClass)) throw new LexiconError('entry', lexicon.file, entry.line, String(entry.note), `expected a class in note, one of ${WORD_CLASSES.join(', ')}`);
    for (const form of inflectEntry(entry)) {
      if (form.includes(' ')) throw new LexiconError('entry', lexicon.file, entry.line, form, 'expected a single word: this list is looked up one word at a time');
      classes.set(form, wordClass);
    }
  }
  return classes;
}

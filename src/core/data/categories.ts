/**
 * The finding categories, declared once, with each one's weight in the loaded-language score and in
 * subjectivity. The report's enum, the loader's tie-break, the scorers and the page's explanations all read
 * this table; the words people read (a category's name, what it means, an example) are language data, in
 * `lexicons/<language>/categories.jsonl`, checked against this table when they load.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.ts';
import { LexiconError, parseRecords, withRecordCache } from './parse.ts';

export type CategorySpec = {
  readonly id: string;
  /**
   * How much its findings count towards the loaded-language score, relative to emotive words: a finding's
   * `weight` is its lexicon weight times this. Hedges and vague attribution say more about certainty and
   * sourcing than about loading, so they count little. Vague attribution (0.1) and absolutes (0.25) count
   * least: left out of the score, neither moves the sentence AUC on BASIL (`npm run eval`), and on held-out
   * propaganda spans 5% of vague attribution and 27% of absolutes overlap any technique (47% of emotive words).
   */
  readonly weight: number;
  /**
   * How much an author-voice finding counts towards subjectivity, times its weight. Intensifiers are among
   * the clearest signs of a writer's own view; attributing speech (reporting verbs, vague attribution) is
   * reporting, not opinion, so it is not a cue at all.
   */
  readonly subjectivity: number;
};

/**
 * In tie-break order: when two lexicons define the same phrase, the category listed first wins. Which file
 * feeds which category is the loader's table (LEXICON_FILES); scare quotes come from a rule.
 */
export const FINDING_CATEGORIES = [
  { id: 'label', weight: 1, subjectivity: 1 },
  { id: 'hyperbole', weight: 1, subjectivity: 1 },
  { id: 'loaded', weight: 1, subjectivity: 1.2 },
  { id: 'distancing', weight: 1, subjectivity: 1 },
  { id: 'vague-attribution', weight: 0.1, subjectivity: 0 },
  { id: 'booster', weight: 0.6, subjectivity: 1 },
  { id: 'hedge', weight: 0.3, subjectivity: 1 },
  { id: 'intensifier', weight: 0.5, subjectivity: 1.8 },
  { id: 'absolute', weight: 0.25, subjectivity: 1.2 },
  { id: 'reporting-verb', weight: 0.7, subjectivity: 0 },
  { id: 'scare-quote', weight: 0.8, subjectivity: 1 },
] as const satisfies readonly CategorySpec[];

/** A finding's `category` in the report. */
export const findingCategorySchema = lazySchema(() => z.enum(FINDING_CATEGORIES.map((spec) => spec.id)));
export type FindingCategory = z.infer<typeof findingCategorySchema>;

/** id -> its spec, for the scorers' lookups. */
export const CATEGORY: Readonly<Record<FindingCategory, CategorySpec>> = Object.fromEntries(FINDING_CATEGORIES.map((spec) => [spec.id, spec])) as Record<FindingCategory, CategorySpec>;

/** One line of `categories.jsonl`: what a reader is told about a category. */
export const categoryTextSchema = lazySchema(() => z
  .object({
    id: findingCategorySchema,
    /** a short name; finding messages start with it ("Emotive word `slammed`") */
    name: z.string().min(1),
    /** what it is and why it matters, for the page's teaching mode */
    meaning: z.string().min(1),
    example: z.string().min(1),
  })
  .strict());
export type CategoryText = z.infer<typeof categoryTextSchema>;

/**
 * Parses `categories.jsonl` (`file` is its display path): one line per category of FINDING_CATEGORIES,
 * sorted by id; a missing category is a LexiconError naming the file.
 */
export function parseCategoryTexts(file: string, text: string): ReadonlyMap<FindingCategory, CategoryText> {
  const { records } = withRecordCache('categories', file, text, () => parseRecords(file, text, categoryTextSchema, (record) => record.id, 'id'));
  const texts = new Map(records.map(({ record }) => [record.id, record]));
  const missing = FINDING_CATEGORIES.find((spec) => !texts.has(spec.id));
  if (missing !== undefined) throw new LexiconError('entry', file, 0, missing.id, `no line for the category "${missing.id}" (every category of src/core/data/categories.ts needs one)`);
  return texts;
}

/**
 * The comparison of several reports of one story, defined once as zod schemas (types are inferred). Every
 * line of it points back to evidence: an `evidence` item names the article (`A`, `B`...), the span in that
 * article's text, and where the item sits in that article's report (`attributions[3]`,
 * `paragraphs[12].findings[0]`), so a reader can check each difference in the text itself.
 */
import { z } from 'zod';
import { lazySchema, lazyValue } from '../data/lazy-schema.ts';

/** Bump on any change a script reading the comparison could notice. */
export const COMPARISON_VERSION = '1.0.0';

/** At most this many articles are compared at once (the HTTP route's limit too). */
export const MAX_ARTICLES = 6;

export const evidenceSchema = lazySchema(() => z.object({
  /** the article's key: `A`, `B`... in the order given */
  article: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** `text.slice(start, end)` of that article */
  text: z.string(),
  /** where in the article's report: `attributions[3]`, `paragraphs[12].findings[0]`; absent for spans the comparison found itself */
  path: z.string().optional(),
}));
export type Evidence = z.infer<typeof evidenceSchema>;

export const articleSchema = lazySchema(() => z.object({
  key: z.string(),
  /** as the caller named it: a file name, a URL, an id */
  name: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  /** the publishing outlet's name, when the report found it */
  outlet: z.string().nullable(),
  words: z.number().int().nonnegative(),
  /** the analysed text: every evidence span of this article is an offset into it */
  text: z.string(),
}));

/** How an actor or side is heard in one article: the strongest way it speaks there. */
export const VOICE_STATUSES = ['quoted', 'paraphrased', 'summarised', 'mentioned', 'absent'] as const;
export const voiceStatusSchema = lazySchema(() => z.enum(VOICE_STATUSES));
export type VoiceStatus = z.infer<typeof voiceStatusSchema>;

const voiceCellSchema = lazySchema(() => z.object({
  article: z.string(),
  status: voiceStatusSchema,
  /** attributions per mode (direct, mixed, indirect, summary, attitude, non-response) */
  modes: z.record(z.string(), z.number().int().nonnegative()),
  /** the attributions (their cue or content), or for `mentioned` where the name appears */
  evidence: z.array(evidenceSchema),
}));
export const voiceRowSchema = lazySchema(() => z.object({
  /** actor id of the gazetteer, `side:<side>` for a side's row, or `speaker:<name as written>` */
  id: z.string(),
  name: z.string(),
  side: z.string(),
  cells: z.array(voiceCellSchema),
  /** the articles do not all hear it the same way */
  differs: z.boolean(),
}));
export type VoiceRow = z.infer<typeof voiceRowSchema>;

export const wordChoiceSchema = lazySchema(() => z.object({
  group: z.string(),
  referent: z.string(),
  /** where the contrast is documented (the lexicon group's source) */
  source: z.string(),
  uses: z.array(
    z.object({
      article: z.string(),
      terms: z.array(z.object({ term: z.string(), count: z.number().int().positive(), quoted: z.number().int().nonnegative(), evidence: z.array(evidenceSchema) })),
    }),
  ),
  /** the articles do not all use the same terms */
  differs: z.boolean(),
}));
export type WordChoice = z.infer<typeof wordChoiceSchema>;

const distinctItemSchema = lazySchema(() => z.object({ text: z.string(), evidence: z.array(evidenceSchema) }));
export const distinctiveSchema = lazySchema(() => z.object({
  article: z.string(),
  /** people, organisations and places no other article names */
  names: z.array(distinctItemSchema),
  /** figures (with the word after them) no other article gives */
  numbers: z.array(distinctItemSchema),
  /** attributed statements whose content words the other articles do not carry */
  attributions: z.array(distinctItemSchema.extend({ speaker: z.string(), mode: z.string(), overlap: z.number().min(0).max(1) })),
  /** flagged words in the outlet's own voice, and contested terms, that no other article uses */
  wording: z.array(distinctItemSchema.extend({ kind: z.enum(['finding', 'contested-term']), category: z.string() })),
}));
export type Distinctive = z.infer<typeof distinctiveSchema>;

const percentile = lazyValue(() => z.number().int().min(0).max(100).nullable());
const figure = lazySchema(() => z.object({ value: z.number().nullable(), percentile: percentile() }));
export const figuresSchema = lazySchema(() => z.object({
  article: z.string(),
  words: z.number().int().nonnegative(),
  /** share of the words inside quotation marks */
  quotedShare: z.number().min(0).max(1),
  loadedLanguage: figure,
  quotedLoadedLanguage: figure,
  subjectivity: figure,
  sentiment: figure,
  balance: figure,
  attributions: figure,
  /** the outlet-voice terms found most often */
  topTerms: z.array(z.object({ text: z.string(), count: z.number().int().positive() })),
}));

export const headlineSchema = lazySchema(() => z.object({
  article: z.string(),
  text: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  sentiment: z.number().nullable(),
  loadedLanguage: z.number().nullable(),
  flags: z.array(z.string()),
}));

export const outletSchema = lazySchema(() => z.object({
  article: z.string(),
  name: z.string().nullable(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
  ownership: z.string().nullable(),
  owner: z.string().nullable(),
  reliability: z.object({ label: z.string(), score: z.number().nullable() }).nullable(),
  /** how the report found the outlet (url, outlet, dateline...) */
  detectedBy: z.string().nullable(),
  /** outlets and agencies the article cites */
  cited: z.array(z.string()),
}));

export const summaryLineSchema = lazySchema(() => z.object({
  /** what the line is about: voices, word-choice, names, numbers, attributions, wording, figures, headlines */
  topic: z.string(),
  text: z.string(),
  evidence: z.array(evidenceSchema).min(1),
}));
export type SummaryLine = z.infer<typeof summaryLineSchema>;

export const comparisonSchema = lazySchema(() => z.object({
  comparisonVersion: z.literal(COMPARISON_VERSION),
  analyzer: z.object({ name: z.literal('slant'), version: z.string() }),
  /** the comparison's own word lists, with versions */
  lexicons: z.array(z.object({ name: z.string(), version: z.string() })),
  articles: z.array(articleSchema),
  headlines: z.array(headlineSchema),
  outlets: z.array(outletSchema),
  voices: z.object({ sides: z.array(voiceRowSchema), actors: z.array(voiceRowSchema) }),
  wordChoice: z.array(wordChoiceSchema),
  distinctive: z.array(distinctiveSchema),
  figures: z.array(figuresSchema),
  /** neutral statements of the differences, each with its evidence; no verdict */
  summary: z.array(summaryLineSchema),
  /** how each part was judged, in words */
  method: z.record(z.string(), z.string()),
}));
export type Comparison = z.infer<typeof comparisonSchema>;

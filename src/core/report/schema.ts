/**
 * The report, defined once as zod schemas. Types are inferred from them; field names here are a contract
 * for users' scripts (`summary.sentiment.comparative`, `summary.subjectivity.score`,
 * `summary.loadedLanguage.score`). Bump SCHEMA_VERSION on any change a script could notice.
 */
import { z } from 'zod';
import { lazySchema, lazyValue } from '../data/lazy-schema.ts';
import { citedSourceSchema, detectionSchema } from '../outlets/index.ts';
import { BLOCK_ROLES } from '../roles/block-roles.ts';
import { findingCategorySchema } from '../data/index.ts';
import { SPEAKER_KINDS } from '../data/attribution-words.ts';
import { attributionModeSchema } from '../metrics/attribution/types.ts';

export { attributionModeSchema };

// 2.0.0: a lean report (README "Report schema"): the text once, attributions once (paragraphs hold indexes);
// rule and category metadata in top-level `rules` and `categories` tables, `lexicons` an object name -> version;
// findings and exemptions without `message` (see messages.ts); sentences, quotes, sentiment words and
// subjectivity cues as short arrays; paragraphs without their text, voice split, contributions and counts;
// attribution spans without copied text; subjectivity contributions as feature -> [value, contribution].
// 3.0.0: smaller still (README "Report schema"): a paragraph has no `index` (its place in `paragraphs`) and no
// `quotedWords` (`words - authorWords`), and no `roleRule` when it is body text no rule singled out
// (`block/body`); a side's `byMode` and `words` list only the modes it has.
export const SCHEMA_VERSION = '3.0.0';

const span = lazyValue(() => ({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }));
const offset = lazySchema(() => z.number().int().nonnegative());
const flag = lazySchema(() => z.union([z.literal(0), z.literal(1)]));
/** `author`: the outlet's narration; `reported`: its paraphrase of someone's speech; `quoted`: inside quotation marks */
export const voiceSchema = lazySchema(() => z.enum(['author', 'reported', 'quoted']));

/** What a rule id stands for, listed once in `report.rules`: where it comes from and what a match weighs. */
export const ruleSchema = lazySchema(() => z.object({
  /** `name@version` of the lexicon file, or `rules@analyzer-version` for rule-based findings */
  source: z.string(),
  /** what one finding of this rule adds to the loaded-language weight; absent for rules only exemptions name */
  weight: z.number().min(0).optional(),
  polarity: z.union([z.literal(-1), z.literal(0), z.literal(1)]).optional(),
  stance: z.string().optional(),
}));
export type RuleInfo = z.infer<typeof ruleSchema>;

/** A finding category used in the report, listed once in `report.categories`: the name messages start with. */
export const categoryInfoSchema = lazySchema(() => z.object({ name: z.string() }));

export const findingSchema = lazySchema(() => z.object({
  ...span(),
  text: z.string(),
  category: findingCategorySchema,
  /** `category/term` for lexicon matches, `category/rule-name` for rules; `report.rules[rule]` has its source and weight */
  rule: z.string(),
  voice: voiceSchema,
  negated: z.boolean().optional(),
  suggestion: z.string().optional(),
  /** for quoted and reported voices: the speaker's actor id, else the speaker as written */
  speaker: z.string().optional(),
}));
export type Finding = z.infer<typeof findingSchema>;

export const exemptionSchema = lazySchema(() => z.object({
  ...span(),
  text: z.string(),
  rule: z.string(),
  /** `domain`: ordinary jargon in the story's domain; `name`: a word of a longer proper name ("United" in "Manchester United") */
  reason: z.enum(['domain', 'name']),
  /** for `domain`: which domain */
  domain: z.string().optional(),
  /** for `name`: the name as written */
  name: z.string().optional(),
}));
export type Exemption = z.infer<typeof exemptionSchema>;

/** `[start, end, score, quoted, negated]`: an AFINN word, its valence (negation applied), 1 when inside quotation marks, 1 when negated */
export const sentimentWordSchema = lazySchema(() => z.tuple([offset, offset, z.number(), flag, flag]));
export type SentimentWord = z.infer<typeof sentimentWordSchema>;

const voiceSentimentSchema = lazySchema(() => z.object({ score: z.number(), comparative: z.number(), words: z.number().int().nonnegative() }));
export const sentimentSchema = lazySchema(() => z.object({
  /** sum of AFINN valences, negation applied */
  score: z.number(),
  /** score per word */
  comparative: z.number(),
  positive: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
  author: voiceSentimentSchema,
  quoted: voiceSentimentSchema,
}));
export type SentimentSummary = z.infer<typeof sentimentSchema>;

/**
 * `[start, end, weight]`: words that raised a sentence's subjectivity by `weight` (the model's weight of their
 * feature); what they are is the finding, the sentiment word or the `!`/`?` at the same span
 */
export const subjectivityCueSchema = lazySchema(() => z.tuple([offset, offset, z.number()]));
export type SubjectivityCue = z.infer<typeof subjectivityCueSchema>;

export const subjectivitySchema = lazySchema(() => z.object({
  /** 0..1, author voice only */
  score: z.number().min(0).max(1),
  /** number of cues in the author's voice */
  cues: z.number().int().nonnegative(),
  /** summed cue weight in the author's voice */
  weight: z.number().nonnegative(),
  /**
   * what moved the score: feature -> `[value, contribution]` for each feature of the model (and its `bias`):
   * its mean value per sentence (sentences weighted by author words) and its contribution to the log-odds
   * (value times the feature's weight), largest first; features that contribute nothing are left out
   */
  contributions: z.record(z.string(), z.tuple([z.number(), z.number()])),
}));

const categoryCounts = lazySchema(() => z.record(z.string(), z.number().int().nonnegative()));
export const loadedLanguageSchema = lazySchema(() => z.object({
  /** 0..1, saturating in the weighted density of the text, quoted words and their findings counting half */
  score: z.number().min(0).max(1),
  /** author-voice finding weight per 100 author words */
  density: z.number().nonnegative(),
  /** summed weight of author-voice findings */
  weight: z.number().nonnegative(),
  quoted: z.object({ score: z.number().min(0).max(1), density: z.number().nonnegative(), weight: z.number().nonnegative() }),
  counts: z.object({
    total: z.number().int().nonnegative(),
    byVoice: z.object({ author: z.number().int().nonnegative(), reported: z.number().int().nonnegative(), quoted: z.number().int().nonnegative() }),
    byCategory: categoryCounts,
  }),
}));
export type LoadedLanguageSummary = z.infer<typeof loadedLanguageSchema>;

/** `[start, end]`: a span of the report's text */
const rangeSchema = lazySchema(() => z.tuple([offset, offset]));
export const attributionSchema = lazySchema(() => z.object({
  paragraph: z.number().int().nonnegative(),
  mode: attributionModeSchema,
  /** `[start, end, lemma, class]`: the reporting cue; `class` is the verb's stance, or vague, according, non-response; null for a continued quotation or a headline `Speaker: "..."` */
  cue: z.tuple([offset, offset, z.string(), z.string()]).nullable(),
  /** `[start, end]`: the speaker as written */
  speaker: rangeSchema.nullable(),
  /** `[start, end]`: what was said */
  content: rangeSchema.nullable(),
  actor: z.string().nullable(),
  side: z.string(),
  anonymous: z.boolean(),
  anonymityReason: z.boolean().optional(),
  /** what the speaker is, where the gazetteer, the name's form ("Corp", "Mr.") or the common noun ("the company") tells */
  speakerKind: z.enum(['person', ...SPEAKER_KINDS]).optional(),
  /** `[start, end, actor, side]`: whom the speech is about, as written, and who that is */
  target: z.tuple([offset, offset, z.string().nullable(), z.string().nullable()]).optional(),
}));
export type Attribution = z.infer<typeof attributionSchema>;

/** per mode, only the modes with a count above 0 */
const modeCounts = lazySchema(() => z.object({ direct: z.number(), mixed: z.number(), indirect: z.number(), summary: z.number(), attitude: z.number(), vague: z.number(), 'non-response': z.number() }).partial());
export const sideSummarySchema = lazySchema(() => z.object({
  side: z.string(),
  attributions: z.number().int().nonnegative(),
  byMode: modeCounts,
  words: modeCounts,
  voiceShare: z.number().min(0).max(1),
  countShare: z.number().min(0).max(1),
  directShare: z.number().min(0).max(1),
  meanCredence: z.number().nullable(),
  anonymousShare: z.number().min(0).max(1),
  targeted: z.number().int().nonnegative(),
  repliedWhenTargeted: z.boolean().nullable(),
  firstParagraph: z.number().int().nullable(),
  lastParagraph: z.number().int().nullable(),
}));
export const attributionSummarySchema = lazySchema(() => z.object({
  /** 0..1 normalised entropy of mode-weighted voice over every side mentioned; null without two sides */
  balance: z.number().min(0).max(1).nullable(),
  /** the same with every attribution counted once */
  countBalance: z.number().min(0).max(1).nullable(),
  insufficient: z.boolean(),
  attributions: z.number().int().nonnegative(),
  anonymousRate: z.number().min(0).max(1),
  nonResponses: z.number().int().nonnegative(),
  /** views held by no one named ("is expected to"): listed in `attributions`, counted in no side and not in `attributions` here */
  unheldViews: z.number().int().nonnegative(),
  unattributedParagraphRate: z.number().min(0).max(1),
  sidesMentioned: z.array(z.string()),
  sides: z.array(sideSummarySchema),
}));

/** `[start, end, kind, group, continued, openEnded]`: a quotation, its run of paragraphs (`group`), 1 when it continues one or never closes */
export const quoteSchema = lazySchema(() => z.tuple([offset, offset, z.enum(['double', 'single', 'nested']), z.number().int(), flag, flag]));
export type QuoteReport = z.infer<typeof quoteSchema>;

/** `[start, end, words, sentiment, subjectivity, loadedLanguage]`: a sentence's AFINN score (comparative is score / words) and its 0..1 scores */
export const sentenceSchema = lazySchema(() => z.tuple([offset, offset, z.number().int().nonnegative(), z.number(), z.number().min(0).max(1), z.number().min(0).max(1)]));
export type SentenceReport = z.infer<typeof sentenceSchema>;

/** `body` and `standfirst` count in the summary; the headline is summarised apart; the rest is page furniture */
export const blockRoleSchema = lazySchema(() => z.enum(BLOCK_ROLES));

export const paragraphSchema = lazySchema(() => z.object({
  /** the paragraph is `text.slice(start, end)` of the report's text */
  ...span(),
  role: blockRoleSchema,
  /** the rule that gave the role (`block/breadcrumb`, `html/figcaption`); absent for body text no rule singled out (`block/body`) */
  roleRule: z.string().optional(),
  /** whether this paragraph counts in `summary` (false for the headline, captions, boilerplate...) */
  scored: z.boolean(),
  words: z.number().int().nonnegative(),
  /** words outside quotation marks; the rest (`words - authorWords`) are quoted */
  authorWords: z.number().int().nonnegative(),
  domains: z.array(z.string()),
  sentences: z.array(sentenceSchema),
  quotes: z.array(quoteSchema),
  /** AFINN score of the paragraph (its words in `sentimentWords`); per word: `sentiment / words` */
  sentiment: z.number(),
  /** 0..1, author voice only (the words that raised it in `subjectivityCues`) */
  subjectivity: z.number().min(0).max(1),
  /** 0..1, as `summary.loadedLanguage.score`: the outlet's voice (author and reported) in full, quoted words at half; the findings' weights are in `rules` */
  loadedLanguage: z.number().min(0).max(1),
  sentimentWords: z.array(sentimentWordSchema),
  subjectivityCues: z.array(subjectivityCueSchema),
  findings: z.array(findingSchema),
  exempted: z.array(exemptionSchema),
  /** indexes into the top-level `attributions` of those that start in this paragraph */
  attributions: z.array(z.number().int().nonnegative()),
}));
export type ParagraphReport = z.infer<typeof paragraphSchema>;

const distribution = lazySchema(() => z.object({ mean: z.number(), std: z.number(), max: z.number() }));
const percentile = lazyValue(() => z.number().int().min(0).max(100).nullable().optional());
export const percentilesSchema = lazySchema(() => z.object({
  baseline: z.string(),
  sentiment: percentile(),
  subjectivity: percentile(),
  loadedLanguage: percentile(),
  loadedDensity: percentile(),
  quotedLoadedLanguage: percentile(),
  balance: percentile(),
  countBalance: percentile(),
  attributions: percentile(),
  anonymousRate: percentile(),
  words: percentile(),
}));

export const captionSchema = lazySchema(() => z.object({
  paragraph: z.number().int().nonnegative(),
  ...span(),
  text: z.string(),
  /** people, places and organisations the caption names; `matched` when the body mentions them too */
  names: z.array(z.object({ ...span(), text: z.string(), kind: z.enum(['person', 'other']), actor: z.string().nullable(), matched: z.boolean() })),
  /** none of the caption's people (or, naming no one, none of its names) appear in the body */
  unrelated: z.boolean(),
  message: z.string(),
}));

export const headlineFlagSchema = lazySchema(() => z.object({
  code: z.enum(['more-loaded', 'more-negative', 'unattributed-quote']),
  message: z.string(),
  /** for a quoted phrase: its span in the headline */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  text: z.string().optional(),
}));

/** The headline scored on its own, beside the body it sits over. */
export const headlineSchema = lazySchema(() => z.object({
  paragraph: z.number().int().nonnegative(),
  ...span(),
  text: z.string(),
  words: z.number().int().nonnegative(),
  /** outside quotation marks, as for the body: the outlet's own words */
  sentiment: z.object({ score: z.number(), comparative: z.number() }),
  /** outlet voice (author and reported), as for the body */
  loadedLanguage: z.object({ score: z.number().min(0).max(1), density: z.number().nonnegative(), weight: z.number().nonnegative(), findings: z.number().int().nonnegative() }),
  body: z.object({ sentiment: z.object({ comparative: z.number() }), loadedLanguage: z.object({ score: z.number().min(0).max(1), density: z.number().nonnegative() }) }),
  flags: z.array(headlineFlagSchema),
}));
export type HeadlineSummary = z.infer<typeof headlineSchema>;

export const blocksSummarySchema = lazySchema(() => z.object({
  /** paragraphs per role, every role listed */
  byRole: z.record(blockRoleSchema, z.number().int().nonnegative()),
  scoredParagraphs: z.number().int().nonnegative(),
  /** words in paragraphs left out of the scores (headline included) */
  excludedWords: z.number().int().nonnegative(),
}));

export const summarySchema = lazySchema(() => z.object({
  words: z.number().int().nonnegative(),
  authorWords: z.number().int().nonnegative(),
  quotedWords: z.number().int().nonnegative(),
  paragraphs: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  quotes: z.number().int().nonnegative(),
  domains: z.array(z.string()),
  /** the outlet that published the article, how it was found, its ownership and reliability; null when unknown */
  source: detectionSchema.nullable(),
  /** outlets and agencies the article cites or credits, with their cards; `attributions` indexes the attributions they speak in */
  citedSources: z.array(citedSourceSchema.extend({ attributions: z.array(z.number().int().nonnegative()) })),
  /** what each paragraph is (body, headline, caption, boilerplate...); every other figure here counts the scored paragraphs only */
  blocks: blocksSummarySchema,
  headline: headlineSchema.nullable(),
  captions: z.array(captionSchema),
  sentiment: sentimentSchema,
  subjectivity: subjectivitySchema,
  attribution: attributionSummarySchema,
  loadedLanguage: loadedLanguageSchema.extend({
    /** paragraph scores weighted by paragraph length */
    paragraphs: distribution,
    /** the author-voice terms found most often, with counts */
    topTerms: z.array(z.object({ text: z.string(), category: z.string(), count: z.number().int().positive() })),
  }),
  /** where the article stands in a reference corpus (src/core/report/percentiles.ts): the baseline's `name@version` and per figure an integer percentile 0..100, null where the article has none */
  percentiles: percentilesSchema.optional(),
}));
export type Summary = z.infer<typeof summarySchema>;

export const fetchedSchema = lazySchema(() => z.object({ url: z.string(), finalUrl: z.string(), redirects: z.array(z.string()), contentType: z.string() }));

export const documentSchema = lazySchema(() => z.object({
  input: z.enum(['text', 'html', 'url']),
  title: z.string().optional(),
  byline: z.string().optional(),
  published: z.string().optional(),
  siteName: z.string().optional(),
  canonicalUrl: z.string().optional(),
  lang: z.string().optional(),
  description: z.string().optional(),
  /** for URL input: the address asked for, the one answered from, and the redirects between */
  fetched: fetchedSchema.optional(),
}));
export type DocumentInfo = z.infer<typeof documentSchema>;

export const reportSchema = lazySchema(() => z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  analyzer: z.object({ name: z.literal('slant'), version: z.string() }),
  /** every lexicon file and outlet table the analysis read: name -> version */
  lexicons: z.record(z.string(), z.string()),
  id: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  /** where the text came from, and what the page said about itself (HTML and URL input) */
  document: documentSchema.optional(),
  text: z.string(),
  /** the finding categories present: id -> name */
  categories: z.record(z.string(), categoryInfoSchema),
  /** every rule the findings and exemptions name: rule -> source and weight */
  rules: z.record(z.string(), ruleSchema),
  paragraphs: z.array(paragraphSchema),
  attributions: z.array(attributionSchema),
  summary: summarySchema,
}));
export type Report = z.infer<typeof reportSchema>;

/** The metadata an article record may carry, named the same in every input (library, JSON lines, HTTP). */
const recordMeta = lazyValue(() => ({
  title: z.string({ error: 'expected a string' }).optional(),
  /** with text or html: where the article was published (never fetched); alone, in the library and the HTTP API: the page to fetch */
  url: z.string({ error: 'expected a string' }).optional(),
  /** the publishing outlet's name or domain, when the caller knows it (else `url`, else the page's or text's own signals) */
  outlet: z.string({ error: 'expected a string' }).optional(),
  /** side label -> actor ids, actor names or country codes, to group speakers differently */
  sides: z.record(z.string(), z.array(z.string()), { error: 'expected an object from side names to lists of actors' }).optional(),
}));

const inputFields = lazyValue(() => ({
  id: z.string().optional(),
  title: recordMeta().title,
  sides: recordMeta().sides,
  outlet: recordMeta().outlet,
  /** for callers that fetched the page themselves (the HTTP service): where from, recorded in `document.fetched` */
  fetched: fetchedSchema.optional(),
}));
/** Plain text; `url` is where it was published (metadata only, never fetched). */
export const textInputSchema = lazySchema(() => z.object({ text: z.string(), url: recordMeta().url, ...inputFields() }));
/** A web page's HTML, as text or as bytes (decoded by BOM or `<meta charset>`); `url` is its address, for relative links and the outlet (never fetched). */
export const htmlInputSchema = lazySchema(() => z.object({ html: z.union([z.string(), z.custom<Uint8Array>((value) => value instanceof Uint8Array, "expected the page as a string or bytes")]), url: recordMeta().url, ...inputFields() }));
/** An address to fetch (http or https), analysed as HTML or plain text by its content type. */
export const urlInputSchema = lazySchema(() => z.object({ url: z.string(), ...inputFields() }));
export type TextInput = z.infer<typeof textInputSchema>;
export type HtmlInput = z.infer<typeof htmlInputSchema>;
export type UrlInput = z.infer<typeof urlInputSchema>;

/**
 * An article record as JSON, the one shape every record-reading edge starts from (`slant analyze --jsonl`,
 * `slant batch`, the HTTP API's bodies and batch lines): `text`, `html` or `url`, an id that may be a
 * number, and the metadata. Which sources an edge accepts is its own refinement below or beside it.
 */
export const articleRecordSchema = lazySchema(() => z.object({
  id: z.union([z.string(), z.number()], { error: 'expected a string or a number' }).optional(),
  text: z.string({ error: 'expected a string' }).optional(),
  html: z.string({ error: 'expected a string' }).optional(),
  ...recordMeta(),
}));
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

/** One record of a JSON-lines corpus (`slant analyze --jsonl`, `slant batch`): `text` or `html`, never a URL to fetch. */
export const jsonRecordSchema = lazySchema(() => articleRecordSchema.refine((record) => (record.text === undefined) !== (record.html === undefined), { error: 'expected "text" or "html" (a string), and not both' }));

/** The library's input: a string, or a record with `text`, `html` or (alone) `url`, and optional metadata. */
export const analyzeInputSchema = lazySchema(() => z.union([z.string(), textInputSchema, htmlInputSchema, urlInputSchema]));
export type AnalyzeInput = z.infer<typeof analyzeInputSchema>;

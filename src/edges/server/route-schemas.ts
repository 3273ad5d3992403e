/**
 * Request and error schemas of the HTTP API, so that the same objects validate requests and describe them
 * in `/openapi.json`: the article record and the error line are the core's (one shape for every edge), with
 * the service's documentation and rules (options, a URL alone, no unknown fields) added here. Types are
 * inferred, never declared twice.
 */
import { z } from '@hono/zod-openapi';
import { categoryTextSchema } from '../../core/data/index.ts';
import { errorLineSchema, lineErrorSchema } from '../../core/report/error-line.ts';
import { articleRecordSchema } from '../../core/report/schema.ts';
import { MAX_ARTICLES } from '../../core/compare/schema.ts';

/** Per-request options; the server's own limits still apply. */
export const analyzeOptionsSchema = z
  .object({
    timeoutMs: z.number().int().positive().optional().openapi({ description: 'a shorter time budget for this analysis, in ms (capped by the server budget)' }),
  })
  .strict()
  .openapi('AnalyzeOptions');

// The article record of every input (core/report/schema.ts), with the documentation /openapi.json shows.
const { shape } = articleRecordSchema;
const articleFields = {
  text: shape.text.meta({ description: 'the article as plain text' }),
  html: shape.html.meta({ description: 'the article as an HTML page; the article text is extracted from it' }),
  // A URL the service may fetch is capped; the library takes what it is given.
  url: shape.url.unwrap().max(2048).optional().meta({ description: 'with text or html: where the article was published; alone: the page to fetch (http or https, public addresses only)' }),
  title: shape.title,
  outlet: shape.outlet.meta({ description: 'the publishing outlet name or domain, when known' }),
  sides: shape.sides.meta({ description: 'side label -> actor ids, actor names or country codes, to group speakers differently', example: { 'US/West': ['us-gov', 'nato', 'UA'] } }),
  options: analyzeOptionsSchema.optional(),
};

// Exactly one source of text: `text`, `html`, or `url` alone.
function oneArticle(value: { text?: string | undefined; html?: string | undefined; url?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.text !== undefined && value.html !== undefined) ctx.addIssue({ code: 'custom', path: ['html'], message: 'give text or html, not both' });
  if (value.text === undefined && value.html === undefined && value.url === undefined) ctx.addIssue({ code: 'custom', path: ['text'], message: 'give text, html or url' });
}

export const analyzeRequestSchema = z
  .object({ id: z.string({ error: 'expected a string' }).optional(), ...articleFields })
  .strict()
  .superRefine(oneArticle)
  .openapi('AnalyzeRequest', { example: { id: 'a1', text: 'The Kremlin says no "breakthroughs" are expected.', url: 'https://www.presstv.ir/Detail/2021/12/07/672466' } });
export type AnalyzeRequest = z.infer<typeof analyzeRequestSchema>;

/** One NDJSON line of a batch: the same record, with a numeric id allowed as in `slant analyze --jsonl`. */
export const batchRecordSchema = z
  .object({ id: shape.id, ...articleFields })
  .strict()
  .superRefine(oneArticle)
  .openapi('BatchRecord');
export type BatchRecord = z.infer<typeof batchRecordSchema>;

/** The error body of every route: the same `{code, message, details?}` as an error line's `error`. */
export const errorSchema = z.object({ error: lineErrorSchema }).openapi('Error');

/** A batch line that got no report: the error line of every JSON-lines output (core/report/error-line.ts). */
export const batchErrorLineSchema = errorLineSchema.meta({ id: 'BatchErrorLine' });

export const domainParamSchema = z.object({
  domain: z
    .string()
    .min(1)
    .max(253)
    .openapi({ param: { name: 'domain', in: 'path' }, example: 'presstv.ir', description: 'a domain, URL (encoded) or outlet name' }),
});

export const healthSchema = z.object({ status: z.literal('ok'), version: z.string(), pending: z.number().int().nonnegative() }).openapi('Health');

export const lexiconsSchema = z
  .object({
    lexicons: z.array(z.object({ name: z.string(), version: z.string(), entries: z.number().int().nonnegative(), license: z.string(), source: z.string() })),
  })
  .openapi('Lexicons');

/** The finding categories as the page explains them: the words from the lexicons, the weights from the registry. */
export const categoriesSchema = z
  .object({
    categories: z.array(
      categoryTextSchema.extend({
        weight: z.number().openapi({ description: "how much the category's findings count towards the loaded-language score, times the lexicon weight" }),
        subjectivity: z.number().openapi({ description: "how much an author-voice finding counts towards subjectivity, times its weight" }),
      }),
    ),
  })
  .openapi('Categories');

// A comparison's options apply to all its articles: one article has none of its own.
const { options: _perArticle, ...comparedFields } = articleFields;

/** One article of a comparison: the analyze request's record, without per-article options. */
export const compareArticleSchema = z
  .object({ id: z.string({ error: 'expected a string' }).optional(), ...comparedFields })
  .strict()
  .superRefine(oneArticle)
  .openapi('CompareArticle');

/** `POST /v1/compare`: 2 to MAX_ARTICLES reports of one story. */
export const compareRequestSchema = z
  .object({
    articles: z
      .array(compareArticleSchema)
      .min(2, { error: 'give at least two articles to compare' })
      .max(MAX_ARTICLES, { error: `give at most ${MAX_ARTICLES} articles to compare` })
      .openapi({ description: `2 to ${MAX_ARTICLES} articles, each as text, html or url alone; compared in the order given (keys A, B...)` }),
    options: analyzeOptionsSchema.optional(),
  })
  .strict()
  .openapi('CompareRequest', { example: { articles: [{ id: 'outlet-a', text: 'Kremlin expects no breakthroughs in Kiev talks.' }, { id: 'outlet-b', text: 'Kyiv says the talks must succeed.' }] } });
export type CompareRequest = z.infer<typeof compareRequestSchema>;

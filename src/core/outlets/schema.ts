/**
 * The shapes of source credibility, as zod schemas: one strict schema per table row of
 * `lexicons/sources/` (read when the tables load) and the output (an outlet card, the detected outlet,
 * the sources an article cites). Types are inferred here and nowhere else.
 */
import { z } from 'zod';
import { lazySchema, lazyValue } from '../data/lazy-schema.ts';
import type { LexiconHeader } from '../data/schema.ts';

const date = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2026-04-18'));
/** lower case, no scheme, no `www.`, at least one dot: the form every table keys its rows by */
const domain = lazySchema(() => z
  .string()
  .regex(/^(?!www\.)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/, 'expected a lower-case domain without scheme or www. (e.g. presstv.ir)'));
const path = lazySchema(() => z.string().regex(/^\/\S*$/, 'expected a URL path starting with / (e.g. /uk/daily-mail)'));

export const RSP_STATUSES = ['generally-reliable', 'no-consensus', 'generally-unreliable', 'deprecated', 'blacklisted', 'case-by-case'] as const;
export const CRED1_CATEGORIES = ['fake', 'unreliable', 'mixed', 'conspiracy', 'satire', 'rumor', 'reliable'] as const;
export const OWNERSHIP_KINDS = ['state', 'public-independent', 'private', 'nonprofit'] as const;

/** One line of `wikipedia-rsp.jsonl`: the RSP status of one domain for one RSP row (outlet and scope). */
export const rspRowSchema = lazySchema(() => z
  .object({
    domain,
    path: path.optional(),
    id: z.string().min(1),
    name: z.string().min(1),
    status: z.enum(RSP_STATUSES),
    blacklisted: z.boolean(),
    deprecated: z.boolean(),
    scope: z.string().min(1).nullable(),
    lastDiscussed: z.number().int().min(2000).max(2100).nullable(),
    shortcut: z.string().regex(/^WP:\S+$/, 'expected a shortcut such as WP:PRESSTV').nullable(),
    snapshot: date,
  })
  .strict());
export type RspRow = z.infer<typeof rspRowSchema>;

/** One line of `cred1.jsonl`: a low-credibility domain as CRED-1 lists it. */
export const cred1RowSchema = lazySchema(() => z
  .object({
    domain,
    path: path.optional(),
    category: z.enum(CRED1_CATEGORIES),
    score: z.number().min(0).max(1),
    factual: z.enum(['VL', 'L', 'M', 'MF', 'MH', 'H', 'VH']).nullable(),
    bias: z.string().regex(/^[A-Z]{1,4}$/, 'expected an MBFC code such as FN').nullable(),
    sources: z.number().int().min(1),
    snapshot: date,
  })
  .strict());
export type Cred1Row = z.infer<typeof cred1RowSchema>;

/** One line of `ownership.jsonl`, and the `outlet` of a card: who owns or funds an outlet. */
export const outletSchema = lazySchema(() => z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as press-tv'),
    name: z.string().min(1),
    /** hosts may be a sub-domain (news.sky.com): a host matches its listed parent */
    domains: z.array(domain).min(1),
    /** ISO 3166-1 alpha-2 of the outlet's base */
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as IR'),
    ownership: z.enum(OWNERSHIP_KINDS),
    owner: z.string().min(1),
    stateNote: z.string().min(1).optional(),
    citations: z.array(z.string().regex(/^(?:https:\/\/\S+|wikidata:Q\d+)$/, 'expected an https URL or wikidata:Q...')).min(1),
  })
  .strict()
  .refine((row) => row.ownership !== 'state' || row.stateNote !== undefined, { message: 'a state outlet needs a stateNote', path: ['stateNote'] }));
export type Outlet = z.infer<typeof outletSchema>;

/** The `# key: value` header every table starts with: the same as every lexicon file's. */
export type TableHeader = LexiconHeader;

export const RATING_SOURCES = ['wikipedia-rsp', 'cred1'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

/** One third-party rating of a domain, mapped to 0..1 and kept with its provenance. */
export const ratingSchema = lazySchema(() => z.object({
  source: z.enum(RATING_SOURCES),
  /** `version` line of the table file */
  version: z.string(),
  /** date of the upstream snapshot the row comes from */
  snapshot: date,
  license: z.string(),
  /** where to check it: the RSP page and the row's shortcut, or CRED-1's DOI and repository */
  citation: z.string(),
  /** the value as the source states it: RSP status, or CRED-1 category and score */
  raw: z.string(),
  /** what part of the outlet the row covers (RSP scopes, e.g. `talk shows`) */
  scope: z.string().optional(),
  /** the row it comes from (`domain` or `domain/path`); differs from the card's domain for an alias domain */
  matched: z.string(),
  score: z.number().min(0).max(1),
  /** the rating caps the combined score (RSP deprecated or blacklisted, CRED-1 fake or conspiracy) */
  capped: z.boolean(),
  /** whether the rating entered the combined score (a general RSP row outranks scoped ones; see the notes) */
  counted: z.boolean(),
}));
export type Rating = z.infer<typeof ratingSchema>;

export const LABELS = ['high', 'mixed', 'low', 'very-low', 'not-rated'] as const;
export type ReliabilityLabel = (typeof LABELS)[number];

export const reliabilitySchema = lazySchema(() => z.object({
  /** combined 0..1, or null when no source rates the outlet (never a made-up middle value) */
  score: z.number().min(0).max(1).nullable(),
  label: z.enum(LABELS),
  /** 0..1: how far to trust the score (number of sources, their agreement, recency); 0 when not rated */
  confidence: z.number().min(0).max(1),
  ratings: z.array(ratingSchema),
  notes: z.array(z.string()),
}));
export type Reliability = z.infer<typeof reliabilitySchema>;

export const outletCardSchema = lazySchema(() => z.object({
  /** what was looked up, as given */
  query: z.string(),
  /** the registrable domain (or listed host) the card is for; null when the query named no known outlet */
  domain: z.string().nullable(),
  /** display name: the ownership name, else the RSP name, else null */
  name: z.string().nullable(),
  /** ownership and funding; never changes the score */
  outlet: outletSchema.nullable(),
  reliability: reliabilitySchema,
}));
export type OutletCard = z.infer<typeof outletCardSchema>;

const span = lazyValue(() => ({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() }));
export const evidenceSchema = lazySchema(() => z.object(span()));
export type Evidence = z.infer<typeof evidenceSchema>;

export const DETECTED_BY = ['url', 'outlet', 'self-reference', 'dateline', 'byline'] as const;
export const detectionSchema = lazySchema(() => z.object({
  card: outletCardSchema,
  detectedBy: z.enum(DETECTED_BY),
  /** the text that gave the outlet away; null for the url and outlet hints */
  evidence: evidenceSchema.nullable(),
  confidence: z.number().min(0).max(1),
}));
export type OutletDetection = z.infer<typeof detectionSchema>;

export const CITATION_KINDS = ['according-to', 'reported', 'credit', 'self-reference', 'mention'] as const;
export const citedSourceSchema = lazySchema(() => z.object({
  ...span(),
  /** the outlet as written (`Reuters`, `the BBC`, `state media`) */
  name: z.string(),
  how: z.enum(CITATION_KINDS),
  /** null for an unnamed source such as `state media` */
  card: outletCardSchema.nullable(),
}));
export type CitedSource = z.infer<typeof citedSourceSchema>;

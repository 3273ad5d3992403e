/**
 * The shape of every lexicon file, as zod schemas: the single source of truth for the entry types.
 */
import { z } from 'zod';

export const TOPICS = ['conflict', 'politics', 'crime', 'migration', 'economy', 'health', 'society', 'environment', 'science', 'general'] as const;
export const DOMAINS = ['sports', 'markets', 'weather', 'entertainment', 'technology', 'medicine'] as const;
export const STANCES = ['neutral', 'endorsing', 'distancing', 'adversarial', 'framing'] as const;

export const headerSchema = z.object({
  source: z.string().min(1),
  license: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a semantic version such as 1.0.0'),
  edit: z.string().min(1),
});
export type LexiconHeader = z.infer<typeof headerSchema>;

const term = z
  .string()
  .min(1)
  .refine((value) => value === value.toLowerCase(), 'expected lower case')
  .refine((value) => !/[\u2018\u2019\u201C\u201D]/.test(value), "expected straight apostrophes (')")
  .refine((value) => value === value.trim() && !/\s{2,}/.test(value), 'expected single spaces and no surrounding space');

/** One line of a lexicon file; which optional fields are required depends on the file (see `fileKinds`). */
export const entrySchema = z
  .object({
    term,
    pos: z.enum(['verb', 'noun', 'adj', 'adv', 'fixed']).default('fixed'),
    head: z.number().int().nonnegative().optional(),
    forms: z.array(term).optional(),
    weight: z.number().min(0).max(1).optional(),
    polarity: z.union([z.literal(-1), z.literal(0), z.literal(1)]).optional(),
    topics: z.array(z.enum(TOPICS)).optional(),
    exempt: z.array(z.enum(DOMAINS)).optional(),
    alt: z.string().min(1).optional(),
    stance: z.enum(STANCES).optional(),
    domain: z.enum(DOMAINS).optional(),
    kind: z.enum(['title', 'month', 'other']).optional(),
    note: z.string().optional(),
  })
  .strict();
export type LexiconEntry = z.infer<typeof entrySchema>;

const weighted = entrySchema.extend({ weight: z.number().min(0).max(1) });

/** What each bundled file must provide beyond the common fields. */
export const fileKinds = {
  weighted,
  reporting: weighted.extend({ stance: z.enum(STANCES) }),
  domains: entrySchema.extend({ domain: z.enum(DOMAINS) }),
  abbreviations: entrySchema.extend({ kind: z.enum(['title', 'month', 'other']) }),
  plain: entrySchema,
} as const;
export type FileKind = keyof typeof fileKinds;

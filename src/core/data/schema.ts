/**
 * The shape of every lexicon file, as zod schemas: the single source of truth for the entry types.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.ts';

export const TOPICS = ['conflict', 'politics', 'crime', 'migration', 'economy', 'health', 'society', 'environment', 'science', 'general'] as const;
export const DOMAINS = ['sports', 'markets', 'weather', 'entertainment', 'technology', 'medicine'] as const;
export const STANCES = ['neutral', 'endorsing', 'distancing', 'assertive', 'adversarial', 'framing', 'cognitive', 'directive', 'supportive'] as const;
export const ROLES = ['government', 'military', 'legislature', 'party', 'opposition', 'international-organisation', 'media', 'expert', 'ngo', 'business', 'judiciary', 'citizen', 'anonymous'] as const;
export type Role = (typeof ROLES)[number];

export const headerSchema = lazySchema(() => z.object({
  source: z.string().min(1),
  license: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a semantic version such as 1.0.0'),
  edit: z.string().min(1),
}));
export type LexiconHeader = z.infer<typeof headerSchema>;

const term = lazySchema(() => z
  .string()
  .min(1)
  .refine((value) => value === value.toLowerCase(), 'expected lower case')
  .refine((value) => !/[\u2018\u2019\u201C\u201D]/.test(value), "expected straight apostrophes (')")
  .refine((value) => value === value.trim() && !/\s{2,}/.test(value), 'expected single spaces and no surrounding space'));

/** One line of a lexicon file; which optional fields are required depends on the file (see `fileKinds`). */
export const entrySchema = lazySchema(() => z
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
    /** reporting verbs: a speech act that can summarise what was said without its content (accuse, deny) */
    act: z.boolean().optional(),
    /**
     * reporting verbs: where the same word means something other than speech. `passive`: after a form of be it
     * does (is assured of, was confirmed 92 to 0) unless a that-clause follows; `objects`: one of these words
     * within the next five of its clause makes it another sense (claim the nomination, admit refugees).
     */
    otherSense: z.object({ passive: z.boolean().optional(), objects: z.array(term).optional() }).strict().optional(),
    /**
     * reporting verbs: the frame outside which the word names no speech. `speech-object`: a speech object
     * (speech-objects.jsonl: a statement, a video, the names; "on Twitter"), a that-clause, "X as Y", a
     * colon or a quotation within the clause after it ("released a statement", not "released the suspect");
     * `infinitive`: a verb after the entry's closing "to" ("looking to cut taxes", not "look to the bank");
     * `clause`: a that-clause, a to-infinitive or "against" within a few words ("advised walkers to stay away",
     * not "advises the campaign"); `speech-goes-on`: a quotation's tag, a quotation later in the sentence, "that",
     * or "to" before a verb of speech ("continued to insist that", not "continued his push"); `helper`: the
     * base form only after an auxiliary, a modal, a negation, an adverb or "to" ("will discuss", "met to
     * discuss"), not alone ("vital that the two leaders discuss": a subjunctive, what someone wants done).
     */
    needs: z.enum(['speech-object', 'infinitive', 'clause', 'speech-goes-on', 'helper', 'topic']).optional(),
    /**
     * reporting and attitude verbs: a longer phrase in which the verb names no speech or thought (slam into,
     * claim the lives, call off, think tank). It is matched so that the verb inside it neither scores nor cues,
     * and it is no attribution cue itself.
     */
    override: z.literal(true).optional(),
    /** demonyms: ISO 3166-1 alpha-2 country code */
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as RU').optional(),
    /** titles: the role the title implies */
    role: z.enum(ROLES).optional(),
    domain: z.enum(DOMAINS).optional(),
    kind: z.enum(['title', 'month', 'other']).optional(),
    /** weekdays and months: the short forms written for the name (`tue`, `tues`), without a period */
    short: z.array(term).optional(),
    /** word lists: the word alone is evidence (a share bar needs `share` or `tweet`; `ago` makes a line a date line) */
    cue: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict());
export type LexiconEntry = z.infer<typeof entrySchema>;

const weighted = lazySchema(() => entrySchema.extend({ weight: z.number().min(0).max(1) }));

/** What each bundled file must provide beyond the common fields. */
export const fileKinds = {
  weighted,
  reporting: lazySchema(() => weighted.extend({ stance: z.enum(STANCES) })),
  domains: lazySchema(() => entrySchema.extend({ domain: z.enum(DOMAINS) })),
  abbreviations: lazySchema(() => entrySchema.extend({ kind: z.enum(['title', 'month', 'other']) })),
  demonyms: lazySchema(() => entrySchema.extend({ country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as RU') })),
  titles: lazySchema(() => entrySchema.extend({ role: z.enum(ROLES) })),
  plain: entrySchema,
} as const;
export type FileKind = keyof typeof fileKinds;

/**
 * One actor of the gazetteer (lexicons/en/actors.jsonl): a person, government, organisation or place that can
 * speak or be spoken about. `aliases` are lower-case surface forms matched against folded tokens.
 */
export const actorSchema = lazySchema(() => z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as ru-gov'),
    name: z.string().min(1),
    aliases: z.array(term).min(1),
    /** ISO 3166-1 alpha-2, or INT for international bodies */
    country: z.string().regex(/^(?:[A-Z]{2}|INT)$/, 'expected an ISO 3166-1 alpha-2 code or INT'),
    role: z.enum(ROLES),
    kind: z.enum(['person', 'government', 'organisation', 'place', 'group']),
    /** the body a person speaks for (ru-peskov -> ru-gov) */
    memberOf: z.string().optional(),
    /** titles a second reference may use instead of the name ("the Kremlin spokesman") */
    titles: z.array(term).optional(),
    /** default side when it is not the country (international bodies: their own id) */
    side: z.string().optional(),
    note: z.string().optional(),
  })
  .strict());
export type Actor = z.infer<typeof actorSchema>;

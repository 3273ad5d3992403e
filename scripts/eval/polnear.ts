/**
 * PolNeAR for `npm run eval:attribution`: reads the train split in ../shared/data/dev/ (or $SLANT_DEV_DATA; see
 * its README.md), checks every span, and maps gold records and the analyzer's `report.attributions` to the same
 * fragment lists, with the gold cue's lemma and family so recall can be broken down by kind of cue. Evaluation
 * only: the analyzer never reads this data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { FragmentedMatchable, Span } from './attribution-metrics.ts';

export const POLNEAR_FILE = 'polnear_train.jsonl';

const spanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
const recordSchema = z.object({
  id: z.string(),
  text: z.string(),
  title: z.string().optional(),
  attributions: z.array(
    z.object({ id: z.string(), type: z.string(), source: z.array(spanSchema), cue: z.array(spanSchema), content: z.array(spanSchema) }),
  ),
});

/** A gold attribution as fragments (empty list: absent), with its cue's text, lemma and family. */
export type PolnearGold = FragmentedMatchable & { source: Span[]; cueText: string; lemma: string; family: CueFamily };
export type PolnearArticle = { id: string; text: string; gold: PolnearGold[] };
/** A prediction mapped to fragment lists, as the gold is. */
export type PolnearPredicted = FragmentedMatchable & { speaker: Span[] };

/** The folder holding the development sets: $SLANT_DEV_DATA, else ../shared/data/dev beside the repository. */
export function devDataDir(): string {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  return process.env['SLANT_DEV_DATA'] ?? join(root, '..', 'shared', 'data', 'dev');
}

/**
 * Reads up to `limit` articles of the PolNeAR file at `path` (all when undefined). Returns undefined when the
 * file is absent; throws naming the line when a record is malformed or a span lies outside its text.
 */
export function loadPolnear(path: string, limit?: number): PolnearArticle[] | undefined {
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, 'utf8').split('\n');
  const articles: PolnearArticle[] = [];
  for (const [i, line] of lines.entries()) {
    if (limit !== undefined && articles.length >= limit) break;
    if (line.trim() === '') continue;
    const parsed = recordSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    const { id, text, attributions } = parsed.data;
    const inside = (s: Span): boolean => s.start < s.end && s.end <= text.length;
    const gold = attributions.map((a): PolnearGold => {
      const bad = [...a.source, ...a.cue, ...a.content].find((s) => !inside(s));
      if (bad) throw new Error(`${path}:${i + 1}: ${a.id} has span [${bad.start}, ${bad.end}) outside the text (length ${text.length})`);
      const cueText = a.cue.map((s) => text.slice(s.start, s.end)).join(' ');
      const lemma = cueLemma(cueText);
      return { content: a.content, cue: a.cue, source: a.source, cueText, lemma, family: cueFamily(lemma) };
    });
    articles.push({ id, text, gold });
  }
  return articles;
}

/** A report's span: `[start, end, ...]` since schema 2.0.0, `{ start, end }` before. */
export type ReportSpan = Span | readonly [number, number, ...unknown[]];

/** One attribution of `report.attributions` (the part scoring reads) as fragment lists. */
export function toPolnearPredicted(a: { content: ReportSpan | null; cue: ReportSpan | null; speaker: ReportSpan | null }): PolnearPredicted {
  const list = (s: ReportSpan | null): Span[] => (s === null ? [] : 'start' in s ? [{ start: s.start, end: s.end }] : [{ start: s[0], end: s[1] }]);
  return { content: list(a.content), cue: list(a.cue), speaker: list(a.speaker) };
}

// ---- cue lemmas and families ----

export const CUE_FAMILIES = ['speech verbs', 'according to', 'belief/attitude verbs', 'document and poll sources', 'colon/dash', 'other'] as const;
export type CueFamily = (typeof CUE_FAMILIES)[number];

/** The lemmas of each verb family. */
// Families for the breakdown only: a cue's family is how a reader would class the verb, not what the analyzer's lexicon says.
export const FAMILY_LEMMAS: Record<Exclude<CueFamily, 'according to' | 'colon/dash' | 'other'>, string[]> = {
  'speech verbs': [
    'say', 'tell', 'add', 'write', 'ask', 'announce', 'note', 'explain', 'argue', 'claim', 'state', 'declare', 'insist',
    'reply', 'respond', 'answer', 'comment', 'remark', 'continue', 'tweet', 'post', 'report', 'suggest', 'warn', 'urge',
    'call', 'describe', 'acknowledge', 'admit', 'concede', 'deny', 'confirm', 'recall', 'promise', 'pledge', 'vow',
    'predict', 'accuse', 'criticize', 'praise', 'blame', 'dismiss', 'reject', 'question', 'complain', 'boast', 'joke',
    'quip', 'testify', 'speak', 'talk', 'mention', 'discuss', 'point', 'counter', 'contend', 'assert', 'maintain',
    'stress', 'emphasize', 'repeat', 'reiterate', 'echo', 'demand', 'propose', 'recommend', 'threaten', 'challenge',
    'charge', 'allege', 'reveal', 'disclose', 'proclaim', 'exclaim', 'shout', 'yell', 'whisper', 'retort', 'tout',
    'cite', 'refer', 'label', 'dub', 'brand', 'decry', 'slam', 'blast', 'attack', 'defend', 'applaud', 'thank',
    'apologize', 'conclude', 'observe', 'wonder', 'lament', 'decline', 'refuse', 'rule', 'mock', 'pitch',
    'advise', 'inform', 'assure', 'remind', 'caution', 'concur', 'affirm', 'elaborate', 'summarize', 'interview',
    'release', 'issue', 'publish', 'denounce', 'offer', 'condemn', 'raise',
  ],
  'belief/attitude verbs': [
    'think', 'believe', 'feel', 'know', 'want', 'hope', 'fear', 'worry', 'expect', 'seem', 'appear', 'plan', 'intend',
    'wish', 'doubt', 'suspect', 'agree', 'disagree', 'support', 'oppose', 'favor', 'prefer', 'like', 'love', 'hate',
    'see', 'view', 'consider', 'regard', 'understand', 'realize', 'assume', 'guess', 'imagine', 'suppose', 'trust',
    'seek', 'try', 'aim', 'decide', 'endorse', 'back', 'welcome', 'vote', 'choose', 'need', 'figure', 'reckon', 'sense',
    'recognize', 'embrace', 'champion', 'remember', 'forget', 'express', 'look', 'push', 'focus',
  ],
  'document and poll sources': ['show', 'find', 'indicate', 'read', 'estimate', 'demonstrate', 'detail', 'list', 'record', 'rank', 'project', 'measure', 'survey', 'poll', 'document'],
};

// Each lemma sits in one family (a test checks it).
const FAMILY_OF = new Map<string, CueFamily>();
for (const [family, lemmas] of Object.entries(FAMILY_LEMMAS) as [CueFamily, string[]][]) {
  for (const lemma of lemmas) FAMILY_OF.set(lemma, family);
}

// Irregular past forms of the cue verbs above; regular ones are found by stripping endings.
const IRREGULAR: Record<string, string> = {
  said: 'say', told: 'tell', wrote: 'write', written: 'write', thought: 'think', saw: 'see', seen: 'see', knew: 'know',
  known: 'know', felt: 'feel', found: 'find', sought: 'seek', spoke: 'speak', spoken: 'speak', understood: 'understand',
  chose: 'choose', chosen: 'choose', forgot: 'forget', forgotten: 'forget', made: 'make', took: 'take', taken: 'take',
  gave: 'give', given: 'give', sent: 'send', began: 'begin', begun: 'begin', shown: 'show',
};

// Auxiliaries and adverbs that come before the cue verb in a multi-word cue ("has also said").
const LEADING = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'also', 'did', 'does', 'do', 'not', "n't",
  'will', 'would', 'could', 'may', 'might', 'should', 'can', 'to', 'later', 'first', 'then', 'previously', 'repeatedly',
  'recently', 'just', 'once', 'again', 'publicly', 'privately', 'never', 'still', 'already', 'even', 'further', 'went',
  'on', 'and', 'who', 'which', 'that', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'a', 'an', 'the', 's', 're', 've',
  'his', 'her', 'their', 'its', 'our', 'my', 'your', 'now', 'often', 'long', 'more', 'so', 'all', 'only', 'both', 'well',
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "hasn't", "haven't", "won't", "it's", 'must', 'as', 'since',
]);

/** The base form of a cue word when it is a known cue verb in some form (`noted` → `note`), else the word itself. */
export function verbBase(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (FAMILY_OF.has(word)) return word;
  const stems = [
    word.replace(/ies$/, 'y'), word.replace(/ied$/, 'y'), word.replace(/s$/, ''), word.replace(/es$/, ''),
    word.replace(/d$/, ''), word.replace(/ed$/, ''), word.replace(/ing$/, ''), word.replace(/ing$/, 'e'),
    word.replace(/(.)\1ed$/, '$1'), word.replace(/(.)\1ing$/, '$1'),
  ];
  return stems.find((s) => s !== word && FAMILY_OF.has(s)) ?? word;
}

/**
 * A cue's lemma, lower-cased: `according to` for that phrase, the punctuation for a cue of punctuation alone
 * (`:`, `—`), else the base form of its first word after leading auxiliaries, determiners and adverbs (`has
 * also said` → `say`); `` for an empty cue.
 */
export function cueLemma(cueText: string): string {
  const lower = cueText.toLowerCase().replace(/’/g, "'");
  if (/\baccording\b/.test(lower)) return 'according to';
  const words = lower.match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
  if (words.length === 0) return lower.replace(/\s+/g, '').slice(0, 3);
  const head = words.find((w, i) => !LEADING.has(w) && !(w.endsWith('ly') && i < words.length - 1)) ?? words[0] ?? '';
  return verbBase(head);
}

/** The family of a cue lemma as `cueLemma` gives it. */
export function cueFamily(lemma: string): CueFamily {
  if (lemma === 'according to') return 'according to';
  if (lemma !== '' && /^[:\-–—]+$/.test(lemma)) return 'colon/dash';
  return FAMILY_OF.get(lemma) ?? 'other';
}

/**
 * The English words attribution reads, by role. Temporary: the sets move to lexicons/en/ next.
 */
import type { Lexicons } from '../../data/index.ts';

/** How a pronoun speaker is resolved: a person (he, she), the speaker (I), a body (it), a group (they) or the speaker's group (we). */
export type PronounRole = 'person' | 'self' | 'body' | 'group' | 'own-group';
/** Function words with a job in a reported clause. */
export type ClauseRole = 'complementiser' | 'contrast' | 'relative' | 'coordinator';
export type DeterminerRole = 'definite' | 'indefinite' | 'numeral';

export type AttributionWords = {
  /** words skipped between a subject and its verb: auxiliaries, adverbs and short time words */
  readonly verbSkips: ReadonlySet<string>;
  /** the heads of time phrases ("on Monday", "two weeks ago") */
  readonly timeWords: ReadonlySet<string>;
  /** the words before a time phrase's head */
  readonly timePhraseWords: ReadonlySet<string>;
  /** words that can sit inside a speaker's noun phrase besides capitalised words and titles */
  readonly speakerWords: ReadonlySet<string>;
  /** adjectives inside role phrases ("regional governor", "acting minister") */
  readonly speakerAdjectives: ReadonlySet<string>;
  /** words that link the parts of a role phrase ("spokesperson for the U.S. Embassy in Moscow") */
  readonly speakerLinks: ReadonlySet<string>;
  readonly pronouns: ReadonlyMap<string, PronounRole>;
  /** forms of "be": before a reporting verb they make it passive ("was told") */
  readonly beForms: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
  /** a gazetteer name after these locates the speaker rather than naming them */
  readonly locatives: ReadonlySet<string>;
  /** prepositions that open an introductory phrase before the speaker ("In Moscow, Peskov said") */
  readonly introductions: ReadonlySet<string>;
  /** objects of "told" that are not part of the reported content */
  readonly addressees: ReadonlySet<string>;
  /** reporting verbs followed by whom they address ("told reporters") */
  readonly addresseeVerbs: ReadonlySet<string>;
  readonly determiners: ReadonlyMap<string, DeterminerRole>;
  readonly clauseWords: ReadonlyMap<string, ClauseRole>;
  /** phrases that put the source after them ("according to"), as words */
  readonly sourcingPhrases: readonly (readonly string[])[];
};

const WORDS: AttributionWords = {
  verbSkips: new Set([
    'has', 'have', 'had', 'was', 'were', 'is', 'are', 'been', 'be', 'will', 'would', 'could', 'should', 'may', 'might', 'did', 'does', 'do',
    'also', 'previously', 'earlier', 'later', 'already', 'again', 'repeatedly', 'once', 'then', 'now', 'recently', 'reportedly',
    'publicly', 'privately', 'separately', 'further', 'immediately', 'quickly', 'flatly', 'firmly', 'strongly', 'sharply', 'not',
    'today', 'yesterday', 'tonight', 'ago',
  ]),
  timeWords: new Set([
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'weeks', 'day', 'days', 'month', 'months',
    'year', 'years', 'weekend', 'morning', 'evening', 'night', 'afternoon', 'earlier', 'later', 'time',
  ]),
  timePhraseWords: new Set(['on', 'over', 'in', 'during', 'for', 'the', 'past', 'last', 'this', 'a', 'few', 'several', 'recent', 'previous', 'two', 'three', 'late', 'early']),
  speakerWords: new Set([
    'the', 'a', 'an', 'its', 'his', 'her', 'their', 'and', 'of', 'senior', 'top', 'former', 'deputy', 'chief', 'foreign', 'local', 'state', 'federal', 'military',
    'government', 'allies', 'officials', 'leaders', 'forces', 'police', 'spokesman', 'spokeswoman', 'spokesperson', 'ministry', 'embassy', 'office', 'department',
    'agency', 'committee', 'commission', 'council', 'navy', 'army', 'party', 'mission', 'administration', 'coalition', 'alliance', 'court', 'parliament', 'ruling',
  ]),
  speakerAdjectives: new Set(['regional', 'acting', 'interim', 'national', 'provincial', 'outgoing', 'incoming', 'chief', 'press', 'prime', 'defence', 'defense', 'interior', 'finance', 'security', 'presidential', 'royal', 'two', 'three', 'several', 'many', 'some', 'western', 'european']),
  speakerLinks: new Set(['of', 'for', 'in', 'at', 'to']),
  pronouns: new Map([['he', 'person'], ['she', 'person'], ['i', 'self'], ['it', 'body'], ['they', 'group'], ['we', 'own-group']]),
  beForms: new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']),
  honorifics: new Set(['mr', 'ms', 'mrs', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady']),
  locatives: new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'from', 'across']),
  introductions: new Set(['in', 'on', 'at', 'from', 'after', 'before', 'during', 'for', 'with', 'by', 'as', 'since', 'while', 'when', 'calling', 'speaking']),
  addressees: new Set(['reporters', 'journalists', 'the', 'a', 'press', 'media', 'news', 'him', 'her', 'them', 'us', 'me', 'parliament', 'lawmakers', 'an', 'interviewer', 'broadcaster']),
  addresseeVerbs: new Set(['tell', 'told']),
  determiners: new Map([['the', 'definite'], ['a', 'indefinite'], ['an', 'indefinite'], ['one', 'numeral']]),
  clauseWords: new Map([['that', 'complementiser'], ['but', 'contrast'], ['while', 'contrast'], ['whereas', 'contrast'], ['who', 'relative'], ['which', 'relative'], ['and', 'coordinator']]),
  sourcingPhrases: [['according', 'to']],
};

/** The attribution word sets of a lexicon folder. */
export function attributionWords(_lexicons: Lexicons): AttributionWords {
  return WORDS;
}

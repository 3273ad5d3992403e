/**
 * The word lists attribution reads: words skipped between a speaker and the verb, time phrases, the words
 * of speaker phrases, pronouns and function words with their roles. Each list is a file in
 * `lexicons/<language>/`, loaded and validated with the others by `loadLexicons`; a role is an entry's
 * `note`, checked here so that a misspelt role is an error naming its line.
 */
import { inflectEntry } from './inflect.ts';
import { LexiconError, type ParsedLexicon } from './parse.ts';
import type { FileKind } from './schema.ts';

/** The attribution word-list files, loaded with the other lexicons (LEXICON_FILES lists them). */
export const ATTRIBUTION_WORD_FILES: readonly { readonly name: string; readonly kind: FileKind }[] = [
  'verb-skips',
  'time-words',
  'time-phrase-words',
  'speaker-words',
  'speaker-adjectives',
  'speaker-links',
  'pronouns',
  'be-forms',
  'honorifics',
  'locatives',
  'introductory-words',
  'adjunct-words',
  'addressees',
  'addressee-verbs',
  'determiners',
  'clause-words',
  'sourcing-phrases',
  'headline-labels',
  'quote-frames',
  'speaker-nouns',
  'organisation-words',
  'quantifiers',
  'regard-verbs',
  'question-words',
  'participle-subordinators',
  'subordinators',
  'frame-words',
  'noun-cues',
  'light-verbs',
  'possessive-pronouns',
  'attitude-adjectives',
  'stance-openings',
  'raising-verbs',
  'purpose-frames',
  'passive-views',
  'non-holders',
  'ly-nouns',
  'negative-subjects',
  'speech-objects',
  'bare-attitude-verbs',
  'voice-nouns',
  'speech-topics',
  'as-adverbials',
].map((name) => ({ name, kind: 'plain' as const }));

const PRONOUN_ROLES = ['person', 'self', 'body', 'group', 'own-group'] as const;
const DETERMINER_ROLES = ['definite', 'indefinite', 'numeral'] as const;
const CLAUSE_ROLES = ['complementiser', 'contrast', 'relative', 'coordinator'] as const;
// A raising verb's voice: active ("seems to") or passive after a form of be ("is expected to").
const RAISING_ROLES = ['active', 'passive'] as const;
// A purpose frame's kind: a verb with a few words before its "to" ("took to Twitter to") or an adjective after be ("was quick to").
const PURPOSE_ROLES = ['verb', 'adjective'] as const;
// A voice noun's word: the noun ("chants", "sign") or a word that may stand between it and the quotation ("of", "reading").
const VOICE_ROLES = ['noun', 'link'] as const;
/** What a bare attitude verb (bare-attitude-verbs.jsonl) needs: its subject (a plural, he/she/it or a name, he/she/it only) and whether a clause may follow. */
export const BARE_ATTITUDE_ROLES = ['plural-object', 'plural-clause', 'singular-clause', 'pronoun-clause'] as const;
export type BareAttitudeRole = (typeof BARE_ATTITUDE_ROLES)[number];
/** The kinds a speaker noun or an organisation word may give (their files' notes; the report's `speakerKind` adds person). */
export const SPEAKER_KINDS = ['company', 'agency', 'organisation', 'media', 'group', 'document', 'poll', 'quantity'] as const;
/** What a noun cue names (noun-cues.jsonl): something said, a view or plan, or a speech act only after a light verb. */
export const NOUN_CUE_ROLES = ['speech', 'attitude', 'light'] as const;
export type NounCueRole = (typeof NOUN_CUE_ROLES)[number];
/** What a speaker named by a common noun or an organisation's name is: "the company", "the Labor Department", "a poll". */
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];
/** How a pronoun speaker is resolved: a person (he, she), the speaker (I), a body (it), a group (they) or the speaker's group (we). */
export type PronounRole = (typeof PRONOUN_ROLES)[number];
export type DeterminerRole = (typeof DETERMINER_ROLES)[number];
/** Function words with a job in a reported clause: "that", ", but", "who", "and". */
export type ClauseRole = (typeof CLAUSE_ROLES)[number];

export type AttributionWords = {
  /** words skipped between a subject and its verb: auxiliaries, adverbs and short time words */
  readonly verbSkips: ReadonlySet<string>;
  /** the heads of time phrases ("on Monday", "two weeks ago"): time-words and the weekday names */
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
  /** words that open an introductory phrase before the speaker ("In Moscow, Peskov said") */
  readonly introductions: ReadonlySet<string>;
  /** words that open a phrase of where, when or to whom after a verb of saying ("said on Friday"), not what was said */
  readonly adjuncts: ReadonlySet<string>;
  /** objects of "told" that are not part of the reported content */
  readonly addressees: ReadonlySet<string>;
  /** reporting-verb lemmas followed by whom they address ("told reporters") */
  readonly addresseeVerbs: ReadonlySet<string>;
  readonly determiners: ReadonlyMap<string, DeterminerRole>;
  readonly clauseWords: ReadonlyMap<string, ClauseRole>;
  /** common nouns heading a speaker phrase ("the company", "the campaign", "Sixty percent"), plurals included, with their kind */
  readonly speakerNouns: ReadonlyMap<string, SpeakerKind>;
  /** words that make an unknown capitalised name an organisation ("Corp", "Airways", "Department"), with its kind */
  readonly organisationWords: ReadonlyMap<string, SpeakerKind>;
  /** words that open a counted or generic subject although they also start other sentences ("some", "most", "other") */
  readonly quantifiers: ReadonlySet<string>;
  /** verbs of regard that report a view with "as" after them ("voters see the mayor as honest") */
  readonly regardVerbs: ReadonlySet<string>;
  /** words after "as" that make it an adverb of time or manner, not a view's "as" ("as well", "as planned") */
  readonly asAdverbials: ReadonlySet<string>;
  /** words that open the question put to a speaker after "asked" ("whether", "how", "about") */
  readonly questionWords: ReadonlySet<string>;
  /** words before a participle whose subject is the main clause's ("by saying", "after announcing") */
  readonly participleSubordinators: ReadonlySet<string>;
  /** words that open a subordinate clause before the main one ("While Berg said ..., the board ...") */
  readonly subordinators: ReadonlySet<string>;
  /** words that make a speech verb's clause a frame for the clause beside it ("As the Herald reported, ...") */
  readonly frameWords: ReadonlySet<string>;
  /** noun cues: noun (and its plural) -> the word opening its content -> what the noun names ("criticism" -> "of" -> speech) */
  readonly nounCues: ReadonlyMap<string, ReadonlyMap<string, NounCueRole>>;
  /** `name@version` of noun-cues.jsonl, cited as the lexicon of the cues it gives */
  readonly nounCueSource: string;
  /** verb forms that make a noun cue their subject's speech act ("made the case that", "took aim at") */
  readonly lightVerbs: ReadonlySet<string>;
  /** adjectives that report a view after a form of be, with the word opening their content ("skeptical" -> "of") */
  readonly attitudeAdjectives: ReadonlyMap<string, ReadonlyMap<string, NounCueRole>>;
  /** prepositions that open a sentence with its speaker's view ("To Holt, the delay was a betrayal") */
  readonly stanceOpenings: ReadonlySet<string>;
  /** `name@version` of stance-openings.jsonl, cited as the lexicon of the cues it gives */
  readonly stanceOpeningSource: string;
  /** `name@version` of voice-nouns.jsonl, cited as the lexicon of the cues it gives */
  readonly voiceNounSource: string;
  /** raising verbs ("seems", "appeared"): before "to" and a verb of speech, the subject before them is its speaker */
  readonly raisingVerbs: ReadonlySet<string>;
  /** passive raising verbs ("is expected to"): a view reported without anyone holding it */
  readonly passiveRaisingVerbs: ReadonlySet<string>;
  /** purpose frames ("took to Twitter to say", "was quick to blame"): the subject before them speaks the verb after their "to" */
  readonly purposeFrames: ReadonlyMap<string, 'verb' | 'adjective'>;
  /** nouns that hold no view ("the data supports", "the bill favors"): no subject of an attitude */
  readonly nonHolders: ReadonlySet<string>;
  /** Words in -ly that are nouns ("family", "assembly"), never a manner adverb between a speaker and the verb. */
  readonly lyNouns: ReadonlySet<string>;
  /** words that negate the subject they open ("nobody", "none of"): a speech act denied, no attribution */
  readonly negativeSubjects: ReadonlySet<string>;
  /** what a speech gives out ("a statement", "a video", "on Twitter"): the frame a `needs` reporting verb requires */
  readonly speechObjects: ReadonlySet<string>;
  /** nouns for words voiced or displayed that news puts right before the quotation ("chants of", "a sign reading"), and the words between */
  readonly voiceNouns: ReadonlyMap<string, 'noun' | 'link'>;
  /** possessive pronouns with the role of the pronoun they stand for ("her" -> person) */
  readonly possessives: ReadonlyMap<string, PronounRole>;
  /** phrases that put the source after them ("according to"), as words */
  readonly sourcingPhrases: readonly (readonly string[])[];
  /** a participle and the word after it that report a view held by no one named after a form of be ("is seen as", "is considered") */
  readonly passiveViews: readonly (readonly string[])[];
  /** words that are the verb of a view only between a subject and what it holds ("Democrats fear the split"), with what they need */
  readonly bareAttitudeVerbs: ReadonlyMap<string, BareAttitudeRole>;
  /** prepositions that open the topic of a verb of speech ("boasted about the deal"), each with the verb lemmas it takes only or refuses */
  readonly speechTopics: ReadonlyMap<string, { readonly only: boolean; readonly verbs: ReadonlySet<string> }>;
  /** words of the labels that say what kind of item a headline is ("Exclusive:", "Watch:"), not who speaks */
  readonly headlineLabels: ReadonlySet<string>;
  /** phrases that name a quotation's speaker without a verb ("as * put it", "in * words"), as words, `*` where the speaker goes */
  readonly quoteFrames: readonly (readonly string[])[];
};

// The forms given `role` in a table of roles.
function formsWithRole<R extends string>(table: ReadonlyMap<string, R>, role: R): Set<string> {
  return new Set([...table].filter(([, r]) => r === role).map(([form]) => form));
}

/** Builds the attribution word lists from their parsed files (`get` returns one by name); `weekdays` are time words too. */
export function buildAttributionWords(get: (name: string) => ParsedLexicon, weekdays: ReadonlySet<string>): AttributionWords {
  const words = (name: string): Set<string> => {
    const lexicon = get(name);
    const found = new Set<string>();
    for (const entry of lexicon.entries) {
      for (const form of inflectEntry(entry)) {
        // Looked up a token at a time: a phrase could never match.
        if (form.includes(' ')) throw new LexiconError('entry', lexicon.file, entry.line, form, 'expected a single word: this list is looked up one word at a time');
        found.add(form);
      }
    }
    return found;
  };
  const roles = <R extends string>(name: string, allowed: readonly R[]): Map<string, R> => {
    const lexicon = get(name);
    const found = new Map<string, R>();
    for (const entry of lexicon.entries) {
      const role = entry.note as R | undefined;
      if (role === undefined || !allowed.includes(role)) throw new LexiconError('entry', lexicon.file, entry.line, entry.note ?? entry.term, `expected a note naming the role: ${allowed.join(', ')}`);
      found.set(entry.term, role);
    }
    return found;
  };
  // A role per entry, given to every inflected form (a noun's plural too).
  const inflectedRoles = <R extends string>(name: string, allowed: readonly R[]): Map<string, R> => {
    const lexicon = get(name);
    const checked = roles(name, allowed);
    const found = new Map<string, R>();
    for (const entry of lexicon.entries) {
      const role = checked.get(entry.term) as R;
      for (const form of inflectEntry(entry)) {
        if (form.includes(' ')) throw new LexiconError('entry', lexicon.file, entry.line, form, 'expected a single word: this list is looked up one word at a time');
        found.set(form, role);
      }
    }
    return found;
  };
  return {
    verbSkips: words('verb-skips'),
    timeWords: new Set([...weekdays, ...words('time-words')]),
    timePhraseWords: words('time-phrase-words'),
    speakerWords: words('speaker-words'),
    speakerAdjectives: words('speaker-adjectives'),
    speakerLinks: words('speaker-links'),
    pronouns: roles('pronouns', PRONOUN_ROLES),
    beForms: words('be-forms'),
    honorifics: words('honorifics'),
    locatives: words('locatives'),
    introductions: words('introductory-words'),
    adjuncts: words('adjunct-words'),
    addressees: words('addressees'),
    addresseeVerbs: words('addressee-verbs'),
    determiners: roles('determiners', DETERMINER_ROLES),
    clauseWords: roles('clause-words', CLAUSE_ROLES),
    speakerNouns: inflectedRoles('speaker-nouns', SPEAKER_KINDS),
    organisationWords: inflectedRoles('organisation-words', SPEAKER_KINDS),
    quantifiers: words('quantifiers'),
    regardVerbs: words('regard-verbs'),
    asAdverbials: words('as-adverbials'),
    questionWords: words('question-words'),
    participleSubordinators: words('participle-subordinators'),
    subordinators: words('subordinators'),
    frameWords: words('frame-words'),
    nounCues: nounCues(get('noun-cues')),
    attitudeAdjectives: nounCues(get('attitude-adjectives'), 'attitude'),
    stanceOpenings: words('stance-openings'),
    raisingVerbs: formsWithRole(inflectedRoles('raising-verbs', RAISING_ROLES), 'active'),
    passiveRaisingVerbs: formsWithRole(inflectedRoles('raising-verbs', RAISING_ROLES), 'passive'),
    purposeFrames: inflectedRoles('purpose-frames', PURPOSE_ROLES),
    nonHolders: words('non-holders'),
    lyNouns: words('ly-nouns'),
    negativeSubjects: words('negative-subjects'),
    speechObjects: words('speech-objects'),
    voiceNouns: roles('voice-nouns', VOICE_ROLES),
    stanceOpeningSource: `${get('stance-openings').name}@${get('stance-openings').header.version}`,
    voiceNounSource: `${get('voice-nouns').name}@${get('voice-nouns').header.version}`,
    nounCueSource: `${get('noun-cues').name}@${get('noun-cues').header.version}`,
    lightVerbs: words('light-verbs'),
    possessives: roles('possessive-pronouns', PRONOUN_ROLES),
    sourcingPhrases: get('sourcing-phrases').entries.map((entry) => entry.term.split(' ')),
    passiveViews: get('passive-views').entries.map((entry) => entry.term.split(' ')),
    bareAttitudeVerbs: roles('bare-attitude-verbs', BARE_ATTITUDE_ROLES),
    headlineLabels: words('headline-labels'),
    ...speechTopics(get('speech-topics')),
    quoteFrames: get('quote-frames').entries.map((entry) => {
      const frame = entry.term.split(' ');
      if (frame.filter((word) => word === '*').length !== 1) throw new LexiconError('entry', get('quote-frames').file, entry.line, entry.term, 'expected one * where the speaker goes');
      return frame;
    }),
  };
}

// "criticism of" (and "criticisms of") -> criticism: {of: speech}; every form is a word and one link word. The
// role is each entry's note, or `fixed` for a list whose entries all have one.
function nounCues(lexicon: ParsedLexicon, fixed?: NounCueRole): Map<string, Map<string, NounCueRole>> {
  const found = new Map<string, Map<string, NounCueRole>>();
  for (const entry of lexicon.entries) {
    const role = fixed ?? (entry.note as NounCueRole | undefined);
    if (role === undefined || !NOUN_CUE_ROLES.includes(role)) throw new LexiconError('entry', lexicon.file, entry.line, entry.note ?? entry.term, `expected a note naming the role: ${NOUN_CUE_ROLES.join(', ')}`);
    // The noun (or adjective) is the first word: "criticism of" inflects to "criticisms of", not "criticism ofs".
    for (const form of inflectEntry({ ...entry, head: entry.head ?? 0 })) {
      const [noun, link, ...rest] = form.split(' ');
      if (noun === undefined || link === undefined || rest.length > 0) throw new LexiconError('entry', lexicon.file, entry.line, form, 'expected a word and the one word that opens its content ("criticism of", "skeptical of")');
      const links = found.get(noun) ?? new Map<string, NounCueRole>();
      links.set(link, role);
      found.set(noun, links);
    }
  }
  return found;
}

// speech-topics.jsonl: a note of `any`, `only` and the verbs it takes, or `except` and the verbs it refuses ("except say tell").
function speechTopics(lexicon: ParsedLexicon): Pick<AttributionWords, 'speechTopics'> {
  const speechTopics = new Map<string, { only: boolean; verbs: ReadonlySet<string> }>();
  for (const entry of lexicon.entries) {
    const [role, ...verbs] = (entry.note ?? '').split(' ');
    if (role === 'any' && verbs.length === 0) speechTopics.set(entry.term, { only: false, verbs: new Set() });
    else if ((role === 'only' || role === 'except') && verbs.length > 0) speechTopics.set(entry.term, { only: role === 'only', verbs: new Set(verbs) });
    else throw new LexiconError('entry', lexicon.file, entry.line, entry.note ?? entry.term, 'expected a note: any, or only or except and the verbs');
  }
  return { speechTopics };
}

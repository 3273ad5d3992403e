/**
 * Named people and organisations the gazetteer does not know. Before resolution, every capitalised name in
 * the article is indexed once (`indexNames`): "Maria Lopez" as a `person:` id under her surname, "Acme
 * Corp" or "British Airways" as an `org:` id with the kind its words suggest. A speaker's name then
 * finds them (`namedSpeaker`): "Lopez" (or, spelt a little differently, "Lopes") the person named earlier,
 * even if she never spoke; an unknown single name is still named, never anonymous. Surnames are kept in a
 * map and spelling variants in buckets by first letters and length (spelling-variants.ts), so resolving is
 * linear in the article's names, not quadratic.
 */
import type { SpeakerKind } from '../../data/attribution-words.ts';
import { vocabularySize } from '../../text/vocabulary.ts';
import type { Scan } from './context.ts';
import { latestOrganisationOpening } from './organisation-lookups.ts';
import { personId, type LowerCaseAnswers, type NamedPerson, type SpeakerMemory } from './speaker-memory.ts';
import { addSpelling, closestSurname, latestBefore } from './spelling-variants.ts';
import type { SentenceRef, TokenSpan } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';
import { addShape, emptyShapeFilter, tokenMayBeIn } from './word-shapes.ts';

// A full personal name has at most this many words; a longer capitalised run is a title, a work or a body.
const MAX_NAME_WORDS = 3;
// The written form, not a word list: an acronym ("FEC") or an inner capital ("TimeWarner") names an organisation.
const ACRONYM = /^[A-Z]{2,6}$/;
const INNER_CAPITAL = /^[A-Z][a-z]+[A-Z][A-Za-z]*$/;

/** A name the gazetteer lacks: its id (`person:`, `org:`, or `name:` when its form does not tell) and its kind where the form tells. */
export type NamedSpeaker = { id: string; kind: 'person' | SpeakerKind | null };

/** Indexes the people and organisations the article names (changes `memory`); call once, before resolving. */
export function indexNames(scan: Scan, memory: SpeakerMemory): void {
  for (let s = 0; s < scan.sentences.length; s++) {
    const sentence = scan.sentences[s] as SentenceRef;
    const end = sentence.tokenEnd;
    // Runs visited as found: a list of them per sentence reserved 17 slots for the one run most sentences hold.
    for (let t = capitalRunStart(scan, sentence.tokenStart, end); t < end; ) {
      const run: TokenSpan = { t0: t, t1: capitalRunEnd(scan, t, end) };
      t = capitalRunStart(scan, run.t1, end);
      const organisation = organisationIn(scan, run);
      if (organisation !== null) {
        rememberOrganisation(scan, memory, organisation.run, organisation.kind);
        continue;
      }
      // Only full names are indexed: a run of one word is none, and a single name needs no common-noun test.
      if (run.t1 - run.t0 < 2) continue;
      const names = personalName(scan, memory, run, false);
      if (names.length >= 2) rememberPerson(memory, names, run.t0);
    }
  }
}

/** The name in a speaker phrase that the gazetteer does not know, resolved against the names indexed before it; null when the phrase holds none. */
export function namedSpeaker(scan: Scan, memory: SpeakerMemory, speaker: TokenSpan): NamedSpeaker | null {
  const { tokens } = scan.article;
  const capitalised = capitalRuns(scan, speaker.t0, speaker.t1);
  for (const run of capitalised) {
    const organisation = organisationIn(scan, run);
    if (organisation !== null) return { id: rememberOrganisation(scan, memory, organisation.run, organisation.kind), kind: organisation.kind };
  }
  // The first full name in the phrase is the speaker's, else its last single name ("Finance Director Karen
  // Whitlow", "Mr. Holt"). "Sixty percent": a capitalised number before a quantity is no name.
  let names: readonly string[] | undefined;
  for (const run of capitalised) {
    // The class bit first: most runs end before a word that is no speaker noun, and one hashed look-up a run showed in the profile.
    if (inClass(scan.classes, run.t1, WORD_CLASS.speakerNoun) && scan.words.speakerNouns.get(tokens.norm[run.t1] as string) === 'quantity') continue;
    const found = personalName(scan, memory, run, true);
    if (found.length >= 2) {
      names = found;
      break;
    }
    if (found.length > 0) names = found;
  }
  if (names === undefined) return null;
  if (names.length >= 2) return { id: personId(rememberPerson(memory, names, speaker.t0)), kind: 'person' };
  const surname = names[0] as string;
  const earlier = latestBefore(memory.people.get(surname), speaker.t0) ?? closestSurname(memory, surname, speaker.t0);
  if (earlier !== null) return { id: personId(earlier), kind: 'person' };
  const organisation = latestOrganisationOpening(memory, surname, speaker.t0);
  if (organisation !== undefined) return { id: organisation.id, kind: organisation.kind };
  // "Mr. Holt", "Sen. Holt": an honorific or a title says the name is a person's; a bare one does not.
  let titled = false;
  for (let t = speaker.t0; t < speaker.t1; t++) if (scan.titleAt[t] !== undefined || inClass(scan.classes, t, WORD_CLASS.honorific)) titled = true;
  if (titled) return { id: personId(rememberPerson(memory, names, speaker.t0)), kind: 'person' };
  return { id: `name:${surname}`, kind: null };
}

// Runs of adjacent capitalised tokens in [t0, t1) that no gazetteer actor, title or sentence starter takes.
function capitalRuns(scan: Scan, t0: number, t1: number): TokenSpan[] {
  const runs: TokenSpan[] = [];
  for (let t = capitalRunStart(scan, t0, t1); t < t1; ) {
    const run: TokenSpan = { t0: t, t1: capitalRunEnd(scan, t, t1) };
    runs.push(run);
    t = capitalRunStart(scan, run.t1, t1);
  }
  return runs;
}

// The first token at or after `t` (before `t1`) that can open a capitalised run; t1 when none can. Most tokens
// are lower-case and stop at inCapitalRun's first test, one byte.
function capitalRunStart(scan: Scan, t: number, t1: number): number {
  while (t < t1 && !inCapitalRun(scan, t)) t++;
  return t;
}

// Whether token `t` can be part of a capitalised run: capitalised, and no gazetteer actor, title, dateline,
// quotation, sentence starter or pronoun (read by class, word-classes.ts).
function inCapitalRun(scan: Scan, t: number): boolean {
  return scan.capital[t] === 1 && scan.actorAt[t] === -1 && scan.titleAt[t] === undefined && scan.excluded[t] === 0 && scan.article.quotedToken[t] === 0 && ((scan.classes[t] as number) & WORD_CLASS.notInRun) === 0;
}

// Where the run opening at `t` ends (before `t1`): at the first token outside a run or after a break.
function capitalRunEnd(scan: Scan, t: number, t1: number): number {
  const { breakBefore } = scan.article.tokens;
  let end = t + 1;
  while (end < t1 && breakBefore[end] !== 1 && inCapitalRun(scan, end)) end++;
  return end;
}

// An organisation's name in a run: up to its last organisation word, or an acronym or inner-capital word alone.
function organisationIn(scan: Scan, run: TokenSpan): { run: TokenSpan; kind: SpeakerKind } | null {
  const { tokens, text } = scan.article;
  for (let t = run.t1 - 1; t >= run.t0; t--) {
    const kind = inClass(scan.classes, t, WORD_CLASS.organisationWord) ? scan.words.organisationWords.get(tokens.norm[t] as string) : undefined;
    // A lone "Post" or "Office" is not enough: the word must end a name of two or more words.
    if (kind !== undefined && t > run.t0) return { run: { t0: run.t0, t1: t + 1 }, kind };
  }
  // Both forms hold two capitals at least: most single words are read without slicing them out.
  if (run.t1 - run.t0 === 1 && (tokens.capitals[run.t0] as number) >= 2) {
    const raw = text.slice(tokens.start[run.t0] as number, tokens.end[run.t0] as number);
    if (ACRONYM.test(raw) || INNER_CAPITAL.test(raw)) return { run, kind: 'organisation' };
  }
  return null;
}

// The words of a personal name in a run, without honorifics and speaker words; empty when the run is no name.
// A `single` name is tested for a common noun opening a sentence; without it a one-word result is left untested (the index ignores it).
function personalName(scan: Scan, memory: SpeakerMemory, run: TokenSpan, single: boolean): readonly string[] {
  const { tokens } = scan.article;
  // Speaker words, speaker nouns and organisation words, read by class (word-classes.ts).
  const { classes } = scan;
  // Counted before any array is made: most runs the index reads (and many a speaker's) are no name, and
  // their words were gathered only to be dropped.
  let count = 0;
  for (let t = run.t0; t < run.t1; t++) {
    if (scan.countryAt[t] !== undefined || ((classes[t] as number) & WORD_CLASS.notPersonal) !== 0) return NO_NAMES;
    if (count === 0 && inClass(classes, t, WORD_CLASS.honorific)) continue;
    count++;
  }
  if (count === 0) return NO_NAMES;
  // A sentence's first word that the article also writes in lower case is a common noun ("Investigators said").
  if (single && count === 1 && scan.sentenceStarts.has(run.t0) && writtenInLowerCase(scan, memory, run.t0)) return NO_NAMES;
  // Past MAX_NAME_WORDS only the last two words are kept; the words are the run's last `count` tokens (honorifics only open it).
  const kept = count > MAX_NAME_WORDS ? 2 : count;
  return tokens.bare.slice(run.t1 - kept, run.t1);
}

// No name: shared, never changed (callers only read a result's length and words).
const NO_NAMES: readonly string[] = Object.freeze([]);

// Only a few sentence openers an article are asked about: each is answered by one pass over the token ids
// (no string read for a word with an id) and kept; past this many words, the lower-case forms of every
// sentence opener are gathered in one pass (`lowerCaseForms`), so the cost stays linear whatever the text.
const LOWER_CASE_QUESTIONS = 8;

// Whether the article writes the word opening a sentence at token `t` in lower case too. The answers live in
// the article's memory (a map keyed by the scan cost a weak-map entry per article).
function writtenInLowerCase(scan: Scan, memory: SpeakerMemory, t: number): boolean {
  const answers: LowerCaseAnswers = (memory.lowerCase ??= { asked: new Map(), forms: undefined });
  const { article, capital } = scan;
  const { norm, ids, count } = article.tokens;
  const word = norm[t] as string;
  if (answers.forms !== undefined) return answers.forms.has(word);
  const known = answers.asked.get(word);
  if (known !== undefined) return known;
  if (answers.asked.size >= LOWER_CASE_QUESTIONS) {
    answers.forms = lowerCaseForms(scan);
    return answers.forms.has(word);
  }
  // A text's ids are read together, so a word has the same id (or none) in all its tokens.
  const id = ids[t] as number;
  let found = false;
  if (id >= 0) {
    for (let k = 0; k < count && !found; k++) found = ids[k] === id && capital[k] === 0;
  } else {
    // A word no table knows (most names): a token's folded form is `folded.slice(start, end)`, so its length and
    // first unit are read from the offsets, and its string only when both match (a shape filter of one word
    // hashed every lower-case token without an id; these scans were 0.4% of a PolNeAR pass).
    const { start, end } = article.tokens;
    const { folded } = article;
    const length = word.length;
    const first = word.charCodeAt(0);
    for (let k = 0; k < count && !found; k++) {
      if ((ids[k] as number) >= 0 || capital[k] !== 0) continue;
      const from = start[k] as number;
      found = (end[k] as number) - from === length && folded.charCodeAt(from) === first && norm[k] === word;
    }
  }
  answers.asked.set(word, found);
  return found;
}

// Per word id, 1 while an article's sentences open with that word (2 once it is found in lower case); all 0
// between articles. A word any table knows is tested with one array read, no string hashed.
let openingIds = new Uint8Array(0);
// The forms of sentences' first words that the article also writes in lower case. Only a sentence's first
// word is ever asked about, so only those forms are kept (a set of every lower-case form cost a hash insert
// per token), and a bit per word shape (word-shapes.ts) skips most tokens before any hashing. A word with an id
// (the same id in every token of the text, since a text's ids are read together) is matched by id instead.
function lowerCaseForms(scan: Scan): Set<string> {
  const { norm, count, ids } = scan.article.tokens;
  const firstWords = new Set<string>();
  const shapes = emptyShapeFilter();
  // The opening words' ids by their low bits, small enough to stay in the processor's cache: most tokens are
  // passed over without reading the table by id, which is as large as the vocabulary.
  const idBits = new Uint32Array(32);
  if (openingIds.length < vocabularySize()) openingIds = new Uint8Array(vocabularySize() * 2);
  const marked: number[] = [];
  const found = new Set<string>();
  try {
    for (let s = 0; s < scan.sentences.length; s++) {
      const t = (scan.sentences[s] as SentenceRef).tokenStart;
      if (t >= count) continue;
      const id = ids[t] as number;
      if (id >= 0) {
        if (openingIds[id] === 0) marked.push(id);
        openingIds[id] = 1;
        idBits[(id & 1023) >>> 5] = (idBits[(id & 1023) >>> 5] as number) | (1 << (id & 31));
        continue;
      }
      const word = norm[t] as string;
      firstWords.add(word);
      addShape(shapes, word);
    }
    for (let t = 0; t < count; t++) {
      if (scan.capital[t] !== 0) continue;
      const id = ids[t] as number;
      if (id >= 0) {
        if (((idBits[(id & 1023) >>> 5] as number) & (1 << (id & 31))) !== 0 && openingIds[id] === 1) {
          found.add(norm[t] as string);
          openingIds[id] = 2;
        }
        continue;
      }
      // Tested from the token's offsets first: its string is read only when its shape may be a first word's.
      if (firstWords.size === 0 || !tokenMayBeIn(shapes, scan.article, t)) continue;
      const word = norm[t] as string;
      if (firstWords.has(word)) found.add(word);
    }
  } finally {
    for (const id of marked) openingIds[id] = 0;
  }
  return found;
}

// Indexes a full name where it is named (the first place kept, entries in text order); the name as indexed.
function rememberPerson(memory: SpeakerMemory, names: readonly string[], at: number): NamedPerson {
  const surname = names[names.length - 1] as string;
  let entries = memory.people.get(surname);
  if (entries === undefined) {
    entries = [];
    memory.people.set(surname, entries);
    if (memory.spellings !== undefined) addSpelling(memory.spellings, surname);
  }
  // A name met again is indexed already: compared with each name of its surname, or, once many share it, found by its words joined.
  const byName = entries.length < SHARED_SURNAME ? undefined : namesSharing(memory, surname, entries);
  const joined = byName === undefined ? '' : names.join('-');
  if (byName === undefined) {
    for (let e = 0; e < entries.length; e++) if (sameName((entries[e] as NamedPerson).names, names)) return entries[e] as NamedPerson;
  }
  const known = byName?.get(joined);
  if (known !== undefined) return known;
  const person: NamedPerson = { names, at, id: undefined };
  entries.push(person);
  byName?.set(joined, person);
  // Kept in text order: sorted again (stably) only when the new name comes before the last one.
  if (entries.length > 1 && (entries[entries.length - 2] as NamedPerson).at > at) entries.sort((a, b) => a.at - b.at);
  return person;
}

// A surname shared by this many names finds a name met again by its words joined (what `sameName` compares),
// not by comparing it with each: 1 MB of "<made-up name> Berg met officials. Berg said ..." compared every name
// with every other (x91 the time of 100 KB).
const SHARED_SURNAME = 16;

// The names sharing `surname`, by their words joined; made from `entries` (its names, all different) when first asked.
function namesSharing(memory: SpeakerMemory, surname: string, entries: readonly NamedPerson[]): Map<string, NamedPerson> {
  const shared = (memory.sharedSurnames ??= new Map());
  let byName = shared.get(surname);
  if (byName === undefined) {
    byName = new Map();
    for (const entry of entries) byName.set(entry.names.join('-'), entry);
    shared.set(surname, byName);
  }
  return byName;
}

// Whether two names have the same `person:` id: the same words, or words that join to the same text
// ("Jean-Paul Roux" and "Jean Paul-Roux"), compared joined only when their lengths allow it.
function sameName(some: readonly string[], others: readonly string[]): boolean {
  if (some.length === others.length) {
    let same = true;
    for (let w = 0; w < some.length && same; w++) same = some[w] === others[w];
    if (same) return true;
  }
  let length = some.length - others.length;
  for (const word of some) length += word.length;
  for (const word of others) length -= word.length;
  return length === 0 && some.join('-') === others.join('-');
}

function rememberOrganisation(scan: Scan, memory: SpeakerMemory, run: TokenSpan, kind: SpeakerKind): string {
  const { bare } = scan.article.tokens;
  // The id is concatenated, and the list of words made only for an organisation named the first time: every
  // run of every organisation comes here (the index, then each speaker phrase), and a list and a join a run
  // were most of this function's time.
  let id = `org:${bare[run.t0] as string}`;
  for (let t = run.t0 + 1; t < run.t1; t++) id += `-${bare[t] as string}`;
  // Indexed where first named (the index runs in text order, before any speaker is resolved).
  if (!memory.kinds.has(id)) memory.organisations.push({ id, at: run.t0, kind, words: bare.slice(run.t0, run.t1) });
  memory.kinds.set(id, kind);
  return id;
}

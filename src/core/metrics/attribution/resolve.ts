/**
 * Speaker resolution: from a speaker phrase to an actor. A pronoun finds an actor named earlier in its
 * sentence or the last speaker; a gazetteer person or body named in the phrase is the actor; an unknown
 * full name becomes a `person:` found again by its surname; a title ("the spokesman") finds an earlier
 * speaker holding it or the one gazetteer holder for the body or country named. What earlier speakers
 * established is kept in a `SpeakerMemory` (speaker-memory.ts), so findings are resolved in text order.
 */
import type { PronounRole } from '../../data/attribution-words.ts';
import type { Actor } from '../../data/index.ts';
import { markAnonymity, type Scan } from './context.ts';
import { precededByLocative } from './mentions.ts';
import { withNestedBounds } from './nested-bounds.ts';
import { countryIn, isPercentage } from './noun-phrase-speakers.ts';
import { addBodiesNamed, earlierMentions, mentionsBefore, personMentionedSince } from './earlier-mentions.ts';
import { indexNames, namedSpeaker } from './people.ts';
import { addOrganisationsNamed } from './organisation-lookups.ts';
import { kindOf, type SpeakerMemory } from './speaker-memory.ts';
import { sideOfActor, sideOfSpeaker } from './speaker-sides.ts';
import { subjectBeforeInfinitive, withoutContraction } from './speech-subjects.ts';
import { contentRange, cueSpanOf, phraseOf, rawAttribution, speakerRange, type Draft, type Finding, type Range, type RawAttribution, type SpeakerKind, type TokenSpan } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';
import { listToFill } from '../../text/lists.ts';

// A title whose gazetteer holders belong to more bodies than this cannot place a speaker by context.
const MAX_TITLE_BODIES = 2;
// An earlier speaker with the title is looked for among this many latest attributions.
const TITLE_HISTORY = 12;

/** Resolves the findings of every pass in text order (stable for equal offsets); the result is sorted by content start, each content ended before an inner attribution's clause (nested-bounds.ts). */
export function resolveFindings(scan: Scan, findings: readonly Finding[], memory: SpeakerMemory): RawAttribution[] {
  // Nearly one attribution a finding: made at that length when long (grown by push, a megabyte's 65,000 regrew
  // in V8's large-object space), appended to past it, cut to what was made.
  const attributions = listToFill<RawAttribution>(findings.length);
  let count = 0;
  const made = new Map<Finding, RawAttribution[]>();
  // Only a finding some continuation points back to needs its attributions kept (most articles have none).
  const pointedBack = new Set<Finding>();
  for (let f = 0; f < findings.length; f++) {
    const finding = findings[f] as Finding;
    if ('continues' in finding) pointedBack.add(finding.continues);
  }
  if (memory.made === 0 && memory.people.size === 0 && memory.organisations.length === 0) indexNames(scan, memory);
  // Copied to be sorted only when out of order (the sort is stable, so a sorted list is left as it is): a
  // copy of a megabyte's 65,000 findings was a large object.
  const ordered = byOrder(findings) ? findings : [...findings].sort((a, b) => a.order - b.order);
  for (let f = 0; f < ordered.length; f++) {
    const finding = ordered[f] as Finding;
    let out: RawAttribution[];
    if (!('continues' in finding)) out = finding.pending ? attribute(scan, memory, finding) : [finding];
    else {
      const first = made.get(finding.continues)?.[0];
      if (first === undefined) continue;
      // The speaker is named once, where the quotation began; the continuation points back to that name.
      const continued = rawAttribution(finding.paragraph, first.mode, null, speakerRange(first), { start: finding.contentStart, end: finding.contentEnd }, first.actor, first.side, first.anonymous);
      continued.anonymityReason = first.anonymityReason;
      continued.speakerKind = first.speakerKind;
      out = [continued];
    }
    if (pointedBack.size > 0 && pointedBack.has(finding)) made.set(finding, out);
    for (let a = 0; a < out.length; a++) attributions[count++] = out[a] as RawAttribution;
  }
  if (count < attributions.length) attributions.length = count;
  if (!inTextOrder(attributions)) attributions.sort((a, b) => textOrder(a) - textOrder(b) || a.paragraph - b.paragraph);
  return withNestedBounds(scan, attributions);
}

function byOrder(findings: readonly Finding[]): boolean {
  for (let f = 1; f < findings.length; f++) if ((findings[f - 1] as Finding).order > (findings[f] as Finding).order) return false;
  return true;
}

// Where an attribution sorts: its content's start, else its cue's.
function textOrder(a: RawAttribution): number {
  return a.contentStart >= 0 ? a.contentStart : a.cue !== null ? a.cueStart : 0;
}

// Whether the attributions are sorted already (most articles' are, the passes' findings being resolved in
// text order), so that the stable sort would leave them as they are.
function inTextOrder(attributions: readonly RawAttribution[]): boolean {
  for (let i = 1; i < attributions.length; i++) {
    const a = attributions[i - 1] as RawAttribution;
    const b = attributions[i] as RawAttribution;
    if ((textOrder(a) - textOrder(b) || a.paragraph - b.paragraph) > 0) return false;
  }
  return true;
}

/**
 * The attributions of one pending draft, one per actor its speaker names; adds them to `memory`'s latest and
 * unnamed sources. The first is the draft itself, filled in: a second object per finding lived as long as the first.
 */
export function attribute(scan: Scan, memory: SpeakerMemory, draft: Draft): RawAttribution[] {
  const { tokens } = scan.article;
  // Whatever pass found the speaker phrase, one that runs into the cue's infinitive is cut to its subject.
  const found = phraseOf(draft);
  const phrase = found === null || draft.cue === null ? found : subjectBeforeInfinitive(scan, found, draft.cueStart);
  const speaker = phrase === null ? null : { start: tokens.start[phrase.t0] as number, end: speakerEnd(scan, phrase) };
  const { actors, side, kind } = phrase === null ? { actors: [null], side: null, kind: null } : resolveSpeaker(scan, memory, phrase, draft);
  // Anonymous means unnamed and unidentified: a person's role with no name ("a senior Russian diplomat",
  // "U.S. officials", or "the official" after one); never a name, a definite role the article identifies
  // ("the president"), an organisation, a document or a share of respondents.
  const anonymous = phrase !== null && actors[0] === null && pronounRole(scan, phrase.t0) === undefined && unnamedSource(scan, memory, phrase);
  // As long as its actors (nearly always one): a push onto [] reserved 17 slots per draft.
  const made = new Array<RawAttribution>(actors.length);
  for (let a = 0; a < actors.length; a++) {
    const actor = actors[a] as string | null;
    const sideOf = actor !== null ? sideOfSpeaker(scan.lexicons, memory.personSide, actor) : (side ?? 'unaligned');
    const attribution = a === 0 ? filledIn(draft, speaker, actor, sideOf, anonymous) : rawAttribution(draft.paragraph, draft.mode, cueSpanOf(draft), speaker, contentRange(draft), actor, sideOf, anonymous);
    const speakerKind = actor === null ? kind : (kindOf(memory, actor) ?? kind);
    if (speakerKind !== null) attribution.speakerKind = speakerKind;
    if (scan.sentences[draft.sentence] !== undefined) markAnonymity(scan, attribution, draft.sentence);
    made[a] = attribution;
    memory.recent[memory.made % TITLE_HISTORY] = attribution;
    memory.made++;
    rememberLatest(scan, memory, attribution);
  }
  // Declining to comment is a right-of-reply attempt, not a source speaking: never anonymous.
  if (draft.mode === 'non-response') {
    for (const attribution of made) {
      attribution.anonymous = false;
      attribution.anonymityReason = undefined;
    }
  }
  if (draft.target !== undefined) for (const attribution of made) attribution.target = draft.target;
  // Kept once final: nothing changes an attribution's anonymity or speaker after this.
  for (const attribution of made) if (attribution.anonymous && attribution.actor === null && attribution.speakerStart >= 0) memory.unnamed.push(attribution);
  return made;
}

// The draft as its first attribution: what resolving it found, set in place.
function filledIn(draft: Draft, speaker: Range | null, actor: string | null, side: string, anonymous: boolean): Draft {
  draft.speakerStart = speaker === null ? -1 : speaker.start;
  draft.speakerEnd = speaker === null ? -1 : speaker.end;
  draft.actor = actor;
  draft.side = side;
  draft.anonymous = anonymous;
  return draft;
}

type Resolved = { actors: (string | null)[]; side: string | null; kind: 'person' | SpeakerKind | null };

function resolveSpeaker(scan: Scan, memory: SpeakerMemory, sp: TokenSpan, draft: Draft): Resolved {
  const { lexicons } = scan;
  if (sp.t1 - sp.t0 === 1 && pronounRole(scan, sp.t0) !== undefined) {
    const actor = pronounActor(scan, memory, sp, draft.sentence);
    return { actors: [actor], side: actor === null ? null : sideOfSpeaker(lexicons, memory.personSide, actor), kind: null };
  }
  const named = actorsIn(scan, sp);
  const persons: string[] = [];
  const bodies: string[] = [];
  for (const id of named) (lexicons.actors.get(id)?.kind === 'person' ? persons : bodies).push(id);
  const country = countryIn(scan, sp.t0, sp.t1) ?? (bodies[0] === undefined ? null : sideOfActor(lexicons, bodies[0]));
  const titles = titlesIn(scan, sp);
  const several = hasAnd(scan, sp);
  if (persons.length > 0) return { actors: several ? named : persons, side: null, kind: 'person' };
  const found = namedSpeaker(scan, memory, sp);
  if (found !== null) {
    const unknown = found.id;
    // A company takes no country's side by its name alone ("British Airways"); a person or an agency may.
    if (!memory.personSide.has(unknown) && found.kind !== 'company') {
      const side = country ?? earlierTitleSide(memory, titles, draft.paragraph) ?? titleContextSide(scan, titles, draft.paragraph);
      if (side !== null) memory.personSide.set(unknown, side);
    }
    if (titles.length > 0 && !memory.personTitles.has(unknown)) memory.personTitles.set(unknown, titles);
    return { actors: [unknown], side: null, kind: found.kind };
  }
  // An unnamed title holder of a known country ("Britain's fisheries minister"), for a name given later.
  if (country !== null && !several) for (const title of titles) memory.titleSides.set(title, { side: country, paragraph: draft.paragraph });
  const titled = byTitle(scan, memory, sp, titles, bodies, country);
  if (titled !== null) return { actors: [titled], side: null, kind: 'person' };
  if (bodies.length > 0) return { actors: several ? bodies : [bodies[bodies.length - 1] as string], side: null, kind: null };
  const head = headNoun(scan, sp);
  const kind = head === null ? (titles.length > 0 ? 'person' : null) : (scan.words.speakerNouns.get(head) ?? null);
  const referent = head === null || several ? null : organisationReferent(scan, memory, sp, head);
  if (referent !== null) return { actors: [referent], side: null, kind: kindOf(memory, referent) ?? kind };
  return { actors: [null], side: kind === 'company' ? null : (country ?? titleContextSide(scan, titles, draft.paragraph)), kind };
}

// The common noun a speaker phrase is about: the last speaker noun before a link or comma ("the company",
// "a spokeswoman for the company" has none: its head is a title), or null.
function headNoun(scan: Scan, sp: TokenSpan): string | null {
  const { tokens } = scan.article;
  let head: string | null = null;
  // Speaker links and nouns by word class (word-classes.ts), not by string.
  for (let t = sp.t0; t < sp.t1; t++) {
    if (t > sp.t0 && (tokens.breakBefore[t] === 1 || inClass(scan.classes, t, WORD_CLASS.speakerLink))) break;
    if (scan.titleAt[t] !== undefined) head = null;
    else if (inClass(scan.classes, t, WORD_CLASS.speakerNoun)) head = tokens.norm[t] as string;
  }
  return head;
}

// "The company said", "the ministry said": the one organisation of that kind (or whose name holds the noun)
// the article named before, gazetteer bodies included; null when there is none or more than one.
function organisationReferent(scan: Scan, memory: SpeakerMemory, sp: TokenSpan, head: string): string | null {
  if (scan.words.determiners.get(scan.article.tokens.norm[sp.t0] as string) !== 'definite') return null;
  const kind = scan.words.speakerNouns.get(head);
  if (kind === undefined || kind === 'group' || kind === 'quantity' || kind === 'document' || kind === 'poll') return null;
  const singular = scan.article.tokens.norm[sp.t1 - 1] === head ? head.replace(/ies$/, 'y').replace(/s$/, '') : head;
  const candidates = new Set<string>();
  addOrganisationsNamed(memory, singular, kind === 'company', sp.t0, candidates);
  addBodiesNamed(scan, (memory.earlierMentions ??= earlierMentions()), singular, mentionsBefore(scan, sp.t0, 'tokenStart'), candidates);
  return candidates.size === 1 ? ([...candidates][0] as string) : null;
}

// A person's role with no name: indefinite, a number or a bare plural ("a senior diplomat", "two officials",
// "officials"), or a definite role ("the official", "its spokesman") taking up an earlier anonymous speaker's title.
function unnamedSource(scan: Scan, memory: SpeakerMemory, sp: TokenSpan): boolean {
  const { tokens } = scan.article;
  if (headNoun(scan, sp) !== null) return false;
  for (let t = sp.t0; t < sp.t1; t++) if (scan.capital[t] === 1 && scan.titleAt[t] === undefined && scan.countryAt[t] === undefined && scan.actorAt[t] === -1 && !scan.lexicons.abbreviations.starters.has(tokens.norm[t] as string)) return false;
  const first = tokens.norm[sp.t0] as string;
  const role = scan.words.determiners.get(first);
  // "the", and the possessives the not-names list holds ("its", "their"), point at someone the article identifies.
  const definite = role === 'definite' || (role === undefined && scan.lexicons.words.notNames.has(first));
  if (!definite) return true;
  const titles = titlesIn(scan, sp);
  return titles.some((title) => unnamedWithTitle(scan, memory, title));
}

// Whether the speaker's text of an earlier anonymous unnamed source holds `title` ("a spokesman for the ministry"
// before "the spokesman"). Once one does, every later one asking finds it; until then each source is read once a
// title (a read of them all per speaker made a megabyte of "A senior diplomat said ... The spokesman said ..." take 30-50 times as long as 100 KB).
function unnamedWithTitle(scan: Scan, memory: SpeakerMemory, title: string): boolean {
  const asked = (memory.unnamedTitles ??= new Map());
  let seen = asked.get(title);
  if (seen === undefined) asked.set(title, (seen = { read: 0, found: false }));
  for (; !seen.found && seen.read < memory.unnamed.length; seen.read++) {
    const previous = memory.unnamed[seen.read] as RawAttribution;
    seen.found = scan.article.text.slice(previous.speakerStart, previous.speakerEnd).toLowerCase().includes(title);
  }
  return seen.found;
}

// Gazetteer actors named in a speaker phrase, leaving out places it only locates ("the Embassy in Moscow").
function actorsIn(scan: Scan, speaker: TokenSpan): string[] {
  const found: string[] = [];
  for (let t = speaker.t0; t < speaker.t1; t++) {
    // -1 (no actor) is not read as an index: the property '-1' is a slow generic look-up.
    const at = scan.actorAt[t] as number;
    const mention = at < 0 ? undefined : scan.mentions[at];
    if (mention === undefined) continue;
    t = mention.tokenEnd - 1;
    if (mention.tokenStart > speaker.t0 && precededByLocative(scan.article, scan.words, mention.tokenStart)) continue;
    if (!found.includes(mention.actor)) found.push(mention.actor);
  }
  return found;
}

// "Lavrov and Blinken said": a coordinated phrase speaks for every actor it names.
function hasAnd(scan: Scan, speaker: TokenSpan): boolean {
  for (let t = speaker.t0; t < speaker.t1; t++) if (inClass(scan.classes, t, WORD_CLASS.clauseWord) && scan.words.clauseWords.get(scan.article.tokens.norm[t] as string) === 'coordinator') return true;
  return false;
}

function titlesIn(scan: Scan, speaker: TokenSpan): string[] {
  const titles: string[] = [];
  for (let t = speaker.t0; t < speaker.t1; t++) {
    const title = scan.titleAt[t];
    // (Not read at -1 when empty: one such read makes the site's every look-up a slow generic one.)
    if (title !== undefined && (titles.length === 0 || titles[titles.length - 1] !== title)) titles.push(title);
  }
  return titles;
}

// "the spokesman", "The Russian president": an earlier speaker with that title, or the one gazetteer
// person holding it for a body or country the phrase names. Indefinite phrases ("a senior diplomat") stay unnamed.
function byTitle(scan: Scan, memory: SpeakerMemory, speaker: TokenSpan, titles: readonly string[], bodies: readonly string[], country: string | null): string | null {
  const { lexicons } = scan;
  if (titles.length === 0) return null;
  for (let h = memory.made - 1; h >= 0 && h >= memory.made - TITLE_HISTORY; h--) {
    const previous = memory.recent[h % TITLE_HISTORY] as RawAttribution;
    if (previous.actor === null) continue;
    const previousTitles = lexicons.actors.get(previous.actor)?.titles ?? memory.personTitles.get(previous.actor) ?? [];
    if (sharesTitle(previousTitles, titles) && (country === null || sideOfSpeaker(lexicons, memory.personSide, previous.actor) === country)) return previous.actor;
  }
  const determiner = scan.words.determiners.get(scan.article.tokens.norm[speaker.t0] as string);
  if (determiner === 'indefinite' || determiner === 'numeral') return null;
  if (bodies.length === 0 && country === null) return null;
  // The body named in the phrase decides first ("The Kremlin spokesman"), then the country ("the Russian president").
  // Only whether exactly one holder fits matters: a common title has hundreds of holders, counted without
  // gathering them (an actor holding two of the titles is one holder).
  const ofBody = { one: undefined as Actor | undefined, several: false };
  const ofCountry = { one: undefined as Actor | undefined, several: false };
  for (const title of titles) {
    for (const actor of lexicons.titleHolders.get(title) ?? []) {
      if (actor.memberOf !== undefined && bodies.includes(actor.memberOf)) countHolder(ofBody, actor);
      if (country !== null && actor.country === country) countHolder(ofCountry, actor);
    }
  }
  if (ofBody.one !== undefined && !ofBody.several) return ofBody.one.id;
  return ofBody.one === undefined && ofCountry.one !== undefined && !ofCountry.several ? ofCountry.one.id : null;
}

// Keeps the first holder that fits and whether a different one fits too.
function countHolder(count: { one: Actor | undefined; several: boolean }, actor: Actor): void {
  if (count.one === undefined) count.one = actor;
  else if (count.one !== actor) count.several = true;
}

// Whether two lists of titles share one.
function sharesTitle(some: readonly string[], others: readonly string[]): boolean {
  for (const title of some) if (others.includes(title)) return true;
  return false;
}

// The side a title implies from context: "Secretary General Henrik Aalto" in a story about NATO.
function titleContextSide(scan: Scan, titles: readonly string[], paragraph: number): string | null {
  if (titles.length === 0) return null;
  let bodies = titleBodies(scan.lexicons.titleHolders, titles[0] as string);
  if (titles.length > 1) {
    const all = new Set<string>();
    for (const title of titles) for (const body of titleBodies(scan.lexicons.titleHolders, title)) all.add(body);
    bodies = all;
  }
  // A title held across many bodies ("spokesman") says nothing about which one.
  if (bodies.size === 0 || bodies.size > MAX_TITLE_BODIES) return null;
  // Mentions are in text order, so by paragraph: start from the last one in this paragraph or before.
  const { mentions } = scan;
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((mentions[mid] as (typeof mentions)[number]).paragraph <= paragraph) lo = mid + 1;
    else hi = mid;
  }
  for (let m = lo - 1; m >= 0; m--) {
    const mention = mentions[m] as (typeof mentions)[number];
    // Mentions are in text order: every one before this is further back too.
    if (mention.paragraph < paragraph - 2) break;
    if (bodies.has(mention.actor)) return sideOfActor(scan.lexicons, mention.actor);
  }
  return null;
}

// The bodies whose members hold `title` (titleHolders' actors with a `memberOf`), made once per title: a
// common title ("spokesman", "minister") has hundreds of holders, read again at every speaker holding it.
const bodiesByTitle = new WeakMap<ReadonlyMap<string, readonly Actor[]>, Map<string, ReadonlySet<string>>>();

function titleBodies(titleHolders: ReadonlyMap<string, readonly Actor[]>, title: string): ReadonlySet<string> {
  let byTitle = bodiesByTitle.get(titleHolders);
  if (byTitle === undefined) bodiesByTitle.set(titleHolders, (byTitle = new Map()));
  let bodies = byTitle.get(title);
  if (bodies === undefined) {
    const made = new Set<string>();
    for (const actor of titleHolders.get(title) ?? []) if (actor.memberOf !== undefined) made.add(actor.memberOf);
    byTitle.set(title, (bodies = made));
  }
  return bodies;
}

// "France's maritime minister said ..." then "Minister Claire Dufresne said ...": the named minister is
// taken to be the one the article just introduced by country, if that was at most two paragraphs before.
function earlierTitleSide(memory: SpeakerMemory, titles: readonly string[], paragraph: number): string | null {
  for (const title of titles) {
    const earlier = memory.titleSides.get(title);
    if (earlier !== undefined && paragraph - earlier.paragraph <= 2) return earlier.side;
  }
  return null;
}

// Where a speaker's text ends: before the helper run into a lone pronoun ("He" of "He's predicting").
function speakerEnd(scan: Scan, speaker: TokenSpan): number {
  const { tokens } = scan.article;
  const end = tokens.end[speaker.t1 - 1] as number;
  // "42% say": the percent sign after a share is part of the speaker's text (a share opens with a digit).
  const lastCode = (tokens.norm[speaker.t1 - 1] as string).charCodeAt(0);
  if (lastCode >= 48 && lastCode <= 57 && isPercentage(scan, speaker.t1 - 1)) return end + 1;
  if (speaker.t1 - speaker.t0 !== 1) return end;
  const word = tokens.norm[speaker.t0] as string;
  const pronoun = withoutContraction(word);
  const start = tokens.start[speaker.t0] as number;
  // The helper is cut only when the token's text is the word as normalised (same length), so the span stays inside it.
  return pronoun !== word && scan.words.pronouns.has(pronoun) && end - start === word.length ? start + pronoun.length : end;
}

// The role of a pronoun at `t` (with its helper run into it: "he's predicting"), or of the pronoun a
// possessive stands for ("her criticism" -> person).
function pronounRole(scan: Scan, t: number): PronounRole | undefined {
  const word = scan.article.tokens.norm[t] as string;
  const bare = withoutContraction(word);
  // A word as written is looked up only when its class says it is listed (word-classes.ts): most speakers'
  // words are neither pronoun nor possessive. A pronoun with its helper run into it ("he's") is looked up.
  const pronoun = bare !== word || inClass(scan.classes, t, WORD_CLASS.pronoun) ? scan.words.pronouns.get(bare) : undefined;
  if (pronoun !== undefined) return pronoun;
  return inClass(scan.classes, t, WORD_CLASS.possessive) ? scan.words.possessives.get(word) : undefined;
}

function pronounActor(scan: Scan, memory: SpeakerMemory, speaker: TokenSpan, sentence: number): string | null {
  const { lexicons, mentions, article } = scan;
  const role = pronounRole(scan, speaker.t0);
  const ref = scan.sentences[sentence];
  // An actor named earlier in the same sentence ("Russia has dismissed ..., but it has warned").
  if (ref !== undefined && (role === 'body' || role === 'group')) {
    for (let t = speaker.t0 - 1; t >= ref.tokenStart; t--) {
      const at = scan.actorAt[t] as number;
      const mention = at < 0 ? undefined : mentions[at];
      if (mention === undefined) continue;
      const actor = lexicons.actors.get(mention.actor);
      if (actor !== undefined && actor.kind !== 'person') return actor.id;
    }
  }
  const wantsPerson = role === 'person' || role === 'self';
  const eitherKind = role === 'group' || role === 'own-group';
  // The latest earlier speaker of the kind the pronoun wants (kept as attributions are made, not searched for).
  const fromHistory = eitherKind ? memory.latest.any : wantsPerson ? memory.latest.person : memory.latest.other;
  // A gazetteer person named more recently than the last speaker ("Dmitry Peskov spoke on Monday. He said ...").
  if (role === 'person') {
    const pronounStart = article.tokens.start[speaker.t0] as number;
    const lastSpoke = fromHistory === undefined ? -1 : fromHistory.speakerStart >= 0 ? fromHistory.speakerStart : fromHistory.cue !== null ? fromHistory.cueStart : -1;
    const person = personMentionedSince(scan, (memory.earlierMentions ??= earlierMentions()), mentionsBefore(scan, pronounStart, 'start'), lastSpoke);
    if (person !== undefined) return person;
  }
  return fromHistory?.actor ?? null;
}

// Keeps `memory.latest` for pronouns: the kind of an actor is fixed, so the latest of each kind is known as
// each attribution is made (a search back through the history made a long article of anonymous quotes quadratic).
function rememberLatest(scan: Scan, memory: SpeakerMemory, attribution: RawAttribution): void {
  if (attribution.actor === null) return;
  // A `person:` id is no gazetteer id (those are kebab-case, checked at load): only the others are looked up.
  const person = attribution.actor.startsWith('person:') || scan.lexicons.actors.get(attribution.actor)?.kind === 'person';
  memory.latest.any = attribution;
  if (person) memory.latest.person = attribution;
  else memory.latest.other = attribution;
}

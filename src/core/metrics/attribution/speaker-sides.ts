/**
 * Sides of speakers and of the actors an article mentions: an actor's own side, regrouped under the
 * caller's labels when a mapping is given.
 */
import type { Actor, Lexicons } from '../../data/index.ts';
import { isUnheld } from './attitudes.ts';
import type { Scan } from './context.ts';
import { precededByLocative } from './mentions.ts';
import type { ActorMention, RawAttribution, SidesMapping } from './types.ts';

// Each actor's default side, worked out once per lexicons (it walks up to four bodies and upper-cases a name).
const sidesByLexicons = new WeakMap<Lexicons, Map<string, string>>();

/** The default side of an actor: its own side for international bodies, else its body's or its country; `unaligned` for null. */
export function sideOfActor(lexicons: Lexicons, id: string | null): string {
  if (id === null) return 'unaligned';
  let known = sidesByLexicons.get(lexicons);
  if (known === undefined) {
    known = new Map();
    sidesByLexicons.set(lexicons, known);
  }
  let side = known.get(id);
  if (side === undefined) {
    side = defaultSide(lexicons, id);
    known.set(id, side);
  }
  return side;
}

function defaultSide(lexicons: Lexicons, id: string): string {
  let actor: Actor | undefined = lexicons.actors.get(id);
  for (let depth = 0; actor !== undefined && depth < 4; depth++) {
    if (actor.side !== undefined) return actor.side.toUpperCase();
    if (actor.memberOf === undefined) break;
    const parent = lexicons.actors.get(actor.memberOf);
    if (parent === undefined) break;
    actor = parent;
  }
  if (actor === undefined) return 'unaligned';
  return actor.country === 'INT' ? actor.id.toUpperCase() : actor.country;
}

/** The side of a speaker's actor: a gazetteer actor's, or for a `person:` the side the article gave them (`personSide`). */
export function sideOfSpeaker(lexicons: Lexicons, personSide: ReadonlyMap<string, string>, id: string | null): string {
  return id !== null && id.startsWith('person:') ? (personSide.get(id) ?? 'unaligned') : sideOfActor(lexicons, id);
}

/** The caller's label for `side` when the actor, its bodies, the side or the speaker's text is listed under one; else `side`. */
export function mapSide(side: string, actor: string | null, lexicons: Lexicons, sides: SidesMapping, speakerText: string): string {
  if (!hasLabels(sides)) return side;
  const candidates = new Set<string>([side.toLowerCase(), speakerText.toLowerCase()]);
  for (let id = actor, depth = 0; id !== null && depth < 4; depth++) {
    candidates.add(id.toLowerCase());
    const found = lexicons.actors.get(id);
    if (found === undefined) break;
    candidates.add(found.name.toLowerCase());
    id = found.memberOf ?? null;
  }
  for (const [label, members] of Object.entries(sides)) {
    if (members.some((member) => candidates.has(member.toLowerCase()))) return label;
  }
  return side;
}

// Whether the caller gave any labels (Object.keys would make an array to count them, at every speaker and mention).
function hasLabels(sides: SidesMapping): boolean {
  for (const label in sides) if (Object.hasOwn(sides, label)) return true;
  return false;
}

/** Sets the final side of every attribution and target (changes them in place), once every speaker is resolved. */
export function applySides(attributions: readonly RawAttribution[], lexicons: Lexicons, personSide: ReadonlyMap<string, string>, sides: SidesMapping, text: string): void {
  const sideOf = (id: string | null): string => sideOfSpeaker(lexicons, personSide, id);
  const labelled = hasLabels(sides);
  for (let a = 0; a < attributions.length; a++) {
    const attribution = attributions[a] as RawAttribution;
    // A view held by no one named has no side, whatever a caller's labels name: it stays `unaligned`.
    if (isUnheld(attribution)) continue;
    // Without labels mapSide reads no speaker text: none is sliced.
    const speakerText = attribution.speakerStart < 0 || !labelled ? '' : text.slice(attribution.speakerStart, attribution.speakerEnd);
    if (attribution.actor !== null || attribution.side !== 'unaligned' || labelled) {
      attribution.side = mapSide(attribution.actor === null ? attribution.side : sideOf(attribution.actor), attribution.actor, lexicons, sides, speakerText);
    }
    if (attribution.target !== undefined && attribution.target.actor !== null) {
      attribution.target.side = mapSide(sideOf(attribution.target.actor), attribution.target.actor, lexicons, sides, labelled ? text.slice(attribution.target.start, attribution.target.end) : '');
    }
  }
}

/**
 * Every side the article brings into the story, sorted: of actors mentioned (not places only located, nor
 * credited media) and of speakers and targets. `scored` (1 per paragraph that counts) leaves out captions.
 */
export function sidesMentioned(scan: Scan, attributions: readonly RawAttribution[], sides: SidesMapping, scored?: Uint8Array): string[] {
  const { article, lexicons } = scan;
  const found = new Set<string>();
  const counts = (paragraph: number): boolean => scored === undefined || scored[paragraph] === 1;
  const labelled = hasLabels(sides);
  for (let m = 0; m < scan.mentions.length; m++) {
    const mention = scan.mentions[m] as ActorMention;
    if (!counts(mention.paragraph)) continue;
    // Without labels a mention adds its actor's side: one already found needs none of the tests below.
    if (!labelled && found.has(sideOfActor(lexicons, mention.actor))) continue;
    // A place only named as a location ("talks in Geneva") does not bring its side into the story.
    if (precededByLocative(article, scan.words, mention.tokenStart)) continue;
    // News media credited or self-referenced ("(AFP photo)", "Press TV's website") are not sides unless they speak.
    if (lexicons.actors.get(mention.actor)?.role === 'media') continue;
    found.add(labelled ? mapSide(sideOfActor(lexicons, mention.actor), mention.actor, lexicons, sides, article.text.slice(mention.start, mention.end)) : sideOfActor(lexicons, mention.actor));
  }
  for (let a = 0; a < attributions.length; a++) {
    const attribution = attributions[a] as RawAttribution;
    if (!counts(attribution.paragraph)) continue;
    if (attribution.side !== 'unaligned' && attribution.mode !== 'non-response') found.add(attribution.side);
    if (attribution.target?.side) found.add(attribution.target.side);
  }
  found.delete('unaligned');
  return [...found].sort();
}

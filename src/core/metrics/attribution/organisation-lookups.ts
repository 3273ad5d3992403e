/**
 * The organisations an article names (`SpeakerMemory.organisations`), found by a word of their names without
 * reading the whole list: "the company" takes up the one company named before it, "Acme said" the latest Acme
 * Corp. The list only grows (indexed in text order, then appended to as speakers name new ones), so the
 * look-ups are extended as it does. A read of the list per speaker made a megabyte of "Bqx Shipping Corp
 * announced a plan. The company said ..." quadratic (x88 for x10 the text).
 */
import { countBelow } from '../../text/lists.ts';
import type { NamedOrganisation, OrganisationLookups, SpeakerMemory } from './speaker-memory.ts';

// A list this short is read from its end for a name's first word: making the look-ups costs more.
const SHORT_LIST = 64;

/** The latest organisation in the list named before token `before` whose name opens with `word`, or undefined. */
export function latestOrganisationOpening(memory: SpeakerMemory, word: string, before: number): NamedOrganisation | undefined {
  const { organisations } = memory;
  if (organisations.length <= SHORT_LIST) return organisations.findLast((o) => o.at < before && o.words[0] === word);
  const opening = lookups(memory).byFirstWord.get(word);
  for (let k = (opening?.length ?? 0) - 1; k >= 0; k--) {
    const organisation = organisations[(opening as number[])[k] as number] as NamedOrganisation;
    if (organisation.at < before) return organisation;
  }
  return undefined;
}

/**
 * Adds to `into` the ids of the organisations ahead of the first one in the list named at or after token
 * `before` whose names hold `word` (or, with `company`, that are companies): at most two, which tells whether one fits.
 */
export function addOrganisationsNamed(memory: SpeakerMemory, word: string, company: boolean, before: number, into: Set<string>): void {
  const found = lookups(memory);
  // The list is read up to its first organisation named at or after `before`: the first whose reach gets there.
  const lo = countBelow(found.reach, before);
  const named = found.byWord.get(word) ?? NONE;
  const companies = company ? found.companies : NONE;
  // Both lists are in list order: merged, their first two organisations ahead of `lo`.
  let n = 0;
  let c = 0;
  for (let added = 0; added < 2; added++) {
    const next = Math.min(named[n] ?? lo, companies[c] ?? lo);
    if (next >= lo) return;
    into.add((memory.organisations[next] as NamedOrganisation).id);
    if (named[n] === next) n++;
    if (companies[c] === next) c++;
  }
}

const NONE: readonly number[] = [];

// The look-ups, extended to every organisation in the list.
function lookups(memory: SpeakerMemory): OrganisationLookups {
  const found: OrganisationLookups = (memory.organisationLookups ??= { read: 0, reach: [], byWord: new Map(), byFirstWord: new Map(), companies: [] });
  const { organisations } = memory;
  for (; found.read < organisations.length; found.read++) {
    const index = found.read;
    const organisation = organisations[index] as NamedOrganisation;
    found.reach.push(Math.max(organisation.at, index === 0 ? organisation.at : (found.reach[index - 1] as number)));
    organisation.words.forEach((word, w) => {
      // A word twice in a name ("New New Corp") lists it once.
      if (organisation.words.indexOf(word) === w) listed(found.byWord, word).push(index);
    });
    listed(found.byFirstWord, organisation.words[0] as string).push(index);
    if (organisation.kind === 'company') found.companies.push(index);
  }
  return found;
}

function listed(map: Map<string, number[]>, word: string): number[] {
  let list = map.get(word);
  if (list === undefined) map.set(word, (list = []));
  return list;
}

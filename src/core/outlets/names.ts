/**
 * Outlet names: an alias index built from the tables (ownership names, RSP names, their acronyms, and
 * compound domain labels such as `presstv`) and a scan that finds those names, and table domains, in any
 * text. The scan is one pass over word tokens, trying at most MAX_ALIAS_TOKENS words at each: linear in
 * the text, whatever it holds.
 *
 * Alias rules, in priority order (a higher priority wins a clash by 2 or more; a closer clash drops the
 * alias as ambiguous: `ABC` is both Australian and Spanish and matches neither):
 *   4  an ownership name, each part of `A / B`, with and without a leading `The` (`New York Times`);
 *   3  an RSP name mapped to the same outlet; an acronym in parentheses that starts like the name
 *      (`Agence France-Presse (AFP)`), an expansion of an acronym name (`RT (Russia Today)`), `(formerly X)`;
 *   2  a name whose parentheses only disambiguate it (`The Guardian (Nigeria)`, and from RSP at 1
 *      `New York (magazine)`): for lookups by name only, never searched for in text, and it loses to the
 *      plain name (`The Guardian` stays the British paper);
 *   1  a compound first label of a listed domain (`presstv`, `nytimes`, `aljazeera`), never one that is
 *      itself a word of the name (`mirror` of mirror.co.uk is not an alias of the Daily Mirror).
 * Case matters in text: an all-capital alias word (`BBC`, `TV`) must be capitals, a capitalised one must
 * start with a capital, function words (`the`, `de`) match in any case.
 */
import { getDomain } from 'tldts';
import { foldForMatching } from '../text/index.ts';
import { CASE, tokenIds, tokenize, type TokenTable } from '../text/tokens.ts';
import { tableByWordId, tableByWordIdOnce } from '../text/vocabulary.ts';
import { derivedOnce, loadLexicons } from '../data/index.ts';
import type { Outlet } from './schema.ts';
import { tableDomainOf, type Lined, type SourceTables } from './tables.ts';
import { packedAddress } from './normalise-domain.ts';
import { namesOf, primaryHost, shortForm, stripMarks } from './name-aliases.ts';

/** An outlet the names point to: an ownership row (`press-tv`) or an RSP-only name (`rsp:Dotdash Meredith`). */
/** `primaryAddress`: packedAddress(primaryHost), made with the index, so a card for a name needs no public-suffix look-up. */
export type NameTarget = { readonly key: string; readonly name: string; readonly primaryHost: string; readonly primaryAddress: string | undefined; readonly outlet: Lined<Outlet> | null };

type Shape = 'upper' | 'capital' | 'any' | 'label';
type Alias = { readonly key: string; readonly priority: number; readonly shapes: readonly Shape[]; readonly distinctive: boolean; readonly written: string };
// Made with all three fields in this order: nodes given them later were of two shapes (the name search deoptimised).
type TrieNode = { next: Map<string, TrieNode>; alias: Alias | undefined; /** every alias through the node wants its word here capitalised or in capitals */ capitalOnly: boolean };

export type NameIndex = {
  readonly targets: ReadonlyMap<string, NameTarget>;
  /** folded alias text -> target key, for lookups by name */
  readonly byName: ReadonlyMap<string, string>;
  readonly trie: TrieNode;
};

/** A name or domain found in a text: `start..end` is the name without any possessive `'s`. */
export type NameMatch = {
  readonly start: number;
  readonly end: number;
  /** end including a possessive `'s` when there is one */
  readonly tokenEnd: number;
  readonly possessive: boolean;
  /** target key, or `host:<host>` for a table domain that belongs to no named outlet */
  readonly key: string;
  /** host to build the card from */
  readonly host: string;
  readonly kind: 'name' | 'domain';
  /** safe to report without a citation cue: a multi-word name, a long acronym, a domain */
  readonly distinctive: boolean;
  /** one word besides `the`/`of` (`Reuters`, `BBC`, `the Hill`): after a cue it must end the phrase, because
   * "according to the Australian government" cites no newspaper */
  readonly oneWord: boolean;
};

export const MAX_ALIAS_TOKENS = 8;
const LOWER_ASCII = CASE.ascii | CASE.lowerStart;
// The small words inside names (`the`, `of`, `de`) are the tables' (lexicons/sources/name-particles.jsonl); the
// words that start a sentence right before a name are the language's (lexicons/<language>/words-before-names.jsonl).

/**
 * The alias index of `tables`, built once per tables object; it holds plain data only (string-keyed maps), so
 * it travels in the data snapshot with its tables (`derivedOnce`) and a command does not rebuild it at start.
 */
export function nameIndex(tables: SourceTables): NameIndex {
  return derivedOnce('outlet-names', tables, buildNameIndex);
}

/** Folds a name for lookups: lower case, typographic punctuation and accents folded, single spaces. */
export function foldName(name: string): string {
  return stripMarks(foldForMatching(name))
    .replace(/[^\p{L}\p{N}.'&+!/-]+/gu, ' ')
    .trim();
}

/** The hosts some table lists that `host` falls under (itself or a parent), longest first; via its registrable domain. */
export function listedHostsFor(tables: SourceTables, host: string): string[] {
  const registrable = registrableDomain(tables, host);
  const hosts = tables.hostsByDomain.get(registrable);
  if (hosts === undefined) return [];
  return hosts.filter((listed) => listed === host || host.endsWith(`.${listed}`));
}

// The public-suffix lookup for the hosts cards and domain tokens ask about again and again, kept.
const MAX_REMEMBERED = 4096;
const registrables = new Map<string, string>();
function registrableDomain(tables: SourceTables, host: string): string {
  let registrable = registrables.get(host);
  if (registrable === undefined) {
    registrable = tableDomainOf(tables, host) ?? getDomain(host) ?? host;
    if (registrables.size >= MAX_REMEMBERED) registrables.clear();
    registrables.set(host, registrable);
  }
  return registrable;
}

/** The ownership row for `host` (or its listed parent), if any. */
export function outletForHost(tables: SourceTables, host: string): Lined<Outlet> | null {
  for (const listed of listedHostsFor(tables, host)) {
    const outlet = tables.outletByHost.get(listed);
    if (outlet !== undefined) return outlet;
  }
  return null;
}

/**
 * Every outlet name and table domain in `text`, in order, never overlapping; `tokens`, when given, must be
 * `text`'s; `wordsBefore` are the text language's words that may precede a name (default: the bundled
 * English list). Linear in the text. An article's scan is made once (outlets/assess.ts) and handed to
 * detectOutlet and findCitedSources.
 */
export function findNames(
  text: string,
  tables: SourceTables,
  tokens: TokenTable = tokenize(text, foldForMatching(text)),
  wordsBefore?: ReadonlySet<string>,
): NameMatch[] {
  const index = nameIndex(tables);
  const { firstById, flags, newestLater } = wordsById(index);
  const { bareIds, idsReadAt } = tokenIds(tokens);
  // A NO_WORD token may be a later word only when one was registered after its ids were read (tokens.ts).
  const laterUnread = newestLater >= idsReadAt;
  // The columns as locals: the loop below calls out, and a column read through `tokens` is read again after each call.
  const { start: starts, end: ends, shape: shapes, bare, count } = tokens;
  const flagCount = flags.length;
  // An ASCII word is its own key (no marks to strip), and its first trie node is read by word id.
  const ascii = (u: number): boolean => ((shapes[u] as number) & CASE.ascii) !== 0;
  const keyOf = (u: number): string => (ascii(u) ? (bare[u] as string) : stripMarks(bare[u] as string));
  const matches: NameMatch[] = [];
  // A host holds a dot. `dot` is the text's first dot at or after some offset no later than the token's start
  // (text.length when there is none): a token that ends before it holds none, and most tokens are read no further.
  let dot = nextDot(text, 0);
  for (let t = 0; t < count; ) {
    const tokenEnd = ends[t] as number;
    if (dot < tokenEnd) {
      const tokenStart = starts[t] as number;
      if (dot < tokenStart) dot = nextDot(text, tokenStart);
      const domainMatch = dot < tokenEnd ? matchDomainToken(text, tokenStart, tokenEnd, tokens.norm[t] as string, tables, index) : null;
      if (domainMatch !== null) {
        matches.push(domainMatch);
        t++;
        continue;
      }
    }
    // The first word decides most tokens: no trie node, or a lower-case ASCII word where every alias through
    // the node wants a capital (shapesFit would refuse it), and the scan moves on.
    const shape = shapes[t] as number;
    let node: TrieNode | undefined;
    if ((shape & CASE.ascii) !== 0) {
      // The word's flags first (a byte), its node only for a word that starts a name it may start here.
      const id = bareIds[t] as number;
      const bits = id >= 0 && id < flagCount ? (flags[id] as number) : 0;
      if ((bits & WORD.first) === 0 || ((bits & WORD.capitalOnly) !== 0 && (shape & LOWER_ASCII) === LOWER_ASCII)) {
        t++;
        continue;
      }
      node = firstById[id] as TrieNode;
    } else {
      // Outside ASCII ("Trump’s", "Müller"): a form kept without marks is its own key, read by id (a first-level key
      // has one, and ids are current); the large first-level map is asked only for a form that loses marks.
      const form = bare[t] as string;
      const key = stripMarks(form);
      const id = bareIds[t] as number;
      node = key !== form ? index.trie.next.get(key) : id >= 0 && id < flagCount && ((flags[id] as number) & WORD.first) !== 0 ? firstById[id] : undefined;
      if (node === undefined || (node.capitalOnly === true && (shape & LOWER_ASCII) === LOWER_ASCII)) {
        t++;
        continue;
      }
    }
    const start = starts[t] as number;
    let bestAlias: Alias | undefined;
    let last = t;
    for (let u = t; ; ) {
      const alias: Alias | undefined = node.alias;
      if (alias !== undefined && shapesFit(text, tokens, t, u, alias.shapes)) {
        bestAlias = alias;
        last = u;
      }
      u++;
      if (u >= count || u >= t + MAX_ALIAS_TOKENS || !isNameGap(text, ends[u - 1] as number, starts[u] as number)) break;
      // An ASCII word that is no later word of any name ends the walk by its id ("the" + "president").
      if (ascii(u)) {
        const id = bareIds[u] as number;
        if (id >= 0 ? id >= flagCount || ((flags[id] as number) & WORD.later) === 0 : !laterUnread) break;
      }
      node = node.next.get(keyOf(u));
      if (node === undefined || (node.capitalOnly === true && ((shapes[u] as number) & LOWER_ASCII) === LOWER_ASCII)) break;
    }
    if (bestAlias === undefined) {
      t++;
      continue;
    }
    const nameEnd = ends[last] as number;
    const possessive = tokens.norm[last] !== bare[last];
    let contentWords = 0;
    for (let u = t; u <= last; u++) if (!tables.nameParticles.has(keyOf(u))) contentWords++;
    // "the Hill", "the Australian": one word that means something else as often as not.
    const oneWord = contentWords <= 1;
    if (oneWord && bestAlias.shapes[0] !== 'upper' && partOfLongerName(text, tokens, t, last, tables.nameParticles, wordsBefore)) {
      t++;
      continue;
    }
    const target = index.targets.get(bestAlias.key) as NameTarget;
    matches.push({
      start,
      end: nameEnd - (possessive ? 2 : 0), // one subtraction either way: a possessive name met after optimisation deoptimised
      tokenEnd: nameEnd,
      possessive,
      key: target.key,
      host: target.primaryHost,
      kind: 'name',
      distinctive: bestAlias.distinctive,
      oneWord,
    });
    t = last + 1;
  }
  return matches;
}

// The first dot in `text` at or after `from`; text.length when there is none.
function nextDot(text: string, from: number): number {
  const dot = text.indexOf('.', from);
  return dot === -1 ? text.length : dot;
}

// What the scan reads of a word by its id before any string: whether a name starts with it (and its node),
// whether every name starting with it wants it capitalised, whether it is a later word of some name.
const WORD = { first: 1, capitalOnly: 2, later: 4 } as const;
type WordsById = { readonly firstById: readonly (TrieNode | undefined)[]; readonly flags: Uint8Array; readonly newestLater: number };
const wordsByIdCache = new WeakMap<NameIndex, WordsById>();

// Made once per index (ids are process-local); the tables by id it reads travel in the data snapshot with the index.
function wordsById(index: NameIndex): WordsById {
  let made = wordsByIdCache.get(index);
  if (made !== undefined) return made;
  const firstById = tableByWordIdOnce<TrieNode | undefined>(index.trie.next, undefined);
  const later = new Map<string, boolean>();
  const visit = (next: ReadonlyMap<string, TrieNode>): void => {
    for (const [word, node] of next) {
      later.set(word, true);
      visit(node.next);
    }
  };
  for (const node of index.trie.next.values()) visit(node.next);
  const laterById = tableByWordId(later, false, { source: index.trie, kind: 'later words' });
  const flags = new Uint8Array(Math.max(firstById.length, laterById.length));
  let newestLater = -1;
  // Both tables read within their lengths: a read past one's end deoptimised this loop's code in every process.
  for (let id = 0; id < flags.length; id++) {
    const node = id < firstById.length ? firstById[id] : undefined;
    let bits = node === undefined ? 0 : WORD.first | (node.capitalOnly === true ? WORD.capitalOnly : 0);
    if (id < laterById.length && laterById[id] === true) {
      bits |= WORD.later;
      newestLater = id;
    }
    flags[id] = bits;
  }
  made = { firstById, flags, newestLater };
  wordsByIdCache.set(index, made);
  return made;
}

// Between two words of a name: spaces, or one of - / & + with optional spaces (RFE/RL, S&P, France-Presse).
function isNameGap(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 32) return true; // most gaps: no slice, no pattern
  if (to - from < 1 || to - from > 3) return false;
  const gap = text.slice(from, to);
  return /^(?:[ \t\u00a0]+|[ \t\u00a0]?[-\u2010\u2011/&+][ \t\u00a0]?)$/.test(gap);
}

function shapesFit(text: string, tokens: ReturnType<typeof tokenize>, first: number, last: number, shapes: readonly Shape[]): boolean {
  for (let u = first; u <= last; u++) {
    const shape = shapes[u - first] ?? 'any';
    if (shape === 'any') continue;
    const bits = tokens.shape[u] as number;
    if ((bits & CASE.ascii) !== 0) {
      // An ASCII word's case is counted by the tokenizer: no slice, no pattern, no upper-cased copy.
      if (shape !== 'upper') {
        if ((bits & CASE.lowerStart) !== 0) return false;
        continue;
      }
      const end = tokens.end[u] as number;
      const possessiveS = end - (tokens.start[u] as number) > 2 && text.charCodeAt(end - 1) === 115 && text.charCodeAt(end - 2) === 39 ? 1 : 0;
      if ((tokens.letters[u] as number) - (tokens.capitals[u] as number) - possessiveS > 0) return false;
      continue;
    }
    const written = text.slice(tokens.start[u] as number, tokens.end[u] as number);
    const letters = written.replace(/['\u2019]s$/, '');
    const upper = letters.toUpperCase();
    if (shape === 'upper') {
      if (letters !== upper) return false;
      continue;
    }
    const head = letters.charAt(0);
    if (head === head.toLowerCase() && head !== head.toUpperCase()) return false;
  }
  return true;
}

// A one-word name next to another capitalised word is part of a longer name: Michael Bloomberg, Reuters
// Institute, Sputnik V, Dawn Smith.
// (The bundled list is asked for only here, when a name has a capitalised word before it: asked for on every
// scan, as a default parameter, its look-up by folder cost ~0.3% of a pass over news.)
function partOfLongerName(text: string, tokens: ReturnType<typeof tokenize>, first: number, last: number, particles: ReadonlySet<string>, wordsBefore: ReadonlySet<string> | undefined): boolean {
  const capitalised = (u: number): boolean => {
    const head = text.charAt(tokens.start[u] as number);
    return head !== head.toLowerCase();
  };
  if (first > 0 && /^[ \t\u00a0]+$/.test(text.slice(tokens.end[first - 1] as number, tokens.start[first] as number)) && capitalised(first - 1)) {
    const before = tokens.norm[first - 1] as string;
    if (!particles.has(before) && !(wordsBefore ?? loadLexicons().words.wordsBeforeNames).has(before)) return true;
  }
  if (last + 1 < tokens.count && /^[ \t\u00a0]+$/.test(text.slice(tokens.end[last] as number, tokens.start[last + 1] as number)) && capitalised(last + 1)) {
    const next = tokens.norm[last + 1] as string;
    return !particles.has(next);
  }
  return false;
}

// A token with a dot that is a host some table lists (presstv.ir, www.rt.com, edition.cnn.com).
function matchDomainToken(text: string, start: number, end: number, norm: string, tables: SourceTables, index: NameIndex): NameMatch | null {
  if (norm.length < 4 /* x.io */ || norm.length > 253 || !norm.includes('.')) return null;
  if (start > 0 && text.charAt(start - 1) === '@') return null;
  const host = norm.replace(/^www\d?\./, '');
  if (!/^[a-z0-9.-]+$/.test(host) || !/\.[a-z]{2,}$/.test(host)) return null;
  const listed = listedHostsFor(tables, host);
  if (listed.length === 0) return null;
  const outlet = outletForHost(tables, host);
  let key = outlet !== null ? outlet.id : `host:${listed[0] as string}`;
  if (outlet === null) {
    for (const candidate of listed) {
      const row = tables.rspByHost.get(candidate)?.[0];
      if (row !== undefined) {
        const rspKey = `rsp:${row.name}`;
        if (index.targets.has(rspKey)) key = rspKey;
        break;
      }
    }
  }
  return { start, end, tokenEnd: end, possessive: false, key, host, kind: 'domain', distinctive: true, oneWord: false };
}

// --- building the index ---------------------------------------------------------------------------------

type Candidate = { key: string; text: string; priority: number; label?: boolean; lookupOnly?: boolean };

function buildNameIndex(tables: SourceTables): NameIndex {
  const targets = new Map<string, NameTarget>();
  const candidates: Candidate[] = [];
  const fullNames: [string, string][] = [];
  for (const outlet of tables.ownership.rows) {
    const host = outlet.domains[0] as string;
    targets.set(outlet.id, { key: outlet.id, name: outlet.name, primaryHost: host, primaryAddress: packedAddress(host), outlet });
    fullNames.push([outlet.name, outlet.id]);
    for (const [text, priority, lookupOnly] of namesOf(outlet.name, 4)) {
      candidates.push({ key: outlet.id, text, priority, lookupOnly });
      const short = shortForm(text, outlet.domains);
      if (short !== null) candidates.push({ key: outlet.id, text: short, priority: priority - 1 });
    }
  }

  // RSP names: to the ownership outlet that owns most of the name's domains, else to an RSP-only target.
  const rspHostsByName = new Map<string, string[]>();
  for (const row of tables.rsp.rows) {
    if (row.path !== undefined) continue;
    const hosts = rspHostsByName.get(row.name);
    if (hosts === undefined) rspHostsByName.set(row.name, [row.domain]);
    else if (!hosts.includes(row.domain)) hosts.push(row.domain);
  }
  for (const [name, hosts] of rspHostsByName) {
    // A name written all in lower case (one RSP row is named "anchor") is a parsing slip, not a name.
    if (name === name.toLowerCase()) continue;
    const owners = new Map<string, number>();
    for (const host of hosts) {
      const outlet = outletForHost(tables, host);
      if (outlet !== null) owners.set(outlet.id, (owners.get(outlet.id) ?? 0) + 1);
    }
    // The owner with the same name wins (RSP's "Fox News" row also lists foxbusiness.com), else the most domains.
    let key = `rsp:${name}`;
    let most = 0;
    for (const [id, count] of owners) {
      const score = count + (foldName((tables.outletById.get(id) as Outlet).name) === foldName(name) ? 1000 : 0);
      if (score > most) [key, most] = [id, score];
    }
    const primary = primaryHost(name, hosts);
    if (!targets.has(key)) targets.set(key, { key, name, primaryHost: primary, primaryAddress: packedAddress(primary), outlet: null });
    fullNames.push([name, key]);
    for (const [text, priority, lookupOnly] of namesOf(name, 3)) candidates.push({ key, text, priority, lookupOnly });
  }

  // Compound labels of listed domains: only for a domain that is its own registrable domain.
  const candidatesByKey = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const group = candidatesByKey.get(candidate.key);
    if (group === undefined) candidatesByKey.set(candidate.key, [candidate]);
    else group.push(candidate);
  }
  for (const target of targets.values()) {
    const hosts = target.outlet !== null ? target.outlet.domains : (rspHostsByName.get(target.name) ?? []);
    const words = new Set(
      (candidatesByKey.get(target.key) ?? [])
        .flatMap((c) => foldName(c.text).split(/[ .]/))
        .filter((w) => w !== ''),
    );
    for (const host of hosts) {
      if (getDomain(host) !== host) continue;
      const label = host.slice(0, host.indexOf('.'));
      if (label.length < 5 || !/^[a-z]+$/.test(label) || words.has(label)) continue;
      candidates.push({ key: target.key, text: label, priority: 1, label: true });
    }
  }

  // Resolve clashes: the best priority per folded alias, dropped when another target comes within 1.
  const best = new Map<string, { candidate: Candidate; rival: number }>();
  for (const candidate of candidates) {
    const folded = foldName(candidate.text);
    if (!isUsableAlias(folded)) continue;
    const seen = best.get(folded);
    if (seen === undefined) {
      best.set(folded, { candidate, rival: Number.NEGATIVE_INFINITY });
    } else if (seen.candidate.key === candidate.key) {
      if (candidate.priority > seen.candidate.priority) seen.candidate = candidate;
    } else if (candidate.priority > seen.candidate.priority) {
      best.set(folded, { candidate, rival: Math.max(seen.rival, seen.candidate.priority) });
    } else {
      seen.rival = Math.max(seen.rival, candidate.priority);
    }
  }

  const byName = new Map<string, string>();
  const trie: TrieNode = { next: new Map(), alias: undefined, capitalOnly: false };
  for (const [folded, { candidate, rival }] of best) {
    if (candidate.priority - rival < 2) continue;
    byName.set(folded, candidate.key);
    if (candidate.lookupOnly !== true) addToTrie(trie, candidate, tables.nameParticles);
  }
  markCapitalOnly([], trie.next);
  // Lookups may also use a table name exactly as written ("Sputnik (news agency)"); text never does.
  for (const [name, key] of fullNames) {
    const folded = foldName(name);
    if (!byName.has(folded) && !best.has(folded)) byName.set(folded, key);
  }
  return { targets, byName, trie };
}

function addToTrie(trie: TrieNode, candidate: Candidate, particles: ReadonlySet<string>): void {
  const folded = foldForMatching(candidate.text);
  const tokens = tokenize(candidate.text, folded);
  if (tokens.count === 0 || tokens.count > MAX_ALIAS_TOKENS) return;
  const shapes: Shape[] = [];
  let node = trie;
  let contentWords = 0;
  for (let u = 0; u < tokens.count; u++) {
    const written = candidate.text.slice(tokens.start[u] as number, tokens.end[u] as number);
    const bare = stripMarks(tokens.bare[u] as string);
    shapes.push(candidate.label === true ? 'label' : shapeOf(written, bare, particles));
    if (!particles.has(bare)) contentWords++;
    let next = node.next.get(bare);
    if (next === undefined) {
      next = { next: new Map(), alias: undefined, capitalOnly: false };
      node.next.set(bare, next);
    }
    node = next;
  }
  const only = tokens.count === 1 ? candidate.text : '';
  const distinctive = contentWords >= 2 || (shapes[0] === 'upper' && only.replace(/[^\p{L}]/gu, '').length >= 3) || only.includes('.') || (candidate.label === true && only.length >= 6);
  node.alias = { key: candidate.key, priority: candidate.priority, shapes, distinctive, written: candidate.text };
}

// Sets capitalOnly on the nodes below `path`: true unless some alias through a node has shape 'any' at its word.
function markCapitalOnly(path: readonly TrieNode[], next: ReadonlyMap<string, TrieNode>): void {
  for (const node of next.values()) {
    node.capitalOnly = true;
    const through = [...path, node];
    if (node.alias !== undefined) through.forEach((onPath, depth) => (onPath.capitalOnly &&= (node.alias?.shapes[depth] ?? 'any') !== 'any'));
    markCapitalOnly(through, node.next);
  }
}

function shapeOf(written: string, bare: string, particles: ReadonlySet<string>): Shape {
  if (particles.has(bare)) return 'any';
  const letters = written.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'upper';
  if (letters !== '' && letters === letters.toLowerCase()) return 'any';
  return 'capital';
}

// Two letters or digits at least: `E!` and `N+` are not names anyone can spot.
function isUsableAlias(folded: string): boolean {
  return folded.replace(/[^\p{L}\p{N}]/gu, '').length >= 2;
}

/**
 * From table rows to an outlet card: each rating mapped to 0..1 with its provenance, combined into one
 * score, a label and a confidence. The mapping is the table below, in one place:
 *
 *   Wikipedia RSP status (weight 2)         CRED-1 (weight 1)
 *     generally-reliable    0.90              its credibility score (0..1) as published
 *     no-consensus          0.55              fake, conspiracy: capped at 0.15
 *     case-by-case          0.50
 *     generally-unreliable  0.25
 *     deprecated            0.10, cap 0.10
 *     blacklisted           0.05, cap 0.05
 *
 *   combined   = weighted mean of the sources that rate the domain, then the lowest applicable cap
 *   label      = high >= 0.75, mixed >= 0.45, low >= 0.20, else very-low; `not-rated` (score null) when
 *                neither source lists the domain: absence is not evidence either way, so no middle value
 *   confidence = (0.40 + 0.15 x total weight)          one source 0.55 (CRED-1) or 0.70 (RSP), both 0.85
 *                x (1 - 0.5 x disagreement)            spread between sources, and between counted RSP scopes
 *                x recency                             1 up to 5 years since last discussed/snapshot, then
 *                                                      -0.03 a year down to 0.85
 *                x 0.95 when a rating comes from another domain of the same outlet (an alias or mirror)
 *
 * One outlet can have several RSP rows (scopes such as Fox News' `talk shows`, or rows for a part of it,
 * such as `The Guardian blogs`). Every row is kept on the card. A general row (no scope) is the outlet's
 * rating and the scoped ones are shown beside it; with no general row, the current scopes count as their
 * mean, and rows for a closed past period (`pre-2013`) count only when nothing else does. A cap applies
 * only when every counted RSP row carries one: a deprecated scope does not cap a whole outlet.
 *
 * Ownership is its own field and never changes the score; a state-controlled outlet gets a note about the
 * topics where its state has a stake.
 */
import type { Cred1Row, Outlet, OutletCard, Rating, ReliabilityLabel, RspRow } from './schema.ts';
import { countryName, loadSourceTables, type Lined, type SourceTables } from './tables.ts';
import { normaliseDomain, unpackedAddress, type NormalisedDomain } from './normalise-domain.ts';
import { foldName, listedHostsFor, nameIndex, outletForHost, type NameTarget } from './names.ts';

export const RSP_STATUS_SCORES = {
  'generally-reliable': { score: 0.9 },
  'no-consensus': { score: 0.55 },
  'case-by-case': { score: 0.5 },
  'generally-unreliable': { score: 0.25 },
  deprecated: { score: 0.1, cap: 0.1 },
  blacklisted: { score: 0.05, cap: 0.05 },
} as const satisfies Record<RspRow['status'], { score: number; cap?: number }>;

export const CRED1_CAPS: Readonly<Partial<Record<Cred1Row['category'], number>>> = { fake: 0.15, conspiracy: 0.15 };

export const SOURCE_WEIGHTS = { 'wikipedia-rsp': 2, cred1: 1 } as const;

/** Lowest combined score for each label, best first; below the last is `very-low`. */
export const LABEL_THRESHOLDS = [
  ['high', 0.75],
  ['mixed', 0.45],
  ['low', 0.2],
] as const satisfies readonly (readonly [ReliabilityLabel, number])[];

export const CONFIDENCE = { base: 0.4, perWeight: 0.15, disagreement: 0.5, freshYears: 5, perStaleYear: 0.03, floor: 0.85, viaAlias: 0.95 } as const;

export const CITATIONS = {
  'wikipedia-rsp': 'https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources',
  cred1: 'CRED-1 (Loth, Kappes, Pahl 2026), doi:10.2139/ssrn.6448466, https://github.com/aloth/cred-1',
} as const;

/** The label for a combined score; `not-rated` for null. */
export function labelFor(score: number | null): ReliabilityLabel {
  if (score === null) return 'not-rated';
  for (const [label, threshold] of LABEL_THRESHOLDS) if (score >= threshold) return label;
  return 'very-low';
}

/**
 * The card for a domain, URL or outlet name (case-insensitive: `Press TV`, `bbc`, `the guardian`).
 * An unknown domain or name gives a `not-rated` card with score null, never a guess.
 */
export function lookupOutlet(query: string, tables: SourceTables = loadSourceTables()): OutletCard {
  const normalised = normaliseDomain(query);
  if (normalised !== null) return cardForDomain(normalised, query, tables);
  const key = keyForName(query, tables);
  if (key !== null) return cardForKey(key, query, tables);
  return notRatedCard(query, null, 'no outlet in the tables has this name or domain');
}

/** The target key of an outlet name, or null. */
export function keyForName(name: string, tables: SourceTables): string | null {
  const index = nameIndex(tables);
  const folded = foldName(name);
  return index.byName.get(folded) ?? index.byName.get(folded.replace(/^the /, '')) ?? null;
}

// A name's address, normalised with the index (no public-suffix look-up at run time) unless it holds more than a
// host and its domain; null for no target.
function nameAddress(target: NameTarget | undefined): NormalisedDomain | null {
  if (target === undefined) return null;
  return target.primaryAddress !== undefined ? unpackedAddress(target.primaryAddress) : normaliseDomain(target.primaryHost);
}

/** The card of an outlet known by its index key (`press-tv`, `rsp:Dotdash Meredith`, `host:example.com`). */
export function cardForKey(key: string, query: string, tables: SourceTables): OutletCard {
  const normalised = key.startsWith('host:') ? normaliseDomain(key.slice(5)) : nameAddress(nameIndex(tables).targets.get(key));
  return normalised === null ? notRatedCard(query, null, 'no outlet in the tables has this name or domain') : cardForDomain(normalised, query, tables);
}

type Found<T> = { rows: Lined<T>[]; host: string; via: boolean };

/** The card for a normalised address: the outlet that owns the host, and every rating that applies. */
export function cardForDomain(address: NormalisedDomain, query: string, tables: SourceTables): OutletCard {
  const listed = listedHostsFor(tables, address.host);
  const outlet = outletForHost(tables, address.host);
  const rsp = rowsFor(tables.rspByHost, listed, address.path, outlet);
  const cred1 = rowsFor(tables.cred1ByHost, listed, address.path, outlet);
  const domain = listed[0] ?? address.domain;
  const name = outlet?.name ?? rsp?.rows[0]?.name ?? null;
  const outletField = outlet === null ? null : plainOutlet(outlet);
  if (rsp === null && cred1 === null) {
    const card = notRatedCard(query, domain, `neither Wikipedia RSP nor CRED-1 lists ${domain}; absence says nothing either way (CRED-1 lists low-credibility domains only, RSP only outlets Wikipedia editors have discussed)`);
    card.name = name;
    card.outlet = outletField;
    card.reliability.notes.push(...ownershipNotes(outlet, tables));
    return card;
  }

  const notes: string[] = [];
  const ratings: Rating[] = [];
  const components: { source: keyof typeof SOURCE_WEIGHTS; score: number; age: number; via: boolean }[] = [];
  const caps: { cap: number; why: string }[] = [];
  let scopeSpread = 0;

  if (rsp !== null) {
    const scored = rsp.rows.map((row) => ({ row, scope: scopeOf(row, rsp.rows), ...RSP_STATUS_SCORES[row.status] }));
    const general = scored.filter((r) => r.scope === null);
    const current = scored.filter((r) => r.scope !== null && !isPastPeriod(r.scope));
    const counted = general.length > 0 ? general : current.length > 0 ? current : scored;
    const allCapped = counted.every((r) => capOf(r.row) !== null);
    for (const r of scored) {
      const isCounted = counted.includes(r);
      const cap = capOf(r.row);
      const rating: Rating = {
        source: 'wikipedia-rsp',
        version: tables.rsp.header.version,
        snapshot: r.row.snapshot,
        license: tables.rsp.licenseName,
        citation: r.row.shortcut === null ? `${CITATIONS['wikipedia-rsp']} (${r.row.name}, snapshot ${r.row.snapshot})` : `${CITATIONS['wikipedia-rsp']} (${r.row.shortcut})`,
        raw: rawStatus(r.row),
        matched: r.row.domain + (r.row.path ?? ''),
        score: r.score,
        capped: cap !== null && isCounted && allCapped,
        counted: isCounted,
      };
      if (r.scope !== null) rating.scope = r.scope;
      ratings.push(rating);
      if (rating.capped && cap !== null) caps.push({ cap, why: `wikipedia-rsp: ${rating.raw}` });
    }
    const countedScores = counted.map((r) => r.score);
    const mean = average(countedScores);
    scopeSpread = Math.max(...countedScores) - Math.min(...countedScores);
    const ages = counted.map((r) => tables.referenceYear - (r.row.lastDiscussed ?? Number(r.row.snapshot.slice(0, 4))));
    components.push({ source: 'wikipedia-rsp', score: mean, age: average(ages), via: rsp.via });
    notes.push(...scopeNotes(scored, counted, general.length > 0, mean, rsp.host));
    if (!allCapped && counted.some((r) => capOf(r.row) !== null)) notes.push('some counted RSP scopes are deprecated or blacklisted, others are not: no cap applied to the whole outlet');
    if (rsp.via) notes.push(`no Wikipedia RSP row for ${address.host}; using ${rsp.host}, another domain of ${name ?? 'the same outlet'}`);
  }

  if (cred1 !== null) {
    const row = cred1.rows[0] as Lined<Cred1Row>;
    const cap = CRED1_CAPS[row.category];
    const score = cap === undefined ? row.score : Math.min(row.score, cap);
    ratings.push({
      source: 'cred1',
      version: tables.cred1.header.version,
      snapshot: row.snapshot,
      license: tables.cred1.licenseName,
      citation: CITATIONS.cred1,
      raw: `${row.category} ${row.score}`,
      matched: row.domain + (row.path ?? ''),
      score,
      capped: cap !== undefined,
      counted: true,
    });
    if (cap !== undefined) caps.push({ cap, why: `cred1: ${row.category}` });
    components.push({ source: 'cred1', score, age: tables.referenceYear - Number(row.snapshot.slice(0, 4)), via: cred1.via });
    if (row.category === 'satire') notes.push('CRED-1 lists it as satire: it does not publish news as fact');
    if (cred1.via) notes.push(`no CRED-1 row for ${address.host}; using ${cred1.host}, another domain of ${name ?? 'the same outlet'}`);
  }

  let weight = 0;
  let sum = 0;
  for (const c of components) {
    weight += SOURCE_WEIGHTS[c.source];
    sum += SOURCE_WEIGHTS[c.source] * c.score;
  }
  const mean = sum / weight;
  const lowest = caps.reduce<{ cap: number; why: string } | null>((low, c) => (low === null || c.cap < low.cap ? c : low), null);
  const score = round(lowest !== null ? Math.min(mean, lowest.cap) : mean, 3);
  const parts = components.map((c) => `${c.source} ${round(c.score, 3)} x${SOURCE_WEIGHTS[c.source]}`).join(' + ');
  notes.unshift(`combined: ${parts} -> ${round(mean, 3)}${lowest !== null && lowest.cap < mean ? `, capped at ${lowest.cap} (${lowest.why})` : ''}`);

  const scores = components.map((c) => c.score);
  const spread = Math.max(Math.max(...scores) - Math.min(...scores), scopeSpread);
  const recency = components.reduce((acc, c) => acc + SOURCE_WEIGHTS[c.source] * freshness(c.age), 0) / weight;
  const alias = components.some((c) => c.via) ? CONFIDENCE.viaAlias : 1;
  const confidence = round(Math.min(1, (CONFIDENCE.base + CONFIDENCE.perWeight * weight) * (1 - CONFIDENCE.disagreement * spread) * recency * alias), 2);

  notes.push(...ownershipNotes(outlet, tables));
  if (address.mirror !== undefined) notes.push(`unwrapped from the mirror ${address.mirror}`);
  return { query, domain, name, outlet: outletField, reliability: { score, label: labelFor(score), confidence, ratings, notes } };
}

function notRatedCard(query: string, domain: string | null, why: string): OutletCard {
  return { query, domain, name: null, outlet: null, reliability: { score: null, label: 'not-rated', confidence: 0, ratings: [], notes: [`not rated: ${why}`] } };
}

// Rows for the most specific listed host that has any applying to `path`; a row with a path applies only
// under it, and the longest matching path wins. With none, another domain of the same outlet (an alias).
function rowsFor<T extends { domain: string; path?: string | undefined }>(byHost: ReadonlyMap<string, readonly Lined<T>[]>, listed: readonly string[], path: string, outlet: Lined<Outlet> | null): Found<T> | null {
  for (const host of listed) {
    const rows = byHost.get(host);
    if (rows === undefined) continue;
    const applying = pickRows(rows, path);
    if (applying.length > 0) return { rows: applying, host, via: false };
  }
  if (outlet === null) return null;
  for (const host of outlet.domains) {
    if (listed.includes(host)) continue;
    const rows = byHost.get(host);
    const applying = rows === undefined ? [] : pickRows(rows, '/');
    if (applying.length > 0) return { rows: applying, host, via: true };
  }
  return null;
}

function pickRows<T extends { path?: string | undefined }>(rows: readonly Lined<T>[], path: string): Lined<T>[] {
  const lower = path.toLowerCase();
  let longest = -1;
  for (const row of rows) {
    const prefix = row.path?.toLowerCase();
    if (prefix !== undefined && underPath(lower, prefix)) longest = Math.max(longest, prefix.length);
  }
  if (longest >= 0) return rows.filter((row) => row.path !== undefined && row.path.length === longest && underPath(lower, row.path.toLowerCase()));
  return rows.filter((row) => row.path === undefined);
}

function underPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/** The scope of an RSP row: its own, or the part its id adds to a sibling row's (`The Guardian blogs` -> `blogs`). */
export function scopeOf(row: RspRow, siblings: readonly RspRow[]): string | null {
  if (row.scope !== null) return row.scope;
  if (row.id === row.name) return null;
  let prefix = '';
  for (const candidate of [row.name, ...siblings.map((s) => s.id)]) {
    if (candidate !== row.id && candidate.length > prefix.length && row.id.startsWith(candidate)) prefix = candidate;
  }
  if (prefix === '') return null;
  const rest = row.id.slice(prefix.length).trim().replace(/^\((.*)\)$/, '$1').trim();
  return rest === '' ? null : rest;
}

// `pre-2013`, `pre–5 August 2010; print issue`, `2012–2018`, `October 2020–October 2022`: a closed past period.
function isPastPeriod(scope: string): boolean {
  return /^pre[-\u2013\s]/i.test(scope) || /\d{4}\s*[-\u2013]\s*(?:\p{L}+\s+)?\d{4}\b/u.test(scope);
}

function capOf(row: RspRow): number | null {
  const caps: number[] = [];
  const statusCap = (RSP_STATUS_SCORES[row.status] as { cap?: number }).cap;
  if (statusCap !== undefined) caps.push(statusCap);
  if (row.deprecated) caps.push(RSP_STATUS_SCORES.deprecated.cap);
  if (row.blacklisted) caps.push(RSP_STATUS_SCORES.blacklisted.cap);
  return caps.length === 0 ? null : Math.min(...caps);
}

function rawStatus(row: RspRow): string {
  const flags = [row.status === 'blacklisted' || !row.blacklisted ? '' : 'blacklisted', row.status === 'deprecated' || !row.deprecated || row.status === 'blacklisted' ? '' : 'deprecated'].filter((f) => f !== '');
  return flags.length === 0 ? row.status : `${row.status} (${flags.join(', ')})`;
}

type Scored = { row: RspRow; scope: string | null; score: number };

function scopeNotes(scored: readonly Scored[], counted: readonly Scored[], hasGeneral: boolean, mean: number, host: string): string[] {
  if (scored.length < 2) return [];
  const describe = (list: readonly Scored[]): string => list.map((r) => `${r.scope ?? 'general'}: ${r.row.status}`).join('; ');
  const left = scored.filter((r) => !counted.includes(r));
  if (hasGeneral) {
    return left.length === 0 ? [] : [`Wikipedia RSP also rates parts of ${host} (${describe(left)}); shown, not counted, because a general rating exists`];
  }
  const notes = [`Wikipedia RSP rates ${host} only by scope (${describe(counted)}); counted as their mean, ${round(mean, 3)}: check which scope the article falls under`];
  if (left.length > 0) notes.push(`rows for past periods (${describe(left)}) are shown, not counted`);
  return notes;
}

function ownershipNotes(outlet: Outlet | null, tables: SourceTables): string[] {
  if (outlet === null || outlet.stateNote === undefined) return [];
  const country = tables.countryNames.get(outlet.country) ?? countryName(outlet.country);
  if (outlet.ownership === 'state') {
    return [
      `ownership: state-controlled (${country}): ${outlet.stateNote}. On topics where the government of ${country} has a stake (its politics and leaders, foreign policy, military action, its rivals and allies) read it as that government's voice and corroborate with independent sources. Ownership does not change the score.`,
    ];
  }
  return [`ownership: ${outlet.ownership}, publicly funded (${country}): ${outlet.stateNote}. Ownership does not change the score.`];
}

function plainOutlet(outlet: Lined<Outlet>): Outlet {
  const { line: _line, ...rest } = outlet;
  return { ...rest, domains: [...rest.domains], citations: [...rest.citations] };
}

function freshness(age: number): number {
  return age <= CONFIDENCE.freshYears ? 1 : Math.max(CONFIDENCE.floor, 1 - CONFIDENCE.perStaleYear * (age - CONFIDENCE.freshYears));
}

function average(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

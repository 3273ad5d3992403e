/**
 * Loading `lexicons/sources/`: the three tables (and the particles of outlet names) are read once per folder, every line validated by its
 * strict schema, checked for order and duplicates, then indexed by listed host and by registrable domain.
 * A broken table throws a LexiconError naming the file, the line and the value, like every other lexicon.
 */
import { join } from 'node:path';
import { getDomain } from 'tldts';
import type { z } from 'zod';
import { bundledFolder, LexiconError, loadOnce, parseLexicon, parseRecords, readDataFile, withRecordCache } from '../data/index.ts';
import type { SnapshotForm } from '../data/files.ts';
import { MapMadeByKey } from '../data/map-read-on-first-use.ts';
import { jsonLine, latin1, lineReader } from '../data/packed-lines.ts';
import { cred1RowSchema, outletSchema, rspRowSchema, type Cred1Row, type Outlet, type RspRow, type TableHeader } from './schema.ts';

export type Lined<T> = T & { readonly line: number };

/** One loaded file: where it is shown from, the name reports cite it by (`sources/cred1`), its header, and the licence name (`CC BY-SA 4.0`). */
export type TableInfo = { readonly file: string; readonly name: string; readonly header: TableHeader; readonly licenseName: string };

export type SourceTables = {
  readonly dir: string;
  readonly rsp: TableInfo & { readonly rows: readonly Lined<RspRow>[] };
  readonly cred1: TableInfo & { readonly rows: readonly Lined<Cred1Row>[] };
  readonly ownership: TableInfo & { readonly rows: readonly Lined<Outlet>[] };
  /** rows keyed by the host they list (`presstv.ir`, `news.sky.com`), paths included */
  readonly rspByHost: ReadonlyMap<string, readonly Lined<RspRow>[]>;
  readonly cred1ByHost: ReadonlyMap<string, readonly Lined<Cred1Row>[]>;
  readonly outletByHost: ReadonlyMap<string, Lined<Outlet>>;
  readonly outletById: ReadonlyMap<string, Lined<Outlet>>;
  /** registrable domain -> every host any table lists under it, longest first */
  readonly hostsByDomain: ReadonlyMap<string, readonly string[]>;
  /** the year of the newest snapshot: "now" for recency, so that results never depend on the clock */
  readonly referenceYear: number;
  /** the small words inside outlet names in any of their languages (`the`, `of`, `de`, `der`): they count for nothing in a name */
  readonly nameParticles: ReadonlySet<string>;
  /** the English name of each country a state or public outlet belongs to (`IR` -> `Iran`), for its ownership note */
  readonly countryNames: ReadonlyMap<string, string>;
};

export const SOURCE_FILES = { rsp: 'wikipedia-rsp.jsonl', cred1: 'cred1.jsonl', ownership: 'ownership.jsonl', nameParticles: 'name-particles.jsonl' } as const;

/** Reads and validates the three source tables in `dir` (default: the bundled folder); once per folder. */
export function loadSourceTables(dir: string = defaultSourcesDir()): SourceTables {
  return loadOnce('sources', dir, buildSourceTables, ROWS_MADE_ON_USE);
}

function buildSourceTables(key: string): SourceTables {
  const rsp = parseTable(key, SOURCE_FILES.rsp, rspRowSchema, (row) => [row.domain, row.path ?? '', row.scope ?? '', row.id], 'domain, path, scope, id');
  const cred1 = parseTable(key, SOURCE_FILES.cred1, cred1RowSchema, (row) => [row.domain, row.path ?? ''], 'domain, path');
  const ownership = parseTable(key, SOURCE_FILES.ownership, outletSchema, (row) => [row.id], 'id');

  const outletByHost = new Map<string, Lined<Outlet>>();
  const outletById = new Map<string, Lined<Outlet>>();
  for (const row of ownership.rows) {
    outletById.set(row.id, row);
    for (const host of row.domains) {
      const previous = outletByHost.get(host);
      if (previous !== undefined) {
        throw new LexiconError('duplicate', ownership.file, row.line, host, `domain already belongs to ${previous.id} (line ${previous.line}); a domain belongs to one outlet only`);
      }
      outletByHost.set(host, row);
    }
  }
  const rspByHost = groupByHost(rsp.rows);
  const cred1ByHost = groupByHost(cred1.rows);

  const hostsByDomain = new Map<string, string[]>();
  for (const host of new Set([...rspByHost.keys(), ...cred1ByHost.keys(), ...outletByHost.keys()])) {
    const registrable = getDomain(host) ?? host;
    const hosts = hostsByDomain.get(registrable);
    if (hosts === undefined) hostsByDomain.set(registrable, [host]);
    else hosts.push(host);
  }
  for (const hosts of hostsByDomain.values()) hosts.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

  let referenceYear = 0;
  for (const row of [...rsp.rows, ...cred1.rows]) referenceYear = Math.max(referenceYear, Number(row.snapshot.slice(0, 4)));

  const nameParticles = readNameParticles(key);
  // Named here, so that the names travel in the data snapshot: making Intl.DisplayNames loads ICU's region data,
  // ~28 ms that a one-article command citing a state outlet (the seed article) paid at every start.
  const countryNames = new Map<string, string>();
  for (const row of ownership.rows) if (row.stateNote !== undefined && !countryNames.has(row.country)) countryNames.set(row.country, countryName(row.country));
  return { dir: key, rsp, cred1, ownership, rspByHost, cred1ByHost, outletByHost, outletById, hostsByDomain, referenceYear, nameParticles, countryNames };
}

/**
 * The key `hostsByDomain` files `host` under (its registrable domain as tldts gave it when the tables were built,
 * or the host itself) when a table lists `host` itself; undefined otherwise. Each listed host is filed once, under
 * a suffix of itself, so the answer is tldts's: read from the tables, a card for a listed host loads no
 * public-suffix list (tldts builds its tables when first called, ~15 ms of a one-article command).
 */
export function tableDomainOf(tables: SourceTables, host: string): string | undefined {
  for (let at = 0; ; at++) {
    const suffix = at === 0 ? host : host.slice(at);
    if (tables.hostsByDomain.get(suffix)?.includes(host) === true) return suffix;
    at = host.indexOf('.', at);
    if (at === -1) return undefined;
  }
}

/** The bundled `lexicons/sources` folder, found from this module whether it runs from src/ or dist/. */
export const defaultSourcesDir = bundledFolder(['lexicons', 'sources'], [SOURCE_FILES.rsp, SOURCE_FILES.ownership]);

function groupByHost<T extends { domain: string }>(rows: readonly T[]): Map<string, T[]> {
  const byHost = new Map<string, T[]>();
  for (const row of rows) {
    const list = byHost.get(row.domain);
    if (list === undefined) byHost.set(row.domain, [row]);
    else list.push(row);
  }
  return byHost;
}

// Every table is read like a lexicon: `#` header, then one JSON object a line, validated, unique and sorted.
function parseTable<T>(dir: string, name: string, schema: z.ZodType<T>, keyOf: (row: T) => string[], keyName: string): TableInfo & { rows: Lined<T>[] } {
  const file = `lexicons/sources/${name}`;
  const text = readDataFile(join(dir, name), file);
  const { header, records } = withRecordCache(`sources:${name}`, file, text, () => parseRecords(file, text, schema, keyOf, keyName));
  return { file, name: `sources/${name.replace(/\.jsonl$/, '')}`, header, licenseName: licenseName(header.license), rows: records.map(({ record, line }) => ({ ...record, line })) };
}

// A word list like the lexicons' (a plain one: terms only), kept with the tables because the names it reads are theirs.
function readNameParticles(dir: string): Set<string> {
  const file = `lexicons/sources/${SOURCE_FILES.nameParticles}`;
  const lexicon = parseLexicon('name-particles', file, readDataFile(join(dir, SOURCE_FILES.nameParticles), file), 'plain');
  return new Set(lexicon.entries.map((entry) => entry.term));
}

// `CC BY-SA 4.0 (https://...); share-alike ...` -> `CC BY-SA 4.0`: the name is what a card line has room for.
function licenseName(license: string): string {
  const cut = license.search(/\s*[(;]/);
  return (cut > 0 ? license.slice(0, cut) : license).trim();
}

// The data snapshot stores the RSP and cred1 rows and the hosts by domain (7,000 objects, two thirds of the
// outlet tables' restore time) as lines of text, made when first read: an article asks about a few hosts. A row
// is made once and is the same object in `rows` and in `...ByHost`. The rows of a host sit together (tables are
// sorted by domain first), so a host is its first row's position. The ownership rows stay whole: the outlet
// name index holds them. Anything the lines would not give back exactly is stored as it is.
type StoredRows = { readonly lines: string; readonly count: number; readonly hosts: string; readonly starts: readonly number[] };
type StoredTable<T> = Omit<TableInfo & { rows: readonly Lined<T>[] }, 'rows'> & { readonly rows: null; readonly stored: StoredRows };
/** Registrable domains, one a line, and their hosts, one line of hosts (separated by spaces) each. */
type StoredHosts = { readonly domains: string; readonly hosts: string };
type StoredSourceTables = Omit<SourceTables, 'rsp' | 'cred1' | 'rspByHost' | 'cred1ByHost' | 'hostsByDomain'> & {
  readonly rsp: StoredTable<RspRow>;
  readonly cred1: StoredTable<Cred1Row>;
  readonly rspByHost: null;
  readonly cred1ByHost: null;
  readonly hostsByDomain: StoredHosts;
};

const ROWS_MADE_ON_USE: SnapshotForm<SourceTables> = {
  pack(tables) {
    const rsp = packTable(tables.rsp, tables.rspByHost);
    const cred1 = packTable(tables.cred1, tables.cred1ByHost);
    const hostsByDomain = packHosts(tables.hostsByDomain);
    if (rsp === undefined || cred1 === undefined || hostsByDomain === undefined) return tables;
    return { ...tables, rsp, cred1, rspByHost: null, cred1ByHost: null, hostsByDomain } satisfies StoredSourceTables;
  },
  unpack(stored) {
    const tables = stored as SourceTables | StoredSourceTables;
    if (tables.rspByHost !== null) return tables as SourceTables;
    const packed = tables as StoredSourceTables;
    const rsp = unpackTable(packed.rsp);
    const cred1 = unpackTable(packed.cred1);
    const { domains, hosts } = packed.hostsByDomain;
    const hostsByDomain = new MapMadeByKey(
      () => (domains === '' ? [] : domains.split('\n')),
      lineReader(hosts, (line) => line.split(' ')),
    );
    return { ...tables, rsp: rsp.table, cred1: cred1.table, rspByHost: rsp.byHost, cred1ByHost: cred1.byHost, hostsByDomain };
  },
};

// One line per domain; a host with a space or a line break (none is valid) keeps the Map as it is.
function packHosts(hostsByDomain: ReadonlyMap<string, readonly string[]>): StoredHosts | undefined {
  const domains: string[] = [];
  const lines: string[] = [];
  for (const [domain, hosts] of hostsByDomain) {
    if (/[\s]/.test(domain) || hosts.length === 0 || hosts.some((host) => host === '' || /[\s]/.test(host))) return undefined;
    domains.push(domain);
    lines.push(hosts.join(' '));
  }
  return { domains: latin1(domains.join('\n')), hosts: latin1(lines.join('\n')) };
}

function packTable<T extends { domain: string }>(table: TableInfo & { rows: readonly Lined<T>[] }, byHost: ReadonlyMap<string, readonly Lined<T>[]>): StoredTable<T> | undefined {
  const lines: string[] = [];
  const hosts: string[] = [];
  const starts: number[] = [];
  for (const [i, row] of table.rows.entries()) {
    const line = jsonLine(row);
    if (line === undefined) return undefined;
    lines.push(line);
    if (i === 0 || row.domain !== (table.rows[i - 1] as Lined<T>).domain) {
      hosts.push(row.domain);
      starts.push(i);
    }
  }
  starts.push(table.rows.length);
  // The same grouping as groupByHost's, or the rows are stored as they are.
  if (hosts.some((host) => host.includes('\n')) || hosts.length !== byHost.size) return undefined;
  for (const [g, host] of hosts.entries()) {
    const rows = byHost.get(host);
    if (rows === undefined || rows.length !== (starts[g + 1] as number) - (starts[g] as number) || rows.some((row, k) => row !== table.rows[(starts[g] as number) + k])) return undefined;
  }
  const { rows: _rows, ...info } = table;
  return { ...info, rows: null, stored: { lines: latin1(lines.join('\n')), count: table.rows.length, hosts: latin1(hosts.join('\n')), starts } };
}

function unpackTable<T>(table: StoredTable<T>): { table: TableInfo & { readonly rows: readonly Lined<T>[] }; byHost: ReadonlyMap<string, readonly Lined<T>[]> } {
  const { lines, count, hosts, starts } = table.stored;
  const made: (Lined<T> | undefined)[] = new Array<Lined<T> | undefined>(count);
  const parse = lineReader(lines, (line) => JSON.parse(line) as Lined<T>);
  const rowAt = (i: number): Lined<T> => (made[i] ??= parse(i));
  let all: Lined<T>[] | undefined;
  const { stored: _stored, rows: _rows, ...info } = table;
  return {
    table: {
      ...info,
      get rows(): readonly Lined<T>[] {
        all ??= Array.from({ length: count }, (_, i) => rowAt(i));
        return all;
      },
    },
    byHost: new MapMadeByKey(
      () => (starts.length === 1 ? [] : hosts.split('\n')),
      (g) => {
        const rows: Lined<T>[] = [];
        for (let i = starts[g] as number; i < (starts[g + 1] as number); i++) rows.push(rowAt(i));
        return rows;
      },
    ),
  };
}

// Made on first use: creating it loads ICU's region data.
let regionNames: Intl.DisplayNames | null | undefined;
function regionNamesOnce(): Intl.DisplayNames | null {
  if (regionNames !== undefined) return regionNames;
  try {
    regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    regionNames = null;
  }
  return regionNames;
}

/** The English name of the region `code` (`IR` -> `Iran`), or the code when the runtime has no name for it. */
export function countryName(code: string): string {
  try {
    return regionNamesOnce()?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Loading `lexicons/sources/`: the three tables (and the particles of outlet names) are read once per folder, every line validated by its
 * strict schema, checked for order and duplicates, then indexed by listed host and by registrable domain.
 * A broken table throws a LexiconError naming the file, the line and the value, like every other lexicon.
 */
import { join } from 'node:path';
import { getDomain } from 'tldts';
import type { z } from 'zod';
import { bundledFolder, LexiconError, loadOnce, parseLexicon, parseRecords, readDataFile, withRecordCache } from '../data/index.ts';
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
};

export const SOURCE_FILES = { rsp: 'wikipedia-rsp.jsonl', cred1: 'cred1.jsonl', ownership: 'ownership.jsonl', nameParticles: 'name-particles.jsonl' } as const;

/** Reads and validates the three source tables in `dir` (default: the bundled folder); once per folder. */
export function loadSourceTables(dir: string = defaultSourcesDir()): SourceTables {
  return loadOnce('sources', dir, buildSourceTables);
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
  return { dir: key, rsp, cred1, ownership, rspByHost, cred1ByHost, outletByHost, outletById, hostsByDomain, referenceYear, nameParticles };
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

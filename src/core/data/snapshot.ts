/**
 * The data snapshot (`dist/data.snapshot`, written by `npm run build`): what `loadOnce` built from the bundled
 * data files (lexicon tables, outlet tables, baseline), stored as plain data so that a command-line start
 * restores the tables instead of reading, validating and indexing some sixty files. Each entry names the
 * files it was built from with their SHA-256; an entry whose files changed, a snapshot from another build of
 * the code, or any problem reading it, falls back to building from the files, so the snapshot can make a
 * start slower but never a result different. SLANT_NO_CACHE=1 turns it off.
 *
 * Only plain values are stored: strings, numbers, booleans, arrays, plain objects, Maps, Sets and Float64Arrays
 * (weights), shared objects staying shared. Anything else (an integer typed array, a class instance, a
 * function) makes the writer fail rather than store something a new process could misread: in particular no
 * process-local ids, such as a vocabulary's word numbers, inside the tables. The one exception is kept
 * apart: the recorded run's whole vocabulary, and the tables by word id and the values made by word id (tries,
 * token masks: `madeByWordId`) from the entries' tables (`Recorded`), which a process uses only when it made
 * that vocabulary its own before registering any word.
 */
import { closeSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { TableById, VocabularyState } from '../text/vocabulary.ts';
import { MapReadOnFirstUse } from './map-read-on-first-use.ts';
import { deserializeWithViews, serializeWithViews } from './snapshot-views.ts';
import { fileIdentity, fromPortable, settledIdentity, sha256, toPortable } from './snapshot-files.ts';

/** Bumped when the file layout or the value encoding changes. */
const FORMAT = 12;

/**
 * A file an entry was built from: a path relative to the package root, or `module:` and a package path, its
 * SHA-256, and its identity on disk when the snapshot was written (see fileIdentity).
 */
type SnapshotSource = { readonly file: string; readonly sha256: string; readonly identity: string };
type Range = { readonly start: number; readonly end: number };
/**
 * An entry: its stored value's bytes (`serializeWithViews`: its typed arrays from `viewsAt` on, counted from
 * `start`, a multiple of 8), and those of the tables stored apart from it (see plainCopy), read when first used.
 */
type Entry = { readonly kind: string; readonly location: string; readonly sources: readonly SnapshotSource[]; readonly start: number; readonly end: number; readonly viewsAt: number; readonly apart?: Range };
// The vocabulary's forms (V8's serialization) and its typed arrays as raw bytes, read straight into arrays of
// their own or taken as views of the body read ahead (through V8's serialization, each was copied to align it).
type VocabularyRanges = { readonly forms: Range; readonly slots: Range; readonly units: Range; readonly known: Range };
/**
 * `prefix`: the length of the body's part a start restores (the vocabulary and the entries, each part at a
 * multiple of 8); the tables stored apart come after it. First in the header, where bin/cli-start.js finds it
 * to read that part ahead (see SnapshotReadAhead).
 */
type Header = { readonly prefix: number; readonly format: number; readonly build: string; readonly v8: string; readonly entries: readonly Entry[]; readonly vocabulary: VocabularyRanges };

/**
 * What one `loadOnce` build made and read, with the tables `derivedOnce` made from it (stored together, so
 * that objects they share stay shared): the writer's input.
 */
export type BuiltEntry = { readonly kind: string; readonly path: string; readonly value: unknown; readonly derived: ReadonlyMap<string, unknown>; readonly files: readonly string[] };
/**
 * What a recorded run built: the entries, and the vocabulary with the tables by word id made from the
 * entries' tables (text/vocabulary.ts). Those hold word ids, which the snapshot stores all the same, bound to
 * the vocabulary stored beside them: a process restores them only when that vocabulary becomes its own.
 */
export type Recorded = { readonly entries: readonly BuiltEntry[]; readonly vocabulary: VocabularyState; readonly tablesById: readonly TableById[]; readonly madeById: readonly MadeById[] };
/**
 * A value holding word ids that code made from a loaded table (`madeByWordId` in files.ts: a trie read by id,
 * the token masks), stored like the tables by id: bound to the vocabulary stored beside it. `key` is the table
 * it was made from, `kind` says what was made.
 */
export type MadeById = { readonly kind: string; readonly key: object; readonly value: unknown };
/** A restored entry: the value, its derived tables, and the tables by id and values made by id from them (for the snapshot's vocabulary only). */
export type RestoredEntry = { readonly value: unknown; readonly derived: ReadonlyMap<string, unknown>; readonly tablesById: readonly TableById[]; readonly madeById: readonly MadeById[] };

/**
 * An open snapshot: its header, and the file, kept open, so that the parts read later (an entry, tables stored
 * apart, read on first use) come from the file the header was read from even if a build replaces it meanwhile.
 * Only the parts a process restores are read: not the tables it never asks for. `prefix`: the body's first
 * `header.prefix` bytes when a caller read them ahead, which the restore then takes views of instead of reading.
 */
export type OpenSnapshot = { readonly root: string; readonly header: Header; readonly fd: number; readonly bodyStart: number; readonly largestStream: number; readonly prefix?: Uint8Array };

/**
 * The body's prefix of the snapshot at `file` (see Header), read from `fd` at `bodyStart` on libuv's thread pool
 * while the caller did other work, and `done` once all of it was read: bin/cli-start.js starts the read before
 * the CLI's code is compiled, so that a start does not wait for those ~6 MB (~1,500 fresh pages) on its own thread.
 * The restored arrays are views of it, so it lives as long as they do (the process, for the CLI).
 */
export type SnapshotReadAhead = { readonly file: string; readonly fd: number; readonly bodyStart: number; readonly prefix: Uint8Array; readonly done: boolean };

/**
 * Writes `entries` to `path` for the code build `build`, locations and files relative to `root` (the package
 * folder); throws when a value holds something other than plain data.
 */
export function writeSnapshot(path: string, root: string, build: string, recorded: Recorded): void {
  // Every part at a multiple of 8 from the body's start, so that typed arrays can be views of a body read whole.
  const bodies: Buffer[] = [];
  let offset = 0;
  const place = (bytes: Buffer): Range => {
    const start = Math.ceil(offset / 8) * 8;
    bodies.push(Buffer.alloc(start - offset), bytes);
    offset = start + bytes.length;
    return { start, end: offset };
  };
  const raw = (array: NodeJS.TypedArray): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  // The vocabulary first: typed arrays of ids, written as they are (plainCopy refuses them in tables).
  const { forms, slots, units, known } = recorded.vocabulary;
  const vocabulary: VocabularyRanges = { forms: place(serialize(forms)), slots: place(raw(slots)), units: place(raw(units)), known: place(raw(known)) };
  const headerEntries: Entry[] = [];
  const aparts: Buffer[] = [];
  for (const entry of recorded.entries) {
    const { apart, ...stored } = plainCopy({ value: entry.value, derived: entry.derived }, entry.path, recorded.tablesById, recorded.madeById);
    const { bytes, viewsAt } = serializeWithViews(stored);
    const sources = [...new Set(entry.files)].sort().map((file) => ({ file: toPortable(root, file), sha256: sha256(readFileSync(file)), identity: settledIdentity(file) }));
    headerEntries.push({ kind: entry.kind, location: toPortable(root, entry.path), sources, ...place(bytes), viewsAt });
    aparts.push(apart ?? Buffer.alloc(0));
  }
  // The tables stored apart after everything a start restores, which is then one run of bytes (`prefix`).
  const prefix = offset;
  const entries = headerEntries.map((entry, i) => ((aparts[i] as Buffer).length === 0 ? entry : { ...entry, apart: place(aparts[i] as Buffer) }));
  const header: Header = { prefix, format: FORMAT, build, v8: process.versions.v8, entries, vocabulary };
  // Written beside, then renamed: a command starting meanwhile reads the old snapshot or the new one, whole.
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies]));
  renameSync(partial, path);
}

/**
 * The snapshot at `path` for code build `build`, or undefined when it is missing, unreadable or from another
 * build; `ahead`: its body's prefix read ahead (see SnapshotReadAhead), taken when it is of this file.
 */
export function openSnapshot(path: string, root: string, build: string, ahead?: SnapshotReadAhead): OpenSnapshot | undefined {
  let fd: number;
  try {
    fd = ahead?.file === path ? ahead.fd : openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    // The header is the first line: read in growing pieces until its end.
    let head = Buffer.alloc(0);
    let newline = -1;
    while (newline === -1) {
      const piece = Buffer.allocUnsafe(Math.max(64 * 1024, head.length));
      const read = readSync(fd, piece, 0, piece.length, head.length);
      if (read === 0) throw new Error('snapshot: no header');
      const searchFrom = head.length;
      head = Buffer.concat([head, piece.subarray(0, read)]);
      newline = head.indexOf(10, searchFrom);
    }
    const header = JSON.parse(head.toString('utf8', 0, newline)) as Header;
    // V8's format is read by the same V8 only.
    if (header.format !== FORMAT || header.build !== build || header.v8 !== process.versions.v8 || !Array.isArray(header.entries)) throw new Error('snapshot: another build');
    const largestStream = Math.max(header.vocabulary.forms.end - header.vocabulary.forms.start, ...header.entries.map((entry) => entry.viewsAt));
    const read = ahead?.fd === fd && ahead.done && ahead.bodyStart === newline + 1 && ahead.prefix.length === header.prefix;
    return { root, header, fd, bodyStart: newline + 1, largestStream, ...(read ? { prefix: ahead.prefix } : {}) };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

// The bytes of `range` as a view of the body's prefix read ahead, when it holds them at an offset that is a
// multiple of `align` (the writer aligned every part to 8); else undefined.
function readAhead(snapshot: OpenSnapshot, range: Range, align = 1): Buffer | undefined {
  const { prefix } = snapshot;
  if (prefix === undefined || range.end > prefix.length || (prefix.byteOffset + range.start) % align !== 0) return undefined;
  return Buffer.from(prefix.buffer, prefix.byteOffset + range.start, range.end - range.start);
}

// The same as a typed array of `View`, a view too.
function readAheadAs<V>(snapshot: OpenSnapshot, range: Range, View: { new (buffer: ArrayBuffer, offset: number, length: number): V; readonly BYTES_PER_ELEMENT: number }): V | undefined {
  const size = View.BYTES_PER_ELEMENT;
  const bytes = readAhead(snapshot, range, size);
  return bytes === undefined || bytes.length % size !== 0 ? undefined : new View(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length / size);
}

// The bytes of `range` of the snapshot's body, in `bytes` when given (a typed array of the range's length);
// throws when the file is shorter.
function readRange<B extends NodeJS.ArrayBufferView = Buffer>(snapshot: OpenSnapshot, range: Range, into?: B): B {
  const bytes = into === undefined ? Buffer.allocUnsafe(range.end - range.start) : new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
  if (bytes.length !== range.end - range.start) throw new Error('snapshot: a range of the wrong length');
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(snapshot.fd, bytes, done, bytes.length - done, snapshot.bodyStart + range.start + done);
    if (read === 0) throw new Error('snapshot: the file ends early');
    done += read;
  }
  return (into ?? bytes) as B;
}

// One buffer for every V8 stream a process reads (the vocabulary's forms, each entry's stream): what is
// deserialized from one is copied out of it, and each fresh page costs a start (see snapshot-views.ts). Made
// at the size of the snapshot's largest, and only weakly held, so that a long-lived process does not keep it.
let streams: WeakRef<Buffer> | undefined;

function streamBuffer(snapshot: OpenSnapshot, length: number): Buffer {
  let buffer = streams?.deref();
  if (buffer === undefined || buffer.length < length) streams = new WeakRef((buffer = Buffer.allocUnsafeSlow(Math.max(length, snapshot.largestStream))));
  return buffer.subarray(0, length);
}

/**
 * The value stored for `kind` built from the folder or file at the absolute `path`, when the snapshot has one
 * and every file it was built from still has the same SHA-256; else undefined (build it from the files).
 */
export function restoreEntry(snapshot: OpenSnapshot, kind: string, path: string): RestoredEntry | undefined {
  const entry = snapshot.header.entries.find((candidate) => candidate.kind === kind && fromPortable(snapshot.root, candidate.location) === path);
  if (entry === undefined) return undefined;
  try {
    for (const source of entry.sources) {
      const file = fromPortable(snapshot.root, source.file);
      if (fileIdentity(file) !== source.identity && sha256(readFileSync(file)) !== source.sha256) return undefined;
    }
    // A buffer of its own, so that the typed arrays, views of it, are aligned.
    // The typed arrays in a buffer of their own (of which they are views, aligned), the stream in the shared one.
    const viewsRange = { start: entry.start + entry.viewsAt, end: entry.end };
    const streamRange = { start: entry.start, end: entry.start + entry.viewsAt };
    const views = readAhead(snapshot, viewsRange, 8) ?? readRange(snapshot, viewsRange, Buffer.allocUnsafeSlow(entry.end - entry.start - entry.viewsAt));
    const stream = readAhead(snapshot, streamRange) ?? readRange(snapshot, streamRange, streamBuffer(snapshot, entry.viewsAt));
    const stored = deserializeWithViews(stream, views) as Stored;
    const restored = relocate(stored, path) as Omit<RestoredEntry, 'tablesById' | 'madeById'> & { tablesById: readonly PackedTableById[]; madeById: readonly StoredMadeById[] };
    const apartRange = entry.apart;
    const apart = restoreApart(stored.apartKeys, apartRange === undefined ? undefined : () => readRange(snapshot, apartRange), restored.value as Record<string, unknown>);
    return {
      value: restored.value,
      derived: restored.derived,
      tablesById: restored.tablesById.map(unpackTableById),
      madeById: restored.madeById.map((made) => ({ kind: made.kind, key: made.apart === undefined ? made.key : (apart.get(made.apart) as object), value: made.value })),
    };
  } catch {
    return undefined;
  }
}

/** The vocabulary the snapshot's tables by id were made in, or undefined when it cannot be read. */
export function snapshotVocabulary(snapshot: OpenSnapshot): VocabularyState | undefined {
  try {
    const { forms, slots, units, known } = snapshot.header.vocabulary;
    return {
      forms: deserialize(readAhead(snapshot, forms) ?? readRange(snapshot, forms, streamBuffer(snapshot, forms.end - forms.start))) as string[],
      slots: readAheadAs(snapshot, slots, Int32Array) ?? readRange(snapshot, slots, new Int32Array((slots.end - slots.start) / 4)),
      units: readAheadAs(snapshot, units, Uint16Array) ?? readRange(snapshot, units, new Uint16Array((units.end - units.start) / 2)),
      known: readAheadAs(snapshot, known, Uint32Array) ?? readRange(snapshot, known, new Uint32Array((known.end - known.start) / 4)),
    };
  } catch {
    return undefined;
  }
}

// Values are stored in V8's serialization format (node:v8), which keeps Maps, Sets and shared objects as
// they are and is read without a walk in JavaScript. Before writing, a copy is checked to hold plain data
// only, and strings naming the entry's own location (tables remember the folder they were built from) are
// listed by where they sit, to be pointed at the reading process's folder on restore.
type Relocation = { readonly at: readonly (string | number)[]; readonly suffix: string };
// `apartKeys`: the value's properties stored apart (see plainCopy), in the bytes after the entry's.
type Stored = { readonly value: unknown; readonly relocations: readonly Relocation[]; readonly apartKeys: readonly string[] };
// A value made by id as stored: made from the table `key`, or from the value's property `apart` stored apart.
type StoredMadeById = { readonly kind: string; readonly key: object; readonly apart?: string; readonly value: unknown };

function plainCopy(root: { value: unknown; derived: unknown }, location: string, tablesById: readonly TableById[], madeById: readonly MadeById[]): Stored & { apart: Buffer | undefined } {
  const copies = new Map<object, unknown>();
  const relocations: Relocation[] = [];
  const copy = (value: unknown, at: (string | number)[], where: string): unknown => {
    if (value === undefined || value === null || typeof value === 'boolean' || typeof value === 'number') return value;
    if (typeof value === 'string') {
      if (value === location || value.startsWith(`${location}${sep}`)) {
        if (at.length === 0 || where.includes('<')) throw new Error(`snapshot: ${where} names the data folder inside a Map or Set`);
        relocations.push({ at: [...at], suffix: value.slice(location.length) });
        return '';
      }
      return value;
    }
    if (typeof value !== 'object') throw new Error(`snapshot: ${where} is a ${typeof value}, not plain data`);
    if (copies.has(value)) return copies.get(value);
    let result: unknown;
    if (value instanceof Map) {
      const map = new Map<unknown, unknown>();
      copies.set(value, map);
      for (const [key, item] of value) map.set(copy(key, at, `${where}<key>`), copy(item, at, `${where}<${String(key)}>`));
      result = map;
    } else if (value instanceof Set) {
      const set = new Set<unknown>();
      copies.set(value, set);
      for (const item of value) set.add(copy(item, at, `${where}<item>`));
      result = set;
    } else if (Array.isArray(value)) {
      const array: unknown[] = [];
      copies.set(value, array);
      value.forEach((item, i) => array.push(copy(item, [...at, i], `${where}[${i}]`)));
      result = array;
    } else if (value instanceof Float64Array) {
      // Weights, never ids: integer typed arrays are refused below, since that is where ids would be.
      result = Float64Array.from(value);
      copies.set(value, result);
    } else {
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) throw new Error(`snapshot: ${where} is a ${(value as object).constructor?.name ?? 'class instance'}, not plain data`);
      const object: Record<string, unknown> = {};
      copies.set(value, object);
      for (const key of Object.keys(value)) object[key] = copy((value as Record<string, unknown>)[key], [...at, key], `${where}.${key}`);
      result = object;
    }
    return result;
  };
  const copied = copy(root, [], 'value') as Record<string, unknown>;
  // The tables by id made from this entry's tables, pointing at the same (copied) tables, packed (see PackedTableById).
  copied.tablesById = tablesById
    .filter((made) => copies.has(made.table))
    .map((made, i): PackedTableById => {
      const ids: number[] = [];
      const values: unknown[] = [];
      made.array.forEach((item, id) => {
        if (!Object.is(item, made.empty)) {
          ids.push(id);
          values.push(copy(item, ['tablesById', i, 'values', values.length], `tablesById[${i}][${id}]`));
        }
      });
      return { table: copy(made.table, ['tablesById', i, 'table'], `tablesById[${i}].table`) as object, kind: made.kind, empty: copy(made.empty, ['tablesById', i, 'empty'], `tablesById[${i}].empty`), length: made.array.length, ids: Int32Array.from(ids), values };
    });
  const canonical = new Map<object, object>();
  const shared = shareEqual(copied, canonical) as Record<string, unknown>;
  // After sharing, and never shared themselves: a trie by id grows as walks reach its nodes, so two equal ones
  // must stay two. What they point at in the entry's tables is pointed at where sharing left it.
  const inEntry = (value: object): object | undefined => {
    const copied = copies.get(value) as object | undefined;
    return copied === undefined ? undefined : (canonical.get(copied) ?? copied);
  };
  const made = madeById.filter((item) => copies.has(item.key)).map((item) => ({ ...item, key: inEntry(item.key) as object }));
  // A table of the value something was made from by id (a phrase index and its trie, the first words and the
  // token masks) is read through what was made: stored apart and restored on first use, so that a start does
  // not allocate the ~30k phrase nodes, Maps and strings the tries stand for. Its tables by id go: only a
  // rebuild of what was made reads them, and it can make them again.
  const value = shared.value as Record<string, unknown>;
  const madeFrom = new Set(made.map((item) => item.key));
  const apartKeys = Object.keys(value).filter((key) => value[key] instanceof Map && madeFrom.has(value[key] as object));
  const apartOf = new Map(apartKeys.map((key) => [value[key] as object, key]));
  const apartTables: Record<string, unknown> = {};
  for (const key of apartKeys) {
    apartTables[key] = value[key];
    value[key] = null;
  }
  shared.tablesById = (shared.tablesById as PackedTableById[]).filter((packed) => !apartOf.has(packed.table));
  shared.madeById = made.map((item, i): StoredMadeById => {
    const apart = apartOf.get(item.key);
    const copiedValue = copyMade(item.value, inEntry, `madeById[${i}] (${item.kind})`);
    return apart === undefined ? { kind: item.kind, key: item.key, value: copiedValue } : { kind: item.kind, key: {}, apart, value: copiedValue };
  });
  return { value: shared, relocations, apartKeys, apart: apartKeys.length === 0 ? undefined : serialize(apartTables) };
}

/**
 * Puts back in `value` the tables stored apart under `keys`, each a Map that reads them (`bytes()`) on first use;
 * returns them by key.
 * A Map subclass rather than a Map: the tables' identity is what their made values are keyed by, and a Map
 * filled later is the one object that can stand for them from the start.
 */
function restoreApart(keys: readonly string[], bytes: (() => Buffer) | undefined, value: Record<string, unknown>): ReadonlyMap<string, object> {
  const byKey = new Map<string, object>();
  if (bytes === undefined) return byKey;
  let tables: Record<string, ReadonlyMap<unknown, unknown>> | undefined;
  const read = (): Record<string, ReadonlyMap<unknown, unknown>> => (tables ??= deserialize(bytes()) as Record<string, ReadonlyMap<unknown, unknown>>);
  for (const key of keys) {
    const table = new MapReadOnFirstUse(() => read()[key] as ReadonlyMap<unknown, unknown>);
    value[key] = table;
    byKey.set(key, table);
  }
  return byKey;
}

// A value made by id, copied: its parts that belong to the entry's tables are those tables' copies; typed
// arrays (ids among them), arrays and plain objects are copied; anything else is refused.
function copyMade(value: unknown, inEntry: (value: object) => object | undefined, where: string): unknown {
  if (value === undefined || value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') throw new Error(`snapshot: ${where} is a ${typeof value}, not plain data`);
  const entryPart = inEntry(value);
  if (entryPart !== undefined) return entryPart;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return (value as unknown as { slice(): unknown }).slice();
  if (Array.isArray(value)) return value.map((item, i) => copyMade(item, inEntry, `${where}[${i}]`));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype) throw new Error(`snapshot: ${where} is a ${(value as object).constructor?.name ?? 'class instance'}, not plain data`);
  const object: Record<string, unknown> = {};
  for (const key of Object.keys(value)) object[key] = copyMade((value as Record<string, unknown>)[key], inEntry, `${where}.${key}`);
  return object;
}

/**
 * Makes structurally equal parts of a copy one object (in place; returns the root): a lexicon repeats the
 * same small records and empty arrays tens of thousands of times, and each one stored is one object that every
 * start must allocate and the garbage collector must copy. Safe because loaded tables are never changed after
 * loading (analyses share them), and equal parts give equal answers to anything that reads them; objects
 * that are Map keys or Set members keep their identity, and a cycle is left as it is. `canonical` learns, for
 * each object replaced, the one that replaced it.
 */
function shareEqual(root: unknown, canonical: Map<object, object>): unknown {
  const byShape = new Map<string, object>();
  const tokens = new Map<object, string>();
  const active = new Set<object>();
  let unique = 0;
  const visit = (value: unknown): { value: unknown; token: string } => {
    if (typeof value === 'string') return { value, token: JSON.stringify(value) };
    if (typeof value === 'number') return { value, token: Object.is(value, -0) ? 'n-0' : `n${value}` };
    if (value === null || typeof value !== 'object') return { value, token: String(value) };
    const known = tokens.get(value);
    if (known !== undefined) return { value, token: known };
    if (active.has(value)) return { value, token: `!${unique++}` };
    active.add(value);
    let shape: string | null;
    if (value instanceof Map) {
      const parts: string[] = [];
      let keyed = true;
      for (const [key, item] of value) {
        const child = visit(item);
        if (child.value !== item) value.set(key, child.value);
        if (key !== null && typeof key === 'object') keyed = false;
        parts.push(`${visit(key).token}:${child.token}`);
      }
      shape = keyed ? `M${parts.join(',')}` : null;
    } else if (value instanceof Set) {
      const parts: string[] = [];
      for (const item of value) parts.push(item !== null && typeof item === 'object' ? `!${unique++}` : visit(item).token);
      shape = `S${parts.join(',')}`;
    } else if (Array.isArray(value)) {
      shape = `[${value.map((item, i) => {
        const child = visit(item);
        value[i] = child.value;
        return child.token;
      }).join(',')}`;
    } else if (ArrayBuffer.isView(value)) {
      shape = null;
    } else {
      const object = value as Record<string, unknown>;
      const parts: string[] = [Object.getPrototypeOf(value) === null ? 'null' : 'object'];
      for (const key of Object.keys(object)) {
        const child = visit(object[key]);
        object[key] = child.value;
        parts.push(`${JSON.stringify(key)}:${child.token}`);
      }
      shape = `{${parts.join(',')}`;
    }
    active.delete(value);
    if (shape !== null) {
      const same = byShape.get(shape);
      if (same !== undefined) {
        canonical.set(value, same);
        return { value: same, token: tokens.get(same) as string };
      }
      byShape.set(shape, value);
    }
    // The token names the object by number: a parent's shape grows with its children's count, not their size.
    const token = `#${tokens.size}`;
    tokens.set(value, token);
    return { value, token };
  };
  return visit(root).value;
}

/**
 * A table by word id as stored: its slots other than `empty`, as ids and values (a table holds some 17k slots,
 * most of them empty: written out whole, twelve of them were a tenth of the lexicons' entry, read at every
 * start). Unpacked into the array on first use, so a command that never reads a table never makes it.
 */
type PackedTableById = { readonly table: object; readonly kind: string; readonly empty: unknown; readonly length: number; readonly ids: Int32Array; readonly values: readonly unknown[] };

function unpackTableById(packed: PackedTableById): TableById {
  let array: unknown[] | undefined;
  return {
    table: packed.table,
    kind: packed.kind,
    empty: packed.empty,
    get array(): readonly unknown[] {
      if (array === undefined) {
        array = new Array<unknown>(packed.length).fill(packed.empty);
        for (let k = 0; k < packed.ids.length; k++) array[packed.ids[k] as number] = packed.values[k];
      }
      return array;
    },
  };
}

function relocate(stored: Stored, location: string): unknown {
  for (const { at, suffix } of stored.relocations) {
    let holder = stored.value as Record<string | number, unknown>;
    for (const key of at.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
    holder[at[at.length - 1] as string | number] = `${location}${suffix}`;
  }
  return stored.value;
}

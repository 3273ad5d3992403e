/**
 * Reading the data shipped under `lexicons/`: one reader for every data file (word lists, outlet tables,
 * baselines) and one cache, so that each folder or file is read and validated once per process whichever
 * loader asks. Each loader keeps its own parser and schema; this module only reads, finds and remembers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LexiconError } from './parse.ts';
import { recordTablesById, restoreTableById, restoreVocabulary, vocabularyState, type TableById } from '../text/vocabulary.ts';
import { openSnapshot, restoreEntry, snapshotVocabulary, type BuiltEntry, type MadeById, type OpenSnapshot, type Recorded, type RestoredEntry, type SnapshotReadAhead } from './snapshot.ts';

// Set by the bundler (scripts/build/bundle.mjs) to a hash of the sources: a snapshot is used only by the build
// of the code that wrote it. Running from src/ there is none, and data is always read from the files.
declare const __SLANT_BUILD__: string | undefined;

/**
 * The text of the data file at `path`; a file that cannot be read throws `fail(reason)`, by default a
 * LexiconError naming `display` (the path as people should read it).
 */
export function readDataFile(path: string, display: string, fail?: (reason: string) => Error): string {
  try {
    const text = readFileSync(path, 'utf8');
    for (const files of reading) files.push(path);
    return text;
  } catch (error) {
    const reason = (error as Error).message;
    throw fail === undefined ? new LexiconError('io', display, 0, path, `cannot read the lexicon file: ${reason}`) : fail(reason);
  }
}

// kind + NUL + location -> what the loader built from it. Relative locations are cached under their resolved
// path only, since the working directory may change between calls.
const loaded = new Map<string, unknown>();

/**
 * How a loaded value is written to the data snapshot when not as it is: `pack` gives the plain data to store
 * (objects the derived tables share kept as the same objects), `unpack` makes the value again from it in a
 * process that restores it. For values a start restores whole but reads a few parts of (the outlet tables).
 */
export type SnapshotForm<T> = { readonly pack: (value: T) => unknown; readonly unpack: (stored: unknown) => T };

/**
 * What `build` makes of the folder or file at `location`, built once per process for each `kind` (`lexicons`,
 * `sources`, `baseline`) and resolved location; `build` receives the absolute path. A build that throws
 * caches nothing, so the next call reports the same error. `form`: how the snapshot stores it, when not as built.
 */
export function loadOnce<T>(kind: string, location: string, build: (path: string) => T, form?: SnapshotForm<T>): T {
  // analyze() asks on every call: an absolute location is found without path work.
  const asGiven = `${kind}\u0000${location}`;
  const hit = loaded.get(asGiven);
  if (hit !== undefined) {
    usedWhileRecording(hit);
    return hit as T;
  }
  const path = resolve(location);
  const key = `${kind}\u0000${path}`;
  let value = loaded.get(key) as T | undefined;
  if (value === undefined) {
    const restored = fromSnapshot(kind, path);
    if (restored === undefined) value = recorded(kind, path, build, form);
    else {
      value = form === undefined ? (restored.value as T) : form.unpack(restored.value);
      if (restored.derived.size > 0) derived.set(value as object, new Map(restored.derived));
      if (vocabularyRestored) {
        for (const made of restored.tablesById) restoreTableById(made);
        for (const made of restored.madeById) restoredById.set(made.kind, made.key, made.value);
      }
    }
    loaded.set(key, value);
  }
  if (isAbsolute(location)) loaded.set(asGiven, value);
  usedWhileRecording(value);
  return value;
}

// A loaded value -> kind -> what was derived from it.
const derived = new WeakMap<object, Map<string, unknown>>();

/**
 * What `build` derives from `parent` (a value `loadOnce` returned, such as the outlet tables), built once per
 * parent and `kind`. Derived tables travel in the data snapshot with their parent, so they must hold plain data
 * only: never ids that mean something in this process alone.
 */
export function derivedOnce<P extends object, T>(kind: string, parent: P, build: (parent: P) => T): T {
  let tables = derived.get(parent);
  if (tables === undefined) {
    tables = new Map();
    derived.set(parent, tables);
  }
  if (tables.has(kind)) return tables.get(kind) as T;
  const value = recording === undefined ? build(parent) : recordedDerivation(parent, build);
  tables.set(kind, value);
  return value;
}

// Values made by id that the snapshot restored, by kind and table, each taken once (see madeByWordId).
const restoredById = {
  byKind: new Map<string, WeakMap<object, unknown>>(),
  set(kind: string, key: object, value: unknown): void {
    let byKey = this.byKind.get(kind);
    if (byKey === undefined) {
      byKey = new WeakMap();
      this.byKind.set(kind, byKey);
    }
    byKey.set(key, value);
  },
  take(kind: string, key: object): unknown {
    const byKey = this.byKind.get(kind);
    const value = byKey?.get(key);
    if (value !== undefined) byKey?.delete(key);
    return value;
  },
};
let madeWhileRecording: MadeById[] | undefined;

/**
 * What `build` makes from `key` (a loaded table) that holds word ids, such as a trie read by id or the token
 * masks: the value the data snapshot carries for this `kind` and table when this process's vocabulary is the
 * snapshot's (given out once: the caller keeps it), else `build(key)`, recorded for the snapshot while one is
 * being recorded; `form`: how the snapshot stores it, when not as made. Building these cost a command-line start about a tenth of its time, every time.
 */
export function madeByWordId<K extends object, V>(kind: string, key: K, build: (key: K) => V, form?: SnapshotForm<V>): V {
  const restored = restoredById.take(kind, key);
  if (restored !== undefined) return form === undefined ? (restored as V) : form.unpack(restored);
  const value = build(key);
  // Packed when the snapshot is written: what was made may grow until then (a trie's nodes as walks reach them).
  madeWhileRecording?.push(form === undefined ? { kind, key, value } : { kind, key, get value() { return form.pack(value); } });
  return value;
}

/**
 * A finder for a folder shipped with slant (`lexicons/en`, `lexicons/sources`): the nearest one above this
 * module that holds `markers`, looked up on the first call only, since analyze() asks on every call.
 */
export function bundledFolder(path: readonly string[], markers: readonly string[]): () => string {
  let found: string | undefined;
  return () => {
    if (found !== undefined) return found;
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let depth = 0; depth < 5; depth++) {
      const candidate = join(dir, ...path);
      if (markers.every((marker) => existsSync(join(candidate, marker)))) {
        found = candidate;
        return candidate;
      }
      dir = dirname(dir);
    }
    throw new LexiconError('io', `${path.join('/')}/`, 0, fileURLToPath(import.meta.url), `cannot find the bundled ${path.join('/')} folder`);
  };
}

// The files each build in progress has read (builds nest: the outer one read what the inner ones did too).
const reading: string[][] = [];
let recording: BuiltEntry[] | undefined;

// While recording: the files each loaded value was built from, so that a build or derivation that uses an
// already loaded value (the outlet name index reads the lexicons' words too) depends on its files as well.
const filesOf = new WeakMap<object, string[]>();

function usedWhileRecording(value: unknown): void {
  if (recording === undefined || reading.length === 0) return;
  const files = filesOf.get(value as object);
  if (files !== undefined) for (const frame of reading) frame.push(...files);
}

// A derived table's entry is its parent's: what the derivation read joins the files the parent's entry checks.
function recordedDerivation<P extends object, T>(parent: P, build: (parent: P) => T): T {
  const files: string[] = [];
  reading.push(files);
  try {
    return build(parent);
  } finally {
    reading.pop();
    filesOf.get(parent)?.push(...files);
  }
}

function recorded<T>(kind: string, path: string, build: (path: string) => T, form: SnapshotForm<T> | undefined): T {
  const files: string[] = [];
  reading.push(files);
  try {
    const value = build(path);
    if (recording !== undefined && typeof value === 'object' && value !== null) filesOf.set(value, files);
    recording?.push({
      kind,
      path,
      value: form === undefined ? value : form.pack(value),
      files,
      // Read when the snapshot is written, after the recorded run has derived what it needed.
      get derived() {
        return derived.get(value as object) ?? new Map<string, unknown>();
      },
    });
    return value;
  } finally {
    reading.pop();
  }
}

/**
 * Runs `load` with the snapshot off and the cache empty, and returns what each `loadOnce` built with the files
 * it read, and the vocabulary with the tables by word id made meanwhile: the snapshot writer's input
 * (scripts/build/snapshot.ts).
 */
export function recordBuilds(load: () => void): Recorded {
  const entries: BuiltEntry[] = [];
  const tablesById: TableById[] = [];
  const madeById: MadeById[] = [];
  const previous = { loaded: new Map(loaded), snapshot };
  loaded.clear();
  snapshot = null;
  recording = entries;
  madeWhileRecording = madeById;
  recordTablesById((made) => tablesById.push(made));
  try {
    load();
  } finally {
    recording = undefined;
    madeWhileRecording = undefined;
    recordTablesById(undefined);
    loaded.clear();
    for (const [key, value] of previous.loaded) loaded.set(key, value);
    snapshot = previous.snapshot;
  }
  return { entries, vocabulary: vocabularyState(), tablesById, madeById };
}

// undefined: not looked for yet; null: none (off, missing, stale build or running from src/).
let snapshot: OpenSnapshot | null | undefined;
// Whether this process's vocabulary is the snapshot's, so that its tables by word id hold (a process that
// registered a word before opening the snapshot keeps its own ids and makes its tables by id itself).
let vocabularyRestored = false;

// The bundled snapshot's body as the CLI read it ahead (useSnapshotReadAhead), for the first open.
let readAhead: SnapshotReadAhead | undefined;

/**
 * Has the first open of the bundled snapshot take the part of its body `ahead` read (the CLI starts that read
 * before its code is compiled: bin/cli-start.js), instead of reading it then.
 */
export function useSnapshotReadAhead(ahead: SnapshotReadAhead): void {
  readAhead = ahead;
}

/** Uses the snapshot at `path` (package folder `root`, code build `build`, its body read `ahead`) from now on, or none with null; for tests. */
export function useSnapshot(path: string | null, root = '', build = '', ahead?: SnapshotReadAhead): void {
  loaded.clear();
  restoredById.byKind.clear();
  opened(path === null ? null : (openSnapshot(path, root, build, ahead) ?? null));
}

function opened(value: OpenSnapshot | null): void {
  snapshot = value;
  const vocabulary = value === null ? undefined : snapshotVocabulary(value);
  vocabularyRestored = vocabulary !== undefined && restoreVocabulary(vocabulary);
}

function fromSnapshot(kind: string, path: string): RestoredEntry | undefined {
  if (snapshot === undefined) {
    let found: OpenSnapshot | null = null;
    if (typeof __SLANT_BUILD__ === 'string' && process.env.SLANT_NO_CACHE !== '1') {
      // Bundled, this module is a file of dist/, where the snapshot sits.
      const file = fileURLToPath(new URL('./data.snapshot', import.meta.url));
      found = openSnapshot(file, dirname(dirname(file)), __SLANT_BUILD__, readAhead) ?? null;
    }
    readAhead = undefined;
    opened(found);
  }
  const open = snapshot as OpenSnapshot | null;
  return open === null ? undefined : restoreEntry(open, kind, path);
}

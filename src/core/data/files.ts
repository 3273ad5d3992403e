/**
 * Reading the data shipped under `lexicons/`: one reader for every data file (word lists, outlet tables,
 * baselines) and one cache, so that each folder or file is read and validated once per process whichever
 * loader asks. Each loader keeps its own parser and schema; this module only reads, finds and remembers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LexiconError } from './parse.ts';

/**
 * The text of the data file at `path`; a file that cannot be read throws `fail(reason)`, by default a
 * LexiconError naming `display` (the path as people should read it).
 */
export function readDataFile(path: string, display: string, fail?: (reason: string) => Error): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as Error).message;
    throw fail === undefined ? new LexiconError('io', display, 0, path, `cannot read the lexicon file: ${reason}`) : fail(reason);
  }
}

// kind + NUL + location -> what the loader built from it. Relative locations are cached under their resolved
// path only, since the working directory may change between calls.
const loaded = new Map<string, unknown>();

/**
 * What `build` makes of the folder or file at `location`, built once per process for each `kind` (`lexicons`,
 * `sources`, `baseline`) and resolved location; `build` receives the absolute path. A build that throws
 * caches nothing, so the next call reports the same error.
 */
export function loadOnce<T>(kind: string, location: string, build: (path: string) => T): T {
  // analyze() asks on every call: an absolute location is found without path work.
  const asGiven = `${kind}\u0000${location}`;
  const hit = loaded.get(asGiven);
  if (hit !== undefined) return hit as T;
  const path = resolve(location);
  const key = `${kind}\u0000${path}`;
  let value = loaded.get(key) as T | undefined;
  if (value === undefined) {
    value = build(path);
    loaded.set(key, value);
  }
  if (isAbsolute(location)) loaded.set(asGiven, value);
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

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/index.ts';
import { defaultLexiconDir, derivedOnce, loadLexicons, loadOnce, readDataFile } from '../../src/core/data/index.ts';
import { recordBuilds, useSnapshot } from '../../src/core/data/files.ts';
import { writeSnapshot, type SnapshotReadAhead } from '../../src/core/data/snapshot.ts';
import { prepareById } from '../../src/core/data/phrase-index.ts';
import { MapMadeByKey } from '../../src/core/data/map-read-on-first-use.ts';
import { loadSourceTables } from '../../src/core/outlets/tables.ts';

const SEED = readFileSync(new URL('../../corpus/presstv-putin-biden.txt', import.meta.url), 'utf8');

// A package folder of our own: a copy of the English lexicons, and a small data file for a loader we count.
function packageCopy(): { root: string; lexicons: string; words: string } {
  const root = mkdtempSync(join(tmpdir(), 'slant-snapshot-'));
  const lexicons = join(root, 'lexicons', 'en');
  cpSync(defaultLexiconDir('en'), lexicons, { recursive: true });
  const words = join(root, 'words.txt');
  writeFileSync(words, 'alpha\nbeta\n');
  return { root, lexicons, words };
}

let builds = 0;
const loadWords = (file: string) =>
  loadOnce('test-words', file, (path) => {
    builds++;
    return { words: new Set(readDataFile(path, 'words.txt').trim().split('\n')), file: path };
  });

function snapshotOf(root: string, load: () => void, build = 'test-build'): string {
  const path = join(root, 'data.snapshot');
  writeSnapshot(path, root, build, recordBuilds(load));
  return path;
}

afterEach(() => useSnapshot(null));

describe('the data snapshot', () => {
  it('is used while the files it was built from are unchanged, and ignored once one changes', () => {
    const { root, words } = packageCopy();
    const path = snapshotOf(root, () => loadWords(words));
    useSnapshot(path, root, 'test-build');
    builds = 0;
    expect([...loadWords(words).words]).toEqual(['alpha', 'beta']);
    expect(builds).toBe(0);
    // Where the table came from is this process's path, not the writer's.
    expect(loadWords(words).file).toBe(words);

    writeFileSync(words, 'alpha\nbeta\ngamma\n');
    useSnapshot(path, root, 'test-build');
    expect([...loadWords(words).words]).toEqual(['alpha', 'beta', 'gamma']);
    expect(builds).toBe(1);
  });

  // bin/cli-start.js reads the part a start restores on the thread pool while the CLI's code compiles.
  it('restores from its body read ahead when all of it was read, and reads the file itself otherwise', async () => {
    const { readDataSnapshotAhead } = createRequire(import.meta.url)('../../bin/cli-start.js') as { readDataSnapshotAhead: (file: string) => (SnapshotReadAhead & { ready: Promise<void> }) | undefined };
    const { root, words } = packageCopy();
    const path = snapshotOf(root, () => loadWords(words));
    const ahead = async () => {
      const read = readDataSnapshotAhead(path);
      await read?.ready;
      expect(read?.done).toBe(true);
      return read as SnapshotReadAhead & { done: boolean };
    };
    builds = 0;
    useSnapshot(path, root, 'test-build', await ahead());
    expect([...loadWords(words).words]).toEqual(['alpha', 'beta']);
    expect(builds).toBe(0);
    // The bytes read ahead are what is restored: spoilt, the entry cannot be read and is built from its file.
    const spoilt = await ahead();
    spoilt.prefix.fill(0);
    useSnapshot(path, root, 'test-build', spoilt);
    expect([...loadWords(words).words]).toEqual(['alpha', 'beta']);
    expect(builds).toBe(1);
    // A read that did not finish is not used.
    const unfinished = await ahead();
    unfinished.prefix.fill(0);
    unfinished.done = false;
    useSnapshot(path, root, 'test-build', unfinished);
    expect([...loadWords(words).words]).toEqual(['alpha', 'beta']);
    expect(builds).toBe(1);
    expect(readDataSnapshotAhead(join(root, 'missing.snapshot'))).toBeUndefined();
  });

  it('is ignored by another build of the code, and when missing or corrupt', () => {
    const { root, words } = packageCopy();
    const path = snapshotOf(root, () => loadWords(words));
    for (const [file, build] of [
      [path, 'another-build'],
      [join(root, 'missing.snapshot'), 'test-build'],
    ] as const) {
      useSnapshot(file, root, build);
      builds = 0;
      expect(loadWords(words).words.has('beta')).toBe(true);
      expect(builds).toBe(1);
    }
    writeFileSync(path, readFileSync(path).subarray(0, 200));
    useSnapshot(path, root, 'test-build');
    builds = 0;
    expect(loadWords(words).words.has('beta')).toBe(true);
    expect(builds).toBe(1);
  });

  it('keeps tables derived from a loaded value, sharing its objects', () => {
    const { root, words } = packageCopy();
    const derive = (parent: { words: Set<string> }) => ({ first: [...parent.words][0], parent });
    const path = snapshotOf(root, () => derivedOnce('first', loadWords(words), derive));
    useSnapshot(path, root, 'test-build');
    let derivations = 0;
    const parent = loadWords(words);
    const derived = derivedOnce('first', parent, (p) => (derivations++, derive(p)));
    expect(derivations).toBe(0);
    expect(derived.first).toBe('alpha');
    expect(derived.parent).toBe(parent);
  });

  it('rebuilds a derived table when a file it read through another loaded value changed', () => {
    const { root, words } = packageCopy();
    const other = join(root, 'other.txt');
    writeFileSync(other, 'omega\n');
    // The derivation uses a second loaded value, already loaded before it runs (as the outlet name index uses the lexicons).
    const derive = (parent: { words: Set<string> }) => ({ all: [...parent.words, ...loadWords(other).words] });
    const path = snapshotOf(root, () => {
      loadWords(other);
      derivedOnce('all', loadWords(words), derive);
    });
    writeFileSync(other, 'psi\n');
    useSnapshot(path, root, 'test-build');
    expect(derivedOnce('all', loadWords(words), derive).all).toEqual(['alpha', 'beta', 'psi']);
  });

  it('stores equal parts once, and what they are equal to is unchanged', () => {
    const { root, words } = packageCopy();
    const record = () => ({ lexicon: 'tests@1.0.0', weight: 0.5, rest: [] as string[] });
    const table = () => ({ a: record(), b: record(), c: { ...record(), weight: -0 }, m: new Map([['x', record()]]), n: new Map([['x', record()]]), o: new Map([['y', record()]]) });
    const path = snapshotOf(root, () => loadOnce('test-shared', words, table));
    useSnapshot(path, root, 'test-build');
    const restored = loadOnce<ReturnType<typeof table>>('test-shared', words, () => {
      throw new Error('built instead of restored');
    });
    expect(restored).toEqual(table());
    expect(restored.b).toBe(restored.a);
    expect(restored.n).toBe(restored.m);
    expect(restored.o.get('y')).toBe(restored.a);
    // -0 and 0 are not the same number, nor a record with a different map key the same map.
    expect(restored.c).not.toBe(restored.a);
    expect(Object.is(restored.c.weight, -0)).toBe(true);
    expect(restored.c.rest).toBe(restored.a.rest);
    expect(restored.o).not.toBe(restored.m);
  });

  it('refuses to store what is not plain data', () => {
    const { root, words } = packageCopy();
    const withIds = () => loadOnce('test-ids', words, () => ({ ids: new Uint32Array([1, 2, 3]) }));
    expect(() => snapshotOf(root, withIds)).toThrow(/Uint32Array, not plain data/);
  });

  it('gives the same lexicons and the same report as reading the files', () => {
    const { root, lexicons } = packageCopy();
    const path = snapshotOf(root, () => loadLexicons(lexicons));
    const fromFiles = loadLexicons(lexicons);
    const fromFilesReport = JSON.stringify(analyze(SEED, { lexicons: fromFiles }));
    useSnapshot(path, root, 'test-build');
    const restored = loadLexicons(lexicons);
    expect(restored).not.toBe(fromFiles);
    // Compared as plain data: the phrase tries' process-local caches (symbol-keyed, by word id) are not data
    // and are not written, and the report below shows that restored tables match the same.
    expect(restored).toEqual(deserialize(serialize(fromFiles)));
    expect(JSON.stringify(analyze(SEED, { lexicons: restored }))).toBe(fromFilesReport);

    // One changed word list: the snapshot is ignored and the change is seen.
    const hedges = join(lexicons, 'hedges.jsonl');
    writeFileSync(hedges, readFileSync(hedges, 'utf8').replace('# version: ', '# version: 9'));
    useSnapshot(path, root, 'test-build');
    expect(loadLexicons(lexicons).info.find((info) => info.name === 'hedges')?.version).toMatch(/^9/);
  });

  it("restores the vocabulary, the tables by word id and the tries only into a process that has registered no word, with the same report", async () => {
    // The package's own data (an analysis reads the outlet tables and the baseline too), the snapshot elsewhere.
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const lexicons = defaultLexiconDir('en');
    const path = join(mkdtempSync(join(tmpdir(), 'slant-snapshot-')), 'data.snapshot');
    // As the build records it: the tries of every phrase index made whole, so their indexes are stored apart.
    writeSnapshot(path, root, 'test-build', recordBuilds(() => {
      analyze(SEED, { lexicons: loadLexicons(lexicons) });
      prepareById(Object.values(loadLexicons(lexicons)));
    }));
    const expected = JSON.stringify(analyze(SEED, { lexicons: loadLexicons(lexicons) }));
    const phrases = [...loadLexicons(lexicons).loaded.keys()];
    // A new process, as far as the modules go: its vocabulary is empty.
    for (const registerFirst of [false, true]) {
      vi.resetModules();
      const files = await import('../../src/core/data/files.ts');
      const vocabulary = await import('../../src/core/text/vocabulary.ts');
      const library = await import('../../src/index.ts');
      if (registerFirst) vocabulary.registerWord('snapshot-test-word');
      files.useSnapshot(path, root, 'test-build');
      // Restored, the vocabulary holds the recorded run's words; else only this process's own.
      expect(vocabulary.vocabularySize() > 1).toBe(!registerFirst);
      expect(JSON.stringify(library.analyze(SEED, { lexicons: library.loadLexicons(lexicons) }))).toBe(expected);
      // An index stored apart reads the same when something other than its trie asks it.
      expect([...library.loadLexicons(lexicons).loaded.keys()]).toEqual(phrases);
      expect(library.loadLexicons(lexicons).loaded.get('reckless')?.values[0]?.value).toEqual(loadLexicons(lexicons).loaded.get('reckless')?.values[0]?.value);
      files.useSnapshot(null);
    }
  });

  it('restores the outlet tables with their rows made on use, the same data and the same row objects in every table', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const fromFiles = loadSourceTables();
    const path = join(mkdtempSync(join(tmpdir(), 'slant-snapshot-')), 'data.snapshot');
    writeSnapshot(path, root, 'test-build', recordBuilds(() => loadSourceTables()));
    useSnapshot(path, root, 'test-build');
    const restored = loadSourceTables();
    expect(restored).not.toBe(fromFiles);
    // A host asked first, then the whole table: one row object for both, and the Map in the built order.
    const host = [...fromFiles.cred1ByHost.keys()][7] as string;
    const first = restored.cred1ByHost.get(host)?.[0];
    expect(first).toEqual(fromFiles.cred1ByHost.get(host)?.[0]);
    expect(restored.cred1.rows.find((row) => row.domain === host)).toBe(first);
    expect(restored.cred1ByHost.has('not-a-listed-host.example')).toBe(false);
    expect(restored.rspByHost.get('not-a-listed-host.example')).toBeUndefined();
    // Row by row as V8 writes them: the same keys in the same order, the same values.
    for (const key of ['rsp', 'cred1'] as const) expect(restored[key].rows.map((row) => serialize(row).toString('hex'))).toEqual(fromFiles[key].rows.map((row) => serialize(row).toString('hex')));
    expect(restored.ownership.rows).toEqual(fromFiles.ownership.rows);
    for (const key of ['rspByHost', 'cred1ByHost', 'hostsByDomain', 'outletByHost'] as const) {
      expect([...restored[key].keys()]).toEqual([...fromFiles[key].keys()]);
      expect([...restored[key].entries()]).toEqual([...fromFiles[key].entries()]);
    }
    for (const [host, rows] of restored.rspByHost) for (const row of rows) expect(restored.rsp.rows).toContain(row);
    expect(restored.outletById.get('reuters')).toBe(restored.outletByHost.get('reuters.com'));
  });
});

describe('MapMadeByKey', () => {
  it('makes a value when its key is first asked for, once, and reads as a Map in key order', () => {
    const made: number[] = [];
    const map = new MapMadeByKey(() => ['a', 'b', 'c'], (i) => {
      made.push(i);
      return { i };
    });
    expect(map.has('b')).toBe(true);
    expect(map.has('z')).toBe(false);
    expect(made).toEqual([]);
    const b = map.get('b');
    expect(map.get('b')).toBe(b);
    expect(made).toEqual([1]);
    expect(map.get('z')).toBeUndefined();
    expect([...map.keys()]).toEqual(['a', 'b', 'c']);
    expect(map.get('b')).toBe(b);
    expect(map.size).toBe(3);
    expect(made).toEqual([1, 0, 2]);
    map.set('d', { i: 3 });
    expect([...map.values()].map((value) => value.i)).toEqual([0, 1, 2, 3]);
  });
});

/**
 * The shape of the tree (ARCHITECTURE.md): the core never reaches into an edge, nothing imports in a circle,
 * files have plain names and stay readable. A failure names the files to look at.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, folderGraph, readImportGraph, sourceFiles } from './import-graph.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const files = sourceFiles(root, 'src');
const graph = readImportGraph(root, files);

describe('the import graph', () => {
  it('has the core import only the core (no edge, not the library entry)', () => {
    const wrongWay = [...graph].flatMap(([file, targets]) =>
      file.startsWith('src/core/') ? targets.filter((target) => !target.startsWith('src/core/')).map((target) => `${file} -> ${target}`) : [],
    );
    expect(wrongWay).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no cycle between folders (core/metrics, edges/batch...)', () => {
    expect(findCycles(folderGraph(graph, 'src', 2))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(findCycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(findCycles(folderGraph(new Map([['src/x/a.ts', ['src/y/b.ts']], ['src/y/b.ts', ['src/x/c.ts']]]), 'src', 1))).toEqual([['x', 'y']]);
    expect(findCycles(folderGraph(new Map([['src/x/a.ts', ['src/top.ts']], ['src/top.ts', ['src/y/b.ts']]]), 'src', 1))).toEqual([]);
  });
});

describe('the files', () => {
  const everything = [...files, ...sourceFiles(root, 'scripts'), ...sourceFiles(root, 'test')];

  it('have plain names: order lives in code (PIPELINE, METRICS), not in numbers', () => {
    expect(everything.filter((file) => /^\d/.test(basename(file)))).toEqual([]);
  });

  it('stay under 500 lines in src/', () => {
    const long = files
      .map((file) => ({ file, lines: lineCount(readFileSync(join(root, file), 'utf8')) }))
      .filter(({ lines }) => lines > 500)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});

// Lines as an editor numbers them: a final newline ends the last line, it does not start another.
function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

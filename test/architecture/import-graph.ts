/**
 * The import graph of `src/`, read from the files themselves: every relative `import`/`export ... from` and
 * `import()` specifier, resolved to a path inside the repository. Type-only imports count too: a type is still
 * a dependency a reader has to follow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;

/** Source files under `dir` (relative to `root`), sorted; `.ts` and the page's `.js`. */
export function sourceFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js|mjs)$/.test(entry.name)) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

/** file -> the repository files it imports (relative specifiers only; packages are not part of the graph). */
export function readImportGraph(root: string, files: readonly string[]): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = new Set<string>();
    for (const match of text.matchAll(SPECIFIER)) targets.add(normalize(join(dirname(file), match[2] as string)));
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Every cycle's members (strongly connected components of more than one file, or a file importing itself). */
export function findCycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative so that a long chain of imports cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const targets = (graph.get(frame.node) ?? []).filter((target) => graph.has(target));
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as string;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfImport = (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfImport) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/**
 * The graph between folders: `src/edges/batch/run.ts -> src/edges/pool/index.ts` becomes `edges/batch ->
 * edges/pool`. Files above `depth` stay nodes of their own (`core/pipeline.ts`).
 */
export function folderGraph(graph: ImportGraph, root: string, depth: number): ImportGraph {
  // A file that sits above that depth (src/core/pipeline.ts, src/analyze.ts) is a node of its own, not its folder.
  const folderOf = (file: string): string => {
    const parts = relative(root, file).split('/');
    return parts.length > depth ? parts.slice(0, depth).join('/') : parts.join('/');
  };
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    const set = folders.get(from) ?? new Set<string>();
    folders.set(from, set);
    for (const target of targets) {
      const to = folderOf(target);
      if (to !== from) set.add(to);
    }
  }
  return new Map([...folders].map(([folder, set]) => [folder, [...set].sort()]));
}

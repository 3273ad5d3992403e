/**
 * The HTML libraries (linkedom, Readability, iconv-lite), loaded on first use rather than when the module
 * graph loads: together they are half the bundle, and a command that never reads HTML (analysing text,
 * `slant source`) should not pay to compile and initialise them at start-up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Linkedom from 'linkedom';
import type * as ReadabilityModule from '@mozilla/readability';
import type Iconv from 'iconv-lite';
import { keepListenerMapsLazy } from './lazy-listeners.ts';
import { keepOpenElementsTopLast } from './open-elements.ts';

const loadPackage = createRequire(import.meta.url);
let linkedom: typeof Linkedom | undefined;
let readability: typeof ReadabilityModule | undefined;
let iconv: typeof Iconv | undefined;

/**
 * linkedom's `parseHTML` and friends (its CommonJS build), its parser's stacks kept top last (open-elements.ts)
 * and its nodes' listener maps made when first asked for (lazy-listeners.ts).
 */
export function linkedomLibrary(): typeof Linkedom {
  if (linkedom === undefined) {
    linkedom = loadPackage('linkedom') as typeof Linkedom;
    keepListenerMapsLazy(linkedom.EventTarget, packageVersion(loadPackage.resolve('linkedom'), 'linkedom'));
    // The htmlparser2 linkedom itself requires, whichever copy that is.
    const fromLinkedom = createRequire(loadPackage.resolve('linkedom'));
    const { Parser } = fromLinkedom('htmlparser2') as { Parser: { prototype: object } };
    keepOpenElementsTopLast(Parser, packageVersion(fromLinkedom.resolve('htmlparser2'), 'htmlparser2'));
  }
  return linkedom;
}

// The version of the package `file` belongs to: htmlparser2 lists no package.json among its exports, and its
// build folders hold package.json files of their own (`{"type": "commonjs"}`), so the nearest one named `name`.
function packageVersion(file: string, name: string): string | undefined {
  for (let folder = dirname(file); folder !== dirname(folder); folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (!existsSync(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; version?: unknown };
    if (json.name === name) return typeof json.version === 'string' ? json.version : undefined;
  }
  return undefined;
}

/** `@mozilla/readability` (`Readability`, `isProbablyReaderable`). */
export function readabilityLibrary(): typeof ReadabilityModule {
  return (readability ??= loadPackage('@mozilla/readability') as typeof ReadabilityModule);
}

/** iconv-lite, for character sets other than UTF-8. */
export function iconvLibrary(): typeof Iconv {
  return (iconv ??= loadPackage('iconv-lite') as typeof Iconv);
}

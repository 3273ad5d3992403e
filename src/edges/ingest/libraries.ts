/**
 * The HTML libraries (linkedom, Readability, iconv-lite), loaded on first use rather than when the module
 * graph loads: together they are half the bundle, and a command that never reads HTML (analysing text,
 * `slant source`) should not pay to compile and initialise them at start-up.
 */
import { createRequire } from 'node:module';
import type * as Linkedom from 'linkedom';
import type * as ReadabilityModule from '@mozilla/readability';
import type Iconv from 'iconv-lite';

const loadPackage = createRequire(import.meta.url);
let linkedom: typeof Linkedom | undefined;
let readability: typeof ReadabilityModule | undefined;
let iconv: typeof Iconv | undefined;

/** linkedom's `parseHTML` and friends (its CommonJS build). */
export function linkedomLibrary(): typeof Linkedom {
  return (linkedom ??= loadPackage('linkedom') as typeof Linkedom);
}

/** `@mozilla/readability` (`Readability`, `isProbablyReaderable`). */
export function readabilityLibrary(): typeof ReadabilityModule {
  return (readability ??= loadPackage('@mozilla/readability') as typeof ReadabilityModule);
}

/** iconv-lite, for character sets other than UTF-8. */
export function iconvLibrary(): typeof Iconv {
  return (iconv ??= loadPackage('iconv-lite') as typeof Iconv);
}

/**
 * Writes dist/data.snapshot (run by scripts/build/bundle.mjs after bundling, through a bundle of this file
 * built with the same code hash): every table the bundled data gives (lexicons, the comparison's word lists,
 * outlet tables, the baseline), as src/core/data/snapshot.ts stores them.
 */
import { join } from 'node:path';
import { loadCompareWords, loadLexicons } from '../../src/core/data/index.ts';
import { recordBuilds } from '../../src/core/data/files.ts';
import { writeSnapshot } from '../../src/core/data/snapshot.ts';
import { prepareById } from '../../src/core/data/phrase-index.ts';
import { loadSourceTables } from '../../src/core/outlets/tables.ts';
import { loadBaseline } from '../../src/core/report/percentiles.ts';
import { analyze } from '../../src/analyze.ts';

// An analysis run while recording makes every table analysis derives from the data (derivedOnce), so that
// those go into the snapshot too. Written for this purpose: an outlet, a speaker, a loaded word, and a period inside
// a paragraph after a listed abbreviation (the abbreviations by id, which a sentence end reads).
const SAMPLE = 'Officials said on Monday that the plan was a disaster, Reuters reported. Mr. Reyes declined to comment.\n\n"It is reckless," the minister told the BBC.';

/** Writes the snapshot of the bundled data into `dist` (inside package folder `root`) for code build `build`. */
export function writeDataSnapshot(root: string, dist: string, build: string): void {
  const recorded = recordBuilds(() => {
    for (const language of ['en'] as const) {
      loadLexicons(undefined, language);
      loadCompareWords(undefined, language);
    }
    loadSourceTables();
    loadBaseline();
    analyze(SAMPLE);
    // The tables by word id of the phrase indexes the sample did not reach, so that no start builds one.
    prepareById(Object.values(loadLexicons()));
  });
  writeSnapshot(join(dist, 'data.snapshot'), root, build, recorded);
}

/** npm run lexicons:check: loads and validates every bundled lexicon (the comparison's too); prints counts or the first error. */
import { loadLexicons, LexiconError } from '../../src/index.ts';
import { loadCompareWords } from '../../src/core/data/index.ts';

try {
  const lexicons = loadLexicons();
  for (const info of [...lexicons.info, ...loadCompareWords().info]) console.log(`${info.name.padEnd(20)} ${info.version.padEnd(8)} ${String(info.entries).padStart(6)}  ${info.license}`);
} catch (error) {
  if (error instanceof LexiconError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

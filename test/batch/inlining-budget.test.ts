import { describe, expect, it } from 'vitest';
import { v8FlagGiven } from '../../src/edges/batch/run.ts';

// `slant batch` lowers V8's inlining budget to 300, and turns off background compiling when every core has a
// worker, unless the user set them: a value they chose must not be silently replaced, however they spelled it
// or wherever they put it.
describe('a user-given V8 flag', () => {
  const budget = '--max-inlined-bytecode-size-cumulative';
  const concurrent = '--concurrent-recompilation';
  const cases: Array<[string, string, string[], string | undefined, boolean]> = [
    ['none given', budget, [], undefined, false],
    ['other flags only', budget, ['--max-old-space-size=4096', '--no-warnings'], '--max-old-space-size=2048', false],
    ['on the command line with dashes', budget, ['--max-inlined-bytecode-size-cumulative=500'], undefined, true],
    ['on the command line with underscores', budget, ['--max_inlined_bytecode_size_cumulative=500'], undefined, true],
    ['with its value as the next argument', budget, ['--max-inlined-bytecode-size-cumulative', '500'], undefined, true],
    ['with the two spellings mixed', budget, ['--max_inlined-bytecode_size-cumulative=500'], undefined, true],
    ['in NODE_OPTIONS', budget, [], '--max-inlined-bytecode-size-cumulative=500', true],
    ['in NODE_OPTIONS with underscores, among others', budget, [], '--no-warnings  --max_inlined_bytecode_size_cumulative=500', true],
    ['in NODE_OPTIONS, quoted', budget, [], '"--max-inlined-bytecode-size-cumulative=500"', true],
    ['a different budget (per function, not cumulative)', budget, ['--max-inlined-bytecode-size=500'], '--max_inlined_bytecode_size=500', false],
    ['background compiling asked for', concurrent, ['--concurrent-recompilation'], undefined, true],
    ['background compiling turned off, with underscores', concurrent, ['--no_concurrent_recompilation'], undefined, true],
    ['background compiling turned off in NODE_OPTIONS', concurrent, [], '--no-concurrent-recompilation', true],
    ['a flag whose name only starts the same', concurrent, ['--concurrent-recompilation-queue-length=8'], undefined, false],
  ];
  it.each(cases)('%s', (_name, flag, execArgv, nodeOptions, given) => {
    expect(v8FlagGiven(flag, execArgv, nodeOptions)).toBe(given);
  });
});

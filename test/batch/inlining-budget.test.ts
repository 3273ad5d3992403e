import { describe, expect, it } from 'vitest';
import { inliningBudgetGiven } from '../../src/edges/pool/index.ts';

// slant's worker pools (batch, server, queue workers) lower V8's inlining budget to 300 unless the user set one: a value they chose must not be
// silently replaced, however they spelled it or wherever they put it.
describe('a user-given inlining budget', () => {
  const cases: Array<[string, string[], string | undefined, boolean]> = [
    ['none given', [], undefined, false],
    ['other flags only', ['--max-old-space-size=4096', '--no-warnings'], '--max-old-space-size=2048', false],
    ['on the command line with dashes', ['--max-inlined-bytecode-size-cumulative=500'], undefined, true],
    ['on the command line with underscores', ['--max_inlined_bytecode_size_cumulative=500'], undefined, true],
    ['with its value as the next argument', ['--max-inlined-bytecode-size-cumulative', '500'], undefined, true],
    ['with the two spellings mixed', ['--max_inlined-bytecode_size-cumulative=500'], undefined, true],
    ['in NODE_OPTIONS', [], '--max-inlined-bytecode-size-cumulative=500', true],
    ['in NODE_OPTIONS with underscores, among others', [], '--no-warnings  --max_inlined_bytecode_size_cumulative=500', true],
    ['in NODE_OPTIONS, quoted', [], '"--max-inlined-bytecode-size-cumulative=500"', true],
    ['a different budget (per function, not cumulative)', ['--max-inlined-bytecode-size=500'], '--max_inlined_bytecode_size=500', false],
  ];
  it.each(cases)('%s', (_name, execArgv, nodeOptions, given) => {
    expect(inliningBudgetGiven(execArgv, nodeOptions)).toBe(given);
  });
});

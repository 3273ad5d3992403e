import { defineConfig } from 'vitest/config';
import { PlainSummaryReporter } from './test/reporters/plain-summary.ts';

export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', new PlainSummaryReporter()],
  },
});

// vitest finds its configuration through the default export.
export default config;

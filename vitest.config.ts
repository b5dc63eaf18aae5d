import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/slow-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Chooses (or starts) the PostgreSQL server for the whole run.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: test files run in forked workers, two at a time.
    pool: 'forks',
    maxWorkers: 2,
    // Files that mostly wait start first (a fresh checkout has no timings to order by).
    sequence: { sequencer: SlowFirstSequencer },
  },
});

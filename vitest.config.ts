import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/slow-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Chooses (or starts) the PostgreSQL server for the whole run.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files run in forked workers, three at a time on two cores: much of the run is
    // waiting (connector processes starting and being killed, leases and timeouts running
    // out, a browser), and a third file uses the CPU meanwhile.
    pool: 'forks',
    maxWorkers: 3,
    // Files that mostly wait start first (a fresh checkout has no timings to order by).
    sequence: { sequencer: SlowFirstSequencer },
  },
});

import { defineConfig } from 'vitest/config';

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
  },
});

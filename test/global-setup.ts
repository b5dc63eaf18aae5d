/**
 * Once per `vitest run`, before any test file: choose the PostgreSQL server of the run
 * (test/helpers/postgres-server.ts) and hand its URL to every worker through the
 * environment they inherit; stop an embedded server after the last file.
 */
import { startTestPostgres } from './helpers/postgres-server.js';

export default async function setup(): Promise<() => Promise<void>> {
  const pg = await startTestPostgres((msg) => console.log(`[test setup] ${msg}`));
  process.env.BATON_TEST_DATABASE_URL = pg.url;
  console.log(`[test setup] PostgreSQL tests use ${pg.source === 'embedded' ? 'an embedded server' : `the ${pg.source}`}`);
  return () => pg.stop();
}

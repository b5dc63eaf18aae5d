/** Shared start-up for CLI commands: config from the environment, a logger, a store. */
import { loadConfig, type Config } from '../config/load.js';
import { createLogger, type Logger } from '../logger.js';
import { openStore, type Store } from '../store/db.js';

export function configFromEnv(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig({ ...process.env, ...overrides });
}

export function cliLogger(level?: string): Logger {
  return createLogger({ level: level ?? process.env.LOG_LEVEL ?? 'info' });
}

/** Store commands need no webhook secret, only where the data lives. */
export function storeFromEnv(): Store {
  return openStore({ databaseUrl: process.env.DATABASE_URL || undefined, sqlitePath: process.env.BATON_SQLITE_PATH || './data/baton.db' });
}

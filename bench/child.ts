/**
 * A server in its own process (its own core, as in production), for the load benches:
 * BENCH_SERVER=floor starts the bare signature-checking endpoint (floor.ts), anything else a
 * Baton connector configured from the environment (BENCH_WORKER=on runs its job worker).
 * Prints {"url": ...} on its first line; stops on SIGTERM.
 */
import { loadConfig } from '../connector/src/config/load.js';
import { createConnector } from '../connector/src/connector.js';
import { silentLogger } from '../connector/src/logger.js';
import { createLocalTriage, loadPolicy } from '../connector/src/triage/index.js';
import { startFloor } from './floor.js';

if (process.env.BENCH_SERVER === 'floor') {
  const floor = await startFloor(process.env.BATON_WEBHOOK_SECRET ?? '');
  console.log(JSON.stringify({ url: floor.url }));
  process.once('SIGTERM', () => void floor.stop().then(() => process.exit(0)));
} else {
  const policy = loadPolicy();
  const connector = await createConnector({ config: loadConfig(process.env), log: silentLogger, policy, triage: createLocalTriage(policy), runWorker: process.env.BENCH_WORKER === 'on' });
  const url = await connector.start(0, '127.0.0.1');
  console.log(JSON.stringify({ url }));
  process.once('SIGTERM', () => void connector.stop().then(() => process.exit(0)));
}
